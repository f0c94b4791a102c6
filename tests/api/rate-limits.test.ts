import { RateLimiter, DEFAULT_RATE_LIMITS } from '../../mock-server/core/rate-limit'
import { startMock, type RunningMock } from '../support/servers'
import { bearer, expectContractError, nextIdNumber, registerCandidate, send, solvedCaptcha } from './support/candidates'

/**
 * Per-client rate limits (issue 20) on captcha issuance, the public certificate check and face starts: over the
 * limit, 429 RATE_LIMITED with Retry-After and the contract's body (code, Chinese message, retryAfterSeconds). A
 * client is the candidate of a valid session, else the address.
 */
type Answer = { status: number; headers: Headers; body: unknown }

function expectLimited(res: Answer): number {
  expectContractError(res, 429)
  const error = (res.body as { error: { code: string; details: { retryAfterSeconds: number } } }).error
  expect(error.code).toBe('RATE_LIMITED')
  const header = Number(res.headers.get('retry-after'))
  expect(header).toBeGreaterThan(0)
  expect(header).toBe(error.details.retryAfterSeconds)
  return header
}

describe('rate limits per client', () => {
  describe('with the defaults', () => {
    let mock: RunningMock
    beforeAll(async () => {
      mock = await startMock()
    })
    afterAll(() => mock.close())

    test(`200 captchas at once from one address: ${DEFAULT_RATE_LIMITS.captcha.limit} issued, the rest 429`, async () => {
      const answers = await Promise.all(Array.from({ length: 200 }, () => send(mock, 'GET', '/api/captcha')))
      // Past the limit, 429. Within it, a captcha is drawn, or the captcha gate (the login waiting room's, after the
      // limit) tells part of a crowd this size to come back (503 LOGIN_QUEUE): not what this test counts.
      const gated = (a: Answer) =>
        a.status === 503 && (a.body as { error?: { code?: string } }).error?.code === 'LOGIN_QUEUE'
      const ok = answers.filter((a) => a.status === 200 || gated(a))
      expect(ok).toHaveLength(DEFAULT_RATE_LIMITS.captcha.limit)
      const refused = answers.filter((a) => a.status === 429)
      expect(refused).toHaveLength(200 - DEFAULT_RATE_LIMITS.captcha.limit)
      for (const r of refused) expect(expectLimited(r)).toBeLessThanOrEqual(60)
      // The figures QA reads (serverLoad): the most one client was let through in a window, and the refusals.
      const { rateLimits } = await mock.qaApi('serverLoad')
      expect(rateLimits.captcha).toMatchObject({ limit: DEFAULT_RATE_LIMITS.captcha.limit, refused: 100 })
      expect(rateLimits.captcha.peak).toBe(DEFAULT_RATE_LIMITS.captcha.limit)
      // QA's reset forgets the counts, not the figures: a whole run is measured.
      await mock.qaApi('reset')
      expect((await send(mock, 'GET', '/api/captcha')).status).toBe(200)
      expect((await mock.qaApi('serverLoad')).rateLimits.captcha.refused).toBe(100)
      await mock.qaApi('resetServerLoad')
      expect((await mock.qaApi('serverLoad')).rateLimits.captcha).toMatchObject({ peak: 0, refused: 0 })
    }, 60_000)

    test(`300 certificate checks from one address: ${DEFAULT_RATE_LIMITS.certificateCheck.limit} answered, the rest 429`, async () => {
      const answers = await Promise.all(
        Array.from({ length: 300 }, (_, i) =>
          send(mock, 'GET', `/api/results/verify/2026${String(i).padStart(10, '0')}`),
        ),
      )
      expect(answers.filter((a) => a.status === 200)).toHaveLength(DEFAULT_RATE_LIMITS.certificateCheck.limit)
      for (const r of answers.filter((a) => a.status !== 200)) expectLimited(r)
    }, 60_000)

    test('a face start over the limit says how long to wait in Retry-After', async () => {
      // The captchas it needs count apart from the tests above (QA reset forgets the rate counts).
      await mock.qaApi('reset')
      await mock.qaApi('resetFaceRateLimits')
      const who = { name: '限流', idNumber: nextIdNumber(), platform: 'h5' }
      for (let i = 0; i < 5; i++) {
        const res = await send(mock, 'POST', '/api/account/face-login/start', {
          ...who,
          ...(await solvedCaptcha(mock)),
        })
        expect(res.status).toBe(200)
      }
      const over = await send(mock, 'POST', '/api/account/face-login/start', { ...who, ...(await solvedCaptcha(mock)) })
      expect(expectLimited(over)).toBeGreaterThan(60)
    })
  })

  describe('configured for the test (buildMockServer rateLimits)', () => {
    let mock: RunningMock
    beforeAll(async () => {
      mock = await startMock({
        rateLimits: { captcha: { limit: 3, windowMs: 60_000 }, certificateCheck: { limit: 2, windowMs: 60_000 } },
      })
    })
    afterAll(() => mock.close())

    test('a candidate with a session counts apart from their address; QA reset clears the counts', async () => {
      await mock.qaApi('reset')
      // The registration takes one captcha of the address's three.
      const c = await registerCandidate(mock)
      for (let i = 0; i < 2; i++) expect((await send(mock, 'GET', '/api/captcha')).status).toBe(200)
      expectLimited(await send(mock, 'GET', '/api/captcha'))
      // The logged-in candidate is a client of their own.
      for (let i = 0; i < 3; i++)
        expect((await send(mock, 'GET', '/api/captcha', undefined, bearer(c.token))).status).toBe(200)
      expectLimited(await send(mock, 'GET', '/api/captcha', undefined, bearer(c.token)))
      // A forged session is just the address.
      expectLimited(await send(mock, 'GET', '/api/captcha', undefined, bearer('forged-token')))

      for (let i = 0; i < 2; i++)
        expect((await send(mock, 'GET', '/api/results/verify/20260000000001')).status).toBe(200)
      expectLimited(await send(mock, 'GET', '/api/results/verify/20260000000001'))

      await mock.qaApi('reset')
      expect((await send(mock, 'GET', '/api/captcha')).status).toBe(200)
      expect((await send(mock, 'GET', '/api/results/verify/20260000000001')).status).toBe(200)
    })
  })

  describe('windows run on real time, never on the QA clock', () => {
    const WINDOW_MS = 2000
    let mock: RunningMock
    beforeAll(async () => {
      mock = await startMock({ rateLimits: { captcha: { limit: 3, windowMs: WINDOW_MS } } })
    })
    afterAll(() => mock.close())
    beforeEach(() => mock.qaApi('reset'))
    afterEach(() => mock.qaApi('setClock', { real: true }))

    const captchas = (n: number) => Promise.all(Array.from({ length: n }, () => send(mock, 'GET', '/api/captcha')))

    test('the QA clock moved a day forward and back leaves no window ending a day ahead', async () => {
      await mock.qaApi('setClock', { advanceMs: 24 * 60 * 60 * 1000 })
      for (const a of await captchas(3)) expect(a.status).toBe(200)
      await mock.qaApi('setClock', { real: true })
      // Limited for what is left of the real window (at most its 2 s), not for a day.
      expect(expectLimited(await send(mock, 'GET', '/api/captcha'))).toBeLessThanOrEqual(WINDOW_MS / 1000)
      await new Promise((r) => setTimeout(r, WINDOW_MS + 100))
      expect((await send(mock, 'GET', '/api/captcha')).status).toBe(200)
    })

    test('moving the QA clock forward does not empty a window (no flood let through)', async () => {
      for (const a of await captchas(3)) expect(a.status).toBe(200)
      await mock.qaApi('setClock', { advanceMs: 60 * 60 * 1000 })
      expect(expectLimited(await send(mock, 'GET', '/api/captcha'))).toBeLessThanOrEqual(WINDOW_MS / 1000)
    })
  })

  test('a limiter remembers a bounded number of clients and forgets ended windows', () => {
    const limiter = new RateLimiter({ limit: 2, windowMs: 1000 }, 100)
    for (let i = 0; i < 10_000; i++) limiter.take(`ip:10.0.${i >> 8}.${i & 255}`, 0)
    expect(limiter.size).toBeLessThanOrEqual(100)
    expect(limiter.take('a', 0)).toBe(0)
    expect(limiter.take('a', 10)).toBe(0)
    expect(limiter.take('a', 20)).toBe(1)
    expect(limiter.take('a', 1000)).toBe(0) // a new window
  })
})
