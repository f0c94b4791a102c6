import { chinaDateOf } from '../../domain/today'
import { SERVER_TIME_HEADER } from '../../types/api'
import { makeIdNumber } from '../../mock-server/scenarios'
import { startMock, type RunningMock } from '../support/servers'

const HOUR = 60 * 60 * 1000

/** The server's one clock (issue 10 item 3): QA reads, sets and advances it; deadlines and expiry follow it. */
describe('the server clock', () => {
  let mock: RunningMock
  beforeAll(async () => {
    mock = await startMock()
    await mock.qaApi('createCandidate', {
      username: 'clock001',
      password: 'Abcdef12',
      name: '张三',
      idNumber: makeIdNumber('110101', '19900307', '123'),
    })
  })
  afterEach(() => mock.qaApi('setClock', { real: true }))
  afterAll(() => mock.close())

  const clock = () => mock.qaApi('clock')
  const me = (token: string) => fetch(`${mock.url}/api/account/me`, { headers: { authorization: `Bearer ${token}` } })
  const newSession = async () => await mock.qaApi('createSession', { username: 'clock001' })

  test('GET /__qa/clock reads it; POST sets it to a moment and advances it', async () => {
    const before = await clock()
    expect(Math.abs(Date.parse(before.now) - Date.now())).toBeLessThan(5000)
    expect(before.offsetMs).toBe(0)

    const set = await mock.qaApi('setClock', { now: '2026-03-01T08:00:00.000Z' })
    expect(Date.parse(set.now) - Date.parse('2026-03-01T08:00:00.000Z')).toBeLessThan(5000)
    const moved = await mock.qaApi('setClock', { advanceMs: 2 * HOUR })
    expect(Date.parse(moved.now) - Date.parse('2026-03-01T10:00:00.000Z')).toBeGreaterThanOrEqual(0)
    expect(Date.parse(moved.now) - Date.parse('2026-03-01T10:00:00.000Z')).toBeLessThan(5000)
  })

  test('every answer carries the server time (x-server-time and Date), errors too', async () => {
    await mock.qaApi('setClock', { now: '2030-05-06T07:08:09.000Z' })
    for (const res of [await fetch(`${mock.url}/api/health`), await fetch(`${mock.url}/api/nothing`)]) {
      const sent = Date.parse(res.headers.get(SERVER_TIME_HEADER) ?? '')
      expect(sent - Date.parse('2030-05-06T07:08:09.000Z')).toBeLessThan(5000)
      expect(sent).toBeGreaterThanOrEqual(Date.parse('2030-05-06T07:08:09.000Z'))
      expect(res.headers.get('date')).toMatch(/^Mon, 06 May 2030 07:08:/)
    }
  })

  test('a session is refused once the clock passes its expiry (401 SESSION_EXPIRED)', async () => {
    const { token } = await newSession()
    expect((await me(token)).status).toBe(200)
    await mock.qaApi('setClock', { advanceMs: 2 * HOUR + 60_000 })
    const res = await me(token)
    expect(res.status).toBe(401)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('SESSION_EXPIRED')
  })

  test('a session used within its window stays (the expiry slides with the server time)', async () => {
    const { token } = await newSession()
    await mock.qaApi('setClock', { advanceMs: HOUR })
    expect((await me(token)).status).toBe(200)
    await mock.qaApi('setClock', { advanceMs: HOUR + 30 * 60_000 })
    expect((await me(token)).status).toBe(200)
  })

  test('a captcha expires by the server clock', async () => {
    const { captchaId } = (await (await fetch(`${mock.url}/api/captcha`)).json()) as { captchaId: string }
    const { answer } = await mock.qaApi('lastCaptcha')
    await mock.qaApi('setClock', { advanceMs: 6 * 60_000 })
    const res = await fetch(`${mock.url}/api/account/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'clock001', password: 'Abcdef12', captchaId, captchaCode: answer }),
    })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('CAPTCHA_EXPIRED')
  })

  test('what has expired by the clock is pruned: captchas, sessions, verifications, recoveries, idempotency replies', async () => {
    const state = () => mock.app.store.state
    await fetch(`${mock.url}/api/captcha`)
    await newSession()
    const faceCaptcha = (await (await fetch(`${mock.url}/api/captcha`)).json()) as { captchaId: string }
    const { answer: faceAnswer } = await mock.qaApi('lastCaptcha')
    const start = await fetch(`${mock.url}/api/account/face-login/start`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: '张三',
        idNumber: makeIdNumber('110101', '19900307', '123'),
        platform: 'h5',
        captchaId: faceCaptcha.captchaId,
        captchaCode: faceAnswer,
      }),
    })
    expect(start.status).toBe(200)
    await fetch(`${mock.url}/api/sim/pay/order-1/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'prune-1' },
      body: '{}',
    })
    expect(state().captchas.size).toBeGreaterThan(0)
    expect(state().sessions.size).toBeGreaterThan(0)
    expect(state().face.flows.size).toBeGreaterThan(0)
    expect(state().idempotency.size).toBeGreaterThan(0)

    // Past every expiry so far (an earlier test slid a session to about 4.5 hours from now).
    await mock.qaApi('setClock', { advanceMs: 8 * HOUR })
    expect(state().captchas.size).toBe(0)
    expect(state().sessions.size).toBe(0)
    expect(state().face.flows.size).toBe(0)
    expect(state().idempotency.size).toBe(0)
    expect(state().accounts.size).toBeGreaterThan(0)
  })

  test('a bad clock request is a 400 with the contract body', async () => {
    for (const body of [{}, { now: 'yesterday' }, { advanceMs: 1.5 }, { advanceMs: '10' }]) {
      const res = await mock.qaApi.reply('setClock', body)
      expect(res.status).toBe(400)
      const err = (res.body as { error: { code: string; message: string } }).error
      expect(err.code).toBe('VALIDATION_FAILED')
      expect(err.message).toMatch(/[\u4e00-\u9fff]/)
    }
  })
})

/**
 * The contract's date rules (no birth date, no graduation after today) run on the server at the server's clock
 * (domain/today.ts), so a moved clock moves "today" for them too, as it does for the app (which uses serverNow()).
 */
describe('the date rules follow the server clock', () => {
  const DAY = 24 * HOUR
  const YEAR = 365 * DAY
  let mock: RunningMock
  let seq = 0
  beforeAll(async () => {
    mock = await startMock()
  })
  afterEach(() => mock.qaApi('setClock', { real: true }))
  afterAll(() => mock.close())

  /** China's date `days` from the machine's now (the real today the moved clock is compared with). */
  const realDate = (days: number) => chinaDateOf(Date.now() + days * DAY)

  async function addGraduation(graduationDate: string, on: RunningMock = mock) {
    const username = `grad${++seq}`
    await on.qaApi('createCandidate', {
      username,
      password: 'Abcdef12',
      name: '张三',
      idNumber: makeIdNumber('110101', '19900307', String(200 + seq)),
    })
    const { token } = (await on.qaApi('createSession', { username })) as { token: string }
    return fetch(`${on.url}/api/profile/records/education`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        certificateNo: `CERT${seq}00001`,
        school: '首都医科大学',
        graduationDate,
        major: '护理学',
        level: '本科',
        studyMode: '全日制',
      }),
    })
  }

  async function register(birthDate: string) {
    await fetch(`${mock.url}/api/captcha`)
    const { captchaId, answer } = (await mock.qaApi('lastCaptcha')) as { captchaId: string; answer: string }
    return fetch(`${mock.url}/api/account/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: `newborn${++seq}`,
        password: 'Abcdef12',
        name: '李四',
        idType: 'resident-id',
        idNumber: makeIdNumber('110101', birthDate.replaceAll('-', ''), String(300 + seq)),
        questionId: 'q-birthplace',
        answer: '北京',
        captchaId,
        captchaCode: answer,
      }),
    })
  }

  const fieldError = async (res: Response, field: string) => {
    expect(res.status).toBe(400)
    const err = ((await res.json()) as { error: { code: string; fields?: Record<string, string> } }).error
    expect(err.code).toBe('VALIDATION_FAILED')
    return err.fields?.[field]
  }

  test('a year back, a graduation a month ago (by the real date) is after today: refused, then accepted in real time', async () => {
    const monthAgo = realDate(-30)
    await mock.qaApi('setClock', { advanceMs: -YEAR })
    expect(await fieldError(await addGraduation(monthAgo), 'graduationDate')).toBe('毕业时间不能晚于今天')
    await mock.qaApi('setClock', { real: true })
    expect((await addGraduation(monthAgo)).status).toBe(201)
  })

  test('a year ahead, a graduation a month from the real today is in the past: accepted', async () => {
    const inAMonth = realDate(30)
    expect(await fieldError(await addGraduation(inAMonth), 'graduationDate')).toBe('毕业时间不能晚于今天')
    await mock.qaApi('setClock', { advanceMs: YEAR })
    expect((await addGraduation(inAMonth)).status).toBe(201)
  })

  test('a birth date in the ID number is checked against the server clock too', async () => {
    const [monthAgo, inAMonth] = [realDate(-30), realDate(30)]
    expect(await fieldError(await register(inAMonth), 'idNumber')).toBe('身份证号码中的出生日期不能晚于今天')
    await mock.qaApi('setClock', { advanceMs: YEAR })
    expect((await register(inAMonth)).status).toBe(200)

    await mock.qaApi('setClock', { real: true })
    await mock.qaApi('setClock', { advanceMs: -YEAR })
    expect(await fieldError(await register(monthAgo), 'idNumber')).toBe('身份证号码中的出生日期不能晚于今天')
    await mock.qaApi('setClock', { real: true })
    expect((await register(monthAgo)).status).toBe(200)
  })

  test('two servers in one process keep their own today, requests interleaved', async () => {
    const ahead = await startMock()
    try {
      await ahead.qaApi('setClock', { advanceMs: YEAR })
      const inAMonth = realDate(30)
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => addGraduation(inAMonth, i % 2 ? ahead : mock).then((r) => r.status)),
      )
      expect(answers).toEqual([400, 201, 400, 201, 400, 201])
    } finally {
      await ahead.close()
    }
  })
})
