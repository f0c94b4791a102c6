import { api, ApiError, getSessionToken, setSessionExpiredListener, setSessionToken } from '../../src/api'
import { stateToJson } from '../../mock-server/core/persist'
import { makeIdNumber } from '../../mock-server/scenarios'
import { clientAgainstMock } from './support/client-mock'

/** The account rules of the mock server (issue 4), through the app's own API client. */
describe('account API', () => {
  const mock = clientAgainstMock()
  let seq = 100
  const nextId = () => makeIdNumber('110105', '19880229', String(seq++))

  beforeEach(async () => {
    setSessionToken(null)
  })

  /** A fresh captcha and its answer, read through the QA API. */
  async function captcha(): Promise<{ captchaId: string; captchaCode: string }> {
    const c = await api.captcha()
    const last = await mock.qaApi('lastCaptcha')
    expect(last.captchaId).toBe(c.captchaId)
    return { captchaId: c.captchaId, captchaCode: last.answer }
  }

  const fail = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('expected the call to fail')
      },
      (e: unknown) => e as ApiError,
    )

  async function register(over: Partial<Parameters<typeof api.register>[0]> = {}) {
    const input = {
      username: `user${seq}`,
      password: 'Abcdef12',
      name: '王·玥',
      idType: 'resident-id' as const,
      idNumber: nextId(),
      questionId: 'q-birthplace' as const,
      answer: '北京',
      ...(await captcha()),
      ...over,
    }
    return { input, session: await api.register(input) }
  }

  async function login(username: string, password: string) {
    return api.loginPassword({ username, password, ...(await captcha()) })
  }

  test('register returns a session; the ID number comes back masked only', async () => {
    const { input, session } = await register()
    expect(session.token).toBeTruthy()
    expect(session.account.name).toBe('王·玥')
    expect(session.account.idNumberMasked).toBe(`${input.idNumber.slice(0, 4)}**********${input.idNumber.slice(-4)}`)
    expect(JSON.stringify(session)).not.toContain(input.idNumber)
    setSessionToken(session.token)
    expect((await api.me()).username).toBe(input.username)
  })

  test('the captcha is single-use: a second registration with the same one fails', async () => {
    const c = await captcha()
    const withCaptcha = (username: string) => ({
      username,
      password: 'Abcdef12',
      name: '李四',
      idType: 'resident-id' as const,
      idNumber: nextId(),
      questionId: 'q-birthplace' as const,
      answer: 'x',
      ...c,
    })
    await api.register(withCaptcha(`once${seq}`))
    const err = await fail(api.register(withCaptcha(`twice${seq}`)))
    expect(err.code).toBe('CAPTCHA_EXPIRED')
  })

  test('a wrong captcha is refused', async () => {
    const err = await fail(register({ captchaCode: 'zzzz' }))
    expect(err.code).toBe('CAPTCHA_INVALID')
    expect(err.fields.captchaCode).toBeTruthy()
  })

  test('one account per ID number: a second registration gets ID_NUMBER_TAKEN (409)', async () => {
    const { input } = await register()
    const err = await fail(register({ idNumber: input.idNumber, username: `other${seq}` }))
    expect(err.status).toBe(409)
    expect(err.code).toBe('ID_NUMBER_TAKEN')
    expect(err.message).toContain('登录')
  })

  test('usernames are unique, case-insensitively', async () => {
    const { input } = await register()
    const err = await fail(register({ username: input.username.toUpperCase() }))
    expect(err.code).toBe('USERNAME_TAKEN')
    expect(err.fields.username).toBeTruthy()
  })

  test('the server enforces the form rules with the same Chinese messages', async () => {
    const err = await fail(
      register({
        password: 'abcdefgh',
        name: '·王',
        idNumber: makeIdNumber('110105', '19880229', '001').slice(0, 17) + '0',
      }),
    )
    expect(err.code).toBe('VALIDATION_FAILED')
    expect(err.fields.password).toBe('密码需至少包含字母、数字、符号中的两种')
    expect(err.fields.name).toBe('“·”不能在姓名的开头或结尾')
    expect(err.fields.idNumber).toBeTruthy()
  })

  test('the region code is checked against GB/T 2260 data on the server', async () => {
    const err = await fail(register({ idNumber: makeIdNumber('119901', '19900101', '123') }))
    expect(err.code).toBe('VALIDATION_FAILED')
    expect(err.fields.idNumber).toBe('身份证号码的地区码不正确')
    // A city-level code is real too.
    const { session } = await register({ idNumber: makeIdNumber('440300', '19900101', '124') })
    expect(session.token).toBeTruthy()
  })

  test('other document types register in the mini-program too, by their own rules (tests/api/id-types.test.ts)', async () => {
    const err = await fail(register({ idType: 'passport' }))
    // A resident ID number is not a passport number, and a passport holder gives gender and birth date.
    expect(err.fields.idNumber).toBe('护照号码为5–17位字母或数字')
    expect(err.fields.gender).toBe('请选择性别')
  })

  test('names with pinyin stand-ins for missing characters are accepted', async () => {
    const { session } = await register({ name: '张yan明' })
    expect(session.account.name).toBe('张yan明')
  })

  test('password login by username or by ID number', async () => {
    const { input } = await register()
    expect((await login(input.username, input.password)).token).toBeTruthy()
    expect((await login(input.idNumber.toLowerCase(), input.password)).account.username).toBe(input.username)
  })

  test('wrong passwords count down, the fifth locks for 15 minutes, even the right password is refused', async () => {
    const { input } = await register()
    for (let left = 4; left >= 1; left--) {
      const err = await fail(login(input.username, 'Wrong1234'))
      expect(err.code).toBe('INVALID_CREDENTIALS')
      expect(err.details.remainingAttempts).toBe(left)
      expect(err.message).toContain(`${left}次`)
    }
    const lockErr = await fail(login(input.username, 'Wrong1234'))
    expect(lockErr.code).toBe('ACCOUNT_LOCKED')
    expect(lockErr.details.remainingMinutes).toBe(15)
    const still = await fail(login(input.username, input.password))
    expect(still.code).toBe('ACCOUNT_LOCKED')

    // After the 15 minutes (moved back in the store), the right password works and the count starts again.
    const account = [...mock.app.store.state.accounts.values()].find((a) => a.username === input.username)!
    mock.app.store.state.accountFlows.loginGuards.get(account.id)!.lockedUntil = new Date(Date.now() - 1).toISOString()
    expect((await login(input.username, input.password)).token).toBeTruthy()
    expect(mock.app.store.state.accountFlows.loginGuards.get(account.id)).toBeUndefined()
  })

  test('QA unlock lifts a lockout', async () => {
    const { input } = await register()
    for (let i = 0; i < 5; i++) await fail(login(input.username, 'Wrong1234'))
    expect((await fail(login(input.username, input.password))).code).toBe('ACCOUNT_LOCKED')
    await mock.qaApi('unlock', { username: input.username })
    expect((await login(input.username, input.password)).token).toBeTruthy()
  })

  test('an unknown user gets the same INVALID_CREDENTIALS as a wrong password', async () => {
    const err = await fail(login('nobody123', 'Abcdef12'))
    expect(err.code).toBe('INVALID_CREDENTIALS')
  })

  // Face login and recovery by face (issue 12): tests/api/face.test.ts.

  test('recovery by question: question → wrong answer counts down → right answer → new password', async () => {
    const { input } = await register({ answer: '北京 市' })
    const start = await api.recoverQuestionStart({ name: input.name, idNumber: input.idNumber, ...(await captcha()) })
    expect(start.question).toBe('您的出生地是？')
    const wrong = await fail(api.recoverQuestionAnswer(start.recoveryId, '上海'))
    expect(wrong.code).toBe('SECURITY_ANSWER_WRONG')
    expect(wrong.details.remainingAttempts).toBe(2)
    const { resetToken } = await api.recoverQuestionAnswer(start.recoveryId, '北京市')
    // Strength rules again.
    expect((await fail(api.resetPassword(resetToken, 'short'))).fields.newPassword).toBe('密码至少8位')
    await api.resetPassword(resetToken, 'NewPass#2026')
    expect((await fail(api.resetPassword(resetToken, 'NewPass#2027'))).code).toBe('RECOVERY_EXPIRED')
    expect((await fail(login(input.username, input.password))).code).toBe('INVALID_CREDENTIALS')
    expect((await login(input.username, 'NewPass#2026')).token).toBeTruthy()
  })

  test('recovery by question ends after three wrong answers', async () => {
    const { input } = await register()
    const start = await api.recoverQuestionStart({ name: input.name, idNumber: input.idNumber, ...(await captcha()) })
    await fail(api.recoverQuestionAnswer(start.recoveryId, 'a'))
    await fail(api.recoverQuestionAnswer(start.recoveryId, 'b'))
    expect((await fail(api.recoverQuestionAnswer(start.recoveryId, 'c'))).code).toBe('RECOVERY_EXPIRED')
    expect((await fail(api.recoverQuestionAnswer(start.recoveryId, '北京'))).code).toBe('RECOVERY_EXPIRED')
  })

  test('recovery by question needs the captcha and a matching identity', async () => {
    const { input } = await register()
    const bad = await fail(api.recoverQuestionStart({ name: '别人', idNumber: input.idNumber, ...(await captcha()) }))
    expect(bad.code).toBe('IDENTITY_MISMATCH')
    const c = await captcha()
    const wrongCaptcha = await fail(
      api.recoverQuestionStart({
        name: input.name,
        idNumber: input.idNumber,
        captchaId: c.captchaId,
        captchaCode: 'zzzz',
      }),
    )
    expect(wrongCaptcha.code).toBe('CAPTCHA_INVALID')
  })

  test('me needs a session; logout ends it', async () => {
    expect((await fail(api.me())).code).toBe('UNAUTHORIZED')
    const { session } = await register()
    setSessionToken(session.token)
    await api.logout()
    expect((await fail(api.me())).code).toBe('SESSION_EXPIRED')
  })

  test('QA expire-sessions makes the next call report SESSION_EXPIRED to the app', async () => {
    const { input, session } = await register()
    setSessionToken(session.token)
    let expired = 0
    setSessionExpiredListener(() => expired++)
    await mock.qaApi('expireSessions', { username: input.username })
    const err = await fail(api.me())
    expect(err.code).toBe('SESSION_EXPIRED')
    expect(expired).toBe(1)
    expect(getSessionToken()).toBeNull()
    setSessionExpiredListener(null)
  })

  test('cancellation is refused with the reason once application data exists', async () => {
    const { input, session } = await register()
    setSessionToken(session.token)
    await mock.qaApi('applicationData', { username: input.username, present: true })
    const check = await api.cancelCheck()
    expect(check.allowed).toBe(false)
    expect(check.reason).toContain('报名信息')
    const err = await fail(api.cancelAccount())
    expect(err.status).toBe(409)
    expect(err.code).toBe('CANCEL_REFUSED')
    expect(err.message).toContain('报名信息')
  })

  test('cancellation is allowed without application data; afterwards the ID number registers again', async () => {
    const { input, session } = await register()
    setSessionToken(session.token)
    expect((await api.cancelCheck()).allowed).toBe(true)
    await api.cancelAccount('不再需要')
    expect((await fail(api.me())).code).toBe('SESSION_EXPIRED')
    setSessionToken(null)
    expect((await fail(login(input.username, input.password))).code).toBe('INVALID_CREDENTIALS')
    const again = await register({ idNumber: input.idNumber, username: input.username })
    expect(again.session.token).toBeTruthy()
  })

  test('a cancellation needs the explicit confirmation', async () => {
    const { session } = await register()
    setSessionToken(session.token)
    const res = await fetch(`${mock.url}/api/account/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
      body: JSON.stringify({}),
    })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { error: { code: string; fields: Record<string, string> } }
    expect(body.error.code).toBe('VALIDATION_FAILED')
    expect(body.error.fields.confirm).toBeTruthy()
  })

  test('passwords and answers are stored hashed, never in clear', async () => {
    const { input } = await register({ password: 'Plain#Text123', answer: '秘密答案' })
    const dump = stateToJson(mock.app.store.state)
    expect(dump).not.toContain('Plain#Text123')
    expect(dump).not.toContain('秘密答案')
    expect(input.username).toBeTruthy()
  })

  test('QA can create a candidate with a security question', async () => {
    const idNumber = nextId()
    await mock.qaApi('createCandidate', {
      username: `qa${seq}`,
      password: 'Qa#123456',
      name: '赵六',
      idNumber,
      questionId: 'q-mother-name',
      answer: '李梅',
    })
    const start = await api.recoverQuestionStart({ name: '赵六', idNumber, ...(await captcha()) })
    expect(start.question).toBe('您母亲的姓名是？')
  })
})
