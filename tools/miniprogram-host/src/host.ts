import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import type { ApiTable } from './api-table'
import { alipayApis } from './apis.alipay'
import { swanApis } from './apis.swan'
import { weappApis } from './apis.weapp'
import { HostCanvases } from './canvas'
import { HostFiles } from './files'
import { flavours, type Flavour, type MiniTarget } from './platforms'
import { applyPatch, locate, treeFigures, TreeView, type RenderNode } from './render-tree'
import { loadTemplates, type TemplateInfo } from './templates'
import { makeImplementations, type Impl, type ImplHost } from './api-impl'
import { HostNetwork } from './network'
import {
  contextOptions,
  missingBuiltIns,
  refuseFunctionConstructor,
  removeBuiltIns,
  type MissingBuiltIn,
} from './engine'
import {
  ApiFailure,
  RESPONSE_HEADERS,
  type CanvasHost,
  type HostOptions,
  type HostPage,
  type PageMetrics,
} from './host-core'
import { Permissions } from './permissions'
import { API_SINCE, olderThan, type OpenedRecord } from './places'

/**
 * Runs a Taro mini-program output (dist/weapp, dist/alipay, dist/swan) in Node as the platform's runtime would: one
 * V8 context with the globals a mini-program engine gives (App, Page, Component, getApp, getCurrentPages and the
 * platform's API object; no window, document or localStorage; on Alipay no globalThis or global), a CommonJS loader
 * confined to the output folder, the page stack with its lifecycles, the render tree rebuilt from setData, events
 * dispatched through Taro's handler, and the platform APIs held to their documented contract (apis.<target>.ts).
 */

type Fn = (...args: unknown[]) => unknown
type Callbacks = { success?: Fn; fail?: Fn; complete?: Fn }

export { ApiFailure, withResponseHeaders, type HostOptions, type HostPage, type PageMetrics } from './host-core'

export const API_TABLES: Record<MiniTarget, ApiTable> = { weapp: weappApis, alipay: alipayApis, swan: swanApis }

export interface Mock {
  result?: unknown
  fn?: (this: { origin: Fn }, ...args: unknown[]) => unknown
  args?: unknown[]
}

/** The wx name a spec mocks or calls, for the platform API that plays its part (e.g. wx.login is my.getAuthCode). */
export const WX_ALIASES: Record<MiniTarget, Record<string, string>> = {
  weapp: {},
  alipay: {
    login: 'getAuthCode',
    chooseMedia: 'chooseImage',
    requestPayment: 'tradePay',
    requestFacialVerify: 'startAPVerify',
    setNavigationBarTitle: 'setNavigationBar',
  },
  swan: {
    login: 'getLoginCode',
    chooseMedia: 'chooseImage',
    requestPayment: 'requestPolymerPayment',
    requestSubscribeMessage: 'subscribeService',
  },
}

/**
 * The code Alipay answers where a mocked wx result says the candidate refused the permission ("auth deny": WeChat's
 * refused scope): 2001, Alipay's 用户拒绝授权 of the mini-program's scope (my.chooseImage's table in the official
 * typings), whatever the API. Alipay's 15 (没有开启相册权限, iOS) is the phone's own permission, another refusal with
 * another way forward (my.showAuthGuide): the permission model answers it (Host.permissions, system album off).
 * https://opendocs.alipay.com/mini/api/media/image/my.saveimagetophotosalbum, https://opendocs.alipay.com/mini/api/show-auth-guide
 */
const ALIPAY_SCOPE_REFUSED = 2001

/** A mocked wx failure as Alipay's error code: 11 用户取消操作, a refused scope 2001, else 3 (unknown error). */
export function alipayErrorOf(_api: string, errMsg: string): number {
  if (/cancel/.test(errMsg)) return 11
  if (/auth den|authoriz/.test(errMsg)) return ALIPAY_SCOPE_REFUSED
  return 3
}

/**
 * A mocked wx refusal as Baidu answers it: errCode 10003 "user deny" for a refused scope (WeChat's "auth deny").
 * https://smartprogram.baidu.com/docs/develop/api/open/authorize_swan-authorize/
 */
export function swanErrorOf(errMsg: string): Record<string, unknown> {
  return /:fail auth den/.test(errMsg) ? { errCode: 10003, errMsg: 'user deny' } : {}
}

/**
 * A mocked wx privacy refusal with the errno WeChat gives it (基础库 2.24.0+: 104), where QA's mock left it out.
 * https://developers.weixin.qq.com/miniprogram/dev/framework/usability/PublicErrno.html
 */
export function wxErrnoOf(res: Record<string, unknown>): Record<string, unknown> {
  if (res.errno !== undefined) return {}
  return /:fail privacy permission is not authorized/.test(String(res.errMsg)) ? { errno: 104 } : {}
}

/**
 * APIs the client runs only inside the handler of the candidate's tap, with the failure it answers otherwise.
 * WeChat: wx.requestSubscribeMessage "限制：仅在点击行为时调用" (its page); the client answers "can only be invoked by
 * user TAP gesture", for which its table has no code of its own: the host gives 10005 (the dialog could not be shown).
 * https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html
 * Alipay's and Baidu's pages state no such rule for their calls; payment is not tap-bound on any of them (the order
 * is created on the server after the tap, as each platform's own payment guide does).
 */
export const TAP_ONLY: Record<MiniTarget, Record<string, { code: number; message: string } | undefined>> = {
  weapp: {
    requestSubscribeMessage: { code: 10005, message: 'can only be invoked by user TAP gesture.' },
    // wx.addPhoneCalendar: 限制：仅在点击行为时调用 (its page); the same answer, for want of a code of its own.
    // https://developers.weixin.qq.com/miniprogram/dev/api/device/calendar/wx.addPhoneCalendar.html
    addPhoneCalendar: { code: 10005, message: 'can only be invoked by user TAP gesture.' },
  },
  alipay: {},
  swan: {},
}

const activeHosts = new Set<MiniProgramHost>()
let rejectionHook = false
function watchRejections(): void {
  if (rejectionHook) return
  rejectionHook = true
  // A promise the app leaves rejected must not end the process hosting it: it is the app's error.
  process.on('unhandledRejection', (reason) => {
    if (activeHosts.size === 0) console.error('unhandled rejection', reason)
    for (const host of activeHosts) host.recordError(reason)
  })
}

export class MiniProgramHost implements CanvasHost {
  readonly flavour: Flavour
  readonly table: ApiTable
  readonly context: vm.Context
  /** The built-ins taken out of the app's context: the declared engines lack them (engine.ts). */
  readonly removedBuiltIns: MissingBuiltIn[]
  readonly files = new HostFiles()
  /** The domains the build declares; what a phone refuses (network.ts). */
  readonly network: HostNetwork
  /** Canvases as recordings of what was drawn, their exports, and the images saved to the album (canvas.ts). */
  readonly canvases = new HostCanvases(this)
  readonly templates: Map<string, TemplateInfo>
  readonly errors: unknown[] = []
  /** Contract breaches: calls of APIs the table lacks, calls missing a required argument. A spec fails on these. */
  readonly problems: string[] = []
  readonly calls: { name: string; args: unknown }[] = []
  readonly requests: { url: string; method: string }[] = []
  readonly stack: HostPage[] = []
  readonly storage = new Map<string, unknown>()
  readonly mocks = new Map<string, Mock>()
  readonly appJson: {
    pages: string[]
    subPackages?: { root: string; pages: string[] }[]
    tabBar?: { list: { pagePath: string }[] }
  }
  /** The platform account signed in on this phone (its login codes and its cashier); a spec may switch it. */
  platformUser = `u${Math.random().toString(36).slice(2, 10)}`
  /** The modal the app shows (wx.showModal / my.confirm), until Tool.native answers it. */
  modal: { options: Record<string, unknown>; answer: (confirm: boolean) => void } | null = null
  subscribePanel?: ImplHost['subscribePanel']
  /** Scopes, the phone's permissions and WeChat's privacy popup, as the spec scripts them (Host.permissions). */
  readonly permissions: Permissions
  /** Maps opened and calendar entries made since the spec last took them (Host.takeOpened; places.ts). */
  readonly opened: OpenedRecord[] = []
  /**
   * The client's base library, when a spec set an older one (Host.client): the APIs newer than it are missing from
   * the API object and canIUse answers false for them (places.ts API_SINCE). null: a current client.
   */
  baseLibrary: string | null = null
  /** True while a tap's handler runs: what WeChat and Baidu call a user TAP gesture (openSetting needs one). */
  userGesture = false
  /** Ids the server handed out that platform stand-ins need (the face verification's, the order's). */
  readonly seen: { verifyId?: string; orderId?: string } = {}
  /** Figures per route, kept after the page closes (npm run bench). */
  readonly metricsByRoute = new Map<string, PageMetrics & { tree: ReturnType<typeof treeFigures> }>()
  appInstance: Record<string, unknown> | undefined
  private readonly pageConfigs = new Map<string, Record<string, unknown>>()
  readonly componentConfigs = new Map<string, Record<string, unknown>>()
  private readonly modules = new Map<string, { exports: unknown }>()
  private readonly timers = new Set<ReturnType<typeof setTimeout>>()
  private readonly shortTimers = new Set<ReturnType<typeof setTimeout>>()
  private loadingFile = ''
  private nextPageId = 1
  private booting = true
  private readonly impl: Record<string, Impl>
  readonly api: Record<string, unknown>
  private routing: Promise<unknown> = Promise.resolve()
  private disposed = false

  constructor(
    readonly distDir: string,
    readonly target: MiniTarget,
    readonly options: HostOptions = {},
  ) {
    this.flavour = flavours[target]
    this.table = API_TABLES[target]
    this.permissions = new Permissions(target)
    this.templates = loadTemplates(distDir, target)
    this.appJson = JSON.parse(fs.readFileSync(path.join(distDir, 'app.json'), 'utf8')) as MiniProgramHost['appJson']
    this.network = new HostNetwork(distDir, target, options.mockUrl)
    this.impl = makeImplementations(this)
    this.api = this.makeApi()
    const sandbox: Record<string, unknown> = {
      console: this.makeConsole(),
      setTimeout: (fn: Fn, ms?: number, ...args: unknown[]) => this.timer(setTimeout, fn, ms, args),
      setInterval: (fn: Fn, ms?: number, ...args: unknown[]) => this.timer(setInterval, fn, ms, args),
      clearTimeout: (t: ReturnType<typeof setTimeout>) => this.clear(t),
      clearInterval: (t: ReturnType<typeof setTimeout>) => this.clear(t),
      App: (config: Record<string, unknown>) => {
        this.appInstance = config
      },
      Page: (config: Record<string, unknown>) => {
        this.pageConfigs.set(this.routeOf(this.loadingFile), config)
      },
      Component: (config: Record<string, unknown>) => {
        this.componentConfigs.set(this.routeOf(this.loadingFile), config)
      },
      getApp: () => this.appInstance,
      getCurrentPages: () => this.stack.map((p) => p.instance),
      requirePlugin: () => ({}),
      [this.flavour.apiName]: this.api,
    }
    // Alipay's engine has its own navigator (Taro's alipay build reads it).
    if (target === 'alipay') {
      sandbox.navigator = { userAgent: 'Mozilla/5.0 (iPhone) AlipayClient/10.5.0 MiniProgram', swuserAgent: '' }
    }
    this.context = vm.createContext(sandbox, contextOptions(target))
    if (contextOptions(target).codeGeneration) refuseFunctionConstructor(this.context)
    // Alipay's JS engine has neither globalThis nor global (V8 gives every context globalThis: take it away).
    if (!this.flavour.hasGlobalThis) vm.runInContext('delete globalThis', this.context)
    // The oldest engines the build declares lack the newer built-ins: so does the app's context.
    this.removedBuiltIns = removeBuiltIns(this.context, missingBuiltIns(options.engines))
    watchRejections()
    activeHosts.add(this)
  }

  // ---- loading ----

  private routeOf(file: string): string {
    return path.relative(this.distDir, file).replace(/\\/g, '/').replace(/\.js$/, '')
  }

  private resolve(fromDir: string, id: string): string {
    if (!id.startsWith('.') && !id.startsWith('/')) {
      throw new Error(`${this.target}: the bundle requires '${id}', which a mini-program host cannot resolve`)
    }
    let file = id.startsWith('/') ? path.join(this.distDir, id) : path.resolve(fromDir, id)
    if (!file.endsWith('.js')) file += '.js'
    if (path.relative(this.distDir, file).startsWith('..')) {
      throw new Error(`${this.target}: the bundle requires '${id}', outside its output folder`)
    }
    return file
  }

  /** require() of a file of the output, as the mini-program runtime does it. */
  require(relative: string): unknown {
    return this.load(this.resolve(this.distDir, relative))
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

  /** Every page of app.json (subpackages too), as routes. */
  allRoutes(): string[] {
    const routes = [...this.appJson.pages]
    for (const sub of this.appJson.subPackages ?? []) {
      for (const p of sub.pages) routes.push(`${sub.root.replace(/\/$/, '')}/${p}`)
    }
    return routes
  }

  /** Loads app.js, runs the app's launch lifecycles and opens the entry page (or `entry`). */
  async launch(entry?: string): Promise<HostPage> {
    this.require('./app')
    if (!this.appInstance) throw new Error(`${this.target}: app.js did not call App()`)
    const route = entry ?? (this.appJson.pages[0] as string)
    const options = { path: route, query: {}, scene: 1001 }
    this.callHook(this.appInstance, 'onLaunch', options)
    this.callHook(this.appInstance, 'onShow', options)
    this.booting = false
    await this.route('reLaunch', { url: `/${route}` })
    return this.current() as HostPage
  }

  // ---- pages and routing ----

  current(): HostPage | undefined {
    return this.stack[this.stack.length - 1]
  }

  pageById(id: number): HostPage | undefined {
    return this.stack.find((p) => p.id === id)
  }

  private parseUrl(url: string, from: string | undefined): { route: string; query: Record<string, string> } {
    const [pathPart = '', queryPart = ''] = String(url).split('?')
    let route = pathPart
    if (!route.startsWith('/')) route = path.posix.join(path.posix.dirname(`/${from ?? ''}`), route)
    route = route.replace(/^\//, '')
    const query: Record<string, string> = {}
    for (const [k, v] of new URLSearchParams(queryPart)) query[k] = v
    return { route, query }
  }

  private isTab(route: string): boolean {
    return (this.appJson.tabBar?.list ?? []).some((t) => t.pagePath === route)
  }

  /** navigateTo/redirectTo/reLaunch/switchTab/navigateBack, one at a time, as the runtime serialises them. */
  route(method: string, opts: Record<string, unknown>): Promise<unknown> {
    const run = this.routing.then(() => this.doRoute(method, opts))
    this.routing = run.catch(() => undefined)
    return run
  }

  /** Resolves once no route change is pending. */
  idle(): Promise<void> {
    return this.routing.then(() => undefined)
  }

  private async doRoute(method: string, opts: Record<string, unknown>): Promise<unknown> {
    // The runtime answers on a later turn, after the page's first lifecycles.
    await new Promise((r) => setTimeout(r, 0))
    if (method === 'navigateBack') {
      const delta = Math.max(1, Number(opts.delta ?? 1) || 1)
      if (this.stack.length <= 1) throw new ApiFailure(1, 'cannot navigate back at first page.')
      const n = Math.min(delta, this.stack.length - 1)
      for (let i = 0; i < n; i++) this.unload(this.stack.pop() as HostPage)
      const top = this.current() as HostPage
      top.state = 'open'
      this.callHook(top.instance, 'onShow')
      return {}
    }
    const { route, query } = this.parseUrl(String(opts.url ?? ''), this.current()?.route)
    if (!this.allRoutes().includes(route)) throw new ApiFailure(1, `page "${route}" is not found`)
    if (method === 'switchTab' && !this.isTab(route)) throw new ApiFailure(1, `can not switch to no-tabBar page`)
    if (method !== 'switchTab' && method !== 'reLaunch' && this.isTab(route)) {
      throw new ApiFailure(1, `can not ${method} a tabbar page`)
    }
    if (method === 'navigateTo') {
      if (this.stack.length >= 10) throw new ApiFailure(1, 'webview count limit exceed')
      const top = this.current()
      if (top) {
        top.state = 'hidden'
        this.callHook(top.instance, 'onHide')
      }
    } else if (method === 'redirectTo') {
      const top = this.stack.pop()
      if (top) this.unload(top)
    } else {
      while (this.stack.length) this.unload(this.stack.pop() as HostPage)
    }
    this.open(route, query)
    return {}
  }

  private unload(page: HostPage): void {
    page.state = 'unloaded'
    this.keepMetrics(page)
    this.callHook(page.instance, 'onUnload')
  }

  private keepMetrics(page: HostPage): void {
    const tree = treeFigures(page.root())
    const old = this.metricsByRoute.get(page.route)
    const merged = {
      setDataCalls: [...(old?.setDataCalls ?? []), ...page.metrics.setDataCalls],
      largestPayload: Math.max(old?.largestPayload ?? 0, page.metrics.largestPayload),
      longestHandlerMs: Math.max(old?.longestHandlerMs ?? 0, page.metrics.longestHandlerMs),
      tree: {
        nodes: Math.max(old?.tree.nodes ?? 0, tree.nodes),
        depth: Math.max(old?.tree.depth ?? 0, tree.depth),
        maxChildren: Math.max(old?.tree.maxChildren ?? 0, tree.maxChildren),
      },
    }
    this.metricsByRoute.set(page.route, merged)
  }

  /** Figures of every route seen so far, open pages included. */
  allMetrics(): Map<string, PageMetrics & { tree: ReturnType<typeof treeFigures> }> {
    for (const page of this.stack) this.keepMetrics(page)
    return this.metricsByRoute
  }

  private open(route: string, query: Record<string, string>): HostPage {
    this.require(`./${route}`)
    const config = this.pageConfigs.get(route)
    if (!config) throw new Error(`${this.target}: ${route}.js did not call Page()`)
    const data = JSON.parse(JSON.stringify(config.data ?? {})) as Record<string, unknown>
    const page: HostPage = {
      id: this.nextPageId++,
      route,
      query,
      instance: {},
      data,
      patches: [],
      view: undefined as unknown as TreeView,
      state: 'open',
      typed: new Map(),
      metrics: { setDataCalls: [], largestPayload: 0, longestHandlerMs: 0 },
      root: () => page.data.root as RenderNode | undefined,
    }
    page.view = new TreeView(this.templates, page.root)
    const instance: Record<string, unknown> = {
      ...config,
      route,
      __route__: route,
      options: query,
      data,
      setData: (patch: Record<string, unknown>, callback?: () => void) => {
        if (page.state === 'unloaded') return
        // setData crosses from the logic thread to the view thread as JSON: copy, and measure what crossed.
        const json = JSON.stringify(patch)
        page.metrics.setDataCalls.push(Date.now())
        page.metrics.largestPayload = Math.max(page.metrics.largestPayload, Buffer.byteLength(json))
        const copy = JSON.parse(json) as Record<string, unknown>
        page.patches.push(copy)
        applyPatch(page.data, copy)
        if (callback) this.timer(setTimeout, callback, 0, [])
      },
    }
    // Alipay's splice update, used for long lists.
    if (this.target === 'alipay') instance.$spliceData = instance.setData
    for (const [key, value] of Object.entries(config)) {
      if (typeof value === 'function') instance[key] = (value as Fn).bind(instance)
    }
    page.instance = instance
    this.stack.push(page)
    for (const hook of this.flavour.pageOpen) {
      if (hook === 'onReady') continue
      this.callHook(instance, hook, hook === 'onShow' ? undefined : query)
    }
    // onReady once the first render has been sent to the view.
    this.timer(setTimeout, () => page.state !== 'unloaded' && this.callHook(instance, 'onReady'), 0, [])
    return page
  }

  private callHook(target: Record<string, unknown>, name: string, arg?: unknown): void {
    const hook = target[name]
    if (typeof hook !== 'function') return
    try {
      ;(hook as Fn).call(target, arg)
    } catch (err) {
      this.recordError(err)
    }
  }

  // ---- events ----

  /**
   * Dispatches an event as the platform's view layer does: on the element if its template binds the event to Taro's
   * handler, else on the nearest ancestor that does (the event bubbles), with target the element itself.
   */
  dispatch(page: HostPage, sid: string, type: string, detail: Record<string, unknown> = {}): boolean {
    const found = locate(page.root(), sid)
    if (!found) throw new Error(`element ${sid} is no longer on page ${page.route}`)
    const chain = [...found.parents, found.node].reverse()
    const bubbles = !['input', 'change', 'confirm', 'focus', 'blur', 'scroll', 'load', 'error'].includes(type)
    const handlerNode = (bubbles ? chain : [found.node]).find((n) => page.view.info(n)?.events.has(type))
    if (!handlerNode) return false
    const targetInfo = this.flavour.eventTarget(String(found.node.uid ?? sid), sid)
    const current = this.flavour.eventTarget(String(handlerNode.uid ?? handlerNode.sid), String(handlerNode.sid))
    const event: Record<string, unknown> = {
      type,
      timeStamp: Math.round(performance.now()),
      target: targetInfo,
      currentTarget: current,
      detail,
    }
    if (this.target !== 'alipay') {
      event.mark = {}
      if (type === 'tap' || type.startsWith('touch') || type === 'longpress') {
        const touch = { identifier: 0, pageX: 0, pageY: 0, clientX: 0, clientY: 0 }
        event.touches = type === 'touchend' ? [] : [touch]
        event.changedTouches = [touch]
      }
    }
    if (type === 'input' && typeof detail.value === 'string') {
      const key = page.view.info(found.node)?.attrs.value
      page.typed.set(sid, { value: detail.value, propAtTyping: key ? found.node[key] : undefined })
    }
    const eh = page.instance.eh as Fn | undefined
    if (typeof eh !== 'function') throw new Error(`${page.route} has no Taro event handler (eh)`)
    const started = performance.now()
    const gesture = type === 'tap'
    if (gesture) this.userGesture = true
    try {
      eh(event)
    } catch (err) {
      this.recordError(err)
    } finally {
      if (gesture) this.userGesture = false
      page.metrics.longestHandlerMs = Math.max(page.metrics.longestHandlerMs, performance.now() - started)
    }
    if (gesture) this.submitAfterTap(page, chain)
    return true
  }

  /** Where the last tapped `form-type="submit"` button's form went, for specs (Baidu's subscribe panel included). */
  readonly formSubmits: Array<{ route: string; formId: string; detail: Record<string, unknown> }> = []

  /**
   * A tap on a `form-type="submit"` button (not disabled) submits its nearest `<form>`: the form's submit event, after
   * the tap's handlers. Baidu's `<form report-submit report-type="subscribe" template-id subscribe-id>` first shows
   * the subscription panel (the mock's simulation answers for the templates, as for the other platforms' calls), then
   * the event carries `formId` when granted, or `status`/`message`: 500101 refused for good (an answer `ban`), 500102
   * refused (`reject`), 500103 the panel closed (`filter` stands for it here), 500104 the templates could not be
   * loaded (no template-id or subscribe-id, more than three, an id the console did not issue), 500105 no formId.
   * https://smartprogram.baidu.com/docs/develop/component/formlist_form/
   */
  private submitAfterTap(page: HostPage, chain: RenderNode[]): void {
    const at = chain.findIndex((n) => page.view.tagOf(n) === 'button')
    const button = chain[at]
    if (!button || page.view.attribute(button, 'form-type') !== 'submit') return
    if (page.view.attribute(button, 'disabled') === true) return
    const form = chain.slice(at + 1).find((n) => page.view.tagOf(n) === 'form')
    if (!form) return
    const attr = (name: string) => page.view.attribute(form, name)
    const reportSubmit = attr('report-submit') === true || attr('report-submit') === 'true'
    const submit = (detail: Record<string, unknown>) => {
      if (page.state === 'unloaded') return
      this.formSubmits.push({ route: page.route, formId: String(form.uid ?? form.sid), detail })
      this.dispatch(page, String(form.sid), 'submit', detail)
    }
    if (this.target !== 'swan' || !reportSubmit || attr('report-type') !== 'subscribe') {
      const formId = reportSubmit ? `form-${Date.now().toString(36)}` : ''
      this.later(() => submit({ value: {}, formId }))
      return
    }
    const raw = attr('template-id')
    const ids = (Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(',')).filter(Boolean)
    const subscribeId = String(attr('subscribe-id') ?? '')
    const refusal = (status: number, message: string) => ({ value: {}, formId: '', status, message })
    const panel = async (): Promise<Record<string, unknown>> => {
      if (!ids.length || !subscribeId || ids.length > 3 || !this.subscribePanel)
        return refusal(500104, '请求模板内容失败')
      const { answers, refused } = await this.subscribePanel(ids)
      if (refused) return refusal(500104, '请求模板内容失败')
      const all = ids.map((id) => answers[id] ?? 'reject')
      if (all.every((a) => a.startsWith('accept')))
        return { value: {}, formId: `${subscribeId}-${Date.now().toString(36)}`, status: 0, message: '' }
      if (all.includes('ban')) return refusal(500101, '用户永久拒绝授权')
      if (all.includes('filter')) return refusal(500103, '用户取消授权')
      return refusal(500102, '用户单次拒绝授权')
    }
    void panel().then(
      (detail) => this.later(() => submit(detail)),
      (err: unknown) => this.recordError(err),
    )
  }

  /** A field's value as the native field holds it: what was typed, until the page writes the value again. */
  fieldValue(page: HostPage, node: RenderNode): unknown {
    const key = page.view.info(node)?.attrs.value
    const prop = key ? node[key] : undefined
    const typed = page.typed.get(String(node.sid))
    if (typed && typed.propAtTyping === prop) return typed.value
    return prop
  }

  /** The app's and its top page's onHide/onShow, as a native screen covers the mini-program and goes. */
  aside(hook: 'onHide' | 'onShow', around: string): void {
    this.permissions.events.push({ type: 'lifecycle', hook, around })
    if (this.appInstance)
      this.callHook(
        this.appInstance,
        hook,
        hook === 'onShow' ? { path: this.current()?.route, query: {}, scene: 1001 } : undefined,
      )
    const top = this.current()
    if (top && top.state !== 'unloaded') {
      top.state = hook === 'onHide' ? 'hidden' : 'open'
      this.callHook(top.instance, hook)
    }
  }

  // ---- the API object ----

  private makeApi(): Record<string, unknown> {
    const api: Record<string, unknown> = {}
    for (const name of Object.keys(this.table)) {
      if (name.includes('.')) continue
      api[name] = (...args: unknown[]) => this.call(name, args)
    }
    api.env = { USER_DATA_PATH: this.flavour.userDataPath }
    // An API the table lacks is undefined, as on a client without it; looked up by the app after start-up, it is
    // reported by name (start-up probes are the runtime's own feature tests).
    return new Proxy(api, {
      get: (target, key) => {
        // An API newer than this client's base library is not there, as on that client (the app asks canIUse).
        if (typeof key === 'string' && this.tooOld(key)) return undefined
        if (typeof key === 'string' && !(key in target) && /^[a-z][A-Za-z]+$/.test(key) && !OWN_KEYS.has(key)) {
          if (!this.booting)
            this.problem(
              `${this.flavour.apiName}.${key} is not in the ${this.target} API table (apis.${this.target}.ts)`,
            )
        }
        return target[key as string]
      },
    })
  }

  /** Whether this client is too old to have `api` (a spec's Host.client { baseLibrary }). */
  tooOld(api: string): boolean {
    const since = API_SINCE[this.target][api]
    return !!since && !!this.baseLibrary && olderThan(this.baseLibrary, since)
  }

  problem(text: string): void {
    if (!this.problems.includes(text)) this.problems.push(text)
  }

  /** Positional arguments of the sync APIs that take them (WeChat/Baidu storage, canIUse), as named options. */
  private optionsOf(name: string, args: unknown[]): Record<string, unknown> {
    const first = args[0]
    if (name === 'canIUse') return { schema: first }
    if (name === 'createCanvasContext') return { canvasId: first }
    if (this.target !== 'alipay') {
      if (name === 'getStorageSync' || name === 'removeStorageSync') return { key: first }
      if (name === 'setStorageSync') return { key: first, data: args[1] }
      if (name === 'canIUse') return { schema: first }
    }
    if (first && typeof first === 'object') return first as Record<string, unknown>
    return {}
  }

  /** One call of a platform API by the app: contract check, mock, stand-in, callbacks. */
  call(name: string, args: unknown[]): unknown {
    const row = this.table[name]
    const opts = this.optionsOf(name, args)
    this.calls.push({ name, args: opts })
    const missing = (row?.required ?? []).filter((k) => opts[k] === undefined || opts[k] === null)
    const cb = opts as Callbacks
    if (row?.sync) {
      if (missing.length) {
        const text = `${this.flavour.apiName}.${name}: missing required ${missing.join(', ')}`
        this.problem(text)
        throw new Error(text)
      }
      const impl = this.impl[name]
      if (!impl) throw new Error(`${name} has no stand-in`)
      return impl(opts, args)
    }
    // Read now: a tap's gesture lasts only while its handler runs.
    const tapped = this.userGesture
    const covers = COVERING[name]
    const notTapped = !tapped && TAP_ONLY[this.target][name]
    const answer = (async () => {
      if (notTapped) {
        this.problem(`${this.flavour.apiName}.${name} called outside a tap (${row?.doc})`)
        throw new ApiFailure(notTapped.code, notTapped.message)
      }
      if (missing.length) {
        this.problem(`${this.flavour.apiName}.${name} called without required ${missing.join(', ')} (${row?.doc})`)
        throw new ApiFailure(2, `parameter error: ${missing.map((k) => `parameter.${k} should be given`).join('; ')}`)
      }
      if (name === 'openSetting' && this.target !== 'alipay' && !tapped) {
        this.permissions.events.push({ type: 'settings', outcome: 'refused-outside-tap' })
        throw new ApiFailure(1, 'can only be invoked by user TAP gesture.')
      }
      // A native screen over the mini-program (the album or camera, the settings page): the app goes to the
      // background and comes back, as on a phone.
      if (covers) this.aside('onHide', name)
      try {
        await this.permissions.gate(name, opts)
        const mock = this.mockFor(name)
        if (mock) return await this.runMock(name, mock, opts)
        const impl = this.impl[name]
        if (!impl) throw new ApiFailure(1, `${name} has no stand-in in the host`)
        return (await impl(opts, args)) as Record<string, unknown>
      } finally {
        if (covers) this.aside('onShow', name)
      }
    })()
    let task: Record<string, unknown> | undefined
    const headerListeners = new Set<(r: { header: Record<string, string> }) => void>()
    if (name === 'request' || name === 'uploadFile' || name === 'downloadFile') {
      task = { abort: () => undefined, onProgressUpdate: () => undefined, offProgressUpdate: () => undefined }
      // WeChat 2.1.0+ and Baidu 3.180.1+ tasks (UploadTask.onHeadersReceived); Alipay's tasks have none.
      if (this.target !== 'alipay') {
        task.onHeadersReceived = (cb: (r: { header: Record<string, string> }) => void) => void headerListeners.add(cb)
        task.offHeadersReceived = (cb: (r: { header: Record<string, string> }) => void) =>
          void headerListeners.delete(cb)
      }
    }
    const settled = answer.then(
      (res) => {
        const header = res ? (res as { [RESPONSE_HEADERS]?: Record<string, string> })[RESPONSE_HEADERS] : undefined
        if (header) for (const cb of headerListeners) cb({ header })
        return { ok: true as const, res: { ...(res ?? {}), ...this.flavour.okTag(name) } }
      },
      (err: unknown) => {
        const failure =
          err instanceof ApiFailure
            ? this.flavour.failure(name, err.code, err.message)
            : err && typeof err === 'object' && !(err instanceof Error)
              ? (err as Record<string, unknown>)
              : this.flavour.failure(name, 1, err instanceof Error ? err.message : String(err))
        return { ok: false as const, res: failure }
      },
    )
    const hasCallbacks = cb.success || cb.fail || cb.complete
    const delivered = settled.then(
      (out) =>
        new Promise<typeof out>((resolve) =>
          this.timer(
            setTimeout,
            () => {
              if (out.ok) cb.success?.(out.res)
              else cb.fail?.(out.res)
              cb.complete?.(out.res)
              resolve(out)
            },
            0,
            [],
          ),
        ),
    )
    if (task) return task
    if (hasCallbacks) return undefined
    // Promise style, when no callback is given.
    return delivered.then((out) => (out.ok ? out.res : Promise.reject(out.res)))
  }

  /** Calls an API the way a spec's callWxMethod does (wx names mapped onto this platform), resolving its result. */
  callForSpec(wxName: string, args: unknown[]): Promise<unknown> {
    const name = WX_ALIASES[this.target][wxName] ?? wxName
    const row = this.table[name]
    const mock = this.mocks.get(wxName) ?? this.mocks.get(name)
    if (mock) return Promise.resolve(this.runMock(wxName, mock, (args[0] ?? {}) as Record<string, unknown>, true))
    if (!row)
      return Promise.reject(
        new Error(`${wxName} is not an API of ${this.target} the host knows (apis.${this.target}.ts)`),
      )
    if (row.sync) return Promise.resolve(this.call(name, args))
    return new Promise((resolve, reject) => {
      const opts = { ...((args[0] ?? {}) as Record<string, unknown>) }
      opts.success = (res: unknown) => resolve(toWxResult(this.target, name, res as Record<string, unknown>))
      opts.fail = (err: Record<string, unknown>) =>
        reject(new Error(String(err.errMsg ?? err.errorMessage ?? JSON.stringify(err))))
      this.call(name, [opts, ...args.slice(1)])
    })
  }

  private mockFor(name: string): Mock | undefined {
    const direct = this.mocks.get(name)
    if (direct) return direct
    for (const [wx, own] of Object.entries(WX_ALIASES[this.target])) {
      if (own === name && this.mocks.has(wx)) return this.mocks.get(wx)
    }
    return undefined
  }

  /** A mocked answer (given in wx shape, as in the devtools), turned into this platform's shape. */
  private async runMock(
    name: string,
    mock: Mock,
    opts: Record<string, unknown>,
    forSpec = false,
  ): Promise<Record<string, unknown>> {
    let result: unknown = mock.result
    if (mock.fn) {
      const origin = (o: unknown) => this.callForSpec(name, [o])
      result = await mock.fn.apply({ origin }, [opts, ...(mock.args ?? [])])
    }
    const res = (result ?? {}) as Record<string, unknown>
    const own = WX_ALIASES[this.target][name] ?? name
    if (typeof res.errMsg === 'string' && /:fail/.test(res.errMsg)) {
      if (forSpec) throw new Error(res.errMsg)
      if (this.target === 'alipay') throw { error: alipayErrorOf(own, res.errMsg), errorMessage: res.errMsg }
      if (this.target === 'swan') throw { ...res, ...swanErrorOf(res.errMsg) }
      throw { ...res, ...wxErrnoOf(res) }
    }
    return forSpec ? res : fromWxResult(this.target, own, res)
  }

  // ---- evaluation (the automator's App.callFunction) ----

  /**
   * Runs a spec's function in the app's context with `wx` (on every platform: this platform's API object plus the
   * wx file system and env the devtools have), getApp and getCurrentPages; `globalThis` is given as a parameter,
   * since Alipay's engine has none.
   */
  async evaluate(declaration: string, args: unknown[]): Promise<unknown> {
    const fn = vm.runInContext(`(function (globalThis, wx) { return (${declaration}) })`, this.context) as (
      g: unknown,
      wx: unknown,
    ) => Fn
    const specGlobal = vm.runInContext('this', this.context) as Record<string, unknown>
    const wx = this.api
    const scope = Object.create(specGlobal) as Record<string, unknown>
    scope.wx = wx
    return await fn(scope, wx)(...args)
  }

  // ---- timers, console, errors ----

  private timer(kind: typeof setTimeout | typeof setInterval, fn: Fn, ms: number | undefined, args: unknown[]) {
    if (this.disposed) return undefined as unknown as ReturnType<typeof setTimeout>
    const short = kind === setTimeout && (ms ?? 0) <= 16
    const t = kind(() => {
      if (kind === setTimeout) this.timers.delete(t)
      this.shortTimers.delete(t)
      try {
        fn(...args)
      } catch (err) {
        this.recordError(err)
      }
    }, ms ?? 0)
    this.timers.add(t)
    if (short) this.shortTimers.add(t)
    return t
  }

  /** Runs `fn` on a later turn, as the platform answers a callback (and not after the host is disposed). */
  later(fn: () => void): void {
    this.timer(setTimeout, fn, 0, [])
  }

  /**
   * Waits until the app has no render or callback due within a frame (React's scheduled updates, setData
   * callbacks, API answers): a real view layer handles the next touch only after the previous one's render, and a
   * spec's steps are never faster than that.
   */
  async quiesce(limitMs = 1000): Promise<void> {
    const deadline = Date.now() + limitMs
    do {
      await new Promise((r) => setTimeout(r, 2))
    } while (this.shortTimers.size > 0 && Date.now() < deadline)
  }

  private clear(t: ReturnType<typeof setTimeout>): void {
    clearTimeout(t)
    this.timers.delete(t)
    this.shortTimers.delete(t)
  }

  recordError(err: unknown): void {
    this.errors.push(err)
    const error = err instanceof Error ? err : new Error(String((err as Error)?.message ?? err))
    this.options.onException?.(error)
  }

  private makeConsole(): Console {
    const send =
      (type: string) =>
      (...args: unknown[]) =>
        this.options.onConsole?.(type, args)
    return {
      ...console,
      log: send('log'),
      info: send('info'),
      debug: send('debug'),
      warn: send('warn'),
      // React reports render errors and failed effects here: an error logged is an error of the app.
      error: (...args: unknown[]) => {
        send('error')(...args)
        this.errors.push(args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' '))
      },
    }
  }

  /** Lets queued timers and promise jobs run. */
  settle(ms = 20): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms))
  }

  async waitFor(what: string, condition: () => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`${this.target}: timed out waiting for ${what}`)
      await this.settle(10)
    }
  }

  dispose(): void {
    this.disposed = true
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    activeHosts.delete(this)
    this.files.dispose()
  }
}

/** APIs whose native screen covers the mini-program (onHide, then onShow when it closes). */
const COVERING: Record<string, true> = {
  // The platform's map is a native page over the mini-program.
  openLocation: true,
  chooseMedia: true,
  chooseImage: true,
  chooseMessageFile: true,
  openSetting: true,
  // The cashier and the face screen, simulated or mocked alike: the app reads their result after onShow.
  requestPayment: true,
  tradePay: true,
  requestPolymerPayment: true,
  requestFacialVerify: true,
  startAPVerify: true,
}

/** Keys the runtime keeps on the API object for itself, not API functions. */
const OWN_KEYS = new Set(['webpackJsonp', 'taroEventCenter', 'env', 'ai', 'then', 'toJSON'])

/** A platform's own success result in wx terms, for a spec's callWxMethod. */
export function toWxResult(target: MiniTarget, name: string, res: Record<string, unknown>): Record<string, unknown> {
  if (target === 'alipay' && name === 'getAuthCode') return { ...res, code: res.authCode }
  return res
}

/** A wx-shaped (mocked) result in the shape this platform's API answers with. */
export function fromWxResult(target: MiniTarget, name: string, res: Record<string, unknown>): Record<string, unknown> {
  const files = (res.tempFiles ?? []) as { tempFilePath?: string; path?: string; size?: number }[]
  const paths = files.map((f) => f.tempFilePath ?? f.path ?? '')
  if (target === 'alipay') {
    if (name === 'getAuthCode') return { authCode: res.code }
    // Older Alipay clients answer apFilePaths only (see apis.alipay.ts).
    if (name === 'chooseImage') return { apFilePaths: paths.length ? paths : (res.tempFilePaths ?? []) }
    if (name === 'tradePay') return { resultCode: typeof res.resultCode === 'string' ? res.resultCode : '9000' }
    if (name === 'startAPVerify' && 'errCode' in res)
      return { resultStatus: res.errCode === 0 ? '9000' : '4000', result: null }
  }
  if (target === 'swan') {
    if (name === 'chooseImage' && files.length) {
      return { tempFilePaths: paths, tempFiles: files.map((f, i) => ({ path: paths[i], size: f.size ?? 0 })) }
    }
  }
  if (target === 'weapp' && name === 'chooseImage' && files.length) {
    return { tempFilePaths: paths, tempFiles: files.map((f, i) => ({ path: paths[i], size: f.size ?? 0 })) }
  }
  return res
}

export function errorText(errors: unknown[]): string {
  return errors.map((e) => (e instanceof Error ? (e.stack ?? e.message) : String(e))).join('\n---\n')
}
