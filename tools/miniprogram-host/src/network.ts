import fs from 'node:fs'
import path from 'node:path'
import { isLoopbackHost, type NetworkDeclaration } from '../../../config/network'
import type { MiniTarget } from './platforms'

/**
 * The network as a phone sees it: requests, uploads and downloads go only over HTTPS to the domains the build
 * declares (its `network.json`, written by config/index.ts from config/network.ts: what goes into each platform's
 * console). A QA, test or dev build declares `loopback` and may then use http:// on 127.0.0.1 or localhost; a
 * production build never does. Anything else is refused the way the platform refuses it.
 *
 * The tests' mock server listens on a free port: the host resolves the build's declared API origin to it, like a
 * hosts-file entry, and only that origin. Nothing else is redirected.
 */
export type NetworkApi = 'request' | 'uploadFile' | 'downloadFile'

/**
 * Each platform's refusal of a URL outside its domain list:
 * - WeChat: `{errMsg: '<api>:fail url not in domain list', errno: 600002}`
 *   (https://developers.weixin.qq.com/miniprogram/dev/framework/usability/PublicErrno.html, 600002; plain http is
 *   refused the same way: https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html).
 * - Alipay: `{error: 11, errorMessage: '无权跨域'}` (my.request's error table, 11 无权跨域: the URL is not in the
 *   服务器域名白名单 or not HTTPS; https://opendocs.alipay.com/mini/api/owycmh).
 * - Baidu: documents no code of its own for this refusal (https://smartprogram.baidu.com/docs/develop/api/net/request/):
 *   `{errMsg: '<api>:fail url not in domain list', errCode: 1001}`, 1001 being Baidu's general 执行失败.
 */
export function refusalOf(target: MiniTarget, api: NetworkApi, url: string): Record<string, unknown> {
  if (target === 'alipay') return { error: 11, errorMessage: `无权跨域: ${url}` }
  if (target === 'weapp') return { errMsg: `${api}:fail url not in domain list`, errno: 600002 }
  return { errMsg: `${api}:fail url not in domain list`, errCode: 1001 }
}

export class HostNetwork {
  readonly declaration: NetworkDeclaration | null
  /** Every call refused, with why (a spec or test reads it). */
  readonly refused: { api: NetworkApi; url: string; reason: string }[] = []

  constructor(
    distDir: string,
    private readonly target: MiniTarget,
    private readonly mockUrl: string | undefined,
  ) {
    const file = path.join(distDir, 'network.json')
    this.declaration = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as NetworkDeclaration) : null
  }

  /** Why the phone would refuse this URL for this API, or null when it goes out. */
  refusalReason(api: NetworkApi, url: string): string | null {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      return `not a URL: ${url}`
    }
    const d = this.declaration
    if (!d) return 'the build declares no domains (no network.json beside app.json)'
    const loopbackHttp = d.loopback && parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)
    if (parsed.protocol !== 'https:' && !loopbackHttp) return `${parsed.protocol} is refused: HTTPS only`
    if (!d[api].includes(parsed.origin)) return `${parsed.origin} is not in the build's ${api} domain list`
    return null
  }

  /**
   * The URL to fetch for an app's call; a refused one throws the platform's failure answer (refusalOf) and is kept
   * in `refused` with the reason. The declared API origin goes to the mock server when the host has one.
   */
  route(api: NetworkApi, url: string): string {
    const reason = this.refusalReason(api, url)
    if (reason) {
      this.refused.push({ api, url, reason })
      throw refusalOf(this.target, api, url)
    }
    const d = this.declaration as NetworkDeclaration
    const apiOrigin = new URL(d.apiBase).origin
    const parsed = new URL(url)
    if (this.mockUrl && parsed.origin === apiOrigin) {
      return `${this.mockUrl.replace(/\/$/, '')}${parsed.pathname}${parsed.search}`
    }
    return url
  }
}
