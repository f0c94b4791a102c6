import { startMock, type RunningMock } from '../support/servers'
import { issuedCaptcha, send } from './support/candidates'

/**
 * Password lockout under concurrency (issue 20): a guess is counted before its password is checked, so however many
 * wrong guesses arrive at once, no more than the rule allows (5) are ever checked before the account locks. The
 * count of passwords actually checked comes from the QA API (`loginGuard.wrongChecked`, only with --qa).
 */
describe('lockout holds whatever the concurrency', () => {
  let mock: RunningMock
  beforeAll(async () => {
    // 500 captchas from one address in seconds: far past the default per-client limit (core/rate-limit.ts).
    mock = await startMock({ rateLimits: { captcha: { limit: 10_000, windowMs: 60_000 } } })
    // The waiting room is not what this suite tests: it lets every guess in at once, so they race for the lock.
    await mock.qaApi('setLoginQueue', { capacity: 10_000 })
  })
  afterAll(() => mock.close())

  /** `n` captchas and their answers, issued a few at a time. */
  async function captchas(n: number): Promise<Array<{ captchaId: string; captchaCode: string }>> {
    const out: Array<{ captchaId: string; captchaCode: string }> = []
    while (out.length < n) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(25, n - out.length) }, async () => {
          const { captchaId } = await issuedCaptcha(mock)
          const { answer } = await mock.qaApi('captchaAnswer', { captchaId })
          return { captchaId, captchaCode: answer }
        }),
      )
      out.push(...batch)
    }
    return out
  }

  test.each([20, 100, 500])(
    '%i wrong passwords at once: exactly 5 are checked, 4 say how many tries remain, the rest are locked',
    async (n) => {
      const username = `lock${n}`
      await mock.qaApi('createCandidate', {
        username,
        password: 'Abcdef12',
        name: '王五',
        idNumber: '110105199001014331',
      })
      const solved = await captchas(n)
      const answers = await Promise.all(
        solved.map((c) => send(mock, 'POST', '/api/account/login', { username, password: 'Wrong999', ...c })),
      )
      const codes = answers.map((a) => (a.body as { error: { code: string } }).error.code)
      const guard = await mock.qaApi('loginGuard', { username })
      expect(guard.wrongChecked).toBe(5)
      expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(4)
      expect(codes.filter((c) => c === 'ACCOUNT_LOCKED')).toHaveLength(n - 4)
      expect(guard.lockedUntil).not.toBeNull()
      // Locked means locked: the right password is not even checked now.
      const [right] = await captchas(1)
      const late = await send(mock, 'POST', '/api/account/login', { username, password: 'Abcdef12', ...right })
      expect((late.body as { error: { code: string } }).error.code).toBe('ACCOUNT_LOCKED')
      expect((await mock.qaApi('loginGuard', { username })).wrongChecked).toBe(5)
    },
    120000,
  )

  test('one at a time, the fifth wrong password locks and a right one before it resets the count', async () => {
    const username = 'lockseq'
    await mock.qaApi('createCandidate', {
      username,
      password: 'Abcdef12',
      name: '王五',
      idNumber: '110105199001014358',
    })
    const login = async (password: string) => {
      const [c] = await captchas(1)
      return send(mock, 'POST', '/api/account/login', { username, password, ...c })
    }
    for (let i = 0; i < 4; i++) expect((await login('Wrong999')).status).toBe(400)
    expect((await login('Abcdef12')).status).toBe(200)
    expect((await mock.qaApi('loginGuard', { username })).failures).toBe(0)
    for (let i = 0; i < 4; i++) {
      const res = await login('Wrong999')
      expect((res.body as { error: { details: { remainingAttempts: number } } }).error.details.remainingAttempts).toBe(
        4 - i,
      )
    }
    const fifth = await login('Wrong999')
    expect(fifth.status).toBe(403)
    expect((fifth.body as { error: { code: string } }).error.code).toBe('ACCOUNT_LOCKED')
  })
})
