import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import { applyPatch, type RenderNode } from './render-tree'

/**
 * Runs a Taro mini-program output (dist/weapp, dist/swan, dist/alipay) in plain Node: a fresh V8 context with the
 * globals a mini-program host gives (App, Page, Component, getApp, getCurrentPages, requirePlugin and the platform's
 * API object), a CommonJS loader confined to the output folder, and page instances whose setData is recorded.
 * No window or document exist in the context, as on a phone: code that needs them throws here. Node's `global`
 * never exists in it either, and a flavour may remove more (Alipay's engine has no `globalThis`).
 */

export type MiniTarget = 'weapp' | 'swan' | 'alipay'

export interface RequestCall {
  url: string
  method: string
  data: unknown
  header: Record<string, string>
}

/** How the stand-in answers a request: an HTTP response, or a network failure. */
export type RequestAnswer = { statusCode: number; data: unknown } | { fail: string }

type Fn = (...args: unknown[]) => unknown
type Callbacks = { success?: Fn; fail?: Fn; complete?: Fn }
export type ApiObject = Record<string, unknown>

/** What differs between the platforms, filled in by weapp.ts, swan.ts and alipay.ts. */
export interface Flavour {
  target: MiniTarget
  /** The API object's global name. */
  apiName: 'wx' | 'swan' | 'my'
  /** Page lifecycles in the order the platform calls them when a page opens (absent ones are skipped). */
  pageOpen: string[]
  /** Turns a request answer into what this platform's request API hands to success. */
  requestSuccess: (answer: { statusCode: number; data: unknown }) => Record<string, unknown>
  /** Reads the request options this platform's request API receives (Taro's adapter may have renamed them). */
  requestOptions: (opts: Record<string, unknown>) => RequestCall
  /** Platform-only API functions, added over the shared ones. */
  extraApi?: (host: MiniHost) => ApiObject
  /** Globals this host has besides the shared ones. */
  extraGlobals?: () => Record<string, unknown>
  /** Globals a V8 context has that this platform's engine lacks (removed from the context, so reading one throws). */
  lacks?: string[]
}

export interface HostOptions {
  /** Answers the app's requests; by default every request fails as if offline. */
  answer?: (req: RequestCall) => RequestAnswer | Promise<RequestAnswer>
}

export interface PageHandle {
  route: string
  instance: Record<string, unknown>
  /** Every setData payload, in order. */
  patches: Record<string, unknown>[]
  /** The page data with every patch applied. */
  data: Record<string, unknown>
  root: () => RenderNode | undefined
}

export class MiniHost {
  readonly context: vm.Context
  readonly errors: unknown[] = []
  readonly requests: RequestCall[] = []
  /** API calls the runtime made and what they were given (the UI calls a test may care about). */
  readonly calls: { name: string; args: unknown }[] = []
  /** API functions the code looked up that the stand-in does not have. */
  readonly missingApi = new Set<string>()
  appConfig: Record<string, unknown> | undefined
  readonly pageConfigs = new Map<string, Record<string, unknown>>()
  readonly componentConfigs = new Map<string, Record<string, unknown>>()
  readonly pages: PageHandle[] = []
  private readonly modules = new Map<string, { exports: unknown }>()
  private readonly timers = new Set<ReturnType<typeof setTimeout>>()
  private readonly storage = new Map<string, unknown>()
  private loadingFile = ''

  constructor(
    readonly distDir: string,
    readonly flavour: Flavour,
    private readonly options: HostOptions = {},
  ) {
    const api = this.makeApi()
    const sandbox: Record<string, unknown> = {
      console: this.makeConsole(),
      setTimeout: (fn: Fn, ms?: number, ...args: unknown[]) => this.timer(setTimeout, fn, ms, args),
      setInterval: (fn: Fn, ms?: number, ...args: unknown[]) => this.timer(setInterval, fn, ms, args),
      clearTimeout: (t: ReturnType<typeof setTimeout>) => this.clear(t),
      clearInterval: (t: ReturnType<typeof setTimeout>) => this.clear(t),
      App: (config: Record<string, unknown>) => {
        this.appConfig = config
      },
      Page: (config: Record<string, unknown>) => {
        this.pageConfigs.set(this.routeOf(this.loadingFile), config)
      },
      Component: (config: Record<string, unknown>) => {
        this.componentConfigs.set(this.routeOf(this.loadingFile), config)
      },
      getApp: () => this.appConfig,
      getCurrentPages: () => this.pages.map((p) => p.instance),
      requirePlugin: () => ({}),
      [flavour.apiName]: api,
      ...flavour.extraGlobals?.(),
    }
    this.context = vm.createContext(sandbox)
    for (const name of flavour.lacks ?? []) vm.runInContext(`delete globalThis[${JSON.stringify(name)}]`, this.context)
  }

  /** require() of a file of the output, as the mini-program host does it. */
  require(relative: string): unknown {
    return this.load(this.resolve(this.distDir, relative))
  }

  /** Loads app.js and runs the app's launch lifecycles. */
  launch(): void {
    this.require('./app')
    if (!this.appConfig) throw new Error(`${this.flavour.target}: app.js did not call App()`)
    const launchOptions = { path: 'pages/login/index', query: {}, scene: 1001 }
    this.callHook(this.appConfig, 'onLaunch', launchOptions)
    this.callHook(this.appConfig, 'onShow', launchOptions)
  }

  /** Loads a page's script and opens it with the platform's lifecycles, as navigating to it would. */
  openPage(route: string, query: Record<string, string> = {}): PageHandle {
    this.require(`./${route}`)
    const config = this.pageConfigs.get(route)
    if (!config) throw new Error(`${this.flavour.target}: ${route}.js did not call Page()`)
    const handle: PageHandle = { route, instance: {}, patches: [], data: {}, root: () => undefined }
    const initial = (config.data ?? {}) as Record<string, unknown>
    handle.data = JSON.parse(JSON.stringify(initial)) as Record<string, unknown>
    const instance: Record<string, unknown> = {
      ...config,
      route,
      __route__: route,
      options: query,
      data: handle.data,
      setData: (patch: Record<string, unknown>, callback?: () => void) => {
        // A mini-program host serialises setData across threads: copy, so later mutations are not seen.
        const copy = JSON.parse(JSON.stringify(patch)) as Record<string, unknown>
        handle.patches.push(copy)
        applyPatch(handle.data, copy)
        if (callback) this.timer(setTimeout, callback, 0, [])
      },
    }
    // Alipay's splice update, used for long lists.
    instance.$spliceData = instance.setData
    for (const [key, value] of Object.entries(config)) {
      if (typeof value === 'function') instance[key] = (value as Fn).bind(instance)
    }
    handle.instance = instance
    handle.root = () => handle.data.root as RenderNode | undefined
    this.pages.push(handle)
    for (const hook of this.flavour.pageOpen) this.callHook(instance, hook, hook === 'onShow' ? undefined : query)
    return handle
  }

  /** Lets queued timers and promise jobs run. */
  async settle(ms = 20): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, ms))
  }

  /** Waits until a condition holds, or fails with what was seen. */
  async waitFor(what: string, condition: () => boolean, timeoutMs = 3000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`${this.flavour.target}: timed out waiting for ${what}`)
      await this.settle(10)
    }
  }

  /** Stops the app's timers so the test process can end. */
  dispose(): void {
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
  }

  private callHook(target: Record<string, unknown>, name: string, arg?: unknown): void {
    const hook = target[name]
    if (typeof hook !== 'function') return
    ;(hook as Fn).call(target, arg)
  }

  private routeOf(file: string): string {
    return path.relative(this.distDir, file).replace(/\\/g, '/').replace(/\.js$/, '')
  }

  private resolve(fromDir: string, id: string): string {
    if (!id.startsWith('.') && !id.startsWith('/')) {
      throw new Error(`${this.flavour.target}: the bundle requires '${id}', which a mini-program host cannot resolve`)
    }
    let file = path.resolve(fromDir, id)
    if (!file.endsWith('.js')) file += '.js'
    if (path.relative(this.distDir, file).startsWith('..')) {
      throw new Error(`${this.flavour.target}: the bundle requires '${id}', outside its output folder`)
    }
    return file
  }

  private load(file: string): unknown {
    const cached = this.modules.get(file)
    if (cached) return cached.exports
    const module = { exports: {} as unknown }
    this.modules.set(file, module)
    const code = fs.readFileSync(file, 'utf8')
    const wrapper = vm.runInContext(`(function (require, module, exports) {${code}\n})`, this.context, {
      filename: file,
    }) as (require: (id: string) => unknown, module: { exports: unknown }, exports: unknown) => void
    const previous = this.loadingFile
    this.loadingFile = file
    try {
      wrapper((id: string) => this.load(this.resolve(path.dirname(file), id)), module, module.exports)
    } finally {
      this.loadingFile = previous
    }
    return module.exports
  }

  private timer(kind: typeof setTimeout | typeof setInterval, fn: Fn, ms: number | undefined, args: unknown[]) {
    const t = kind(() => {
      if (kind === setTimeout) this.timers.delete(t)
      try {
        fn(...args)
      } catch (err) {
        this.errors.push(err)
      }
    }, ms ?? 0)
    this.timers.add(t)
    return t
  }

  private clear(t: ReturnType<typeof setTimeout>): void {
    clearTimeout(t)
    this.timers.delete(t)
  }

  private makeConsole(): Console {
    const quiet = () => undefined
    return {
      ...console,
      log: quiet,
      info: quiet,
      debug: quiet,
      warn: quiet,
      // React reports render errors and failed effects here; a boot that logs an error is a failed boot.
      error: (...args: unknown[]) =>
        void this.errors.push(args.map((a) => (a instanceof Error ? a : String(a))).join(' ')),
    }
  }

  /** Records a call of a UI API (one a flavour adds); answers like the host's success. */
  recordCall(name: string, opts: unknown): Promise<unknown> {
    return this.succeed(name, opts)
  }

  private record(name: string, args: unknown): void {
    this.calls.push({ name, args })
  }

  private succeed(name: string, opts: unknown, result: Record<string, unknown> = {}): Promise<unknown> {
    this.record(name, opts)
    const cb = (opts ?? {}) as Callbacks
    const res = { errMsg: `${name}:ok`, ...result }
    this.timer(
      setTimeout,
      () => {
        cb.success?.(res)
        cb.complete?.(res)
      },
      0,
      [],
    )
    return Promise.resolve(res)
  }

  private request(opts: Record<string, unknown>): { abort: () => void } {
    const req = this.flavour.requestOptions(opts)
    this.requests.push(req)
    const cb = opts as Callbacks
    const answered = Promise.resolve(this.options.answer?.(req) ?? { fail: 'request:fail offline' })
    // Answered on a later turn, as a real network would.
    void answered.then((answer) =>
      this.timer(
        setTimeout,
        () => {
          const res = 'fail' in answer ? { errMsg: answer.fail } : this.flavour.requestSuccess(answer)
          if ('fail' in answer) cb.fail?.(res)
          else cb.success?.(res)
          cb.complete?.(res)
        },
        1,
        [],
      ),
    )
    return { abort: () => undefined }
  }

  private makeApi(): ApiObject {
    const systemInfo = {
      brand: 'devtools',
      model: 'iPhone 12',
      pixelRatio: 3,
      screenWidth: 390,
      screenHeight: 844,
      windowWidth: 390,
      windowHeight: 763,
      statusBarHeight: 47,
      language: 'zh_CN',
      version: '8.0.50',
      system: 'iOS 16.0',
      platform: 'devtools',
      fontSizeSetting: 16,
      SDKVersion: '3.5.0',
      safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 },
    }
    const ui = (name: string) => (opts: unknown) => this.succeed(name, opts)
    const shared: ApiObject = {
      canIUse: () => true,
      getSystemInfoSync: () => systemInfo,
      getSystemInfo: (opts: unknown) => this.succeed('getSystemInfo', opts, systemInfo),
      getWindowInfo: () => systemInfo,
      getDeviceInfo: () => systemInfo,
      getAppBaseInfo: () => systemInfo,
      getSystemSetting: () => ({}),
      getAppAuthorizeSetting: () => ({}),
      getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 51, right: 381, bottom: 83, left: 294 }),
      getLaunchOptionsSync: () => ({ path: 'pages/login/index', query: {}, scene: 1001 }),
      getEnterOptionsSync: () => ({ path: 'pages/login/index', query: {}, scene: 1001 }),
      nextTick: (fn: Fn) => this.timer(setTimeout, fn, 0, []),
      getStorageSync: (key: string) => (this.storage.has(key) ? this.storage.get(key) : ''),
      setStorageSync: (key: string, value: unknown) => void this.storage.set(key, value),
      removeStorageSync: (key: string) => void this.storage.delete(key),
      clearStorageSync: () => this.storage.clear(),
      getStorage: (opts: { key: string } & Callbacks) =>
        this.storage.has(opts.key)
          ? this.succeed('getStorage', opts, { data: this.storage.get(opts.key) })
          : (opts.fail?.({ errMsg: 'getStorage:fail data not found' }), Promise.reject(new Error('not found'))),
      setStorage: (opts: { key: string; data: unknown }) => {
        this.storage.set(opts.key, opts.data)
        return this.succeed('setStorage', opts)
      },
      removeStorage: (opts: { key: string }) => {
        this.storage.delete(opts.key)
        return this.succeed('removeStorage', opts)
      },
      request: (opts: Record<string, unknown>) => this.request(opts),
      navigateTo: ui('navigateTo'),
      redirectTo: ui('redirectTo'),
      navigateBack: ui('navigateBack'),
      reLaunch: ui('reLaunch'),
      switchTab: ui('switchTab'),
      showToast: ui('showToast'),
      hideToast: ui('hideToast'),
      showLoading: ui('showLoading'),
      hideLoading: ui('hideLoading'),
      showModal: (opts: unknown) => this.succeed('showModal', opts, { confirm: true, cancel: false }),
      setNavigationBarTitle: ui('setNavigationBarTitle'),
      pageScrollTo: ui('pageScrollTo'),
      stopPullDownRefresh: ui('stopPullDownRefresh'),
      onAppShow: () => undefined,
      onAppHide: () => undefined,
      offAppShow: () => undefined,
      offAppHide: () => undefined,
      onError: () => undefined,
      onUnhandledRejection: () => undefined,
      onNetworkStatusChange: () => undefined,
      getNetworkType: (opts: unknown) => this.succeed('getNetworkType', opts, { networkType: 'wifi' }),
      createSelectorQuery: () => {
        const query = {
          select: () => query,
          selectAll: () => query,
          selectViewport: () => query,
          in: () => query,
          boundingClientRect: () => query,
          scrollOffset: () => query,
          fields: () => query,
          exec: (cb?: Fn) => cb?.([]),
        }
        return query
      },
    }
    const api: ApiObject = { ...shared, ...this.flavour.extraApi?.(this) }
    // Anything else the code looks up is reported (a test can print it), and is undefined as on an old base library.
    return new Proxy(api, {
      get: (target, key) => {
        if (typeof key === 'string' && !(key in target) && /^[a-z][A-Za-z]+$/.test(key) && !OWN_KEYS.has(key)) {
          this.missingApi.add(key)
        }
        return target[key as string]
      },
    })
  }
}

/** Keys the runtime keeps on the API object for itself, not API functions. */
const OWN_KEYS = new Set(['webpackJsonp', 'taroEventCenter'])

export function errorText(errors: unknown[]): string {
  return errors.map((e) => (e instanceof Error ? (e.stack ?? e.message) : String(e))).join('\n---\n')
}
