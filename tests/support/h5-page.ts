import type { Browser, Page } from 'playwright-core'
import { launchChromium, PHONE_VIEWPORT } from './chromium'
import { startH5, startMock, type RunningMock } from './servers'

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
  close: () => Promise<void>
}

export async function startH5Rig(): Promise<H5Rig> {
  const mock = await startMock({ scenario: 'demo' })
  const h5 = await startH5(mock.url)
  const browser = await launchChromium()
  const page = await browser.newPage({ viewport: PHONE_VIEWPORT })
  const shown = (selector: string) => `.taro_page_show ${selector}`
  return {
    browser,
    page,
    mock,
    h5Url: h5.url,
    shown,
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
