import fs from 'node:fs'
import { element, openPage, pageAt, tap, type, type MiniProgram, type Page } from './app'
import { qa } from './qa'

/**
 * A new candidate made through the QA API, then logged in through the login page (captcha answer from the QA API);
 * resolves with the hub page the login lands on.
 */
export async function logInNewCandidate(
  mp: MiniProgram,
  candidate: { username: string; password: string; name: string; idNumber: string },
): Promise<Page> {
  await qa('/__qa/candidates', candidate)
  const login = await openPage(mp, '/pages/login/index', '#login-page')
  await type(login, '#login-username', candidate.username)
  await type(login, '#login-password', candidate.password)
  await element(login, '#login-captcha-image')
  const { answer } = await qa<{ answer: string }>('/__qa/captcha/last')
  await type(login, '#login-captcha', answer)
  await tap(login, '#login-agree')
  await tap(login, '#login-submit')
  return pageAt(mp, 'pages/hub/index', 15000)
}

/**
 * The image the candidate "picks": a mocked chooseMedia that hands the app a real JPEG. It runs inside the app (the
 * SDK sends its source), so it uses nothing from this file. In the devtools it is written to the user data folder; in
 * a browser (the H5 bridge) it becomes a blob URL, which is what a picked file is there.
 */
function pickedImage(_options: unknown, base64: string, size: number) {
  const g = globalThis as unknown as {
    wx?: {
      env?: { USER_DATA_PATH?: string }
      getFileSystemManager?: () => { writeFileSync: (p: string, d: string, e: string) => void }
    }
    atob?: (s: string) => string
    Blob?: typeof Blob
    URL?: typeof URL
  }
  let filePath: string
  if (g.Blob && g.URL && g.atob && typeof document !== 'undefined') {
    const binary = g.atob(base64)
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    filePath = g.URL.createObjectURL(new g.Blob([bytes], { type: 'image/jpeg' }))
  } else {
    filePath = `${g.wx?.env?.USER_DATA_PATH}/qa-picked-${Date.now()}.jpg`
    g.wx?.getFileSystemManager?.().writeFileSync(filePath, base64, 'base64')
  }
  return { errMsg: 'chooseMedia:ok', type: 'image', tempFiles: [{ tempFilePath: filePath, size, fileType: 'image' }] }
}

/** Runs `action` (which makes the app pick an image) with chooseMedia answering `file`; restores it afterwards. */
export async function withPickedImage(mp: MiniProgram, file: string, action: () => Promise<void>): Promise<void> {
  const base64 = fs.readFileSync(file).toString('base64')
  await mp.mockWxMethod('chooseMedia', pickedImage, base64, Buffer.from(base64, 'base64').length)
  try {
    await action()
  } finally {
    await mp.restoreWxMethod('chooseMedia')
  }
}
