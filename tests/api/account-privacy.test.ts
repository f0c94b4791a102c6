import * as passwords from '../../mock-server/features/account/passwords'
import sharp from 'sharp'
import { stateToJson } from '../../mock-server/core/persist'
import { startMock, type RunningMock } from '../support/servers'
import { makeJpeg } from '../support/photos'
import { postEducationRecord } from '../support/records'
import { bearer, login, registerCandidate, send, solvedCaptcha } from './support/candidates'

/** Whether an account exists stays unknown to a login; a cancelled candidate leaves nothing behind (issue 11). */
describe('account privacy', () => {
  let mock: RunningMock
  beforeAll(async () => {
    mock = await startMock()
  })
  afterAll(() => mock.close())

  const errorOf = (res: { body: unknown }) =>
    (res.body as { error: { code: string; message: string; fields?: object; details?: object } }).error

  test('an unknown username gets the same answers as a wrong password, lock included', async () => {
    const known = await registerCandidate(mock)
    const answers = async (username: string) => {
      const seen = []
      for (let i = 0; i < 5; i++) {
        const res = await login(mock, username, 'Wrong-pass1')
        const e = errorOf(res)
        seen.push({ status: res.status, code: e.code, message: e.message, fields: e.fields, details: e.details })
      }
      return seen
    }
    const forKnown = await answers(known.username)
    const forUnknown = await answers('nobody-here-42')
    expect(forUnknown).toEqual(forKnown)
    expect(forKnown[0]).toMatchObject({ status: 400, code: 'INVALID_CREDENTIALS', details: { remainingAttempts: 4 } })
    expect(forKnown[4]).toMatchObject({ status: 403, code: 'ACCOUNT_LOCKED' })
  })

  test('an unknown username costs the same scrypt work and about the same time', async () => {
    const known = await registerCandidate(mock)
    // Every password check is one scrypt (passwords.ts): count them.
    const spy = jest.spyOn(passwords, 'verifyPassword')
    const timeOf = async (username: string) => {
      const times: number[] = []
      const calls: number[] = []
      for (let i = 0; i < 3; i++) {
        // The captcha is fetched first: only the login itself is timed.
        const captcha = await solvedCaptcha(mock)
        spy.mockClear()
        const started = performance.now()
        await send(mock, 'POST', '/api/account/login', { username, password: `Wrong-pass${i}`, ...captcha })
        times.push(performance.now() - started)
        calls.push(spy.mock.calls.length)
      }
      return { median: times.sort((a, b) => a - b)[1], calls }
    }
    // Fresh names, so neither reaches the lock.
    const k = await timeOf(known.username)
    const u = await timeOf(`ghost-${Date.now()}`)
    spy.mockRestore()
    expect(u.calls).toEqual(k.calls)
    expect(k.calls[0]).toBeGreaterThan(0)
    // Generous bounds (the machine is shared); without the dummy hash the unknown name answers many times faster.
    expect(u.median).toBeGreaterThan(k.median / 3)
  })

  test('cancellation erases everything the candidate left; the same person can register and bind again', async () => {
    // Registered and logged in as the app does, with idempotency keys: those anonymous replies hold the name too.
    const c = await registerCandidate(mock, { name: '欧阳蔚然' }, { 'idempotency-key': 'register-erase-1' })
    const loggedIn = await login(mock, c.username, c.password, 'login-erase-1')
    expect(loggedIn.status).toBe(200)
    const auth = bearer(c.token)
    const me = mock.app.store.state
    const accountId = [...me.accounts.values()].find((a) => a.username === c.username)!.id
    // Leave traces everywhere: a photo, records, a binding, a login guard, a face verification, a reminder subscription.
    const photo = Buffer.concat([await makeJpeg({ width: 358, height: 441 }), Buffer.alloc(0)])
    const form = new FormData()
    form.append('photo', new Blob([new Uint8Array(await sharp(photo).jpeg({ quality: 100 }).toBuffer())]), 'p.jpg')
    await fetch(`${mock.url}/api/profile/photo`, { method: 'POST', headers: auth, body: form })
    expect((await postEducationRecord(mock.url, c.token, 'CERT-9001')).status).toBe(201)
    const device = 'h5-device-of-c-0001'
    expect((await send(mock, 'POST', '/api/profile/binding', { platform: 'h5', code: device }, auth)).status).toBe(200)
    await login(mock, c.username, 'Wrong-pass1')
    await send(mock, 'POST', '/api/account/face-login/start', { name: c.name, idNumber: c.idNumber })
    const subscription = { platform: 'h5', templateIds: ['sim-process-1'], outcome: 'accept' }
    expect((await send(mock, 'POST', '/api/reminders/subscriptions', subscription, auth)).status).toBe(200)

    const cancel = await send(
      mock,
      'POST',
      '/api/account/cancel',
      { confirm: true },
      { ...auth, 'idempotency-key': 'cancel-1' },
    )
    expect(cancel.status).toBe(200)
    const left = stateToJson(mock.app.store.state)
    expect(left).not.toContain(accountId)
    expect(left).not.toContain(c.username)
    expect(left).not.toContain(c.idNumber)
    expect(left).not.toContain(c.name)
    expect(left).not.toContain(c.token)
    expect(left).not.toContain((loggedIn.body as { token: string }).token)
    expect(left).not.toContain(device)
    expect((await send(mock, 'GET', '/api/account/me', undefined, auth)).status).toBe(401)

    // The same person registers again and binds their own platform account.
    const again = await registerCandidate(mock, { idNumber: c.idNumber, name: c.name })
    const bind = await send(mock, 'POST', '/api/profile/binding', { platform: 'h5', code: device }, bearer(again.token))
    expect(bind.status).toBe(200)
    expect((bind.body as { bound: boolean }).bound).toBe(true)
  })
})
