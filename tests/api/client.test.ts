import {
  api,
  ApiError,
  call,
  getSessionToken,
  setApiBase,
  setSessionExpiredListener,
  setSessionToken,
} from '../../src/api'
import { buildUrl } from '../../src/api/request'
import { endpoints } from '../../types/api'
import { startMock } from '../support/servers'
import { clientAgainstMock } from './support/client-mock'

/** The app's own API client (src/api, over Taro.request) against the real mock server on an ephemeral port. */
describe('API client against the mock server', () => {
  const mock = clientAgainstMock()
  beforeEach(async () => {
    await fetch(`${mock.url}/__qa/faults`, { method: 'DELETE' })
  })

  test('a typed call returns the typed body', async () => {
    const health = await api.health()
    expect(health.ok).toBe(true)
    const captcha = await api.captcha()
    expect(captcha.image.startsWith('data:image/png;base64,')).toBe(true)
    expect(Date.parse(captcha.expiresAt)).toBeGreaterThan(Date.now())
  })

  test('a 400 rejects with one ApiError carrying the code, the Chinese message and the field', async () => {
    const err = (await call('simSubscribe', { templateIds: [] }).catch((e: unknown) => e)) as ApiError
    expect(err).toBeInstanceOf(ApiError)
    expect(err.status).toBe(400)
    expect(err.code).toBe('VALIDATION_FAILED')
    expect(err.message).toMatch(/[\u4e00-\u9fff]/)
    expect(Object.keys(err.fields)).toContain('templateIds')
  })

  test('every state-changing call carries an idempotency key; reusing one replays the first answer', async () => {
    const key = `client-${Date.now()}`
    await mock.qaApi('simPay', { outcome: 'success' })
    const first = await call('simPayRun', { orderId: 'o-1' }, { idempotencyKey: key })
    await mock.qaApi('simPay', { outcome: 'fail' })
    const replayed = await call('simPayRun', { orderId: 'o-1' }, { idempotencyKey: key })
    expect(replayed).toEqual(first)
    const fresh = await call('simPayRun', { orderId: 'o-1' })
    expect(fresh.outcome).toBe('fail')
    await mock.qaApi('simPay', { outcome: 'success' })
  })

  test('503 answers are retried with backoff until the server recovers', async () => {
    await mock.qaApi('addFault', { path: '/api/health', status: 503, count: 2 })
    const started = Date.now()
    const health = await call('health', {}, { retry: { retries: 3, baseDelayMs: 20, maxDelayMs: 100 } })
    expect(health.ok).toBe(true)
    expect(Date.now() - started).toBeGreaterThanOrEqual(20)
  })

  test('retries give up with SERVICE_BUSY when the server stays busy', async () => {
    await mock.qaApi('addFault', { path: '/api/health', status: 503, count: 5 })
    const err = (await call('health', {}, { retry: { retries: 2, baseDelayMs: 5, maxDelayMs: 10 } }).catch(
      (e: unknown) => e,
    )) as ApiError
    expect(err.code).toBe('SERVICE_BUSY')
    expect(err.message).toBe('当前访问人数较多，请稍后再试')
  })

  test('a retried state-changing call is done once: the same key goes with every try', async () => {
    await mock.qaApi('addFault', { path: '/api/sim/pay', status: 503, count: 1 })
    const result = await call(
      'simPayRun',
      { orderId: 'o-2' },
      { retry: { retries: 2, baseDelayMs: 5, maxDelayMs: 10 } },
    )
    expect(result.outcome).toBe('success')
  })

  test('a network failure is a NETWORK_ERROR with a Chinese message, after retrying', async () => {
    const closed = await startMock()
    const url = closed.url
    await closed.close()
    setApiBase(url)
    try {
      const err = (await call('health', {}, { retry: { retries: 1, baseDelayMs: 5, maxDelayMs: 10 } }).catch(
        (e: unknown) => e,
      )) as ApiError
      expect(err.code).toBe('NETWORK_ERROR')
      expect(err.isNetwork).toBe(true)
      expect(err.message).toBe('网络连接失败，请检查网络后重试')
    } finally {
      setApiBase(mock.url)
    }
  })

  test('the session token is sent; a 401 on an authenticated call clears it and tells the app', async () => {
    const authed = { ...endpoints.health, path: '/api/nothing-authed', auth: true }
    setSessionToken('stale-token')
    let told = 0
    setSessionExpiredListener(() => told++)
    const { callEndpoint } = await import('../../src/api/request')
    // An unknown route answers 404, not 401: the token stays.
    await callEndpoint(authed, {}).catch(() => undefined)
    expect(getSessionToken()).toBe('stale-token')
    expect(told).toBe(0)
    setSessionExpiredListener(null)
    setSessionToken(null)
  })
})

describe('buildUrl', () => {
  test('fills path parameters and puts the rest in the query for GET', () => {
    const { url, body } = buildUrl({ method: 'GET', path: '/api/x/:id' }, { id: 'a b', q: '护士', empty: undefined })
    expect(url.endsWith('/api/x/a%20b?q=%E6%8A%A4%E5%A3%AB')).toBe(true)
    expect(body).toBeUndefined()
  })
  test('puts the rest in the body for POST', () => {
    const { url, body } = buildUrl({ method: 'POST', path: '/api/x/:id/run' }, { id: '7', outcome: 'pass' })
    expect(url.endsWith('/api/x/7/run')).toBe(true)
    expect(body).toEqual({ outcome: 'pass' })
  })
})
