import fs from 'node:fs'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Browser, BrowserContext, JSHandle, Page } from 'playwright-core'
import { WebSocketServer, type WebSocket } from 'ws'
import { launchChromium, PHONE_VIEWPORT } from '../../../devkit/chromium'
import { serveH5 } from '../../../devkit/h5-server'
import { buildMockServer } from '../../../mock-server/app'
import { snapshotOutput, type OutputSnapshot } from '../../../devkit/taro-build'
import { isMiniTarget } from '../../miniprogram-host/src/platforms'
import { startHostBridge } from './host-backend'

/**
 * The miniprogram-automator protocol (what the WeChat devtools serve on --auto-port), served over the app's H5
 * production build in headless Chromium. One app (one Chromium page) is shared by every connected client.
 */

export interface BridgeOptions {
  /** WebSocket port; 0 picks a free one. */
  port?: number
  /** The mock server the app talks to. Without it the bridge starts its own (QA API on). */
  mockUrl?: string
  /** A folder holding an H5 build. Without it the bridge builds dist/h5 if stale and serves a private copy. */
  h5Root?: string
  /** The page the app opens on, as in app.config pages[0]. */
  entryPath?: string
  log?: (line: string) => void
  /** h5 (this file: Chromium over the H5 build) or weapp/alipay/swan (host-backend.ts: the bundle in Node). */
  target?: string
  /** For weapp/alipay/swan: a built dist/<target> folder (else built if stale and copied). */
  miniRoot?: string
}

export interface RunningBridge {
  wsEndpoint: string
  mockUrl: string
  h5Url: string
  /** Resolves when a client sent Tool.close (or close() was called). */
  closed: Promise<void>
  close: () => Promise<void>
}

interface Request {
  id?: string
  method?: string
  params?: Record<string, unknown>
}

interface PageState {
  token: string
  stack: { key: string; path: string; query: Record<string, string> }[]
  topReady: boolean
}

type Handler = (params: Record<string, unknown>, client: Client) => Promise<unknown>

interface Client {
  ws: WebSocket
  logEnabled: boolean
}

/** An error whose message is the reply (the SDK turns it into `new Error(message)`). */
export class ProtocolError extends Error {}

const RUNTIME = fs.readFileSync(path.join(__dirname, 'page-runtime.js'), 'utf8')
const ROUTE_METHODS = new Set(['navigateTo', 'redirectTo', 'reLaunch', 'switchTab', 'navigateBack'])
const UNSUPPORTED: Record<string, string> = {
  'Page.getData': 'a Taro page has no mini-program page data on H5; assert on what the page shows instead',
  'Page.setData': 'a Taro page has no mini-program page data on H5; drive the page through its elements',
  'Page.callMethod': 'Taro pages on H5 have no callable page methods; drive the page through its elements',
  'Page.getElementByXpath': 'XPath selectors are not mapped; select by id or class',
  'Page.getElementsByXpath': 'XPath selectors are not mapped; select by id or class',
  'Element.getData': 'custom-component data does not exist on H5',
  'Element.setData': 'custom-component data does not exist on H5',
  'Element.callMethod': 'custom-component methods do not exist on H5',
  'Element.callContextMethod': 'video/context components are not mapped on H5',
  'Tool.enableRemoteDebug': 'remote debugging belongs to the WeChat devtools',
  'Tool.getTestAccounts': 'test accounts belong to the WeChat devtools',
  'Tool.stopAudits': 'audits belong to the WeChat devtools',
  'Tool.getTicket': 'tickets belong to the WeChat devtools',
  'Tool.setTicket': 'tickets belong to the WeChat devtools',
  'Tool.refreshTicket': 'tickets belong to the WeChat devtools',
}

/** A console argument as the devtools send it: JSON values as they are, anything else (an Error ...) as text. */
async function consoleValue(arg: JSHandle): Promise<unknown> {
  try {
    const value: unknown = await arg.jsonValue()
    if (value === undefined) return String(arg)
    if (value instanceof Error) return String(value.stack ?? value)
    return value
  } catch {
    return String(arg)
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function str(params: Record<string, unknown>, name: string): string {
  const v = params[name]
  if (typeof v !== 'string') throw new ProtocolError(`parameter ${name} must be a string`)
  return v
}

function names(params: Record<string, unknown>): string[] {
  const v = params.names
  if (!Array.isArray(v) || !v.every((n) => typeof n === 'string')) throw new ProtocolError('names must be strings')
  return v as string[]
}

export async function startBridge(options: BridgeOptions = {}): Promise<RunningBridge> {
  if (options.target && options.target !== 'h5') {
    if (!isMiniTarget(options.target)) throw new Error(`unknown target ${options.target}: h5, weapp, alipay or swan`)
    return startHostBridge({ ...options, target: options.target })
  }
  const log = options.log ?? (() => undefined)
  const cleanups: (() => Promise<void> | void)[] = []
  const onFail = async () => {
    for (const fn of cleanups.reverse()) await Promise.resolve(fn()).catch(() => undefined)
  }
  try {
    let mockUrl = options.mockUrl
    if (!mockUrl) {
      const mock = await buildMockServer({ qa: true })
      mockUrl = await mock.listen({ port: 0, host: '127.0.0.1' })
      cleanups.push(() => mock.close())
      log(`mock server started at ${mockUrl}`)
    }
    let root = options.h5Root
    if (!root) {
      const snapshot: OutputSnapshot = await snapshotOutput('h5', { log })
      cleanups.push(snapshot.dispose)
      root = snapshot.root
    }
    const h5 = await serveH5({ root, port: 0, apiBase: mockUrl })
    cleanups.push(() => h5.app.close())
    const browser = await launchChromium()
    cleanups.push(() => browser.close())
    const bridge = new Bridge(browser, h5.url, options.entryPath ?? 'pages/login/index', log)
    await bridge.openApp()
    const wss = new WebSocketServer({ port: options.port ?? 0, host: '127.0.0.1' })
    await new Promise<void>((resolve, reject) => {
      wss.once('listening', () => resolve())
      wss.once('error', reject)
    })
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          for (const c of wss.clients) c.terminate()
          wss.close(() => resolve())
        }),
    )
    const port = (wss.address() as AddressInfo).port
    let resolveClosed: () => void = () => undefined
    const closed = new Promise<void>((r) => (resolveClosed = r))
    let closing: Promise<void> | null = null
    const close = () => {
      closing ??= onFail().then(() => resolveClosed())
      return closing
    }
    bridge.onToolClose = () => void close()
    wss.on('connection', (ws) => bridge.attach(ws))
    log(`automator bridge listening on ws://127.0.0.1:${port} (app ${h5.url}, mock ${mockUrl})`)
    return { wsEndpoint: `ws://127.0.0.1:${port}`, mockUrl, h5Url: h5.url, closed, close }
  } catch (err) {
    await onFail()
    throw err
  }
}

class Bridge {
  private context: BrowserContext | null = null
  private page: Page | null = null
  private opening: Promise<Page> | null = null
  private lastPageError = ''
  private readonly clients = new Set<Client>()
  private readonly pageIds = new Map<string, number>()
  private readonly pageKeys = new Map<number, { token: string; key: string; path: string }>()
  private nextPageId = 1
  private readonly bindings = new Set<string>()
  onToolClose: () => void = () => undefined

  constructor(
    private readonly browser: Browser,
    private readonly appUrl: string,
    private readonly entryPath: string,
    private readonly log: (line: string) => void,
  ) {}

  /** Opens (or reopens after App.exit) the app on its entry page. */
  openApp(): Promise<Page> {
    this.opening ??= this.open().catch((err: unknown) => {
      this.opening = null
      throw err
    })
    return this.opening
  }

  private async open(): Promise<Page> {
    this.context ??= await this.browser.newContext({ viewport: PHONE_VIEWPORT, deviceScaleFactor: 2 })
    const page = await this.context.newPage()
    await page.addInitScript({ content: RUNTIME })
    // As the devtools send it: {type, args} with each argument of the console call as its own JSON value (an Error
    // as its stack, anything not JSON as its string). Reading the values is asynchronous: a chain keeps their order.
    let logs = Promise.resolve()
    page.on('console', (msg) => {
      const raw: string = msg.type()
      const type = raw === 'warning' ? 'warn' : raw === 'verbose' ? 'debug' : raw
      const values = Promise.all(msg.args().map(consoleValue))
      logs = logs.then(() =>
        values.then(
          (args) => this.broadcast('App.logAdded', { type, args }, true),
          () => this.broadcast('App.logAdded', { type, args: [msg.text()] }, true),
        ),
      )
    })
    page.on('pageerror', (err) => {
      this.lastPageError = err.message
      this.broadcast('App.exceptionThrown', { message: err.message, stack: err.stack ?? '' }, false)
    })
    for (const name of this.bindings) await this.exposeBinding(page, name)
    await page.goto(`${this.appUrl}/#/${this.entryPath}`)
    // Generous: on a busy 2-core machine parsing the bundle and the first render can take a while.
    await this.settle(null, 60_000, page)
    this.page = page
    return page
  }

  attach(ws: WebSocket): void {
    const client: Client = { ws, logEnabled: false }
    this.clients.add(client)
    ws.on('close', () => this.clients.delete(client))
    ws.on('message', (data) => {
      let req: Request
      try {
        req = JSON.parse(String(data)) as Request
      } catch {
        return
      }
      void this.handle(req, client)
    })
  }

  private async handle(req: Request, client: Client): Promise<void> {
    const method = req.method ?? ''
    const params = req.params ?? {}
    let reply: Record<string, unknown>
    try {
      const handler = this.handlers[method]
      if (!handler) {
        const why = UNSUPPORTED[method]
        throw new ProtocolError(
          why ? `${method} is not supported by the H5 bridge: ${why}` : `${method} is not supported by the H5 bridge`,
        )
      }
      const result = await handler(params, client)
      reply = { id: req.id, result: result ?? {} }
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      reply = { id: req.id, error: { message } }
      this.log(`${method} failed: ${message}`)
    }
    if (client.ws.readyState === client.ws.OPEN) client.ws.send(JSON.stringify(reply))
    if (method === 'Tool.close' && !('error' in reply)) setTimeout(() => this.onToolClose(), 50)
  }

  private broadcast(method: string, params: unknown, onlyLogging: boolean): void {
    const frame = JSON.stringify({ method, params })
    for (const c of this.clients) {
      if (onlyLogging && !c.logEnabled) continue
      if (c.ws.readyState === c.ws.OPEN) c.ws.send(frame)
    }
  }

  private async exposeBinding(page: Page, name: string): Promise<void> {
    await page.exposeFunction(name, (...args: unknown[]) => this.broadcast('App.bindingCalled', { name, args }, false))
  }

  /** Calls window.__automatorBridge.run(name, args) in the app. */
  private async run<T>(name: string, args: unknown[] = [], on?: Page): Promise<T> {
    const page = on ?? (await this.openApp())
    const expr = `window.__automatorBridge.run(${JSON.stringify(name)}, ${JSON.stringify(args)})`
    const out = (await page.evaluate(expr)) as { value?: T; error?: string }
    if (out.error !== undefined) throw new ProtocolError(out.error)
    return out.value as T
  }

  /** Waits until the page stack differs from `before` (if given) and the top page has slid in. */
  private async settle(before: string | null, timeoutMs = 20_000, on?: Page): Promise<PageState> {
    const deadline = Date.now() + timeoutMs
    let lastError = ''
    for (;;) {
      const state = await this.run<PageState>('state', [], on).catch((err: unknown) => {
        lastError = err instanceof Error ? err.message : String(err)
        return null
      })
      if (state && state.stack.length > 0 && state.topReady) {
        const now = state.stack.map((p) => p.key).join('|')
        if (before === null || now !== before) return state
      }
      if (Date.now() > deadline) {
        if (state && state.stack.length > 0) return state
        const why =
          lastError || (this.lastPageError ? `last page error: ${this.lastPageError}` : 'the page stack is empty')
        throw new ProtocolError(`the app did not show a page within ${timeoutMs} ms (${why})`)
      }
      await sleep(50)
    }
  }

  private pageInfo(state: PageState, entry: PageState['stack'][number]) {
    const mapKey = `${state.token}|${entry.key}`
    let id = this.pageIds.get(mapKey)
    if (id === undefined) {
      id = this.nextPageId++
      this.pageIds.set(mapKey, id)
      this.pageKeys.set(id, { token: state.token, key: entry.key, path: entry.path })
    }
    return { pageId: id, path: entry.path, query: entry.query }
  }

  private async pageKey(params: Record<string, unknown>): Promise<{ key: string; label: string }> {
    const id = Number(params.pageId)
    const known = this.pageKeys.get(id)
    if (!known) throw new ProtocolError(`page ${String(params.pageId)} does not exist`)
    const state = await this.run<PageState>('state')
    if (known.token !== state.token || !state.stack.some((p) => p.key === known.key)) {
      throw new ProtocolError(`page ${id} (${known.path}) is no longer on the page stack`)
    }
    return { key: known.key, label: known.path }
  }

  private async elementCall(params: Record<string, unknown>, op: string, a?: unknown, b?: unknown): Promise<unknown> {
    const elementId = str(params, 'elementId')
    return this.run('element', [elementId, op, a ?? null, b ?? null])
  }

  private async query(params: Record<string, unknown>, all: boolean): Promise<unknown> {
    const selector = str(params, 'selector')
    let scope: { elementId: string } | { pageKey: string; label: string }
    if (typeof params.elementId === 'string') scope = { elementId: params.elementId }
    else {
      const { key, label } = await this.pageKey(params)
      scope = { pageKey: key, label }
    }
    return this.run('query', [scope, selector, all])
  }

  private async tap(params: Record<string, unknown>): Promise<void> {
    const elementId = str(params, 'elementId')
    const page = await this.openApp()
    const deadline = Date.now() + 1500
    for (;;) {
      const spot = await this.run<{ wait?: boolean; hit?: boolean; x?: number; y?: number }>('prepareTap', [elementId])
      if (spot.wait && Date.now() < deadline) {
        await sleep(50)
        continue
      }
      // Still sliding (or hidden under another page): the tap goes to the node itself, as in the devtools.
      // A real pointer click where the element is the one under the pointer; otherwise dispatch it on the element,
      // as the devtools trigger a tap on the node itself.
      if (spot.hit && spot.x !== undefined && spot.y !== undefined) {
        await page.mouse.click(spot.x, spot.y)
        // The page moved between aiming and clicking: the stray click was swallowed; aim again, or at the deadline
        // tap the node itself.
        if (await this.run<boolean>('tapLanded', [])) return
        if (Date.now() < deadline) continue
        await this.run('syntheticTap', [elementId])
      } else await this.run('syntheticTap', [elementId])
      return
    }
  }

  private readonly handlers: Record<string, Handler> = {
    'Tool.getInfo': async () => ({ SDKVersion: 'dev', bridge: 'taro-h5' }),
    'Tool.close': async () => ({}),
    'Tool.native': async (params) => {
      await this.run('native', [str(params, 'method')])
      return {}
    },
    'App.getCurrentPage': async () => {
      const state = await this.settle(null)
      return this.pageInfo(state, state.stack[state.stack.length - 1])
    },
    'App.getPageStack': async () => {
      const state = await this.settle(null)
      return { pageStack: state.stack.map((entry) => this.pageInfo(state, entry)) }
    },
    'App.callWxMethod': async (params) => {
      if (params.pluginId) throw new ProtocolError('App.callWxMethod with pluginId is not supported by the H5 bridge')
      const method = str(params, 'method')
      const args = Array.isArray(params.args) ? params.args : []
      if (ROUTE_METHODS.has(method)) {
        const before = await this.settle(null)
        // Taro's router answers when history changes; a URL it cannot route may never answer.
        let timer: NodeJS.Timeout | undefined
        const timeout = new Promise<never>((_resolve, reject) => {
          timer = setTimeout(() => reject(new ProtocolError(`${method} did not complete within 30 s`)), 30_000)
        })
        const result = await Promise.race([this.run('callWx', [method, args]), timeout]).finally(() =>
          clearTimeout(timer),
        )
        const beforeKeys = before.stack.map((p) => p.key).join('|')
        const after = await this.settle(beforeKeys)
        // switchTab to the tab already shown leaves the stack as it was; every other route changes it.
        if (method !== 'switchTab' && after.stack.map((p) => p.key).join('|') === beforeKeys) {
          const url = (args[0] as { url?: unknown } | undefined)?.url
          throw new ProtocolError(
            `${method}${typeof url === 'string' ? ` ${url}` : ''}: the page stack did not change (is it a page of the app?)`,
          )
        }
        return { result }
      }
      return { result: await this.run('callWx', [method, args]) }
    },
    'App.mockWxMethod': async (params) => {
      if (params.pluginId) throw new ProtocolError('App.mockWxMethod with pluginId is not supported by the H5 bridge')
      await this.run('mock', [params])
      return {}
    },
    /**
     * Not part of the devtools' protocol: the images the app saved (downloaded) since the last call, with what each
     * shows as the page runtime recorded its canvas (texts, rectangles, images), as the mini-program host answers.
     */
    'Host.takeSavedImages': async () => ({ images: await this.run('takeSavedImages'), target: 'h5' }),
    'App.callFunction': async (params) => ({
      result: await this.run('callFunction', [str(params, 'functionDeclaration'), params.args ?? []]),
    }),
    'App.captureScreenshot': async () => {
      const page = await this.openApp()
      return { data: (await page.screenshot({ type: 'png' })).toString('base64') }
    },
    'App.exit': async () => {
      // The app closes; the next call opens it again on its entry page (new page and element ids).
      const page = this.page
      this.page = null
      this.opening = null
      if (page) await page.close()
      return {}
    },
    'App.enableLog': async (_params, client) => {
      client.logEnabled = true
      return {}
    },
    'App.addBinding': async (params) => {
      const name = str(params, 'name')
      if (!this.bindings.has(name)) {
        this.bindings.add(name)
        if (this.page) await this.exposeBinding(this.page, name)
      }
      return {}
    },
    'Page.getElement': async (params) => this.query(params, false),
    'Page.getElements': async (params) => this.query(params, true),
    'Page.getWindowProperties': async (params) => {
      await this.pageKey(params)
      return { properties: await this.run('windowProperties', [names(params)]) }
    },
    'Element.getElement': async (params) => this.query(params, false),
    'Element.getElements': async (params) => this.query(params, true),
    'Element.tap': async (params) => {
      await this.tap(params)
      return {}
    },
    'Element.getDOMProperties': async (params) => ({
      properties: await this.elementCall(params, 'dom', names(params)),
    }),
    'Element.getAttributes': async (params) => ({
      attributes: await this.elementCall(params, 'attributes', names(params)),
    }),
    'Element.getProperties': async (params) => ({
      properties: await this.elementCall(params, 'properties', names(params)),
    }),
    'Element.getStyles': async (params) => ({ styles: await this.elementCall(params, 'styles', names(params)) }),
    'Element.getOffset': async (params) => this.elementCall(params, 'offset'),
    'Element.getWXML': async (params) => ({
      wxml: await this.elementCall(params, 'wxml', params.type === 'outer' ? 'outer' : 'inner'),
    }),
    'Element.triggerEvent': async (params) => {
      await this.elementCall(params, 'event', str(params, 'type'), params.detail)
      return {}
    },
    'Element.dispatchEvent': async (params) => {
      const name = typeof params.eventName === 'string' ? params.eventName : str(params, 'type')
      if (/^touch(start|move|end|cancel)$/.test(name)) await this.elementCall(params, 'touch', name, params)
      else await this.elementCall(params, 'event', name, params.detail ?? params.eventData)
      return {}
    },
    'Element.touchstart': async (params) => {
      await this.elementCall(params, 'touch', 'touchstart', params)
      return {}
    },
    'Element.touchmove': async (params) => {
      await this.elementCall(params, 'touch', 'touchmove', params)
      return {}
    },
    'Element.touchend': async (params) => {
      await this.elementCall(params, 'touch', 'touchend', params)
      return {}
    },
    'Element.callFunction': async (params) => ({
      result: await this.elementCall(
        params,
        'call',
        str(params, 'functionName'),
        Array.isArray(params.args) ? params.args : [],
      ),
    }),
  }
}
