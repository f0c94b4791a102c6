import {
  api,
  ApiError,
  call,
  getSessionToken,
  setApiBase,
  setSessionExpiredListener,
  setSessionToken,
} from '../../src/api'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { buildUrl } from '../../src/api/request'
import { onRetryStatus, type RetryStatus } from '../../src/api/retry-status'
import { resetServerClock, serverNow, serverOffsetMs } from '../../src/api/server-clock'
import { makeIdNumber } from '../../mock-server/scenarios'
import { endpoints } from '../../types/api'
import { startMock } from '../support/servers'
import { clientAgainstMock } from './support/client-mock'

/** The app's own API client (src/api, over Taro.request) against the real mock server on an ephemeral port. */
describe('API client against the mock server', () => {
  const mock = clientAgainstMock()
  beforeEach(async () => {
    await mock.qaApi('clearFaults')
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

describe('uploads through the same transport', () => {
  const mock = clientAgainstMock()
  const PHOTO = path.join(__dirname, '..', 'fixtures', 'photos', 'valid-358x441.jpg')

  test('api.upload sends the session, retries a 503 and answers with the typed body', async () => {
    const idNumber = makeIdNumber('110105', '19900101', '731')
    await mock.qaApi('createCandidate', { username: 'uploader', password: 'Abcdef12', name: '张三', idNumber })
    const { token } = await mock.qaApi('createSession', { username: 'uploader' })
    setSessionToken(token)
    await mock.qaApi('addFault', { path: '/api/profile/photo', status: 503, count: 1 })
    const percents: number[] = []
    const photo = await api.upload(
      'uploadPhoto',
      PHOTO,
      {},
      { retry: { retries: 2, baseDelayMs: 5, maxDelayMs: 10 }, onProgress: (p) => percents.push(p) },
    )
    expect(photo.state).toBe('pending')
    expect(photo.width).toBe(358)
    expect(percents).toContain(100)
  })

  test('an upload answered 429 with Retry-After waits what the server asked, then goes through, like call()', async () => {
    const idNumber = makeIdNumber('110105', '19900101', '732')
    await mock.qaApi('createCandidate', { username: 'uploader2', password: 'Abcdef12', name: '张三', idNumber })
    const { token } = await mock.qaApi('createSession', { username: 'uploader2' })
    setSessionToken(token)
    await mock.qaApi('setWireFaults', {
      rate: 1,
      kinds: ['rate-limit'],
      path: '/api/profile/photo',
      retryAfterSeconds: 1,
    })
    const seen: Array<RetryStatus | null> = []
    // The first refusal is seen; the server is then calm again, so the retry after the wait goes through.
    const stop = onRetryStatus((s) => {
      seen.push(s)
      if (s) void mock.qaApi('clearWireFaults')
    })
    const started = Date.now()
    const photo = await api
      .upload('uploadPhoto', PHOTO, {}, { retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 1 } })
      .finally(stop)
    // Backoff alone would have waited 1 ms: the wait is the Retry-After the upload's headers carried.
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    expect(seen).toEqual([{ attempt: 2, of: 3, waitMs: 1000, reason: 'rate-limit' }, null])
    expect(photo.width).toBe(358)
  })

  test('a 401 on an upload clears the session and tells the app, like call()', async () => {
    setSessionToken('stale-token')
    let told = 0
    setSessionExpiredListener(() => told++)
    const err = (await api.upload('uploadPhoto', PHOTO).catch((e: unknown) => e)) as ApiError
    expect(err).toBeInstanceOf(ApiError)
    expect(err.status).toBe(401)
    expect(err.message).toMatch(/[\u4e00-\u9fff]/)
    expect(told).toBe(1)
    expect(getSessionToken()).toBeNull()
    setSessionExpiredListener(null)
  })
})

describe("the server's clock", () => {
  afterEach(() => resetServerClock())

  test('the mock server and the client agree on the time (x-server-time)', async () => {
    const mock = await startMock()
    setApiBase(mock.url)
    try {
      await api.health()
      expect(Math.abs(serverOffsetMs())).toBeLessThan(1500)
    } finally {
      await mock.close()
    }
  })

  test('QA moves the server clock past the session expiry: the client follows the clock and asks for login', async () => {
    const mock = await startMock()
    setApiBase(mock.url)
    try {
      const idNumber = makeIdNumber('110105', '19900101', '752')
      await mock.qaApi('createCandidate', { username: 'clockwise', password: 'Abcdef12', name: '张三', idNumber })
      const { token } = await mock.qaApi('createSession', { username: 'clockwise' })
      setSessionToken(token)
      expect((await api.me()).username).toBe('clockwise')
      expect(Math.abs(serverOffsetMs())).toBeLessThan(1500)

      const threeHours = 3 * 60 * 60 * 1000
      await mock.qaApi('setClock', { advanceMs: threeHours })
      let asked = 0
      setSessionExpiredListener(() => asked++)
      const err = (await api.me().catch((e: unknown) => e)) as ApiError
      expect(err.status).toBe(401)
      expect(asked).toBe(1)
      expect(getSessionToken()).toBeNull()
      // Countdowns now run on the server's (moved) time.
      expect(Math.abs(serverNow() - Date.now() - threeHours)).toBeLessThan(1500)
    } finally {
      setSessionExpiredListener(null)
      await mock.close()
    }
  })

  test('a server a day ahead moves serverNow() a day ahead', async () => {
    const ahead = 86_400_000
    const server = http.createServer((_req, res) => {
      res.setHeader('date', new Date(Date.now() + ahead).toUTCString())
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({ ok: true, version: 'x', qa: false }))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    setApiBase(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
    try {
      await api.health()
      expect(Math.abs(serverNow() - Date.now() - ahead)).toBeLessThan(1500)
    } finally {
      server.close()
    }
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
