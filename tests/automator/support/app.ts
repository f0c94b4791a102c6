import automator from 'miniprogram-automator'
import type Element from 'miniprogram-automator/out/Element'
import type MiniProgram from 'miniprogram-automator/out/MiniProgram'
import type Page from 'miniprogram-automator/out/Page'
import { HOOK_TIMEOUT_MS } from '../../support/timeouts'
import { automatorTarget as target, wsEndpoint } from './env'

export type { Element, MiniProgram, Page }

/** Connects to the run's app (one launch per run; every spec file connects). Call `mp.disconnect()` in afterAll. */
export function connectApp(): Promise<MiniProgram> {
  return automator.connect({ wsEndpoint: wsEndpoint() })
}

/**
 * The run's app for the tests of one describe: connected in its beforeAll, disconnected in its afterAll, both with the
 * hook timeout. Called at the top of the describe, `const mp = connectedApp()`; what it returns stands for that
 * connection (every property read is the connection's), so tests and helpers take it as the MiniProgram itself. A
 * describe's own beforeAll, declared after it, runs once the app is connected.
 */
export function connectedApp(): MiniProgram {
  let connection: MiniProgram | undefined
  beforeAll(async () => {
    connection = await connectApp()
  }, HOOK_TIMEOUT_MS)
  afterAll(() => connection?.disconnect(), HOOK_TIMEOUT_MS)
  return new Proxy({} as MiniProgram, {
    get(_, key) {
      if (!connection) throw new Error(`mp.${String(key)} read before the app was connected (in the describe's body?)`)
      const value: unknown = Reflect.get(connection, key, connection)
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(connection) : value
    },
  })
}

/**
 * Runs `action` with the platform's `api` answered by `answer` (mockWxMethod: a result object, or a function the SDK
 * runs inside the app with `args`, so it may use nothing of the spec's files); restores the API afterwards, whatever
 * `action` did.
 */
export async function withMocked(
  mp: MiniProgram,
  api: string,
  answer: object,
  args: unknown[],
  action: () => Promise<void>,
): Promise<void> {
  await mp.mockWxMethod(api, answer, ...args)
  try {
    await action()
  } finally {
    await mp.restoreWxMethod(api)
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * How long the helpers wait for what a spec expects to appear. Generous: with every core busy (scripts/stress.ts, an
 * OCR run and a build beside the tests) a captcha the server renders or a page that loads its chunk can take several
 * seconds. A passing spec never waits this long; only a failure does.
 */
export const WAIT_MS = 20_000

/** Polls `check` until it returns something truthy; fails with `what` after `timeoutMs`. */
export async function waitUntil<T>(
  what: string,
  check: () => Promise<T>,
  timeoutMs = WAIT_MS,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  for (;;) {
    try {
      const value = await check()
      if (value) return value as NonNullable<T>
    } catch (err) {
      last = err
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${last instanceof Error ? ` (${last.message})` : ''}`,
      )
    }
    await sleep(100)
  }
}

/**
 * Opens a page afresh (reLaunch) and waits for its root element. Uses callWxMethod rather than mp.reLaunch(), which
 * sleeps 3 s inside the SDK.
 */
export async function openPage(mp: MiniProgram, url: string, rootSelector: string): Promise<Page> {
  const before = await mp.currentPage()
  await mp.callWxMethod('reLaunch', { url })
  const path = url.replace(/^\//, '').replace(/\?.*$/, '')
  // The SDK keeps one Page object per page id: a new object is a new page instance.
  const page = await waitUntil(`page ${path}`, async () => {
    const current = await mp.currentPage()
    return current && current.path === path && current !== before ? current : null
  }).catch(async (err: Error) => {
    throw new Error(`${err.message}; the app shows ${await stackOf(mp)}`)
  })
  await element(page, rootSelector)
  return page
}

/** The page stack as paths, top last (for failure messages). */
async function stackOf(mp: MiniProgram): Promise<string> {
  try {
    const stack = await mp.pageStack()
    return stack
      .map((p) => `${p.path}${p.query && Object.keys(p.query).length ? `?${JSON.stringify(p.query)}` : ''}`)
      .join(' > ')
  } catch (err) {
    return `(no page stack: ${(err as Error).message})`
  }
}

/** The page the app shows, once it is `path` (as the SDK spells it: no leading slash, no query). */
export function pageAt(mp: MiniProgram, path: string, timeoutMs = WAIT_MS): Promise<Page> {
  return waitUntil(
    `page ${path}`,
    async () => {
      const current = await mp.currentPage()
      return current?.path === path ? current : null
    },
    timeoutMs,
  ).catch(async (err: Error) => {
    throw new Error(`${err.message}; the app shows ${await stackOf(mp)}`)
  })
}

/** The element for `selector` on `page`, waiting for it to appear; fails naming the selector and the page. */
export async function element(page: Page, selector: string, timeoutMs = WAIT_MS): Promise<Element> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const [found] = await page.$$(selector)
    if (found) return found
    if (Date.now() > deadline)
      throw new Error(
        `no element matches ${selector} on page ${page.path} (waited ${timeoutMs} ms)${await pageSays(page, selector)}`,
      )
    await sleep(100)
  }
}

/**
 * What the page's own error line says, for a failure message: a spec that waits in vain for a dialog usually meets a
 * refusal the page shows instead (`#register-error` for `#register-confirm-ok`). Empty when there is none.
 */
async function pageSays(page: Page, selector: string): Promise<string> {
  const prefix = /^#([a-z0-9]+)-/.exec(selector)?.[1]
  if (!prefix) return ''
  try {
    const [line] = await page.$$(`#${prefix}-error`)
    const text = line ? String(await line.text()).trim() : ''
    return text ? `; #${prefix}-error says: ${text}` : ''
  } catch {
    return ''
  }
}

/** True when `selector` matches nothing on `page` (without waiting). */
export async function absent(page: Page, selector: string): Promise<boolean> {
  return (await page.$$(selector)).length === 0
}

export async function tap(page: Page, selector: string, timeoutMs?: number): Promise<void> {
  await (await element(page, selector, timeoutMs)).tap()
}

export async function type(page: Page, selector: string, value: string): Promise<void> {
  const el = await element(page, selector)
  if (!('input' in el) || typeof el.input !== 'function')
    throw new Error(`${selector} is a ${el.tagName}, not a text field`)
  await (el as Element & { input: (v: string) => Promise<void> }).input(value)
}

/** The visible text of `selector` (waits for the element). */
export async function textOf(page: Page, selector: string): Promise<string> {
  return String(await (await element(page, selector)).text())
}

/** Waits until `selector`'s text satisfies `ok`, returning it. */
export async function waitForText(page: Page, selector: string, ok: (text: string) => boolean, timeoutMs = WAIT_MS) {
  return waitUntil(
    `text of ${selector}`,
    async () => {
      const els = await page.$$(selector)
      if (!els[0]) return null
      const text = String(await els[0].text())
      return ok(text) ? text : null
    },
    timeoutMs,
  )
}

/**
 * Answers the confirmation the app shows (src/platform/modal.ts: wx.showModal, my.confirm, swan.showModal; Taro's
 * own on H5) once it is open: its confirm button, or its cancel.
 */
export async function answerModal(mp: MiniProgram, answer: 'confirm' | 'cancel', timeoutMs = 15000): Promise<void> {
  await waitUntil(
    `the confirmation (${answer})`,
    () =>
      (answer === 'confirm' ? mp.native().confirmModal() : mp.native().cancelModal()).then(
        () => true,
        () => false,
      ),
    timeoutMs,
  )
}

/**
 * Opens `url` as a relaunched app would: reLaunch on the mini-programs (a stack of one, the page instance new, its
 * state read from storage); on H5 the browser itself loads the address and reloads (memory gone, storage kept), the
 * way a candidate's reload or a reminder's link opens it (Taro's router then gives the page only its parameters).
 */
export async function relaunchAt(mp: MiniProgram, url: string): Promise<void> {
  if (target() !== 'h5') {
    await mp.callWxMethod('reLaunch', { url })
    return
  }
  // The old document is marked, so the wait ends when the new one answers: a page of the old one at the same path
  // must not pass for the relaunched page (it was a fixed 2 s pause).
  await mp.evaluate((u: string) => {
    ;(window as unknown as { __beforeRelaunch?: boolean }).__beforeRelaunch = true
    window.location.hash = `#${u}`
    setTimeout(() => window.location.reload(), 50)
  }, url)
  await waitUntil('the reloaded app', async () =>
    mp.evaluate(() => !(window as unknown as { __beforeRelaunch?: boolean }).__beforeRelaunch),
  )
}
