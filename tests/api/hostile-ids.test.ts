import { makeIdNumber } from '../../mock-server/scenarios'
import type { QaReply } from '../../scripts/lib/qa-client'
import { startMock, type RunningMock } from '../support/servers'

/**
 * Issue 11, first finding: ids that are also the names of Object.prototype's members. State keyed by a caller's id
 * is a Map, so each of these is just an unknown id: a 4xx with the contract's error body, never a 500, nothing
 * written onto Object.prototype, and the server healthy afterwards.
 */
const HOSTILE_IDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']
/** Face finish names the candidate the verification is for (issue 12). */
const FACE_CANDIDATE = { name: '张三', idNumber: makeIdNumber('110105', '19800101', '123') }

interface Case {
  /** What kind of id the request carries, and where. */
  what: string
  /** An app request (a fetch Response) or a QA call (the QA client's reply). */
  send: (id: string) => Promise<Response | QaReply>
  status: number
  code: string
}

describe('ids named after Object.prototype members', () => {
  let mock: RunningMock
  let token = ''
  let seq = 700
  const nextIdNumber = () => makeIdNumber('110105', '19880229', String(seq++))

  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${mock.url}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  const post = (path: string, body: unknown, headers?: Record<string, string>) => call('POST', path, body, headers)
  const authed = () => ({ authorization: `Bearer ${token}` })

  /** A captcha really issued, with its answer (so a request gets past the captcha to the id under test). */
  async function solvedCaptcha(): Promise<{ captchaId: string; captchaCode: string }> {
    const { captchaId } = (await (await call('GET', '/api/captcha')).json()) as { captchaId: string }
    const last = await mock.qaApi('lastCaptcha')
    return { captchaId, captchaCode: last.answer }
  }

  beforeAll(async () => {
    mock = await startMock()
    await mock.qaApi('createCandidate', {
      username: 'hostile01',
      password: 'Abcdef12',
      name: '张三',
      idNumber: nextIdNumber(),
    })
    token = (await mock.qaApi('createSession', { username: 'hostile01' })).token
  })
  afterAll(() => mock.close())

  const register = (over: Record<string, unknown>) => ({
    username: `hx${seq}abc`,
    password: 'Abcdef12',
    name: '李四',
    idType: 'resident-id',
    idNumber: nextIdNumber(),
    questionId: 'q-birthplace',
    answer: '北京',
    captchaCode: 'abcd',
    ...over,
  })

  const cases: Case[] = [
    {
      what: 'captcha id (login)',
      send: (id) =>
        post('/api/account/login', { username: 'hostile01', password: 'x', captchaId: id, captchaCode: 'ab' }),
      status: 400,
      code: 'CAPTCHA_EXPIRED',
    },
    {
      what: 'captcha id (register)',
      send: (id) => post('/api/account/register', register({ captchaId: id })),
      status: 400,
      code: 'CAPTCHA_EXPIRED',
    },
    {
      what: 'captcha id (recovery by question)',
      send: (id) =>
        post('/api/account/recover/question/start', {
          name: '张三',
          idNumber: nextIdNumber(),
          captchaId: id,
          captchaCode: 'abcd',
        }),
      status: 400,
      code: 'CAPTCHA_EXPIRED',
    },
    {
      what: 'recovery id',
      send: (id) => post('/api/account/recover/question/answer', { recoveryId: id, answer: '北京' }),
      status: 400,
      code: 'RECOVERY_EXPIRED',
    },
    {
      what: 'reset token',
      send: (id) => post('/api/account/recover/reset', { resetToken: id, newPassword: 'Newpass12' }),
      status: 400,
      code: 'RECOVERY_EXPIRED',
    },
    {
      what: 'verify id (simulated face screen)',
      send: (id) => post(`/api/sim/face/${encodeURIComponent(id)}/run`, {}),
      status: 404,
      code: 'FACE_VERIFY_EXPIRED',
    },
    {
      what: 'verify id (face login)',
      send: (id) => post('/api/account/face-login/finish', { verifyId: id, ...FACE_CANDIDATE }),
      status: 400,
      code: 'FACE_VERIFY_EXPIRED',
    },
    {
      what: 'verify id (recovery by face)',
      send: (id) => post('/api/account/recover/face/finish', { verifyId: id, ...FACE_CANDIDATE }),
      status: 400,
      code: 'FACE_VERIFY_EXPIRED',
    },
    {
      what: 'username (login)',
      send: async (id) =>
        post('/api/account/login', { username: id, password: 'Abcdef12', ...(await solvedCaptcha()) }),
      status: 400,
      code: 'INVALID_CREDENTIALS',
    },
    {
      what: 'session token',
      send: (id) => call('GET', '/api/account/me', undefined, { authorization: `Bearer ${id}` }),
      status: 401,
      code: 'SESSION_EXPIRED',
    },
    {
      what: 'record id',
      send: (id) => call('DELETE', `/api/profile/records/education/${encodeURIComponent(id)}`, undefined, authed()),
      status: 404,
      code: 'NOT_FOUND',
    },
    {
      what: 'photo ticket',
      send: (id) => call('GET', `/api/photo-view/${encodeURIComponent(id)}`),
      status: 404,
      code: 'NOT_FOUND',
    },
    {
      what: 'material ticket',
      send: (id) => call('GET', `/api/material-view/${encodeURIComponent(id)}`),
      status: 404,
      code: 'NOT_FOUND',
    },
    {
      what: 'username (QA lookup)',
      send: (id) => mock.qaApi.reply('candidate', { username: id }),
      status: 404,
      code: 'NOT_FOUND',
    },
    {
      what: 'username (QA unlock)',
      send: (id) => mock.qaApi.reply('unlock', { username: id }),
      status: 404,
      code: 'NOT_FOUND',
    },
    {
      what: 'username (QA session)',
      send: (id) => mock.qaApi.reply('createSession', { username: id }),
      status: 404,
      code: 'NOT_FOUND',
    },
    {
      what: 'username (QA record verification)',
      send: (id) => mock.qaApi.reply('recordOutcome', { username: id, outcome: 'verified' }),
      status: 404,
      code: 'NOT_FOUND',
    },
    {
      what: 'scenario name',
      send: (id) => mock.qaApi.reply('loadScenario', { name: id }),
      status: 404,
      code: 'SCENARIO_UNKNOWN',
    },
  ]

  const table = cases.flatMap((c) => HOSTILE_IDS.map((id) => [c.what, id, c] as const))

  test.each(table)('%s = %s: a 4xx with its code', async (_what, id, c) => {
    const res = await c.send(id)
    const body = (res instanceof Response ? await res.json() : res.body) as {
      error?: { code: string; message: string }
    }
    expect({ status: res.status, code: body.error?.code }).toEqual({ status: c.status, code: c.code })
    expect(body.error?.message).toMatch(/[\u4e00-\u9fff]/)
    expect(Object.keys(Object.prototype)).toEqual([])
  })

  test.each(HOSTILE_IDS)('a body whose field is named %s is refused, not merged', async (key) => {
    const res = await fetch(`${mock.url}/api/account/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"${key}":{"polluted":true,"prototype":{"polluted":true}},"username":"hostile01","password":"x","captchaId":"c","captchaCode":"ab"}`,
    })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(((await res.json()) as { error: { code: string } }).error.code).toMatch(/^[A-Z_]+$/)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  test('candidates named after prototype members register, log in and are found like anyone', async () => {
    for (const username of HOSTILE_IDS.filter((u) => /^[A-Za-z]\w{5,19}$/.test(u))) {
      const res = await post('/api/account/register', register({ username, ...(await solvedCaptcha()) }))
      expect(res.status).toBe(200)
      const login = await post('/api/account/login', { username, password: 'Abcdef12', ...(await solvedCaptcha()) })
      expect(login.status).toBe(200)
      const { token: own } = (await login.json()) as { token: string }
      const me = await call('GET', '/api/account/me', undefined, { authorization: `Bearer ${own}` })
      expect(((await me.json()) as { username: string }).username).toBe(username)
      const found = await mock.qaApi.reply('candidate', { username })
      expect(found.status).toBe(200)
    }
  })

  test('afterwards the server is healthy: health, captcha, login and the hub answer', async () => {
    expect((await call('GET', '/api/health')).status).toBe(200)
    const login = await post('/api/account/login', {
      username: 'hostile01',
      password: 'Abcdef12',
      ...(await solvedCaptcha()),
    })
    expect(login.status).toBe(200)
    const { token: fresh } = (await login.json()) as { token: string }
    const summary = await call('GET', '/api/profile/summary', undefined, { authorization: `Bearer ${fresh}` })
    expect(summary.status).toBe(200)
    expect(Object.keys(Object.prototype)).toEqual([])
  })
})
