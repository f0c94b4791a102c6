import { endpoints } from '../../types/api'
import { startMock, type RunningMock } from '../support/servers'

/**
 * The H5 app and the mock server run on different origins (npm start): the browser asks the server first (CORS
 * preflight) for every method but GET/HEAD/POST. Every method the contract uses must be allowed, DELETE included.
 */
describe('CORS', () => {
  let mock: RunningMock
  beforeAll(async () => {
    mock = await startMock()
  })
  afterAll(() => mock.close())

  const appOrigin = 'http://127.0.0.1:10087'
  const samplePath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, 'x1')

  test.each(Object.entries(endpoints))('the preflight for %s allows its method and headers', async (_name, e) => {
    const res = await fetch(`${mock.url}${samplePath(e.path)}`, {
      method: 'OPTIONS',
      headers: {
        origin: appOrigin,
        'access-control-request-method': e.method,
        'access-control-request-headers': 'content-type,authorization,idempotency-key',
      },
    })
    expect(res.status).toBeLessThan(300)
    expect(res.headers.get('access-control-allow-origin')).toBe(appOrigin)
    const methods = (res.headers.get('access-control-allow-methods') ?? '').split(',').map((m) => m.trim())
    expect(methods).toContain(e.method)
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase()
    for (const h of ['content-type', 'authorization', 'idempotency-key']) expect(allowed).toContain(h)
  })

  test('another origin is not allowed', async () => {
    const res = await fetch(`${mock.url}/api/profile/binding`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'DELETE' },
    })
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })
})
