import * as v from 'valibot'
import { call, setApiBase, setSessionToken } from '../../src/api'
import { onRetryStatus, type RetryStatus } from '../../src/api/retry-status'
import { LoginQueueErrorBody } from '../../types/login-queue'
import { startMock, type RunningMock } from '../support/servers'
import { issuedCaptcha, nextIdNumber, registerCandidate, send, solvedCaptcha } from './support/candidates'
import { resetTaroStub } from '../support/taro-node'

/**
 * The login waiting room (issue 20, mock-server/features/account/login-queue.ts) against the real mock server: a
 * login the server cannot finish within the budget is answered at once with 503, Retry-After and the place in line;
 * the place is kept by the request's solved captcha (or recovery id, reset token); older tickets get in first; and the
 * app's client waits it out by itself.
 */
const PASSWORD = 'Abcdef12'
/** These tests ask for many captchas from one address: past the per-client limit (core/rate-limit.ts). */
const MANY = { captcha: { limit: 100_000, windowMs: 60_000 } }

type Raw = Awaited<ReturnType<typeof send>>

/** The 503 of the waiting room, checked against the contract's schema; its place and Retry-After. */
function queued(res: Raw): { position: number | null; waitSeconds: number; retryAfter: number } {
  expect(res.status).toBe(503)
  const body = v.parse(LoginQueueErrorBody, res.body)
  expect(body.error.message).toMatch(/排队人数较多/)
  const retryAfter = Number(res.headers.get('retry-after'))
  expect(Number.isInteger(retryAfter)).toBe(true)
  expect(retryAfter).toBeGreaterThanOrEqual(1)
  return { ...body.error.queue, retryAfter }
}

describe('login waiting room', () => {
  let mock: RunningMock
  beforeAll(async () => {
    // A short grace, so the test of an abandoned ticket need not wait 10 s.
    mock = await startMock({ loginQueue: { graceMs: 300 }, rateLimits: MANY })
  })
  afterAll(() => mock.close())
  afterEach(() => mock.qaApi('setLoginQueue', { capacity: null }))

  /** One candidate's login request, as the app sends it: the same body (its captcha) and key on every retry. */
  async function loginAttempt(username: string, key: string) {
    const body = { username, password: PASSWORD, ...(await solvedCaptcha(mock)) }
    return () => send(mock, 'POST', '/api/account/login', body, { 'idempotency-key': key })
  }

  test('full: a login is answered at once with 503, Retry-After and its place; the captcha stays for the retry', async () => {
    const a = await registerCandidate(mock, { password: PASSWORD })
    const b = await registerCandidate(mock, { password: PASSWORD })
    await mock.qaApi('setLoginQueue', { capacity: 0 })
    const loginA = await loginAttempt(a.username, 'queue-a-1')
    const loginB = await loginAttempt(b.username, 'queue-b-1')

    const started = Date.now()
    const firstA = queued(await loginA())
    // At once: no password was hashed for it (a login waiting on an open request would take its whole wait).
    expect(Date.now() - started).toBeLessThan(2000)
    expect(firstA.position).toBe(1)
    expect(queued(await loginB()).position).toBe(2)
    // Coming back with the same key keeps the place.
    expect(queued(await loginB()).position).toBe(2)
    expect(queued(await loginA()).position).toBe(1)
    const status = await mock.qaApi('loginQueue')
    expect(status).toMatchObject({ capacity: 0, override: 0, waiting: 2, inFlight: 0 })

    await mock.qaApi('setLoginQueue', { capacity: null })
    // The same captcha is still good: the refusal used nothing up.
    const inA = await loginA()
    expect(inA.status).toBe(200)
    expect(typeof (inA.body as { token: string }).token).toBe('string')
    expect((await loginB()).status).toBe(200)
    expect(await mock.qaApi('loginQueue')).toMatchObject({ waiting: 0, inFlight: 0 })
  })

  test('fair: those who waited longer get in first; a newcomer does not overtake a ticket', async () => {
    const a = await registerCandidate(mock, { password: PASSWORD })
    const b = await registerCandidate(mock, { password: PASSWORD })
    const c = await registerCandidate(mock, { password: PASSWORD })
    await mock.qaApi('setLoginQueue', { capacity: 0 })
    const loginA = await loginAttempt(a.username, 'fair-a')
    const loginB = await loginAttempt(b.username, 'fair-b')
    const loginC = await loginAttempt(c.username, 'fair-c')
    expect(queued(await loginA()).position).toBe(1)
    expect(queued(await loginB()).position).toBe(2)

    // Room for one: it is A's, however soon B or a newcomer asks.
    await mock.qaApi('setLoginQueue', { capacity: 1 })
    expect(queued(await loginB()).position).toBe(2)
    expect(queued(await loginC()).position).toBe(3)
    expect((await loginA()).status).toBe(200)
    // A is through: B is next, C still behind it.
    expect(queued(await loginC()).position).toBe(2)
    expect((await loginB()).status).toBe(200)
    expect((await loginC()).status).toBe(200)
  })

  test.each([20, 100])(
    '%i at once: each gets its own place, and every round lets in only a prefix of the line',
    async (count) => {
      // The default grace (10 s): a round of 100 takes longer than this suite's short one.
      const mock = await startMock({ rateLimits: MANY })
      try {
        const users = await mock.qaApi('createCandidates', { prefix: `at${count}x`, count, password: PASSWORD })
        const attempts = await Promise.all(
          users.candidates.map(async ({ username }, n) => {
            const body = { username, password: PASSWORD, ...(await captchaOf(mock)) }
            return () => send(mock, 'POST', '/api/account/login', body, { 'idempotency-key': `at-${count}-${n}` })
          }),
        )
        await mock.qaApi('setLoginQueue', { capacity: 0 })
        const first = await Promise.all(attempts.map(async (attempt) => queued(await attempt()).position))
        // Distinct places 1..count, whatever order the requests came in.
        expect([...first].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(users.candidates.map((_c, i) => i + 1))

        await mock.qaApi('setLoginQueue', { capacity: 5 })
        let waiting = attempts.map((attempt, i) => ({ attempt, place: first[i] as number }))
        while (waiting.length > 0) {
          const answers = await Promise.all(waiting.map(async (w) => ({ ...w, res: await w.attempt() })))
          const inNow = answers.filter((a) => a.res.status === 200).map((a) => a.place)
          const still = answers.filter((a) => a.res.status !== 200)
          expect(inNow.length).toBeGreaterThan(0)
          // Those let in are exactly the front of the line: nobody overtook a ticket still waiting.
          const order = waiting.map((w) => w.place).sort((a, b) => a - b)
          expect(inNow.sort((a, b) => a - b)).toEqual(order.slice(0, inNow.length))
          // The rest keep their order, moved up.
          const next = still.map((a) => ({ ...a, place: queued(a.res).position as number }))
          const byOld = [...next].sort((a, b) => a.place - b.place)
          expect(byOld.map((a) => a.place)).toEqual(next.map((_a, i) => i + 1))
          expect(byOld.map((a) => order.indexOf(waiting.find((w) => w.attempt === a.attempt)!.place))).toEqual(
            [...byOld.map((a) => order.indexOf(waiting.find((w) => w.attempt === a.attempt)!.place))].sort(
              (x, y) => x - y,
            ),
          )
          waiting = next.map(({ attempt, place }) => ({ attempt, place }))
        }
      } finally {
        await mock.close()
      }
    },
    120_000,
  )

  test('a ticket not back within its Retry-After and the grace loses its place', async () => {
    const a = await registerCandidate(mock, { password: PASSWORD })
    const b = await registerCandidate(mock, { password: PASSWORD })
    await mock.qaApi('setLoginQueue', { capacity: 0 })
    const loginA = await loginAttempt(a.username, 'gone-a')
    const loginB = await loginAttempt(b.username, 'gone-b')
    const firstA = queued(await loginA())
    expect(firstA.position).toBe(1)
    expect(queued(await loginB()).position).toBe(2)
    // B keeps coming back; A never does.
    const expiry = firstA.retryAfter * 1000 + 300
    const started = Date.now()
    while (Date.now() - started < expiry + 200) {
      await new Promise((r) => setTimeout(r, 400))
      queued(await loginB())
    }
    expect(queued(await loginB()).position).toBe(1)
    // B gets in, so the line is empty for the next test.
    await mock.qaApi('setLoginQueue', { capacity: null })
    expect((await loginB()).status).toBe(200)
  }, 15_000)

  test('registration, the security answer and the password reset wait in the same room', async () => {
    await mock.qaApi('setLoginQueue', { capacity: 0 })
    const registration = {
      username: `queue${Date.now() % 100000}`,
      password: PASSWORD,
      name: '李四',
      idType: 'resident-id',
      idNumber: nextIdNumber(),
      questionId: 'q-birthplace',
      answer: '北京',
      ...(await solvedCaptcha(mock)),
    }
    const register = () => send(mock, 'POST', '/api/account/register', registration, { 'idempotency-key': 'reg-1' })
    queued(await register())
    await mock.qaApi('setLoginQueue', { capacity: null })
    expect((await register()).status).toBe(200)

    const start = await send(mock, 'POST', '/api/account/recover/question/start', {
      name: registration.name,
      idNumber: registration.idNumber,
      ...(await solvedCaptcha(mock)),
    })
    expect(start.status).toBe(200)
    const { recoveryId } = start.body as { recoveryId: string }
    await mock.qaApi('setLoginQueue', { capacity: 0 })
    const answer = () => send(mock, 'POST', '/api/account/recover/question/answer', { recoveryId, answer: '北京' })
    queued(await answer())
    await mock.qaApi('setLoginQueue', { capacity: null })
    const verified = await answer()
    expect(verified.status).toBe(200)
    const { resetToken } = verified.body as { resetToken: string }

    await mock.qaApi('setLoginQueue', { capacity: 0 })
    const reset = () =>
      send(mock, 'POST', '/api/account/recover/reset', { resetToken, newPassword: 'Newpass#2026' }, {})
    queued(await reset())
    await mock.qaApi('setLoginQueue', { capacity: null })
    expect((await reset()).status).toBe(200)
    // The hashes made in turn log in.
    const body = { username: registration.username, password: 'Newpass#2026', ...(await solvedCaptcha(mock)) }
    expect((await send(mock, 'POST', '/api/account/login', body)).status).toBe(200)
  })

  test('only a request that would reach a hash queues, and one solved captcha holds one place', async () => {
    const a = await registerCandidate(mock, { password: PASSWORD })
    await mock.qaApi('setLoginQueue', { capacity: 0 })
    // A wrong captcha, an unknown recovery or reset token: answered at once, no ticket.
    const wrong = await send(mock, 'POST', '/api/account/login', {
      username: a.username,
      password: PASSWORD,
      captchaId: (await solvedCaptcha(mock)).captchaId,
      captchaCode: 'zzzz',
    })
    expect(wrong.status).toBe(400)
    expect((wrong.body as { error: { code: string } }).error.code).toBe('CAPTCHA_INVALID')
    const noRecovery = await send(mock, 'POST', '/api/account/recover/question/answer', {
      recoveryId: 'r-x',
      answer: 'x',
    })
    expect((noRecovery.body as { error: { code: string } }).error.code).toBe('RECOVERY_EXPIRED')
    const noToken = await send(mock, 'POST', '/api/account/recover/reset', {
      resetToken: 't-x',
      newPassword: 'Newpass#2026',
    })
    expect((noToken.body as { error: { code: string } }).error.code).toBe('RECOVERY_EXPIRED')
    expect((await mock.qaApi('loginQueue')).waiting).toBe(0)

    // Many requests with one solved captcha (new keys, or none) share its one place.
    const body = { username: a.username, password: PASSWORD, ...(await solvedCaptcha(mock)) }
    const places = []
    const headerSets: Array<Record<string, string>> = [
      { 'idempotency-key': 'one-1' },
      { 'idempotency-key': 'one-2' },
      {},
    ]
    for (const headers of headerSets)
      places.push(queued(await send(mock, 'POST', '/api/account/login', body, headers)).position)
    expect(places).toEqual([1, 1, 1])
    expect((await mock.qaApi('loginQueue')).waiting).toBe(1)
  })

  test('past the most tickets kept, a refusal carries the wait but no place', async () => {
    const tiny = await startMock({ loginQueue: { maxTickets: 1 }, rateLimits: MANY })
    try {
      await tiny.qaApi('setLoginQueue', { capacity: 0 })
      const attempt = async (username: string) =>
        send(tiny, 'POST', '/api/account/login', { username, password: PASSWORD, ...(await solvedCaptcha(tiny)) })
      expect(queued(await attempt('first-one')).position).toBe(1)
      const second = queued(await attempt('second-one'))
      expect(second.position).toBeNull()
      expect(second.waitSeconds).toBeGreaterThanOrEqual(1)
    } finally {
      await tiny.close()
    }
  })

  test('measured: under a burst beyond the budget, refusals come at once and every candidate gets in', async () => {
    // A budget of 400 ms at the measured scrypt throughput lets only a few in at once.
    const small = await startMock({ loginQueue: { budgetMs: 400 }, rateLimits: MANY })
    try {
      const users = await small.qaApi('createCandidates', { prefix: 'burst', count: 16, password: PASSWORD })
      const status = await small.qaApi('loginQueue')
      expect(status.scryptMeanMs).toBeGreaterThan(0)
      expect(status.capacity).toBe(status.measuredCapacity)
      // The capacity follows the machine's speed: the burst is twice what the budget lets in, whatever that is.
      const more = Math.max(0, 2 * status.capacity - 16)
      const extra = more
        ? (await small.qaApi('createCandidates', { prefix: 'burstmore', count: more, password: PASSWORD })).candidates
        : []
      const crowd = [...users.candidates, ...extra]
      expect(status.capacity).toBeLessThan(crowd.length)
      const refusals: number[] = []
      const waits = await Promise.all(
        crowd.map(async ({ username }, n) => {
          const body = { username, password: PASSWORD, ...(await captchaOf(small)) }
          const firstAsked = Date.now()
          for (;;) {
            const sentAt = Date.now()
            const res = await send(small, 'POST', '/api/account/login', body, { 'idempotency-key': `burst-${n}` })
            if (res.status === 200) return Date.now() - firstAsked
            const { retryAfter } = queued(res)
            refusals.push(Date.now() - sentAt)
            await new Promise((r) => setTimeout(r, retryAfter * 1000))
          }
        }),
      )
      expect(waits).toHaveLength(crowd.length)
      expect(refusals.length).toBeGreaterThan(0)
      const after = await small.qaApi('loginQueue')
      expect(after).toMatchObject({ waiting: 0, inFlight: 0 })
      expect(after.refused).toBe(refusals.length)
      expect(after.longestWaitMs).toBeGreaterThan(0)
    } finally {
      await small.close()
    }
  }, 60_000)
})

describe('the captcha gate', () => {
  test('a crowd of captcha requests past the budget is told at once to come back; the rest are drawn', async () => {
    // A budget of 1 ms: the gate's floor of 4 images at once.
    const tiny = await startMock({ loginQueue: { budgetMs: 1 }, rateLimits: MANY })
    try {
      // The connections are opened first, so the crowd arrives together even on a starved machine (opening 120 at
      // once can take longer than drawing four images, and then no more than four were ever in at once).
      await Promise.all(Array.from({ length: 120 }, () => send(tiny, 'GET', '/api/health')))
      const answers = await Promise.all(Array.from({ length: 120 }, () => send(tiny, 'GET', '/api/captcha')))
      const drawn = answers.filter((a) => a.status === 200)
      const told = answers.filter((a) => a.status !== 200)
      expect(drawn.length).toBeGreaterThanOrEqual(4)
      expect(told.length).toBeGreaterThan(0)
      for (const a of told) expect(queued(a).position).toBeNull()
    } finally {
      await tiny.close()
    }
  }, 60_000)
})

/** A captcha for one of many concurrent clients (QA `captchaAnswer`, by its id). */
async function captchaOf(mock: RunningMock): Promise<{ captchaId: string; captchaCode: string }> {
  const issued = await issuedCaptcha(mock)
  const { answer } = await mock.qaApi('captchaAnswer', { captchaId: issued.captchaId })
  return { captchaId: issued.captchaId, captchaCode: answer }
}

describe("the app's client in the waiting room", () => {
  let mock: RunningMock
  beforeAll(async () => {
    mock = await startMock({ rateLimits: MANY })
    setApiBase(mock.url)
  })
  afterAll(() => mock.close())
  beforeEach(() => resetTaroStub())
  afterEach(async () => {
    await mock.qaApi('setLoginQueue', { capacity: null })
    setSessionToken(null)
  })

  test('waits as told with the same key, shows its place, and logs in by itself once there is room', async () => {
    const c = await registerCandidate(mock, { password: PASSWORD })
    await mock.qaApi('setLoginQueue', { capacity: 0 })
    const seen: Array<RetryStatus | null> = []
    const stop = onRetryStatus((s) => {
      seen.push(s)
      // The room opens while the client waits its first Retry-After.
      if (s?.reason === 'queue') void mock.qaApi('setLoginQueue', { capacity: null })
    })
    const captcha = await solvedCaptcha(mock)
    try {
      // One retry allowed: waiting in line does not use it up.
      const session = await call(
        'loginPassword',
        { username: c.username, password: PASSWORD, ...captcha },
        { retry: { retries: 0 } },
      )
      expect(typeof session.token).toBe('string')
    } finally {
      stop()
    }
    expect(seen[0]).toMatchObject({ reason: 'queue', queue: { position: 1 }, waitMs: 1000 })
    expect(seen.at(-1)).toBeNull()
  })
})
