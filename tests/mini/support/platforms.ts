import type { Flavour, RequestCall } from './sandbox'

/**
 * The three hosts' differences, as far as booting a Taro app needs them. WeChat is the model; Baidu opens a page
 * with onInit before onLoad; Alipay's my.request takes `headers` and answers with `status`/`headers`.
 */

const wxLikeRequest = (opts: Record<string, unknown>): RequestCall => ({
  url: String(opts.url),
  method: String(opts.method ?? 'GET'),
  data: opts.data,
  header: (opts.header ?? {}) as Record<string, string>,
})

/** WeChat's request and page lifecycle; Baidu differs from it only in opening a page with onInit first. */
const wxLike: Omit<Flavour, 'target' | 'apiName'> = {
  pageOpen: ['onLoad', 'onShow', 'onReady'],
  requestOptions: wxLikeRequest,
  requestSuccess: ({ statusCode, data }) => ({
    statusCode,
    data,
    header: { 'content-type': 'application/json' },
    errMsg: 'request:ok',
  }),
}

export const weapp: Flavour = { ...wxLike, target: 'weapp', apiName: 'wx' }

export const swan: Flavour = { ...wxLike, target: 'swan', apiName: 'swan', pageOpen: ['onInit', ...wxLike.pageOpen] }

export const alipay: Flavour = {
  target: 'alipay',
  apiName: 'my',
  pageOpen: ['onLoad', 'onShow', 'onReady'],
  requestOptions: (opts) => ({
    url: String(opts.url),
    method: String(opts.method ?? 'GET'),
    data: opts.data,
    header: (opts.headers ?? {}) as Record<string, string>,
  }),
  requestSuccess: ({ statusCode, data }) => ({
    status: statusCode,
    data,
    headers: { 'content-type': 'application/json' },
  }),
  // Alipay's JS engine has neither `globalThis` nor `global`: reading either throws (Taro issue
  // https://github.com/NervJS/taro/issues/18140), so a bundle that does so at load stops on its first page.
  lacks: ['globalThis'],
  // Alipay's JS engine has a navigator of its own (Taro's alipay build reads it instead of shimming it).
  extraGlobals: () => ({
    navigator: { userAgent: 'Mozilla/5.0 (iPhone) AlipayClient/10.5.0 MiniProgram', swuserAgent: '' },
  }),
  // Alipay's storage takes an options object even in its sync form, and answers {data}.
  extraApi: (host) => {
    const store = new Map<string, unknown>()
    return {
      // Taro maps setNavigationBarTitle/Color onto this.
      setNavigationBar: (opts: unknown) => host.recordCall('setNavigationBar', opts),
      getStorageSync: (opts: { key: string }) => ({ data: store.has(opts.key) ? store.get(opts.key) : null }),
      setStorageSync: (opts: { key: string; data: unknown }) => void store.set(opts.key, opts.data),
      removeStorageSync: (opts: { key: string }) => void store.delete(opts.key),
      clearStorageSync: () => store.clear(),
    }
  },
}

export const flavours = { weapp, swan, alipay }
