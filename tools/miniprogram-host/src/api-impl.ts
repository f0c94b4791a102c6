import vm from 'node:vm'
import sharp from 'sharp'
import type { ApiTable } from './api-table'
import type { HostCanvases } from './canvas'
import { ApiFailure, withResponseHeaders, type CanvasHost, type HostOptions } from './host-core'
import type { HostNetwork } from './network'

/**
 * The host's stand-ins for each platform API, by the platform's own name: storage in memory, routing on the host's
 * page stack, request and uploadFile over real HTTP to the mock server, and the platform-only abilities (login code,
 * face verification, payment, subscribe) answered from the mock server's simulation (/api/sim/..., outcomes set by QA's
 * simFace, simPay, simSubscribe). Results take each platform's documented shape (apis.<target>.ts).
 */
export type Impl = (opts: Record<string, unknown>, args: unknown[]) => unknown

/** What the stand-ins use of their host (host.ts), which builds them. */
export interface ImplHost extends CanvasHost {
  readonly table: ApiTable
  readonly context: vm.Context
  readonly options: HostOptions
  readonly canvases: HostCanvases
  readonly requests: { url: string; method: string }[]
  /** Where requests may go (the build's declared domains): network.ts. */
  readonly network: HostNetwork
  readonly storage: Map<string, unknown>
  readonly appJson: { pages: string[] }
  modal: { options: Record<string, unknown>; answer: (confirm: boolean) => void } | null
  readonly seen: { verifyId?: string; orderId?: string }
  route(method: string, opts: Record<string, unknown>): Promise<unknown>
}

const SYSTEM = {
  brand: 'devtools',
  model: 'iPhone 12',
  pixelRatio: 3,
  screenWidth: 390,
  screenHeight: 844,
  windowWidth: 390,
  windowHeight: 763,
  statusBarHeight: 47,
  language: 'zh_CN',
  system: 'iOS 16.0',
  fontSizeSetting: 16,
  safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 },
}

export function makeImplementations(host: ImplHost): Record<string, Impl> {
  const target = host.target
  const systemInfo = {
    ...SYSTEM,
    platform: 'devtools',
    version: target === 'alipay' ? '10.5.0' : '8.0.50',
    SDKVersion: target === 'alipay' ? '2.9.0' : '3.5.0',
    app: host.flavour.app,
  }
  const device = `${target}${Math.random().toString(36).slice(2, 10)}`
  const mock = () => {
    const url = host.options.mockUrl
    if (!url) throw new ApiFailure(12, 'the host has no mock server to answer from')
    return url.replace(/\/$/, '')
  }
  const sim = async (pathname: string, body: unknown): Promise<Record<string, unknown>> => {
    const res = await fetch(`${mock()}${pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (!res.ok) throw new ApiFailure(3, `simulation ${pathname} answered ${res.status}`)
    return (await res.json()) as Record<string, unknown>
  }
  // Only the build's declared domains, over HTTPS (or loopback in a QA build); the API origin reaches the mock server.
  const reach = (api: 'request' | 'uploadFile' | 'downloadFile', url: string) => host.network.route(api, url)
  const remember = (data: unknown) => {
    if (data && typeof data === 'object') {
      const d = data as Record<string, unknown>
      if (typeof d.verifyId === 'string') host.seen.verifyId = d.verifyId
      if (typeof d.orderId === 'string') host.seen.orderId = d.orderId
    }
  }
  // The app checks `data instanceof ArrayBuffer`: the buffer must come from the app's own realm.
  const toContextBuffer = (buf: Buffer) => {
    const contextArrayBuffer = vm.runInContext('ArrayBuffer', host.context) as ArrayBufferConstructor
    const out = new contextArrayBuffer(buf.length)
    new Uint8Array(out).set(buf)
    return out
  }
  const route = (method: string) => (opts: Record<string, unknown>) => host.route(method, opts)
  const ok = () => ({})
  /** The code for a file the album cannot take: Alipay's 17 (other error); elsewhere the host's file-not-found. */
  const albumMiss = target === 'alipay' ? 17 : 4
  const noop = () => undefined
  const storageKey = (o: Record<string, unknown>) => String(o.key)

  const fsm = {
    readFile: (o: Record<string, unknown>) => {
      const cb = o as { success?: (r: unknown) => void; fail?: (r: unknown) => void }
      setTimeout(() => {
        try {
          const buf = host.files.read(String(o.filePath ?? o.apFilePath))
          const start = Number(o.position ?? 0)
          const slice = buf.subarray(start, o.length === undefined ? undefined : start + Number(o.length))
          cb.success?.({ data: o.encoding ? slice.toString(o.encoding as BufferEncoding) : toContextBuffer(slice) })
        } catch (err) {
          cb.fail?.(
            host.flavour.failure(
              'readFile',
              1,
              `no such file or directory ${String(o.filePath)}: ${(err as Error).message}`,
            ),
          )
        }
      }, 0)
    },
    readFileSync: (filePath: string, encoding?: BufferEncoding) => {
      const buf = host.files.read(filePath)
      return encoding ? buf.toString(encoding) : toContextBuffer(buf)
    },
    writeFileSync: (filePath: string, data: string | ArrayBuffer, encoding?: BufferEncoding) =>
      host.files.write(filePath, typeof data === 'string' ? data : new Uint8Array(data), encoding),
    writeFile: (o: Record<string, unknown>) => {
      host.files.write(String(o.filePath), o.data as string, o.encoding as BufferEncoding)
      setTimeout(() => (o.success as ((r: unknown) => void) | undefined)?.({}), 0)
    },
    accessSync: (filePath: string) => void host.files.read(filePath),
    mkdirSync: noop,
  }

  const request: Impl = async (o) => {
    if (host.options.offline) {
      host.requests.push({ url: String(o.url), method: String(o.method ?? 'GET') })
      throw new ApiFailure(12, 'request:fail offline')
    }
    const method = String(o.method ?? 'GET').toUpperCase()
    const headers: Record<string, string> = { ...host.flavour.requestHeaders(o) }
    let url = reach('request', String(o.url))
    let body: string | undefined
    const data = o.data
    if (method === 'GET' || method === 'HEAD') {
      if (data && typeof data === 'object') {
        const q = new URLSearchParams(Object.entries(data).map(([k, v]) => [k, String(v)])).toString()
        if (q) url += (url.includes('?') ? '&' : '?') + q
      }
    } else if (data !== undefined) {
      body = typeof data === 'string' ? data : JSON.stringify(data)
      if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
        headers['content-type'] = 'application/json'
    }
    host.requests.push({ url, method })
    let res: Response
    try {
      res = await fetch(url, { method, headers, body })
    } catch (err) {
      throw new ApiFailure(12, `request:fail ${(err as Error).message}`)
    }
    const text = await res.text()
    let parsed: unknown = text
    if (o.dataType === undefined || o.dataType === 'json') {
      try {
        parsed = text ? JSON.parse(text) : ''
      } catch {
        parsed = text
      }
    }
    remember(parsed)
    const responseHeaders: Record<string, string> = {}
    res.headers.forEach((v, k) => (responseHeaders[k] = v))
    return host.flavour.requestSuccess(res.status, parsed, responseHeaders)
  }

  const uploadFile: Impl = async (o) => {
    const filePath = String(o.filePath)
    let bytes: Buffer
    try {
      bytes = host.files.read(filePath)
    } catch {
      throw new ApiFailure(4, `uploadFile:fail file not found ${filePath}`)
    }
    const form = new FormData()
    for (const [k, v] of Object.entries((o.formData ?? {}) as Record<string, unknown>)) form.append(k, String(v))
    const field = String(target === 'alipay' ? o.fileName : o.name)
    form.append(field, new Blob([new Uint8Array(bytes)]), filePath.split('/').pop())
    const headers = { ...((target === 'alipay' ? o.header : o.header) ?? {}) } as Record<string, string>
    const url = reach('uploadFile', String(o.url))
    host.requests.push({ url, method: 'POST' })
    let res: Response
    try {
      res = await fetch(url, { method: 'POST', headers, body: form })
    } catch (err) {
      throw new ApiFailure(12, `uploadFile:fail ${(err as Error).message}`)
    }
    const text = await res.text()
    const header: Record<string, string> = {}
    res.headers.forEach((v, k) => (header[k] = v))
    // Alipay's answer carries the headers (https://opendocs.alipay.com/mini/api/kmq4hc); WeChat's and Baidu's answer
    // has data and statusCode only, their task's onHeadersReceived gets the headers first.
    return target === 'alipay'
      ? { data: text, statusCode: res.status, header }
      : withResponseHeaders({ data: text, statusCode: res.status }, header)
  }

  const getImageInfo: Impl = async (o) => {
    let meta: sharp.Metadata
    try {
      meta = await sharp(host.files.read(String(o.src))).metadata()
    } catch (err) {
      throw new ApiFailure(4, `getImageInfo:fail ${(err as Error).message}`)
    }
    return {
      width: meta.width,
      height: meta.height,
      path: o.src,
      orientation: 'up',
      type: meta.format === 'jpeg' ? 'jpeg' : meta.format,
    }
  }

  /**
   * A GET of the file into a temp file. WeChat and Baidu answer whatever status the server gave (the app checks
   * statusCode); Alipay answers `apFilePath` only, and fails on an error status.
   */
  const downloadFile: Impl = async (o) => {
    const url = reach('downloadFile', String(o.url))
    host.requests.push({ url, method: 'GET' })
    let res: Response
    try {
      res = await fetch(url, { headers: (o.header ?? {}) as Record<string, string> })
    } catch (err) {
      throw new ApiFailure(12, `downloadFile:fail ${(err as Error).message}`)
    }
    const bytes = new Uint8Array(await res.arrayBuffer())
    if (target === 'alipay' && !res.ok) throw { error: 12, errorMessage: `下载失败 (HTTP ${res.status})` }
    const ext = (res.headers.get('content-type') ?? '').includes('png') ? 'png' : 'jpg'
    const path = host.files.addTemp(
      target === 'alipay' ? 'https://resource' : `${host.flavour.userDataPath.replace(/usr$/, 'tmp')}`,
      bytes,
      ext,
    )
    host.canvases.downloads.set(path, new URL(url).pathname)
    return target === 'alipay' ? { apFilePath: path } : { tempFilePath: path, statusCode: res.status }
  }

  /** canvasToTempFilePath: a page canvas by canvasId, or (WeChat's canvas 2D) the canvas object. */
  const canvasToTempFilePath: Impl = async (o) => {
    if (o.canvas !== undefined && target === 'weapp') return { tempFilePath: host.canvases.exportOffscreen(o.canvas) }
    if (o.canvasId !== undefined) return { tempFilePath: host.canvases.exportPage(String(o.canvasId)) }
    throw new ApiFailure(2, 'parameter error: canvasId should be given')
  }

  /** No picture without a mock: the candidate closed the picker. */
  const choose: Impl = async () => {
    throw target === 'alipay' ? { error: 11, errorMessage: '用户取消操作' } : new ApiFailure(1, 'cancel')
  }

  const pay = async () => {
    const orderId = host.seen.orderId
    if (!orderId) throw new ApiFailure(3, 'no order was created by the server')
    return String((await sim(`/api/sim/pay/${encodeURIComponent(orderId)}/run`, {})).outcome)
  }
  const subscribe = async (ids: string[]) => String((await sim('/api/sim/subscribe', { templateIds: ids })).outcome)

  const modal: Impl = (o) =>
    new Promise((resolve) => {
      host.modal = {
        options: o,
        answer: (confirm) => {
          host.modal = null
          resolve(target === 'alipay' ? { confirm } : { confirm, cancel: !confirm })
        },
      }
    })

  const common: Record<string, Impl> = {
    canIUse: (o) => {
      const schema = String(o.schema ?? '')
      return Object.prototype.hasOwnProperty.call(host.table, schema.split('.')[0] ?? '')
    },
    getSystemInfoSync: () => systemInfo,
    getSystemInfo: async () => systemInfo,
    getWindowInfo: () => systemInfo,
    getDeviceInfo: () => systemInfo,
    getDeviceBaseInfo: () => systemInfo,
    getAppBaseInfo: () => systemInfo,
    getSystemSetting: () => ({}),
    getAppAuthorizeSetting: () => ({}),
    getEnvInfoSync: () => ({ appKey: 'host', env: 'development', sdkVersion: systemInfo.SDKVersion }),
    getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 51, right: 381, bottom: 83, left: 294 }),
    getLaunchOptionsSync: () => ({ path: host.appJson.pages[0], query: {}, scene: 1001 }),
    getEnterOptionsSync: () => ({ path: host.appJson.pages[0], query: {}, scene: 1001 }),
    onAppShow: noop,
    onAppHide: noop,
    offAppShow: noop,
    offAppHide: noop,
    onError: noop,
    onUnhandledRejection: noop,
    onNetworkStatusChange: noop,
    nextTick: (_o, args) => void setTimeout(args[0] as () => void, 0),
    createSelectorQuery: () => {
      const query: Record<string, unknown> = {}
      for (const k of ['select', 'selectAll', 'selectViewport', 'in', 'boundingClientRect', 'scrollOffset', 'fields']) {
        query[k] = () => query
      }
      query.exec = (cb?: (r: unknown[]) => void) => cb?.([])
      return query
    },
    getStorageSync: (o) => {
      const key = storageKey(o)
      const has = host.storage.has(key)
      // Alipay answers {data} (null when absent); WeChat and Baidu the value ('' when absent).
      return target === 'alipay' ? { data: has ? host.storage.get(key) : null } : has ? host.storage.get(key) : ''
    },
    setStorageSync: (o) => void host.storage.set(storageKey(o), JSON.parse(JSON.stringify(o.data ?? null))),
    removeStorageSync: (o) => void host.storage.delete(storageKey(o)),
    clearStorageSync: () => host.storage.clear(),
    getStorageInfoSync: () => ({ keys: [...host.storage.keys()], currentSize: 1, limitSize: 10240 }),
    getStorage: async (o) => {
      if (!host.storage.has(storageKey(o))) throw new ApiFailure(1, 'data not found')
      return { data: host.storage.get(storageKey(o)) }
    },
    setStorage: async (o) => (host.storage.set(storageKey(o), o.data), {}),
    removeStorage: async (o) => (host.storage.delete(storageKey(o)), {}),
    navigateTo: route('navigateTo'),
    redirectTo: route('redirectTo'),
    reLaunch: route('reLaunch'),
    switchTab: route('switchTab'),
    navigateBack: route('navigateBack'),
    showToast: ok,
    hideToast: ok,
    showLoading: ok,
    hideLoading: ok,
    showModal: modal,
    confirm: modal,
    setNavigationBarTitle: ok,
    setNavigationBar: ok,
    pageScrollTo: ok,
    request,
    uploadFile,
    getNetworkType: async () => ({ networkType: 'wifi' }),
    chooseMedia: choose,
    chooseImage: choose,
    getImageInfo,
    // The album takes the file (it must exist: Alipay answers 17, 保存图片过程中的其他错误, for a filePath it cannot
    // save); what it shows is kept for the spec (Host.takeSavedImages).
    // https://opendocs.alipay.com/mini/api/media/image/my.saveimagetophotosalbum
    saveImageToPhotosAlbum: async (o) => (
      host.canvases.save('saveImageToPhotosAlbum', String(o.filePath), albumMiss),
      {}
    ),
    saveImage: async (o) => (host.canvases.save('saveImage', String(o.url), albumMiss), {}),
    downloadFile,
    createCanvasContext: (o) => host.canvases.createContext(String(o.canvasId)),
    canvasToTempFilePath,
    // The type defaults to webgl (https://developers.weixin.qq.com/miniprogram/dev/api/canvas/wx.createOffscreenCanvas.html).
    createOffscreenCanvas: (o) =>
      host.canvases.createOffscreen(String(o.type ?? 'webgl'), Number(o.width ?? 300), Number(o.height ?? 150)),
    getFileInfo: async (o) => {
      try {
        return { size: host.files.read(String(o.apFilePath ?? o.filePath)).length, digest: '' }
      } catch {
        throw new ApiFailure(4, 'file not found')
      }
    },
    getFileSystemManager: () => fsm,
  }

  const byPlatform: Record<typeof target, Record<string, Impl>> = {
    weapp: {
      login: async () => ({ code: `${device}${Date.now().toString(36)}` }),
      // The face screen finished; WeChat's server (the mock's stand-in) holds the outcome QA set.
      requestFacialVerify: async () => ({ errCode: 0 }),
      requestPayment: async () => {
        const outcome = await pay()
        if (outcome !== 'success') throw new ApiFailure(-1, outcome === 'cancel' ? 'cancel' : 'payment failed')
        return {}
      },
      requestSubscribeMessage: async (o) => {
        const ids = o.tmplIds as string[]
        const outcome = await subscribe(ids)
        return Object.fromEntries(ids.map((id) => [id, outcome]))
      },
    },
    alipay: {
      getAuthCode: async () => ({ authCode: `${device}${Date.now().toString(36)}` }),
      // The certification screen finished; Alipay's server (the mock's stand-in) holds the outcome QA set.
      startAPVerify: async () => ({ resultStatus: '9000', result: null }),
      call: (_o, args) => {
        const [apiName, , callback] = args as [string, unknown, ((r: unknown) => void) | undefined]
        if (apiName !== 'startBizService') throw new Error(`my.call('${apiName}') is not in the alipay API table`)
        setTimeout(() => callback?.({ resultStatus: '9000', result: null }), 0)
      },
      tradePay: async () => {
        const outcome = await pay()
        return { resultCode: outcome === 'success' ? '9000' : outcome === 'cancel' ? '6001' : '4000' }
      },
      requestSubscribeMessage: async (o) => {
        const ids = o.entityIds as string[]
        const outcome = await subscribe(ids)
        return Object.fromEntries(ids.map((id) => [id, outcome]))
      },
    },
    swan: {
      getLoginCode: async () => ({ code: `${device}${Date.now().toString(36)}` }),
      requestPolymerPayment: async () => {
        const outcome = await pay()
        if (outcome !== 'success') throw new ApiFailure(2, outcome === 'cancel' ? 'cancel' : 'payment failed')
        return {}
      },
      subscribeService: async (o) => {
        const outcome = await subscribe([String(o.templateId)])
        if (outcome !== 'accept') throw new ApiFailure(1, 'reject')
        return {}
      },
    },
  }
  return { ...common, ...byPlatform[target] }
}
