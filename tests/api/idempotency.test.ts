import { educationRecordInput } from '../../mock-server/scenarios'
import { startMock, type RunningMock } from '../support/servers'
import {
  bearer,
  expectContractError,
  login,
  nextIdNumber,
  registerCandidate,
  send,
  solvedCaptcha,
} from './support/candidates'

/** Idempotency replies belong to one caller and one request (issue 11). */
describe('idempotency', () => {
  let mock: RunningMock
  beforeAll(async () => {
    mock = await startMock()
  })
  afterAll(() => mock.close())

  test("a login's answer is never replayed to another caller who sends the same key", async () => {
    const alice = await registerCandidate(mock)
    const bob = await registerCandidate(mock)
    const key = 'shared-key-login'
    const first = await login(mock, alice.username, alice.password, key)
    expect(first.status).toBe(200)
    // Bob, with his own captcha, sends the same key: he gets his own answer, never Alice's session.
    const other = await login(mock, bob.username, bob.password, key)
    expect(other.status).toBe(200)
    expect(other.headers.get('idempotent-replay')).toBeNull()
    expect((other.body as { account: { username: string } }).account.username).toBe(bob.username)
    expect((other.body as { token: string }).token).not.toBe((first.body as { token: string }).token)
  })

  test('the captcha is checked before any replay: same key and body but an unsolved captcha gets no session', async () => {
    const alice = await registerCandidate(mock)
    const key = 'key-captcha-first'
    const captcha = await solvedCaptcha(mock)
    const body = { username: alice.username, password: alice.password, ...captcha }
    const first = await send(mock, 'POST', '/api/account/login', body, { 'idempotency-key': key })
    expect(first.status).toBe(200)
    // The attacker knows the username, the password guess and the key, but not the solved captcha.
    const fresh = await fetch(`${mock.url}/api/captcha`).then((r) => r.json() as Promise<{ captchaId: string }>)
    const attempt = await send(
      mock,
      'POST',
      '/api/account/login',
      { ...body, captchaId: fresh.captchaId, captchaCode: 'zzzz' },
      { 'idempotency-key': key },
    )
    expectContractError(attempt, 400)
    expect((attempt.body as { error: { code: string } }).error.code).toBe('CAPTCHA_INVALID')
  })

  test('a registration answer is not replayed to an anonymous caller with another captcha', async () => {
    const key = 'key-register'
    const a = await registerCandidate(mock)
    // registerCandidate sends no key; send one now, then reuse it with another captcha and other data.
    const input = {
      username: `${a.username}x`,
      password: 'Abcdef12',
      name: '王五',
      idType: 'resident-id',
      idNumber: nextIdNumber(),
      questionId: 'q-birthplace',
      answer: '北京',
    }
    const first = await send(
      mock,
      'POST',
      '/api/account/register',
      { ...input, ...(await solvedCaptcha(mock)) },
      {
        'idempotency-key': key,
      },
    )
    const second = await send(
      mock,
      'POST',
      '/api/account/register',
      { ...input, ...(await solvedCaptcha(mock)) },
      { 'idempotency-key': key },
    )
    expect(second.headers.get('idempotent-replay')).toBeNull()
    if (first.status === 200) expect(second.body).not.toEqual(first.body)
  })

  test('the same key with another body is 409 IDEMPOTENCY_CONFLICT', async () => {
    const c = await registerCandidate(mock)
    const key = 'key-conflict'
    const post = (certificateNo: string) =>
      fetch(`${mock.url}/api/profile/records/education`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key, ...bearer(c.token) },
        body: JSON.stringify(educationRecordInput(certificateNo)),
      })
    expect((await post('CERT-0001')).status).toBe(201)
    const again = await post('CERT-0001')
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotent-replay')).toBe('true')
    const other = await post('CERT-0002')
    const body = (await other.json()) as { error: { code: string; message: string } }
    expect(other.status).toBe(409)
    expect(body.error.code).toBe('IDEMPOTENCY_CONFLICT')
    expect(body.error.message).toMatch(/[\u4e00-\u9fff]/)
  })

  test('20 concurrent identical saves make one record and identical answers', async () => {
    const c = await registerCandidate(mock)
    const key = 'key-concurrent'
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${mock.url}/api/profile/records/education`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': key, ...bearer(c.token) },
          body: JSON.stringify({
            certificateNo: 'CERT-0020',
            school: '首都医科大学',
            graduationDate: '2020-07-01',
            major: '护理学',
            level: '本科',
            studyMode: '全日制',
          }),
        }).then(async (r) => ({ status: r.status, body: await r.text() })),
      ),
    )
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([201]))
    expect(new Set(answers.map((a) => a.body)).size).toBe(1)
    const list = await send(mock, 'GET', '/api/profile/records/education', undefined, bearer(c.token))
    expect((list.body as { records: unknown[] }).records).toHaveLength(1)
  })

  test('20 concurrent identical registrations make one account and identical answers', async () => {
    const captcha = await solvedCaptcha(mock)
    const body = {
      username: 'concurrent20',
      password: 'Abcdef12',
      name: '赵六',
      idType: 'resident-id',
      idNumber: nextIdNumber(),
      questionId: 'q-birthplace',
      answer: '北京',
      ...captcha,
    }
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        send(mock, 'POST', '/api/account/register', body, { 'idempotency-key': 'key-register-20' }),
      ),
    )
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200))
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1)
    const accounts = [...mock.app.store.state.accounts.values()].filter((a) => a.username === 'concurrent20')
    expect(accounts).toHaveLength(1)
  })
})
