import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FacePlatform } from '../../types/account'
import type { FaceOutcome } from '../../types/platform-sim'
import { qaEndpoints } from '../../types/qa'
import { api, ApiError, setApiBase, setSessionToken } from '../../src/api'
import { makeIdNumber } from '../../mock-server/scenarios'
import { platform as h5 } from '../../src/platform/platform.h5'
import { startMock } from '../support/servers'
import { clientAgainstMock } from './support/client-mock'

/**
 * Face login and recovery by face (issue 12), through the app's own client against the mock server, on each
 * platform's server-side flow: WeChat (code2Session → getVerifyId → queryVerifyInfo), Alipay (certify initialize →
 * query) and the H5 simulation. Outcomes come only from the QA API.
 */
describe('face verification API', () => {
  // Every face start takes a captcha: this suite asks for one a second or more from one address, past the default
  // per-client limit (core/rate-limit.ts; tests/api/rate-limits.test.ts tests the limit itself).
  const mock = clientAgainstMock({ rateLimits: { captcha: { limit: 100_000, windowMs: 60_000 } } })
  let seq = 300
  const nextId = () => makeIdNumber('110105', '19900101', String(seq++).padStart(3, '0'))

  beforeEach(async () => {
    setSessionToken(null)
    await mock.qaApi('simFace', { outcome: 'pending' })
    await mock.qaApi('resetFaceRateLimits')
  })

  const outcome = (o: FaceOutcome) => mock.qaApi('simFace', { outcome: o })

  const fail = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('expected the call to fail')
      },
      (e: unknown) => e as ApiError,
    )

  async function captcha(): Promise<{ captchaId: string; captchaCode: string }> {
    const c = await api.captcha()
    const last = await mock.qaApi('lastCaptcha')
    return { captchaId: c.captchaId, captchaCode: last.answer }
  }

  /** A wx.login code as the WeChat client would hand one out (the mock accepts each once). */
  const loginCode = () => crypto.randomBytes(16).toString('hex')

  async function candidate() {
    const c = { username: `face${seq}`, password: 'Face#2026x', name: '林·语', idNumber: nextId() }
    await mock.qaApi('createCandidate', c)
    return c
  }

  async function start(
    platform: FacePlatform,
    who: { name: string; idNumber: string },
    purpose: 'login' | 'recover' = 'login',
  ) {
    const input = {
      name: who.name,
      idNumber: who.idNumber,
      platform,
      ...(platform === 'weapp' ? { loginCode: loginCode() } : {}),
      ...(await captcha()),
    }
    return purpose === 'login' ? api.faceLoginStart(input) : api.recoverFaceStart(input)
  }

  const finishLogin = (verifyId: string, who: { name: string; idNumber: string }) =>
    api.faceLoginFinish({ verifyId, name: who.name, idNumber: who.idNumber })

  describe.each(['weapp', 'alipay', 'h5'] as const)('on %s', (platform) => {
    test('pass: the server asks the platform, then issues a session; the verification is single-use', async () => {
      const c = await candidate()
      const { verifyId } = await start(platform, c)
      await outcome('pass')
      const session = await finishLogin(verifyId, c)
      expect(session.account.username).toBe(c.username)
      const reused = await fail(finishLogin(verifyId, c))
      expect(reused.code).toBe('FACE_VERIFY_EXPIRED')
    })

    test('asked for a session before the platform has a result: 409 pending, not used up', async () => {
      const c = await candidate()
      const { verifyId } = await start(platform, c)
      const early = await fail(finishLogin(verifyId, c))
      expect(early.status).toBe(409)
      expect(early.code).toBe('FACE_VERIFY_PENDING')
      await outcome('pass')
      expect((await finishLogin(verifyId, c)).token).toBeTruthy()
    })

    test.each([
      ['fail', 'FACE_VERIFY_FAILED'],
      ['cancel', 'FACE_VERIFY_CANCELLED'],
      ['expired', 'FACE_VERIFY_EXPIRED'],
      ['unsupported', 'FACE_VERIFY_UNSUPPORTED'],
    ] as const)('%s: no session, a 400 %s, and the verification is used up', async (o, code) => {
      const c = await candidate()
      const { verifyId } = await start(platform, c)
      await outcome(o)
      const err = await fail(finishLogin(verifyId, c))
      expect(err.status).toBe(400)
      expect(err.code).toBe(code)
      if (o === 'fail') expect(err.message).toContain('未通过')
      await outcome('pass')
      expect((await fail(finishLogin(verifyId, c))).code).toBe('FACE_VERIFY_EXPIRED')
    })

    test("another candidate's verifyId is refused and stays theirs", async () => {
      const a = await candidate()
      const b = await candidate()
      const theirs = await start(platform, b)
      await outcome('pass')
      const err = await fail(finishLogin(theirs.verifyId, a))
      expect(err.code).toBe('FACE_VERIFY_EXPIRED')
      expect((await finishLogin(theirs.verifyId, b)).account.username).toBe(b.username)
    })

    test('a verification opened for recovery cannot log in, and one for login cannot reset a password', async () => {
      const c = await candidate()
      await outcome('pass')
      const forRecovery = await start(platform, c, 'recover')
      expect((await fail(finishLogin(forRecovery.verifyId, c))).code).toBe('FACE_VERIFY_EXPIRED')
      const forLogin = await start(platform, c)
      const err = await fail(api.recoverFaceFinish({ verifyId: forLogin.verifyId, ...pick(c) }))
      expect(err.code).toBe('FACE_VERIFY_EXPIRED')
    })

    test('recovery by face: pass → reset token → new password, which ends the lockout and old sessions', async () => {
      const c = await candidate()
      const old = await api.loginPassword({ username: c.username, password: c.password, ...(await captcha()) })
      for (let i = 0; i < 5; i++) {
        await fail(api.loginPassword({ username: c.username, password: 'Wrong#1234', ...(await captcha()) }))
      }
      const { verifyId } = await start(platform, c, 'recover')
      await outcome('pass')
      const { resetToken } = await api.recoverFaceFinish({ verifyId, ...pick(c) })
      await api.resetPassword(resetToken, 'Face#Reset99')
      const again = await api.loginPassword({ username: c.username, password: 'Face#Reset99', ...(await captcha()) })
      expect(again.token).toBeTruthy()
      setSessionToken(old.token)
      expect((await fail(api.me())).code).toBe('SESSION_EXPIRED')
    })

    test('recovery by face: a failed verification gives no token', async () => {
      const c = await candidate()
      const { verifyId } = await start(platform, c, 'recover')
      await outcome('fail')
      expect((await fail(api.recoverFaceFinish({ verifyId, ...pick(c) }))).code).toBe('FACE_VERIFY_FAILED')
    })

    test('start answers the same for a name and ID number with no account; only a confirmed pass learns it', async () => {
      const c = await candidate()
      const known = await start(platform, c)
      const nobody = { name: '无此人', idNumber: nextId() }
      const unknown = await start(platform, nobody)
      expect(Object.keys(unknown).sort()).toEqual(Object.keys(known).sort())
      await outcome('pass')
      const err = await fail(finishLogin(unknown.verifyId, nobody))
      expect(err.code).toBe('IDENTITY_MISMATCH')
    })

    test('a verifyId lives one hour', async () => {
      const c = await candidate()
      const { verifyId, expiresAt } = await start(platform, c)
      const lifetime = Date.parse(expiresAt) - Date.now()
      expect(lifetime).toBeGreaterThan(59 * 60 * 1000)
      expect(lifetime).toBeLessThanOrEqual(60 * 60 * 1000)
      await outcome('pass')
      await mock.qaApi('setClock', { advanceMs: 61 * 60 * 1000 })
      try {
        expect((await fail(finishLogin(verifyId, c))).code).toBe('FACE_VERIFY_EXPIRED')
      } finally {
        await mock.qaApi('setClock', { real: true })
      }
    })
  })

  test.each([
    ['login', api.faceLoginStart],
    ['recovery', api.recoverFaceStart],
  ] as const)('%s start needs a captcha, checked first and used up', async (_purpose, startFace) => {
    const c = await candidate()
    const bad = await fail(startFace({ ...pick(c), platform: 'h5', captchaId: 'nope', captchaCode: 'abcd' }))
    expect(bad.code).toBe('CAPTCHA_EXPIRED')
    const wrong = await captcha()
    const mistyped = await fail(startFace({ ...pick(c), platform: 'h5', ...wrong, captchaCode: 'zzzz' }))
    expect(mistyped.code).toMatch(/^CAPTCHA_/)
    const once = await captcha()
    await startFace({ ...pick(c), platform: 'h5', ...once })
    const twice = await fail(startFace({ ...pick(c), platform: 'h5', ...once }))
    expect(twice.code).toBe('CAPTCHA_EXPIRED')
    const missing = await fail(
      startFace({ ...pick(c), platform: 'h5' } as unknown as Parameters<typeof api.faceLoginStart>[0]),
    )
    expect(missing.code).toBe('VALIDATION_FAILED')
  })

  test('WeChat: the login code is exchanged once (code2Session); a missing or reused code is refused', async () => {
    const c = await candidate()
    const code = loginCode()
    await api.faceLoginStart({ ...pick(c), platform: 'weapp', loginCode: code, ...(await captcha()) })
    const reused = await fail(
      api.faceLoginStart({ ...pick(c), platform: 'weapp', loginCode: code, ...(await captcha()) }),
    )
    expect(reused.code).toBe('PLATFORM_CODE_INVALID')
    const missing = await fail(api.faceLoginStart({ ...pick(c), platform: 'weapp', ...(await captcha()) }))
    expect(missing.code).toBe('PLATFORM_CODE_INVALID')
  })

  test('Alipay: the answer carries the certification url, keyed by the certifyId alone (no personal data)', async () => {
    const c = await candidate()
    const { verifyId, certifyUrl } = await start('alipay', c)
    expect(certifyUrl).toContain('alipay.user.certify.open.certify')
    expect(decodeURIComponent(certifyUrl ?? '')).toContain(verifyId)
    expect(decodeURIComponent(certifyUrl ?? '')).not.toContain(c.idNumber)
    expect(decodeURIComponent(certifyUrl ?? '')).not.toContain(c.name)
  })

  test('H5: the simulated face screen tells the page what the candidate did', async () => {
    const c = await candidate()
    const { verifyId } = await start('h5', c)
    await outcome('cancel')
    expect((await api.simFaceRun(verifyId)).outcome).toBe('cancel')
    // The scan is done: a later QA setting does not change it.
    await outcome('pass')
    expect((await fail(finishLogin(verifyId, c))).code).toBe('FACE_VERIFY_CANCELLED')
    expect((await fail(api.simFaceRun('sim_unknown'))).status).toBe(404)
  })

  test('the H5 platform module reads the simulated screen: cancel and unsupported end on the phone', async () => {
    const c = await candidate()
    for (const [o, expected] of [
      ['cancel', 'cancel'],
      ['unsupported', 'unsupported'],
      ['fail', 'fail'],
      ['expired', 'pass'],
      ['pass', 'pass'],
    ] as const) {
      await mock.qaApi('resetFaceRateLimits')
      const { verifyId } = await start('h5', c)
      await outcome(o)
      expect({ o, result: await h5.verifyFace({ verifyId }) }).toEqual({ o, result: expected })
    }
    expect(await h5.faceStartContext()).toEqual({ platform: 'h5' })
  })

  test('starts are limited per ID number (5 per 30 min), with or without an account behind it', async () => {
    for (const who of [await candidate(), { name: '无此人', idNumber: nextId() }]) {
      for (let i = 0; i < 5; i++) await start('h5', who)
      const err = await fail(start('h5', who))
      expect(err.status).toBe(429)
      expect(err.code).toBe('RATE_LIMITED')
      expect(Number(err.details.retryAfterSeconds)).toBeGreaterThan(0)
    }
  })

  test('starts are limited per client (20 per 30 min) across ID numbers', async () => {
    for (let i = 0; i < 20; i++) await start('h5', { name: '路人', idNumber: nextId() })
    const err = await fail(start('h5', { name: '路人', idNumber: nextId() }))
    expect(err.code).toBe('RATE_LIMITED')
  })
})

describe('face verification across a restart (--data)', () => {
  test('an open WeChat verification, its used login code and the rate-limit counts survive a restart', async () => {
    const file = path.join(os.tmpdir(), `face-restart-${process.pid}-${Date.now()}.json`)
    const c = { username: 'facedata01', password: 'Face#2026x', name: '林·语', idNumber: nextIdFor('998') }
    const code = crypto.randomBytes(16).toString('hex')
    let first: Awaited<ReturnType<typeof startMock>> | undefined
    let second: Awaited<ReturnType<typeof startMock>> | undefined
    try {
      first = await startMock({ dataFile: file })
      setApiBase(first.url)
      await first.qaApi('createCandidate', c)
      const solved = async (m: Awaited<ReturnType<typeof startMock>>) => {
        const { captchaId } = await api.captcha()
        const { answer } = await m.qaApi('lastCaptcha')
        return { captchaId, captchaCode: answer }
      }
      const { verifyId } = await api.faceLoginStart({
        ...pick(c),
        platform: 'weapp',
        loginCode: code,
        ...(await solved(first)),
      })
      for (let i = 0; i < 3; i++) await api.faceLoginStart({ ...pick(c), platform: 'h5', ...(await solved(first)) })
      await first.close()
      first = undefined

      second = await startMock({ dataFile: file })
      setApiBase(second.url)
      await second.qaApi('simFace', { outcome: 'pass' })
      const session = await api.faceLoginFinish({ verifyId, ...pick(c) })
      expect(session.account.username).toBe(c.username)
      const refused = (input: Parameters<typeof api.faceLoginStart>[0]) =>
        api.faceLoginStart(input).then(
          () => null,
          (e: unknown) => (e as ApiError).code,
        )
      // The fifth start: WeChat still knows the code was used before the restart.
      expect(await refused({ ...pick(c), platform: 'weapp', loginCode: code, ...(await solved(second)) })).toBe(
        'PLATFORM_CODE_INVALID',
      )
      // The sixth start for this ID number: the limit counted the ones before the restart.
      expect(await refused({ ...pick(c), platform: 'h5', ...(await solved(second)) })).toBe('RATE_LIMITED')
    } finally {
      await first?.close()
      await second?.close()
      fs.rmSync(file, { force: true })
    }
  })
})

describe('a pass recorded with QA is not honoured by a server restarted without it', () => {
  test.each(['h5', 'weapp', 'alipay'] as const)('%s: the finish stays pending, no session', async (platform) => {
    const file = path.join(os.tmpdir(), `face-noqa-${platform}-${process.pid}-${Date.now()}.json`)
    const c = { username: `faceqa${platform}`, password: 'Face#2026x', name: '林·语', idNumber: nextIdFor('997') }
    let first: Awaited<ReturnType<typeof startMock>> | undefined
    let second: Awaited<ReturnType<typeof startMock>> | undefined
    try {
      first = await startMock({ dataFile: file })
      setApiBase(first.url)
      await first.qaApi('createCandidate', c)
      const { captchaId } = await api.captcha()
      const { answer } = await first.qaApi('lastCaptcha')
      const { verifyId } = await api.faceLoginStart({
        ...pick(c),
        platform,
        ...(platform === 'weapp' ? { loginCode: crypto.randomBytes(16).toString('hex') } : {}),
        captchaId,
        captchaCode: answer,
      })
      await first.qaApi('simFace', { outcome: 'pass' })
      // The scan is recorded under QA (the simulated camera screen takes any platform's verification).
      expect((await api.simFaceRun(verifyId)).outcome).toBe('pass')
      await first.close()
      first = undefined

      second = await startMock({ dataFile: file, qa: false })
      setApiBase(second.url)
      const refused = await api.faceLoginFinish({ verifyId, ...pick(c) }).then(
        () => null,
        (e: unknown) => e as ApiError,
      )
      expect(refused?.status).toBe(409)
      expect(refused?.code).toBe('FACE_VERIFY_PENDING')
    } finally {
      await first?.close()
      await second?.close()
      fs.rmSync(file, { force: true })
    }
  })
})

describe('face verification without the QA API', () => {
  let mock: Awaited<ReturnType<typeof startMock>>
  beforeAll(async () => {
    mock = await startMock({ qa: false })
    setApiBase(mock.url)
  })
  afterAll(() => mock.close())

  const post = (path: string, body: unknown = {}) =>
    fetch(`${mock.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })

  test('every simulation route answers 404', async () => {
    const { endpoints } = await import('../../types/api')
    const simPaths = Object.values(endpoints)
      .map((e) => e.path)
      .filter((p) => p.startsWith('/api/sim/'))
    expect(simPaths.length).toBeGreaterThanOrEqual(3)
    for (const path of simPaths) {
      const res = await post(path.replace(/:(\w+)/g, 'x-1'), { templateIds: ['t'] })
      expect({ path, status: res.status }).toEqual({ path, status: 404 })
    }
    const qaPaths = (['simFace', 'resetFaceRateLimits', 'simPay', 'setClock'] as const).map((n) => qaEndpoints[n].path)
    for (const path of qaPaths) {
      const res = await post(path, { outcome: 'pass' })
      expect({ path, status: res.status }).toEqual({ path, status: 404 })
    }
  })

  test('the H5 platform module reports no face verification on such a server', async () => {
    expect(await h5.verifyFace({ verifyId: 'sim_any' })).toBe('unsupported')
  })

  test('no face verification ever passes: the platforms have no result without QA', async () => {
    const store = mock.app.store
    const c = { name: '林·语', idNumber: makeIdNumber('110105', '19900101', '999') }
    const answer = async () => {
      const { captchaId } = await api.captcha()
      const captchas = store.state.captchas as unknown as
        Map<string, { answer: string }> | Record<string, { answer: string }>
      const captchaCode = captchas instanceof Map ? captchas.get(captchaId)?.answer : captchas[captchaId]?.answer
      return { captchaId, captchaCode: captchaCode ?? '' }
    }
    for (const platform of ['weapp', 'alipay', 'h5'] as const) {
      const opened = await api.faceLoginStart({
        ...c,
        platform,
        ...(platform === 'weapp' ? { loginCode: crypto.randomBytes(16).toString('hex') } : {}),
        ...(await answer()),
      })
      const err = await api.faceLoginFinish({ verifyId: opened.verifyId, ...c }).then(
        () => null,
        (e: unknown) => e as ApiError,
      )
      expect(err?.code).toBe('FACE_VERIFY_PENDING')
    }
  })
})

function nextIdFor(serial: string) {
  return makeIdNumber('110105', '19900101', serial)
}

function pick(c: { name: string; idNumber: string }) {
  return { name: c.name, idNumber: c.idNumber }
}
