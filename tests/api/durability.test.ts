import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PHOTO_UPLOAD_PATH } from '../../types/profile'
import { makeIdNumber } from '../../mock-server/scenarios'
import { makeJpeg } from '../support/photos'
import { qaClient } from '../../scripts/lib/qa-client'
import { freePort } from '../support/servers'

const ROOT = path.join(__dirname, '..', '..')
const CANDIDATES = 8
/** Every server process started, so none outlives the test. */
const started: ChildProcess[] = []

/** The mock server as its own process (`npm run mock` without npm), so it can be killed with SIGKILL. */
async function startServer(dataFile: string, port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'mock-server/cli.ts', '--port', String(port), '--qa', '--quiet', '--data', dataFile],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  )
  started.push(child)
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += String(chunk)))
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`mock server exited: ${stderr}`)
    const up = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (up) return child
    await new Promise((r) => setTimeout(r, 200))
  }
  child.kill('SIGKILL')
  throw new Error(`mock server did not start: ${stderr}`)
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()))

/**
 * Issue 11 item 6: the state is written in batches off the request path, and an acknowledged write survives
 * SIGKILL. A stream of writes (records, photos) runs against a server process with --data; it is killed with
 * SIGKILL mid-stream; after a restart every write that was answered is there, and no temp file is left.
 */
describe('durability under SIGKILL', () => {
  let dir: string
  let child: ChildProcess
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mock-sigkill-'))
  })
  afterAll(async () => {
    for (const c of started) {
      if (c.exitCode !== null || c.signalCode !== null) continue
      c.kill('SIGTERM')
      await exited(c)
    }
    fs.rmSync(dir, { recursive: true, force: true })
  })

  test('every acknowledged write is there after kill -9 and a restart', async () => {
    const file = path.join(dir, 'state.json')
    const port = await freePort()
    child = await startServer(file, port)
    const url = `http://127.0.0.1:${port}`
    const qa = qaClient(url)

    const tokens: string[] = []
    for (let i = 0; i < CANDIDATES; i++) {
      await qa('createCandidate', {
        username: `kill${i}abc`,
        password: 'Abcdef12',
        name: '张三',
        idNumber: makeIdNumber('110101', '19900307', String(300 + i)),
      })
      tokens.push((await qa('createSession', { username: `kill${i}abc` })).token)
    }

    // What the server answered 2xx to, per candidate.
    const ackedRecords = tokens.map(() => new Set<string>())
    const ackedPhotos = new Map<number, Buffer>()
    let acked = 0
    let killed = false

    const addRecord = (i: number, kind: 'education' | 'degree', certificateNo: string) =>
      fetch(`${url}/api/profile/records/${kind}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i]}` },
        body: JSON.stringify({
          certificateNo,
          school: '首都医科大学',
          graduationDate: '2020-07-01',
          major: '护理学',
          level: kind === 'education' ? '本科' : '学士',
          studyMode: '全日制',
        }),
      })
    const uploadPhoto = (i: number, bytes: Buffer) => {
      const form = new FormData()
      form.append('photo', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'photo.jpg')
      return fetch(`${url}${PHOTO_UPLOAD_PATH}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[i]}` },
        body: form,
      })
    }
    const photos = await Promise.all(tokens.map(() => makeJpeg({ width: 358, height: 441 })))

    // Each candidate writes as fast as answers come: a photo, then up to 5 education and 5 degree records.
    const stream = tokens.map(async (_t, i) => {
      const writes: Array<() => Promise<void>> = [
        async () => {
          const res = await uploadPhoto(i, photos[i])
          if (res.ok) ackedPhotos.set(i, photos[i])
          else throw new Error(`photo ${res.status} ${await res.text()}`)
        },
      ]
      for (const kind of ['education', 'degree'] as const) {
        for (let n = 0; n < 5; n++) {
          const certificateNo = `${kind === 'education' ? 1 : 2}00${i}${n}2020${String(n).padStart(6, '0')}`
          writes.push(async () => {
            const res = await addRecord(i, kind, certificateNo)
            if (res.ok) ackedRecords[i].add(certificateNo)
            else throw new Error(`record ${res.status} ${await res.text()}`)
          })
        }
      }
      for (const write of writes) {
        if (killed) return
        try {
          await write()
          acked++
        } catch (err) {
          // After the kill, answers stop coming: those writes were never acknowledged.
          if (!killed) throw err
          return
        }
      }
    })
    // Kill in the middle of the stream.
    const killer = (async () => {
      while (acked < (CANDIDATES * 11) / 2) await new Promise((r) => setTimeout(r, 2))
      killed = true
      child!.kill('SIGKILL')
    })()
    await Promise.all([...stream, killer])
    await exited(child)
    expect(child.signalCode).toBe('SIGKILL')
    expect(acked).toBeGreaterThan(0)

    child = await startServer(file, port)
    const leftovers = [dir, `${file}.blobs`]
      .filter((d) => fs.existsSync(d))
      .flatMap((d) => fs.readdirSync(d))
      .filter((name) => name.endsWith('.tmp'))
    expect(leftovers).toEqual([])

    let found = 0
    for (let i = 0; i < CANDIDATES; i++) {
      const token = (await qa('createSession', { username: `kill${i}abc` })).token
      const auth = { authorization: `Bearer ${token}` }
      const kept = new Set<string>()
      for (const kind of ['education', 'degree']) {
        const list = (await (await fetch(`${url}/api/profile/records/${kind}`, { headers: auth })).json()) as {
          records: Array<{ certificateNo: string }>
        }
        for (const r of list.records) kept.add(r.certificateNo)
      }
      for (const certificateNo of ackedRecords[i]) expect(kept).toContain(certificateNo)
      found += ackedRecords[i].size
      const sent = ackedPhotos.get(i)
      if (sent) {
        const photo = (await (await fetch(`${url}/api/profile/photo`, { headers: auth })).json()) as {
          imageUrl: string
        }
        const bytes = Buffer.from(await (await fetch(`${url}${photo.imageUrl}`)).arrayBuffer())
        expect(bytes.equals(sent)).toBe(true)
        found++
      }
    }
    expect(found).toBe(acked)
  }, 180_000)
})
