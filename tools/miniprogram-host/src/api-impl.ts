import vm from 'node:vm'
import sharp from 'sharp'
import type { ApiTable } from './api-table'
import type { HostCanvases } from './canvas'
import { ApiFailure, withResponseHeaders, type CanvasHost, type HostOptions } from './host-core'
import type { HostNetwork } from './network'
import type { Permissions } from './permissions'
import { calendarRecord, mapRecord, typeError, type OpenedRecord } from './places'

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
  /** The phone's permissions and privacy popup, as specs script them: permissions.ts. */
  readonly permissions: Permissions
  /** Maps opened and calendar entries made, for the spec (Host.takeOpened): places.ts. */
  readonly opened: OpenedRecord[]
  /** The client's base library when a spec set an older one (Host.client); null: the current one. */
  readonly baseLibrary: string | null
  /** An API this client is too old to have (places.ts API_SINCE). */
  tooOld(api: string): boolean
  /** The platform account signed in on this phone (its login codes, its cashier). */
  readonly platformUser: string
  readonly storage: Map<string, unknown>
  readonly appJson: { pages: string[] }
  modal: { options: Record<string, unknown>; answer: (confirm: boolean) => void } | null
  /** The platform's subscription panel for these templates (the mock's simulation): Baidu's subscribe form asks it. */
  subscribePanel?: (ids: string[]) => Promise<{ answers: Record<string, string>; refused: string | null }>
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
    // https://developers.weixin.qq.com/miniprogram/dev/api/file/FileSystemManager.getFileInfo.html
    getFileInfo: (o: Record<string, unknown>) => {
      const cb = o as { success?: (r: unknown) => void; fail?: (r: unknown) => void }
      setTimeout(() => {
        try {
          cb.success?.({ size: host.files.read(String(o.filePath)).length })
        } catch {
          cb.fail?.(host.flavour.failure('getFileInfo', 1, `no such file or directory ${String(o.filePath)}`))
        }
      }, 0)
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

  /**
   * A smaller JPEG of a local image, as the platform's compressImage makes it: WeChat and Baidu take `src` and a
   * quality 0-100 and answer tempFilePath; Alipay takes apFilePaths and a compressLevel 0-4 and answers apFilePaths.
   */
  const compressImage: Impl = async (o) => {
    const sources = target === 'alipay' ? ((o.apFilePaths ?? []) as string[]) : [String(o.src)]
    const quality =
      target === 'alipay' ? ([30, 50, 70, 85, 95][Number(o.compressLevel ?? 4)] ?? 70) : Number(o.quality ?? 80)
    const out: string[] = []
    for (const src of sources) {
      let bytes: Buffer
      try {
        bytes = await sharp(host.files.read(src)).rotate().jpeg({ quality }).toBuffer()
      } catch (err) {
        throw new ApiFailure(4, `compressImage:fail ${(err as Error).message}`)
      }
      out.push(
        host.files.addTemp(
          target === 'alipay' ? 'https://resource' : host.flavour.userDataPath.replace(/usr$/, 'tmp'),
          bytes,
          'jpg',
        ),
      )
    }
    return target === 'alipay' ? { apFilePaths: out } : { tempFilePath: out[0] }
  }

  /** The settings page, as openSetting shows it: the candidate changes what the spec scripted, then comes back. */
  const openSetting: Impl = async () => {
    host.permissions.events.push({ type: 'settings', outcome: 'opened' })
    host.permissions.changeInSettings()
    return { authSetting: host.permissions.authSetting() }
  }

  /**
   * The platform's cashier for the order the server last created, opened by this phone's platform account
   * (host.platformUser): the mock's simulation answers QA's outcome, `pending` (the platform has no result yet), or
   * fails it when the order was created for another account (`payer-mismatch`). The cashier covers the app (host.ts
   * COVERING: onHide before, onShow after, mocked answers included).
   */
  const pay = async () => {
    const orderId = host.seen.orderId
    if (!orderId) throw new ApiFailure(3, 'no order was created by the server')
    const r = await sim(`/api/sim/pay/${encodeURIComponent(orderId)}/run`, { payer: host.platformUser })
    return { outcome: String(r.outcome), mismatch: r.refused === 'payer-mismatch' }
  }
  /** A login code of this phone's platform account: `<account>_<nonce>`, once each (the mock's payer.ts reads it). */
  let codes = 0
  const loginCode = () => `${host.platformUser}_${Date.now().toString(36)}${(codes++).toString(36)}`
  /**
   * The platform's subscription dialog, from the mock's simulation: each template's answer as QA set it (WeChat's
   * seven words), or the platform's refusal of ids its console did not issue to the app or of more than three.
   */
  const subscribe = async (ids: string[]) =>
    (await sim('/api/sim/subscribe', { templateIds: ids, platform: target })) as {
      answers: Record<string, string>
      refused: 'unknown-template' | 'too-many' | null
    }
  const accepting = (answer: string | undefined) => !!answer && answer.startsWith('accept')
  host.subscribePanel = subscribe

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

  // The base library a spec set (Host.client) is the one system info reports.
  const info = () => (host.baseLibrary ? { ...systemInfo, SDKVersion: host.baseLibrary } : systemInfo)
  /** A call's arguments of the wrong type refused as the platform refuses them, and reported (places.ts). */
  const checkTypes = (api: string, o: Record<string, unknown>) => {
    const wrong = typeError(target, api, o)
    if (!wrong) return
    host.problem(`${host.flavour.apiName}.${api}: ${wrong.message} (${host.table[api]?.doc})`)
    throw wrong
  }
  const common: Record<string, Impl> = {
    canIUse: (o) => {
      const api = String(o.schema ?? '').split('.')[0] ?? ''
      return Object.prototype.hasOwnProperty.call(host.table, api) && !host.tooOld(api)
    },
    getSystemInfoSync: info,
    getSystemInfo: async () => info(),
    getWindowInfo: info,
    getDeviceInfo: info,
    getDeviceBaseInfo: info,
    getAppBaseInfo: info,
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
    compressImage,
    getSetting: async () => ({ authSetting: host.permissions.authSetting() }),
    openSetting,
    // wx.authorize / swan.authorize: the gate in front of every call asks the scope; here it was allowed.
    authorize: ok,
    // Nothing picked without a mock: the candidate closed the chat-file picker.
    chooseMessageFile: choose,
    // The platform's map over the app, at the place given (the record is what the spec reads back).
    openLocation: async (o) => {
      checkTypes('openLocation', o)
      host.opened.push(mapRecord('openLocation', o))
      return {}
    },
  }

  const byPlatform: Record<typeof target, Record<string, Impl>> = {
    weapp: {
      // The privacy popup (基础库 2.32.3+): the gate in front of the call showed it; here it was agreed.
      requirePrivacyAuthorize: ok,
      onNeedPrivacyAuthorization: (_o, args) => {
        host.permissions.privacyListener = args[0] as typeof host.permissions.privacyListener
      },
      getPrivacySetting: async () => ({
        needAuthorization: !host.permissions.snapshot().privacyAgreed,
        privacyContractName: '《用户隐私保护指引》',
      }),
      login: async () => ({ code: loginCode() }),
      // The entry is in the phone's calendar (the permission gate asked scope.addPhoneCalendar first).
      addPhoneCalendar: async (o) => {
        checkTypes('addPhoneCalendar', o)
        host.opened.push(calendarRecord('addPhoneCalendar', o))
        return {}
      },
      // The face screen finished (it covers the app: host.ts COVERING); WeChat's server (the mock's stand-in) holds
      // the outcome QA set.
      requestFacialVerify: async () => ({ errCode: 0 }),
      // success only means the cashier closed (also while the result is pending); an order created for another
      // openid fails at the cashier. https://developers.weixin.qq.com/miniprogram/dev/api/payment/wx.requestPayment.html
      requestPayment: async () => {
        const { outcome, mismatch } = await pay()
        if (mismatch) throw new ApiFailure(-1, 'the order was created for another openid')
        if (outcome !== 'success' && outcome !== 'pending')
          throw new ApiFailure(-1, outcome === 'cancel' ? 'cancel' : 'payment failed')
        return {}
      },
      // errCode 20001 (no such template), 20003 (too many): WeChat's own table.
      // https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html
      requestSubscribeMessage: async (o) => {
        const ids = o.tmplIds as string[]
        const { answers, refused } = await subscribe(ids)
        if (refused === 'too-many') throw new ApiFailure(20003, 'Templates count out of max bounds')
        if (refused) throw new ApiFailure(20001, 'No template data return, verify the template id exist')
        return answers
      },
    },
    alipay: {
      showAuthGuide: async (o) => host.permissions.guide(String(o.authType)),
      getAuthCode: async () => ({ authCode: loginCode() }),
      // The certification screen finished (it covers the app: host.ts COVERING); Alipay's server (the mock's
      // stand-in) holds the outcome QA set.
      startAPVerify: async () => ({ resultStatus: '9000', result: null }),
      call: (_o, args) => {
        const [apiName, , callback] = args as [string, unknown, ((r: unknown) => void) | undefined]
        if (apiName !== 'startBizService') throw new Error(`my.call('${apiName}') is not in the alipay API table`)
        setTimeout(() => callback?.({ resultStatus: '9000', result: null }), 0)
      },
      // resultCode 9000 paid, 8000 pending (正在处理中), 6001 left the cashier (a trade created for another buyer_id
      // ends there: the cashier refuses that account), 4000 failed. https://opendocs.alipay.com/mini/api/openapi-pay
      // The other pending code, 6004 (支付结果未知), is what a spec scripts with mockWxMethod('tradePay',
      // { resultCode: '6004' }): the mocked cashier still covers the app (COVERING) and its code reaches the app.
      tradePay: async () => {
        const { outcome, mismatch } = await pay()
        if (mismatch) return { resultCode: '6001' }
        const codes: Record<string, string> = { success: '9000', pending: '8000', cancel: '6001' }
        return { resultCode: codes[outcome] ?? '4000' }
      },
      // Alipay lists the templates subscribed and not (no alert or audio variants); 106008 an id its console did not
      // issue, 203 more than three. https://opendocs.alipay.com/mini/api/requestSubscribeMessage
      requestSubscribeMessage: async (o) => {
        const ids = o.entityIds as string[]
        const { answers, refused } = await subscribe(ids)
        if (refused === 'too-many') throw new ApiFailure(203, '订阅模板数量超过上限')
        if (refused) throw new ApiFailure(106008, '模板 id 无效')
        const subscribed = ids.filter((id) => accepting(answers[id]))
        return {
          behavior: subscribed.length ? 'subscribe' : 'cancel',
          show: true,
          keep: false,
          refuse: false,
          result: {
            subscribedEntityIds: subscribed,
            currentSubscribedEntityIds: subscribed,
            unsubscribedEntityIds: ids.filter((id) => !subscribed.includes(id)),
          },
        }
      },
    },
    swan: {
      getLoginCode: async () => ({ code: loginCode() }),
      requestPolymerPayment: async () => {
        const { outcome, mismatch } = await pay()
        if (mismatch) throw new ApiFailure(2, 'the order was created for another user')
        if (outcome !== 'success' && outcome !== 'pending')
          throw new ApiFailure(2, outcome === 'cancel' ? 'cancel' : 'payment failed')
        return {}
      },
      subscribeService: async (o) => {
        const { answers } = await subscribe([String(o.templateId)])
        if (!accepting(answers[String(o.templateId)])) throw new ApiFailure(1, 'reject')
        return {}
      },
    },
  }
  return { ...common, ...byPlatform[target] }
}
