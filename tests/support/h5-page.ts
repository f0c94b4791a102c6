import path from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { launchChromium, PHONE_VIEWPORT } from '../../devkit/chromium'
import { startH5, startMock, type RunningMock } from './servers'
import { HOOK_TIMEOUT_MS } from './timeouts'

/** The H5 app in headless Chromium against a fresh mock server: what the browser tests drive. */
export interface H5Rig {
  browser: Browser
  page: Page
  mock: RunningMock
  h5Url: string
  /** Opens a page by route, waits until it is shown and settled, returns a locator root for it. */
  open: (route: string, rootId: string) => Promise<void>
  /** A selector scoped to the page that is shown (earlier pages stay in the DOM hidden). */
  shown: (selector: string) => string
  /** A locator for `selector` on the page that is shown. */
  $: (selector: string) => Locator
  /** Waits until the page with root id `rootId` is shown and has settled. */
  waitPage: (rootId: string) => Promise<unknown>
  /** The trimmed text of `#id` on the shown page, once it is there. */
  text: (id: string, timeoutMs?: number) => Promise<string>
  /**
   * Gives `username` a session (token from the QA API, put where the app keeps it: Taro's storage format), then opens
   * `route` afresh and waits for `rootId`: a logged-in candidate without going through the login page.
   */
  openLoggedIn: (username: string, route: string, rootId: string) => Promise<void>
  /**
   * Taro H5's picker `#id`: open it, drag its (last visible) column up by `index` rows through the column's own public
   * move methods (what a finger does), then 确定.
   */
  pickOption: (id: string, index: number) => Promise<void>
  /**
   * The answer of the captcha the shown page has in `#<prefix>-captcha-image` (e.g. 'login-face'), found by its image
   * (a page may have fetched two captchas, or a used one is about to be replaced): waits until the image shown is a
   * live captcha of the server's.
   */
  captcha: (prefix: string, timeoutMs?: number) => Promise<string>
  /** A full-page screenshot `<name>.png` into `dir`, when a dir is given (tests take it from an env var). */
  shot: (dir: string | undefined, name: string) => Promise<void>
  close: () => Promise<void>
}

/** `timezoneId`: the browser's time zone (an IANA name; Chromium's own by default), as a phone set elsewhere has it. */
export async function startH5Rig(options: { timezoneId?: string } = {}): Promise<H5Rig> {
  const mock = await startMock({ scenario: 'demo' })
  const h5 = await startH5(mock.url)
  const browser = await launchChromium()
  const page = await browser.newPage({ viewport: PHONE_VIEWPORT, timezoneId: options.timezoneId })
  const shown = (selector: string) => `.taro_page_show ${selector}`
  const $ = (selector: string) => page.locator(shown(selector))
  const waitPage = (rootId: string) =>
    page.waitForSelector(`.taro_page_show.taro_page_stationed #${rootId}`, { state: 'visible', timeout: 15000 })
  return {
    browser,
    page,
    mock,
    h5Url: h5.url,
    shown,
    $,
    waitPage,
    text: async (id, timeoutMs = 10000) => {
      await $(`#${id}`).waitFor({ timeout: timeoutMs })
      return ((await $(`#${id}`).textContent()) ?? '').trim()
    },
    openLoggedIn: async (username, route, rootId) => {
      const { token } = await mock.qaApi('createSession', { username })
      // A page of the app's origin that is not the app (the H5 server answers 404), as scripts/lib/page-walk.ts does:
      // the storage is the app's and no page of the app runs meanwhile. The login page used here before still held the
      // last test's page and session, and now and then the new page never showed (the Latin-name documents test,
      // after the certificate's).
      await page.goto(`${h5.url}/rig-storage`)
      await page.evaluate((t) => {
        localStorage.clear()
        localStorage.setItem('session.token', JSON.stringify({ data: t }))
      }, token)
      await page.goto(`${h5.url}/#/${route}`)
      await page.reload()
      await waitPage(rootId)
    },
    pickOption: async (id, index) => {
      await $(`#${id}`).click()
      await page.locator('.weui-picker__action:visible').last().waitFor()
      if (index > 0) {
        await page.evaluate(async (n) => {
          type Column = HTMLElement & {
            handleMoveStart(y: number): Promise<void>
            handleMoving(y: number): Promise<void>
            handleMoveEnd(y: number): Promise<void>
          }
          const columns = Array.from(document.querySelectorAll<Column>('taro-picker-group')).filter((c) =>
            c.checkVisibility(),
          )
          const column = columns[columns.length - 1]
          await column.handleMoveStart(600)
          await column.handleMoving(600 - 34 * n)
          await column.handleMoveEnd(600 - 34 * n)
        }, index)
      }
      await page.locator('.weui-picker__action:visible').last().click()
      await page.waitForTimeout(400)
    },
    captcha: async (prefix, timeoutMs = 60000) => {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const image = $(`#${prefix}-captcha-image img`)
        await image.waitFor({ state: 'attached', timeout: Math.max(1, deadline - Date.now()) })
        const src = await image.getAttribute('src')
        const found = src?.startsWith('data:image/') ? await mock.qaApi.reply('shownCaptcha', { image: src }) : null
        if (found && found.status >= 200 && found.status < 300) return (found.body as { answer: string }).answer
        if (Date.now() > deadline) throw new Error(`no live captcha shown in #${prefix}-captcha-image`)
        await page.waitForTimeout(200)
      }
    },
    shot: async (dir, name) => {
      if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true })
    },
    open: async (route, rootId) => {
      await page.goto(`${h5.url}/#/${route}`)
      await page.waitForSelector(`.taro_page_show.taro_page_stationed #${rootId}`, { state: 'visible' })
    },
    close: async () => {
      await browser.close()
      await h5.close()
      await mock.close()
    },
  }
}

/**
 * One rig for the describe block this is called in: started before its tests, closed after them, then `closing`
 * (what the tests opened besides, e.g. the shared OCR engine). The rig answers once its beforeAll has run:
 *
 *   const rig = suiteH5Rig({ closing: () => sharedOcrEngine().close() })
 *   test('...', async () => { await rig.openLoggedIn(...) })
 */
export function suiteH5Rig(options: { timezoneId?: string; closing?: () => Promise<unknown> } = {}): H5Rig {
  let started: H5Rig | null = null
  beforeAll(async () => {
    started = await startH5Rig({ timezoneId: options.timezoneId })
  }, HOOK_TIMEOUT_MS)
  afterAll(async () => {
    await started?.close()
    await options.closing?.()
  }, HOOK_TIMEOUT_MS)
  return new Proxy({} as H5Rig, {
    get(_, key: keyof H5Rig) {
      if (!started) throw new Error(`the H5 rig starts in beforeAll: rig.${String(key)} used before`)
      return started[key]
    },
  })
}
