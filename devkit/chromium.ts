/** Headless Chromium for tests, tools and scripts alike (the browser tests, the automator bridge, screenshots). */
import fs from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'

/** Debian's chromium; the tests never download a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
]

export function chromiumAvailable(): boolean {
  return fs.existsSync(CHROMIUM_PATH)
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true })
}

/** A phone-sized viewport (iPhone 8 class), as most candidates see the app. */
export const PHONE_VIEWPORT = { width: 375, height: 667 }

/** A full-page screenshot of what `page` shows, once `selector` (if given) is visible and the page has settled. */
export async function screenshotPage(page: Page, out: string, selector?: string): Promise<void> {
  if (selector) await page.waitForSelector(selector, { state: 'visible' })
  await page.waitForTimeout(600)
  await page.screenshot({ path: out, fullPage: true })
}
