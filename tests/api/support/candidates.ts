import { makeIdNumber } from '../../../mock-server/scenarios'
import { answerOf } from '../../../scripts/lib/qa-client'
import type { RunningMock } from '../../support/servers'

/**
 * Raw-HTTP helpers for the hostile-input suites: they send what a script would, not what the app's client sends.
 */
let seq = 300

export function nextIdNumber(): string {
  return makeIdNumber('110105', '19900101', String(seq++).padStart(3, '0'))
}

/**
 * A fresh captcha, asked as the app asks: the captcha gate may answer a crowd 503 LOGIN_QUEUE with Retry-After
 * (mock-server/features/account/login-queue.ts), and then it asks again when told.
 */
export async function issuedCaptcha(mock: RunningMock): Promise<{ captchaId: string; image: string }> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${mock.url}/api/captcha`)
    const body = (await res.json()) as { captchaId: string; image: string; error?: { code: string } }
    if (res.ok) return body
    const wait = Number(res.headers.get('retry-after'))
    if (res.status !== 503 || body.error?.code !== 'LOGIN_QUEUE' || !(wait > 0) || attempt >= 30)
      throw new Error(`captcha: ${res.status} ${JSON.stringify(body)}`)
    await new Promise((r) => setTimeout(r, wait * 1000))
  }
}

/** A fresh captcha and its answer (read through the QA API). */
export async function solvedCaptcha(mock: RunningMock): Promise<{ captchaId: string; captchaCode: string }> {
  const issued = await issuedCaptcha(mock)
  const last = await mock.qaApi('lastCaptcha')
  if (last.captchaId !== issued.captchaId) throw new Error('another captcha was issued in between')
  return { captchaId: issued.captchaId, captchaCode: last.answer }
}

export interface Candidate {
  username: string
  password: string
  name: string
  idNumber: string
  token: string
}

export async function registerCandidate(
  mock: RunningMock,
  over: Partial<Candidate> = {},
  headers: Record<string, string> = {},
): Promise<Candidate> {
  const username = over.username ?? `cand${seq++}`
  const input = {
    username,
    password: over.password ?? 'Abcdef12',
    name: over.name ?? '李四',
    idType: 'resident-id',
    idNumber: over.idNumber ?? nextIdNumber(),
    questionId: 'q-birthplace',
    answer: '北京',
  }
  const res = await send(mock, 'POST', '/api/account/register', { ...input, ...(await solvedCaptcha(mock)) }, headers)
  if (res.status !== 200) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`)
  return { ...input, token: (res.body as { token: string }).token }
}

export async function login(mock: RunningMock, username: string, password: string, key?: string) {
  return send(
    mock,
    'POST',
    '/api/account/login',
    { username, password, ...(await solvedCaptcha(mock)) },
    key ? { 'idempotency-key': key } : {},
  )
}

/** One JSON request; the answer's status, headers and parsed body (text when it is not JSON). */
export async function send(
  mock: RunningMock,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const res = await fetch(`${mock.url}${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  // Not JSON stays text, and the contract checks fail on it.
  return answerOf(res)
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

/** The contract's error body: a known code and a Chinese message. */
export function expectContractError(res: { status: number; body: unknown }, status?: number): void {
  if (status !== undefined) expect(res.status).toBe(status)
  expect(res.status).toBeGreaterThanOrEqual(400)
  expect(res.status).toBeLessThan(500)
  const error = (res.body as { error?: { code?: unknown; message?: unknown } }).error
  expect(typeof error?.code).toBe('string')
  expect(String(error?.message)).toMatch(/[\u4e00-\u9fff]/)
}
