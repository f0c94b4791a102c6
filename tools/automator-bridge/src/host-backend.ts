import { buildMockServer } from '../../../mock-server/app'
import { snapshotOutput } from '../../../devkit/taro-build'
import { MiniProgramHost, WX_ALIASES, type HostPage } from '../../miniprogram-host/src/host'
import type { MiniTarget } from '../../miniprogram-host/src/platforms'
import type { PermissionScript } from '../../miniprogram-host/src/permissions'
import { locate, textOf, type RenderNode } from '../../miniprogram-host/src/render-tree'
import { serveBackend, type Backend, type BackendHandler } from './backend'

/**
 * The automator protocol over the mini-program host: the weapp, alipay or swan bundle running in Node
 * (tools/miniprogram-host). Same specs, same SDK; what cannot be modelled answers an error naming the method.
 */
export interface HostBridgeOptions {
  target: MiniTarget
  port?: number
  mockUrl?: string
  /** A built dist/<target> folder; without it dist/<target> is built if stale and a private copy served. */
  miniRoot?: string
  log?: (line: string) => void
}

const ROUTES = new Set(['navigateTo', 'redirectTo', 'reLaunch', 'switchTab', 'navigateBack'])

function str(params: Record<string, unknown>, name: string): string {
  const v = params[name]
  if (typeof v !== 'string') throw new Error(`parameter ${name} must be a string`)
  return v
}

function names(params: Record<string, unknown>): string[] {
  const v = params.names
  if (!Array.isArray(v)) throw new Error('names must be strings')
  return v.map(String)
}

export async function startHostBridge(options: HostBridgeOptions) {
  const log = options.log ?? (() => undefined)
  const cleanups: (() => Promise<void> | void)[] = []
  let mockUrl = options.mockUrl
  if (!mockUrl) {
    const mock = await buildMockServer({ qa: true })
    mockUrl = await mock.listen({ port: 0, host: '127.0.0.1' })
    cleanups.push(() => mock.close())
  }
  let root = options.miniRoot
  if (!root) {
    const snapshot = await snapshotOutput(options.target, { log })
    cleanups.push(snapshot.dispose)
    root = snapshot.root
  }
  const backend = new HostBackend(options.target, root, mockUrl, log)
  await backend.open()
  const served = await serveBackend(backend, { port: options.port, log, cleanups })
  log(`mini-program host (${options.target}) listening on ${served.wsEndpoint} (mock ${mockUrl})`)
  return { ...served, mockUrl, h5Url: '' }
}

export class HostBackend implements Backend {
  readonly name: string
  host!: MiniProgramHost
  private broadcast: (method: string, params: unknown, onlyLogging: boolean) => void = () => undefined
  private readonly bindings = new Set<string>()

  constructor(
    readonly target: MiniTarget,
    private readonly root: string,
    private readonly mockUrl: string,
    private readonly log: (line: string) => void,
  ) {
    this.name = `mini-program host (${target})`
  }

  attachBroadcast(send: (method: string, params: unknown, onlyLogging: boolean) => void): void {
    this.broadcast = send
  }

  /** Opens (or, after App.exit, reopens) the app on its entry page; a failed launch is reported, not fatal. */
  async open(): Promise<void> {
    this.host = new MiniProgramHost(this.root, this.target, {
      mockUrl: this.mockUrl,
      onConsole: (type, args) =>
        this.broadcast(
          'App.logAdded',
          { type, args: args.map((a) => (typeof a === 'object' ? safeJson(a) : a)) },
          true,
        ),
      onException: (err) =>
        this.broadcast('App.exceptionThrown', { message: err.message, stack: err.stack ?? '' }, false),
    })
    for (const name of this.bindings) this.bind(name)
    try {
      await this.host.launch()
    } catch (err) {
      this.host.recordError(err)
      this.log(`launch failed: ${(err as Error).stack ?? String(err)}`)
    }
  }

  async close(): Promise<void> {
    this.host?.dispose()
  }

  private bind(name: string): void {
    ;(this.host.context as Record<string, unknown>)[name] = (...args: unknown[]) =>
      this.broadcast('App.bindingCalled', { name, args }, false)
  }

  private top(): HostPage {
    const page = this.host.current()
    if (!page) {
      const why = this.host.errors.length
        ? ` (${String((this.host.errors[0] as Error)?.message ?? this.host.errors[0])})`
        : ''
      throw new Error(`the ${this.target} app shows no page${why}`)
    }
    return page
  }

  private info(page: HostPage) {
    return { pageId: page.id, path: page.route, query: page.query }
  }

  private page(params: Record<string, unknown>): HostPage {
    const id = Number(params.pageId)
    const page = this.host.pageById(id)
    if (!page) throw new Error(`page ${String(params.pageId)} is no longer on the page stack`)
    return page
  }

  private element(params: Record<string, unknown>): { page: HostPage; node: RenderNode; sid: string } {
    const elementId = str(params, 'elementId')
    const [pageId, sid] = elementId.split('/') as [string, string]
    const page = this.host.pageById(Number(pageId))
    if (!page) throw new Error(`element ${elementId}: its page is no longer on the page stack`)
    const found = locate(page.root(), sid)
    if (!found) throw new Error(`element ${elementId} is no longer on page ${page.route}`)
    return { page, node: found.node, sid }
  }

  private query(params: Record<string, unknown>, all: boolean) {
    const selector = str(params, 'selector')
    let page: HostPage
    let scope: string | undefined
    if (typeof params.elementId === 'string') {
      const el = this.element(params)
      page = el.page
      scope = el.sid
    } else page = this.page(params)
    const nodes = page.view.query(selector, scope)
    const out = nodes.map((n) => ({ elementId: `${page.id}/${n.sid}`, tagName: page.view.tagOf(n) }))
    if (all) return { elements: out }
    if (!out[0]) throw new Error(`no element matches ${selector} on page ${page.route}`)
    return out[0]
  }

  private properties(page: HostPage, node: RenderNode, list: string[]): unknown[] {
    return list.map((name) => {
      if (name === '__propPublic') {
        const pub: Record<string, boolean> = { value: true, checked: true }
        for (const attr of Object.keys(page.view.info(node)?.attrs ?? {})) pub[camel(attr)] = true
        return pub
      }
      if (name === 'value') return this.host.fieldValue(page, node)
      return page.view.attribute(node, kebab(name))
    })
  }

  /** A question only layout answers: refused naming the SDK method and the protocol call, never answered 0 or null. */
  private noLayout(what: string): Error {
    return new Error(`${what} is not supported by the ${this.name}: ${NO_LAYOUT}`)
  }

  readonly unsupported: Record<string, string> = {
    'App.captureScreenshot': 'the host renders no pixels (use the H5 target or the devtools for screenshots)',
    'Element.getOffset': `element.offset(): ${NO_LAYOUT}`,
    'Page.setData': 'a Taro page keeps its state in React, not in page data; drive the page through its elements',
    'Page.getElementByXpath': 'XPath selectors are not mapped; select by id or class',
    'Page.getElementsByXpath': 'XPath selectors are not mapped; select by id or class',
    'Element.getData': 'custom-component data is not modelled',
    'Element.setData': 'custom-component data is not modelled',
    'Element.callMethod': 'custom-component methods are not modelled',
    'Element.callContextMethod': 'video/context components are not modelled',
  }

  readonly handlers: Record<string, BackendHandler> = {
    'Tool.getInfo': async () => ({ SDKVersion: 'dev', bridge: `miniprogram-host-${this.target}` }),
    'Tool.close': async () => ({}),
    'Tool.native': async (params) => {
      const method = str(params, 'method')
      if (method !== 'confirmModal' && method !== 'cancelModal') {
        throw new Error(
          `Tool.native ${method} is not supported by the ${this.name}: only the modal (confirmModal, cancelModal)`,
        )
      }
      if (!this.host.modal) throw new Error(`Tool.native ${method}: no modal is shown`)
      this.host.modal.answer(method === 'confirmModal')
      return {}
    },
    /**
     * Not part of the devtools' protocol: scripts the permission model (what the candidate answers to a scope, the
     * phone's permissions, WeChat's privacy popup, what they change in the settings; tools/miniprogram-host/src/
     * permissions.ts) and answers what the platform showed so far (prompts, popups, settings, lifecycles).
     */
    'Host.permissions': async (params) => {
      this.host.permissions.apply(params as PermissionScript)
      return { ...this.host.permissions.snapshot(), target: this.target }
    },
    /** Not part of the devtools' protocol: what the host saw break the platform's contract (the spec fails on it). */
    'Host.takeProblems': async () => {
      const problems = this.host.problems.splice(0)
      return { problems, target: this.target }
    },
    /**
     * Not part of the devtools' protocol: the images saved to the album since the last call, each with the canvas
     * recording it was exported from (texts, rectangles, images; tools/miniprogram-host/src/canvas.ts).
     */
    'Host.takeSavedImages': async () => ({ images: this.host.canvases.saved.splice(0), target: this.target }),
    /**
     * Not part of the devtools' protocol: the maps the app opened and the calendar entries it made since the last call,
     * with the arguments the platform took (tools/miniprogram-host/src/places.ts).
     */
    'Host.takeOpened': async () => ({ opened: this.host.opened.splice(0), target: this.target }),
    /**
     * Not part of the devtools' protocol: makes the phone's client an older one (`baseLibrary`, e.g. '2.14.0'; null for
     * a current one): APIs newer than it are missing and canIUse answers false (places.ts API_SINCE).
     */
    'Host.client': async (params) => {
      if (params.baseLibrary !== undefined) {
        const v = params.baseLibrary
        if (v !== null && (typeof v !== 'string' || !/^\d+(\.\d+)*$/.test(v)))
          throw new Error('Host.client: baseLibrary is a dotted version such as 2.14.0, or null')
        this.host.baseLibrary = v
      }
      return { baseLibrary: this.host.baseLibrary, target: this.target }
    },
    'Host.metrics': async () => ({
      target: this.target,
      pages: Object.fromEntries(this.host.allMetrics()),
    }),
    'App.getCurrentPage': async () => {
      await this.settled()
      return this.info(this.top())
    },
    'App.getPageStack': async () => {
      await this.settled()
      return { pageStack: this.host.stack.map((p) => this.info(p)) }
    },
    'App.callWxMethod': async (params) => {
      if (params.pluginId) throw new Error(`App.callWxMethod with pluginId is not supported by the ${this.name}`)
      const method = str(params, 'method')
      const args = Array.isArray(params.args) ? params.args : []
      // The app's own pageScrollTo runs (nothing to see in the host); a spec's would be followed by a read of the
      // position the host cannot give.
      if (method === 'pageScrollTo') throw this.noLayout('App.callWxMethod pageScrollTo')
      if (ROUTES.has(method)) {
        const opts = { ...((args[0] ?? {}) as Record<string, unknown>) }
        if (opts.url === null) delete opts.url
        try {
          await this.host.route(method, opts)
        } catch (err) {
          throw new Error(`${method}:fail ${(err as Error).message}`)
        }
        await this.settled()
        return { result: { errMsg: `${method}:ok` } }
      }
      return { result: await this.host.callForSpec(method, args) }
    },
    'App.mockWxMethod': async (params) => {
      if (params.pluginId) throw new Error(`App.mockWxMethod with pluginId is not supported by the ${this.name}`)
      const method = str(params, 'method')
      const own = WX_ALIASES[this.target][method] ?? method
      if (!(own in this.host.table) && !(method in this.host.table)) {
        throw new Error(`App.mockWxMethod ${method}: ${this.target} has no such API in the host's table`)
      }
      if (typeof params.functionDeclaration === 'string') {
        const declaration = params.functionDeclaration
        const host = this.host
        this.host.mocks.set(method, {
          fn(this: { origin: unknown }, ...args: unknown[]) {
            return host.evaluate(
              `function () { return (${declaration}).apply(arguments[0], Array.prototype.slice.call(arguments, 1)) }`,
              [this, ...args],
            )
          },
          args: Array.isArray(params.args) ? params.args : [],
        })
      } else if ('result' in params) this.host.mocks.set(method, { result: params.result })
      else this.host.mocks.delete(method)
      return {}
    },
    'App.callFunction': async (params) => ({
      result: await this.host.evaluate(
        str(params, 'functionDeclaration'),
        Array.isArray(params.args) ? params.args : [],
      ),
    }),
    'App.exit': async () => {
      this.host.dispose()
      await this.open()
      return {}
    },
    'App.enableLog': async (_params, client) => {
      client.logEnabled = true
      return {}
    },
    'App.addBinding': async (params) => {
      const name = str(params, 'name')
      this.bindings.add(name)
      this.bind(name)
      return {}
    },
    'Page.getElement': async (params) => this.query(params, false),
    'Page.getElements': async (params) => this.query(params, true),
    'Page.getData': async (params) => {
      const page = this.page(params)
      let data: unknown = page.data
      if (typeof params.path === 'string' && params.path) {
        for (const seg of params.path.split('.').map((s) => s.replace(/^\[(\d+)\]$/, '$1'))) {
          data = (data as Record<string, unknown> | undefined)?.[seg]
        }
      }
      return { data }
    },
    'Page.callMethod': async (params) => {
      const page = this.page(params)
      const fn = page.instance[str(params, 'method')]
      if (typeof fn !== 'function') throw new Error(`page ${page.route} has no method ${String(params.method)}`)
      return { result: await (fn as (...a: unknown[]) => unknown)(...(Array.isArray(params.args) ? params.args : [])) }
    },
    'Page.getWindowProperties': async (params) => {
      this.page(params)
      // The window is the simulated phone's (its system info); the content's size and scroll position need layout.
      const values: Record<string, number> = { innerWidth: 390, innerHeight: 763 }
      const asked = names(params)
      const layout = asked.filter((n) => !(n in values))
      if (layout.length) {
        throw this.noLayout(`Page.getWindowProperties ${layout.join(', ')} (page.size(), page.scrollTop())`)
      }
      return { properties: asked.map((n) => values[n]) }
    },
    'Element.getElement': async (params) => this.query(params, false),
    'Element.getElements': async (params) => this.query(params, true),
    'Element.tap': async (params) => {
      const { page, sid } = this.element(params)
      await this.dispatch(page, sid, 'tap', this.target === 'alipay' ? {} : { x: 0, y: 0 })
      return {}
    },
    'Element.longpress': async (params) => {
      const { page, sid } = this.element(params)
      await this.dispatch(page, sid, this.target === 'alipay' ? 'longtap' : 'longpress', {})
      return {}
    },
    'Element.touchstart': async (params) => this.touch(params, 'touchstart'),
    'Element.touchmove': async (params) => this.touch(params, 'touchmove'),
    'Element.touchend': async (params) => this.touch(params, 'touchend'),
    'Element.triggerEvent': async (params) => {
      const { page, sid } = this.element(params)
      await this.dispatch(page, sid, str(params, 'type'), (params.detail ?? {}) as Record<string, unknown>)
      return {}
    },
    'Element.dispatchEvent': async (params) => {
      const { page, sid } = this.element(params)
      const type = typeof params.eventName === 'string' ? params.eventName : str(params, 'type')
      await this.dispatch(page, sid, type, (params.detail ?? params.eventData ?? {}) as Record<string, unknown>)
      return {}
    },
    'Element.callFunction': async (params) => {
      const { page, sid } = this.element(params)
      const fn = str(params, 'functionName')
      const args = Array.isArray(params.args) ? params.args : []
      if (fn === 'input.input' || fn === 'textarea.input') {
        const value = String(args[0] ?? '')
        // A phone types into the field and fires input with detail.value (Alipay: the same detail).
        await this.dispatch(
          page,
          sid,
          'input',
          this.target === 'alipay' ? { value } : { value, cursor: value.length, keyCode: 0 },
        )
        return { result: undefined }
      }
      if (fn.startsWith('scroll-view.')) throw this.noLayout(`Element.callFunction ${fn} (scroll-view ${fn.slice(12)})`)
      throw new Error(`Element.callFunction ${fn} is not supported by the ${this.name}`)
    },
    'Element.getDOMProperties': async (params) => {
      const { page, node } = this.element(params)
      const layout = names(params).filter((n) => LAYOUT_PROPERTIES.has(n))
      if (layout.length) throw this.noLayout(`Element.getDOMProperties ${layout.join(', ')} (element.size())`)
      return {
        properties: names(params).map((n) =>
          n === 'innerText' || n === 'textContent'
            ? textOf(node)
            : n === 'value'
              ? this.host.fieldValue(page, node)
              : undefined,
        ),
      }
    },
    'Element.getAttributes': async (params) => {
      const { page, node } = this.element(params)
      return { attributes: names(params).map((n) => page.view.attribute(node, n)) }
    },
    'Element.getProperties': async (params) => {
      const { page, node } = this.element(params)
      return { properties: this.properties(page, node, names(params)) }
    },
    'Element.getStyles': async (params) => {
      const { node } = this.element(params)
      const styles = new Map(
        String(node.st ?? '')
          .split(';')
          .map((d) => d.split(':').map((s) => s.trim()) as [string, string])
          .filter(([k]) => k),
      )
      return { styles: names(params).map((n) => styles.get(n) ?? '') }
    },
    'Element.getWXML': async (params) => {
      const { page, node } = this.element(params)
      return { wxml: page.view.wxml(node, params.type === 'outer') }
    },
  }

  /** A touch or input as the view layer delivers it: after the previous render, and answered after its own. */
  private async dispatch(page: HostPage, sid: string, type: string, detail: Record<string, unknown>): Promise<void> {
    await this.host.quiesce()
    this.host.dispatch(page, sid, type, detail)
    await this.host.quiesce()
  }

  private async touch(params: Record<string, unknown>, type: string) {
    const { page, sid } = this.element(params)
    await this.dispatch(page, sid, type, {})
    return {}
  }

  /** Waits for pending route changes (the runtime answers a route call once the new page is up). */
  private async settled(): Promise<void> {
    await this.host.idle()
  }
}

/**
 * The host keeps the render tree, not a layout: sizes, positions and scroll offsets would be guesses, and a spec
 * that reads a guess passes where the devtools would answer otherwise.
 */
const NO_LAYOUT =
  'the host does no layout (no sizes, positions or scrolling); check it on the H5 target or in the devtools'

/** DOM properties only a layout can answer (element.size() reads offsetWidth and offsetHeight). */
const LAYOUT_PROPERTIES = new Set([
  'offsetWidth',
  'offsetHeight',
  'offsetTop',
  'offsetLeft',
  'clientWidth',
  'clientHeight',
  'scrollWidth',
  'scrollHeight',
  'scrollTop',
  'scrollLeft',
])

function camel(s: string): string {
  return s.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())
}
function kebab(s: string): string {
  return s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
}
function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v)
  } catch {
    return String(v)
  }
}
