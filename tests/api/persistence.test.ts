import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { hashPassword } from '../../mock-server/features/account/passwords'
import { makeIdNumber } from '../../mock-server/scenarios'
import { makeJpeg } from '../support/photos'
import { startMock } from '../support/servers'

/** The `--data` file: Maps written as entry lists, and files written before the Maps still load. */
describe('persistence of Map state', () => {
  let dir: string
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mock-persist-'))
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  test('a file written before the Maps (plain objects) loads: account, session, lockout, flags, hub', async () => {
    const file = path.join(dir, 'state.json')
    const { salt, hash } = hashPassword('Abcdef12')
    const accountId = '5b0c7d1e-0000-4000-8000-000000000001'
    const later = new Date(Date.now() + 3600_000).toISOString()
    const old = {
      accounts: {
        [accountId]: {
          id: accountId,
          username: 'oldfile01',
          name: '张三',
          idType: 'resident-id',
          idNumber: makeIdNumber('110101', '19900307', '451'),
          passwordSalt: salt,
          passwordHash: hash,
          createdAt: '2026-01-01T00:00:00.000Z',
        },
      },
      sessions: { 'old-token-1': { token: 'old-token-1', accountId, expiresAt: later } },
      captchas: {},
      lastCaptchaId: null,
      idempotency: {},
      sim: { face: 'fail', pay: 'success', subscribe: 'accept' },
      accountFlows: {
        security: {},
        loginGuards: { [accountId]: { failures: 2, lockedUntil: null } },
        faceVerifications: {},
        questionRecoveries: {},
        resetTokens: {},
        qaApplicationData: { [accountId]: true },
      },
      profile: {
        byAccount: { [accountId]: { identity: 'failed', photo: null, records: [] } },
        bindings: { 'weapp-old': { accountId, platform: 'weapp', boundAt: '2026-01-02T00:00:00.000Z' } },
      },
    }
    // The JSON text also holds a captcha keyed "__proto__", as an old server could have written.
    const text = JSON.stringify(old).replace(
      '"captchas":{}',
      `"captchas":{"__proto__":{"id":"__proto__","answer":"abcd","expiresAt":"${later}"}}`,
    )
    fs.writeFileSync(file, text)

    const mock = await startMock({ dataFile: file })
    const auth = { authorization: 'Bearer old-token-1' }
    const me = await fetch(`${mock.url}/api/account/me`, { headers: auth })
    expect(me.status).toBe(200)
    expect(((await me.json()) as { username: string }).username).toBe('oldfile01')
    const guard = await mock.qaApi('loginGuard', { username: 'oldfile01' })
    expect(guard.failures).toBe(2)
    const cancel = await fetch(`${mock.url}/api/account/cancel-check`, { headers: auth })
    expect(((await cancel.json()) as { allowed: boolean }).allowed).toBe(false)
    const summary = (await (await fetch(`${mock.url}/api/profile/summary`, { headers: auth })).json()) as {
      basic: { identity: string }
      binding: { bound: boolean }
    }
    expect(summary.basic.identity).toBe('failed')
    expect(summary.binding.bound).toBe(true)
    expect(mock.app.store.state.captchas.get('__proto__')?.answer).toBe('abcd')
    expect(mock.app.store.state.sim.face).toBe('fail')
    expect(Object.keys(Object.prototype)).toEqual([])

    // A write saves in this version's form: entry lists, which load again.
    await mock.qaApi('unlock', { username: 'oldfile01' })
    await mock.close()
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>
    expect(Array.isArray(saved.accounts)).toBe(true)
    expect(Array.isArray(saved.sessions)).toBe(true)
    const again = await startMock({ dataFile: file })
    expect((await fetch(`${again.url}/api/account/me`, { headers: auth })).status).toBe(200)
    expect(again.app.store.state.accountFlows.qaApplicationData.has(accountId)).toBe(true)
    expect(again.app.store.state.accountFlows.loginGuards.has(accountId)).toBe(false)
    await again.close()
  })

  test('a photo kept inside an old file moves beside the state and still shows; the state stays small', async () => {
    const file = path.join(dir, 'state.json')
    const photo = await makeJpeg({ width: 358, height: 441 })
    const { salt, hash } = hashPassword('Abcdef12')
    const id = 'acc-photo-1'
    const later = new Date(Date.now() + 3600_000).toISOString()
    fs.writeFileSync(
      file,
      JSON.stringify({
        accounts: {
          [id]: {
            id,
            username: 'photo001',
            name: '张三',
            idType: 'resident-id',
            idNumber: makeIdNumber('110101', '19900307', '452'),
            passwordSalt: salt,
            passwordHash: hash,
            createdAt: '2026-01-01T00:00:00.000Z',
          },
        },
        sessions: { 'tok-photo': { token: 'tok-photo', accountId: id, expiresAt: later } },
        profile: {
          byAccount: {
            [id]: {
              identity: 'passed',
              records: [],
              photo: {
                state: 'pending',
                reason: null,
                size: photo.length,
                width: 358,
                height: 441,
                uploadedAt: '2026-01-01T00:00:00.000Z',
                data: photo.toString('base64'),
              },
            },
          },
          bindings: {},
        },
      }),
    )
    const mock = await startMock({ dataFile: file })
    const auth = { authorization: 'Bearer tok-photo' }
    const info = (await (await fetch(`${mock.url}/api/profile/photo`, { headers: auth })).json()) as {
      imageUrl: string
    }
    const shown = Buffer.from(await (await fetch(`${mock.url}${info.imageUrl}`)).arrayBuffer())
    expect(shown.equals(photo)).toBe(true)
    await mock.qaApi('unlock', { username: 'photo001' })
    await mock.close()
    const text = fs.readFileSync(file, 'utf8')
    expect(text).not.toContain(photo.toString('base64').slice(0, 200))
    expect(text.length).toBeLessThan(5000)
    expect(fs.readdirSync(`${file}.blobs`)).toHaveLength(1)
  })

  test('a write that fails is never acknowledged (500 with the contract body), and the next one succeeds', async () => {
    const sub = path.join(dir, 'sub')
    const file = path.join(sub, 'state.json')
    const mock = await startMock({ dataFile: file })
    const candidate = (username: string) =>
      mock.qaApi.reply('createCandidate', {
        username,
        password: 'Abcdef12',
        name: '张三',
        idNumber: makeIdNumber('110101', '19900307', '459'),
      })
    expect((await candidate('fails001')).status).toBe(201)
    // The state's directory becomes a file: the next write cannot happen.
    fs.rmSync(sub, { recursive: true })
    fs.writeFileSync(sub, 'not a directory')
    const refused = await candidate('fails002')
    expect(refused.status).toBe(500)
    expect((refused.body as { error: { code: string } }).error.code).toBe('INTERNAL')
    // The disk is back: the next change is written, with everything before it.
    fs.rmSync(sub)
    expect((await candidate('fails003')).status).toBe(201)
    await mock.close()
    const again = await startMock({ dataFile: file })
    for (const username of ['fails001', 'fails002', 'fails003']) {
      expect((await again.qaApi.reply('candidate', { username })).status).toBe(200)
    }
    await again.close()
  })

  test('keys named after Object.prototype members round-trip as data', async () => {
    const file = path.join(dir, 'state.json')
    const first = await startMock({ dataFile: file })
    const expiresAt = new Date(Date.now() + 60_000).toISOString()
    for (const id of ['__proto__', 'constructor', 'toString']) {
      first.app.store.state.captchas.set(id, { id, answer: `a-${id}`, expiresAt })
    }
    first.app.store.save()
    await first.close()

    const second = await startMock({ dataFile: file })
    for (const id of ['__proto__', 'constructor', 'toString']) {
      expect(second.app.store.state.captchas.get(id)?.answer).toBe(`a-${id}`)
    }
    expect(second.app.store.state.captchas.size).toBe(3)
    expect(Object.keys(Object.prototype)).toEqual([])
    await second.close()
  })
})
