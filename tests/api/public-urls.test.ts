import { DEMO_CANDIDATE } from '../../mock-server/scenarios'
import { publicBaseUrlOf } from '../../mock-server/app'
import { startMock, type RunningMock } from '../support/servers'
import { bearer, send } from './support/candidates'

/**
 * The URLs the server hands out come from its configuration (`publicBaseUrl`, `--public-base-url`; by default the
 * address it listens on), never from a request's Host or X-Forwarded-* headers (issue 20): a caller must not choose
 * where a certificate's verification QR points.
 */
describe('links the server hands out', () => {
  const hostile = {
    host: 'evil.example',
    'x-forwarded-host': 'evil.example',
    'x-forwarded-proto': 'https',
    forwarded: 'host=evil.example;proto=https',
  }

  async function certificate(mock: RunningMock, headers: Record<string, string> = {}) {
    await mock.qaApi('loadScenario', { name: 'results' })
    const { token } = await mock.qaApi('createSession', { username: DEMO_CANDIDATE.username })
    const res = await send(mock, 'GET', '/api/results/certificate', undefined, { ...bearer(token), ...headers })
    expect(res.status).toBe(200)
    return (res.body as { certificate: { number: string; verifyUrl: string; qr: { text: string } } }).certificate
  }

  test('by default the verification URL is the listening address, whatever Host the caller sends', async () => {
    const mock = await startMock()
    try {
      const c = await certificate(mock, hostile)
      expect(c.verifyUrl).toBe(`${mock.url}/api/results/verify/${c.number}`)
      expect(c.qr.text).toBe(c.verifyUrl)
      expect(JSON.stringify(c)).not.toContain('evil')
    } finally {
      await mock.close()
    }
  }, 60_000)

  test('with publicBaseUrl configured, the URL and its QR start there, whatever Host the caller sends', async () => {
    const mock = await startMock({ publicBaseUrl: 'https://exam.example.cn/' })
    try {
      const c = await certificate(mock, hostile)
      expect(c.verifyUrl).toBe(`https://exam.example.cn/api/results/verify/${c.number}`)
      expect(c.qr.text).toBe(c.verifyUrl)
    } finally {
      await mock.close()
    }
  }, 60_000)

  test('a publicBaseUrl that is not an http(s) origin is refused at start', () => {
    expect(publicBaseUrlOf('https://exam.example.cn/base/')).toBe('https://exam.example.cn/base')
    for (const bad of ['exam.example.cn', 'javascript:alert(1)', 'https://exam.example.cn/?q=1', 'ftp://x.cn'])
      expect(() => publicBaseUrlOf(bad)).toThrow(/publicBaseUrl/)
  })
})
