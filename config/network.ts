/**
 * Where the app's requests may go, decided at build time.
 *
 * Every platform sends requests and uploads only over HTTPS to the domains listed in its console (WeChat 服务器域名:
 * https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html ; Alipay 服务器域名白名单:
 * https://opendocs.alipay.com/mini/api/owycmh ; Baidu 服务器域名: https://smartprogram.baidu.com/docs/develop/api/net/request/).
 * So a production build needs `API_BASE=https://…`, and its origin is the one domain to declare there. A build for
 * QA, tests or development that talks to the mock server on this machine says so with `API_LOOPBACK=1`: then
 * `API_BASE` may be `http://` on a loopback host (default `http://127.0.0.1:3100`). Nothing else gets `http:`.
 *
 * The mini builds write the declaration as `network.json` beside `app.json` (the domains to enter in each console,
 * and whether the build is a loopback one); the mini-program host refuses any request outside it, as a phone does.
 */
export interface NetworkDeclaration {
  /** The API's base URL, compiled into the app. */
  apiBase: string
  /** A QA/dev/test build that may talk plain HTTP to a loopback host. Never true in a production build. */
  loopback: boolean
  /** Origins per domain list of the consoles (request, uploadFile, downloadFile 合法域名). */
  request: string[]
  uploadFile: string[]
  downloadFile: string[]
}

export const LOOPBACK_DEFAULT_API = 'http://127.0.0.1:3100'
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname)
}

/** The build's network declaration from its environment; throws (the build fails) on a production build without HTTPS. */
export function declareNetwork(env: Record<string, string | undefined>): NetworkDeclaration {
  const loopback = env.API_LOOPBACK === '1'
  const apiBase = env.API_BASE ?? (loopback ? LOOPBACK_DEFAULT_API : undefined)
  if (!apiBase) {
    throw new Error(
      'API_BASE is not set. A production build needs the backend’s HTTPS address (API_BASE=https://api.example.cn); ' +
        'a QA, test or development build against the mock server on this machine sets API_LOOPBACK=1 ' +
        '(npm test, npm start, npm run dev and `npm run build -- --qa` do).',
    )
  }
  let url: URL
  try {
    url = new URL(apiBase)
  } catch {
    throw new Error(`API_BASE is not a URL: ${apiBase}`)
  }
  if (url.protocol !== 'https:') {
    if (!(loopback && url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
      throw new Error(
        `API_BASE must be https:// (every platform refuses plain HTTP on a phone): ${apiBase}. ` +
          'Only a build with API_LOOPBACK=1 may use http:// on 127.0.0.1 or localhost.',
      )
    }
  }
  const extra = (env.REQUEST_DOMAINS ?? '')
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean)
  for (const d of extra) {
    if (!/^https:\/\/[^/]+$/.test(d)) throw new Error(`REQUEST_DOMAINS lists origins as https://host[:port]: ${d}`)
  }
  const domains = [url.origin, ...extra.filter((d) => d !== url.origin)]
  return { apiBase: apiBase.replace(/\/$/, ''), loopback, request: domains, uploadFile: domains, downloadFile: domains }
}
