/**
 * What differs between the three mini-program runtimes, as far as the host models them. WeChat is the model; the
 * others name their API object, some lifecycles, request fields and event objects differently.
 */
export type MiniTarget = 'weapp' | 'swan' | 'alipay'
export const MINI_TARGETS: MiniTarget[] = ['weapp', 'alipay', 'swan']

export interface Flavour {
  target: MiniTarget
  /** The API object's global name. */
  apiName: 'wx' | 'swan' | 'my'
  /** Page lifecycles in the order the platform calls them when a page opens (Baidu: onInit before onLoad). */
  pageOpen: string[]
  /** Whether the JS engine has `globalThis` (Alipay's has neither it nor `global`). */
  hasGlobalThis: boolean
  /** The success object of a request: WeChat/Baidu `statusCode`/`header`, Alipay `status`/`headers`. */
  requestSuccess: (status: number, data: unknown, headers: Record<string, string>) => Record<string, unknown>
  /** The request headers as the request API receives them (Alipay's is `headers`). */
  requestHeaders: (opts: Record<string, unknown>) => Record<string, string>
  /** How a failed call reports itself (WeChat/Baidu errMsg, Alipay error + errorMessage). */
  failure: (api: string, code: number, message: string) => Record<string, unknown>
  /** How a successful callback result is tagged. */
  okTag: (api: string) => Record<string, unknown>
  /** Fills in the target part of an event object the way the platform's view layer does. */
  eventTarget: (id: string, sid: string) => Record<string, unknown>
  /** User data folder prefix of temp and user files. */
  userDataPath: string
  /** The client's own name, as system info reports it. */
  app: string
}

const wxLike = {
  pageOpen: ['onLoad', 'onShow', 'onReady'],
  hasGlobalThis: true,
  requestSuccess: (statusCode: number, data: unknown, header: Record<string, string>) => ({ statusCode, data, header }),
  requestHeaders: (opts: Record<string, unknown>) => (opts.header ?? {}) as Record<string, string>,
  failure: (api: string, code: number, message: string) => ({ errMsg: `${api}:fail ${message}`, errCode: code }),
  okTag: (api: string) => ({ errMsg: `${api}:ok` }),
  eventTarget: (id: string, sid: string) => ({ id, offsetLeft: 0, offsetTop: 0, dataset: { sid } }),
}

export const weapp: Flavour = { ...wxLike, target: 'weapp', apiName: 'wx', userDataPath: 'wxfile://usr', app: 'WeChat' }

export const swan: Flavour = {
  ...wxLike,
  target: 'swan',
  apiName: 'swan',
  pageOpen: ['onInit', 'onLoad', 'onShow', 'onReady'],
  userDataPath: 'bdfile://usr',
  app: 'baiduboxapp',
}

export const alipay: Flavour = {
  target: 'alipay',
  apiName: 'my',
  pageOpen: ['onLoad', 'onShow', 'onReady'],
  hasGlobalThis: false,
  requestSuccess: (status, data, headers) => ({ status, data, headers }),
  requestHeaders: (opts) => (opts.headers ?? {}) as Record<string, string>,
  // https://opendocs.alipay.com/mini/api/error-code : `error` is a number, `errorMessage` the text (2 = 参数错误).
  failure: (_api, code, message) => ({ error: code, errorMessage: message }),
  okTag: () => ({}),
  // Alipay's event target carries `targetDataset` beside `dataset`, and no offsets.
  eventTarget: (id, sid) => ({ id, dataset: { sid }, targetDataset: { sid } }),
  userDataPath: 'https://usr',
  app: 'alipay',
}

export const flavours: Record<MiniTarget, Flavour> = { weapp, swan, alipay }

export function isMiniTarget(value: string): value is MiniTarget {
  return value === 'weapp' || value === 'swan' || value === 'alipay'
}
