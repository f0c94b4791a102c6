import { declareNetwork } from '../../../config/network'
import type { MiniProgramHost } from '../src/host'
import { MINI_TARGETS } from '../src/platforms'
import { callApi, FAKE_API, fakeHosts, localServer } from './fake-output'

/** Requests go only where the build declares, over HTTPS, as on a phone (network.ts, config/network.ts). */
const seen: string[] = []
const server = localServer((req, res) => {
  seen.push(req.url ?? '')
  res.setHeader('content-type', 'application/json')
  res.end('{"ok":true}')
})
afterEach(() => {
  seen.length = 0
})

const fakeHost = fakeHosts()
/** A host on an output that declares `network` (none at all: null; the production declaration: left out). */
function host(target: 'weapp' | 'alipay' | 'swan', network?: object | null) {
  const files: Record<string, string | null> = { 'pages/a/index.js': 'Page({})' }
  if (network !== undefined) files['network.json'] = network && JSON.stringify(network)
  return fakeHost(target, files, { mockUrl: server.url })
}

/** A request or an upload (of a one-byte temp file) to `url`, as the app makes it. */
function request(h: MiniProgramHost, api: string, url: string) {
  const upload =
    api === 'uploadFile'
      ? {
          filePath: h.files.addTemp(h.flavour.userDataPath, Buffer.from('x'), 'jpg'),
          ...(h.target === 'alipay' ? { fileName: 'f', fileType: 'image' } : { name: 'f' }),
        }
      : {}
  return callApi(h, api, { url, ...upload })
}

const REFUSED = {
  weapp: (api: string) => ({ errMsg: `${api}:fail url not in domain list`, errno: 600002 }),
  alipay: () => ({ error: 11, errorMessage: expect.stringContaining('无权跨域') }),
  swan: (api: string) => ({ errMsg: `${api}:fail url not in domain list`, errCode: 1001 }),
}

describe.each(MINI_TARGETS)('%s', (target) => {
  it.each(['request', 'uploadFile', 'downloadFile'])(
    '%s: refuses http: and hosts outside the declared list with the platform’s own answer',
    async (api) => {
      const h = host(target)
      await h.launch()
      for (const url of [
        'http://api.example.invalid/api/x',
        'https://other.example.invalid/api/x',
        `${server.url}/api/x`,
      ]) {
        const out = await request(h, api, url)
        expect([url, out.ok]).toEqual([url, false])
        expect(out.res).toMatchObject(REFUSED[target](api))
      }
      expect(seen).toEqual([])
      expect(h.network.refused.map((r) => r.reason)).toEqual([
        'http: is refused: HTTPS only',
        `https://other.example.invalid is not in the build's ${api} domain list`,
        'http: is refused: HTTPS only',
      ])
      // The declared origin reaches the mock server.
      const ok = await request(h, api, `${FAKE_API}/api/x?q=1`)
      expect(ok.ok).toBe(true)
      expect(seen).toEqual(['/api/x?q=1'])
    },
  )
})

it('a QA build that declares loopback reaches http://127.0.0.1 on its declared port only', async () => {
  const qa = declareNetwork({ API_LOOPBACK: '1' })
  const h = host('weapp', qa)
  await h.launch()
  expect((await request(h, 'request', 'http://127.0.0.1:3100/api/x')).ok).toBe(true)
  expect(seen).toEqual(['/api/x'])
  expect((await request(h, 'request', 'http://127.0.0.1:3999/api/x')).ok).toBe(false)
  expect((await request(h, 'request', 'http://10.0.0.2:3100/api/x')).ok).toBe(false)
})

it('a build with no declaration reaches nothing', async () => {
  const h = host('weapp', null as unknown as object)
  await h.launch()
  const out = await request(h, 'request', `${FAKE_API}/api/x`)
  expect(out.ok).toBe(false)
  expect(h.network.refused[0]?.reason).toMatch(/declares no domains/)
})

describe('the build’s declaration (config/network.ts)', () => {
  it('a production build needs an https API_BASE', () => {
    expect(() => declareNetwork({})).toThrow(/API_BASE is not set/)
    expect(() => declareNetwork({ API_BASE: 'http://127.0.0.1:3100' })).toThrow(/must be https/)
    expect(() => declareNetwork({ API_BASE: 'http://api.example.cn' })).toThrow(/must be https/)
    expect(declareNetwork({ API_BASE: 'https://api.example.cn/' })).toEqual({
      apiBase: 'https://api.example.cn',
      loopback: false,
      request: ['https://api.example.cn'],
      uploadFile: ['https://api.example.cn'],
      downloadFile: ['https://api.example.cn'],
    })
  })

  it('loopback only when the build says so, and only on a loopback host', () => {
    expect(declareNetwork({ API_LOOPBACK: '1' })).toMatchObject({ apiBase: 'http://127.0.0.1:3100', loopback: true })
    expect(declareNetwork({ API_LOOPBACK: '1', API_BASE: 'http://localhost:4000' }).request).toEqual([
      'http://localhost:4000',
    ])
    expect(() => declareNetwork({ API_LOOPBACK: '1', API_BASE: 'http://192.168.1.5:3100' })).toThrow(/must be https/)
    expect(() => declareNetwork({ API_BASE: 'https://a.cn', REQUEST_DOMAINS: 'http://b.cn' })).toThrow(/https/)
    expect(declareNetwork({ API_BASE: 'https://a.cn', REQUEST_DOMAINS: 'https://b.cn' }).request).toEqual([
      'https://a.cn',
      'https://b.cn',
    ])
  })
})
