import fs from 'node:fs'
import WebSocket from 'ws'
import type { PermissionEvent, PermissionScript } from '../../../tools/miniprogram-host/src/permissions'
import { waitUntil, withMocked, type MiniProgram } from './app'
import { wsEndpoint } from './env'

export type { PermissionEvent, PermissionScript }

/**
 * Scripts the mini-program host's permission model (what the candidate answers to a scope, the phone's own
 * permissions, WeChat's privacy popup, what they change in the settings) and answers what the platform showed so far.
 * `Host.permissions` is the host's, not the devtools' protocol: QA in the devtools refuses through mockWxMethod
 * instead (withAlbumRefused), so the specs that use this run on the host's targets only.
 */
export async function permissions(
  script: PermissionScript = {},
): Promise<{ authSetting: Record<string, boolean>; privacyAgreed: boolean; events: PermissionEvent[] }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsEndpoint())
    const timer = setTimeout(() => (ws.close(), reject(new Error('Host.permissions: no answer'))), 10_000)
    ws.once('error', (err) => (clearTimeout(timer), reject(err)))
    ws.once('open', () => ws.send(JSON.stringify({ id: 'perm', method: 'Host.permissions', params: script })))
    ws.on('message', (data) => {
      const reply = JSON.parse(String(data)) as { id?: string; result?: unknown; error?: { message?: string } }
      if (reply.id !== 'perm') return
      clearTimeout(timer)
      ws.close()
      if (reply.error) reject(new Error(`Host.permissions: ${reply.error.message ?? 'refused'}`))
      else resolve(reply.result as Awaited<ReturnType<typeof permissions>>)
    })
  })
}

/** Each platform's code for a scope the candidate refused: WeChat's "auth deny", Baidu 10003, Alipay 2001. */
export const SCOPE_REFUSED = { weapp: 'auth deny', swan: 10003, alipay: 2001 } as const

/** Resolves once the platform's settings page was opened (from a tap: the host refuses it otherwise). */
export async function settingsOpened(): Promise<void> {
  await waitUntil(
    'the settings page opened',
    async () => (await permissions()).events.some((e) => e.type === 'settings' && e.outcome === 'opened'),
    10000,
  )
}

// The devtools' wx inside a mock function (the host gives the same).
declare const wx: {
  env: { USER_DATA_PATH: string }
  getFileSystemManager(): { writeFileSync(path: string, data: string, encoding: string): void }
}

/** The chat file the candidate "picks": wx.chooseMessageFile's answer, a real file under the user data folder. */
function pickedFile(_options: unknown, base64: string, size: number, name: string) {
  const filePath = `${wx.env.USER_DATA_PATH}/qa-file-${Date.now()}-${name}`
  wx.getFileSystemManager().writeFileSync(filePath, base64, 'base64')
  return {
    errMsg: 'chooseMessageFile:ok',
    tempFiles: [{ path: filePath, size, name, type: 'file', time: Math.floor(Date.now() / 1000) }],
  }
}

/** Runs `action` with WeChat's chat-file picker answering `file` (a PDF); restores it afterwards. */
export async function withPickedFile(mp: MiniProgram, file: string, action: () => Promise<void>): Promise<void> {
  const bytes = fs.readFileSync(file)
  await withMocked(mp, 'chooseMessageFile', pickedFile, [bytes.toString('base64'), bytes.length, 'proof.pdf'], action)
}
