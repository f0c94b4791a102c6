import path from 'node:path'
import { launchChromium, PHONE_VIEWPORT } from '../tests/support/chromium'

/**
 * `npx tsx scripts/screenshot.ts <url> <out.png> [waitForSelector]`: a phone-sized screenshot of a page of the
 * running app, for looking at what we build.
 */
async function main(): Promise<void> {
  const [url, out, selector] = process.argv.slice(2)
  if (!url || !out) throw new Error('usage: screenshot <url> <out.png> [selector]')
  const browser = await launchChromium()
  const page = await browser.newPage({ viewport: PHONE_VIEWPORT, deviceScaleFactor: 2 })
  await page.goto(url)
  if (selector) await page.waitForSelector(selector, { state: 'visible' })
  await page.waitForTimeout(600)
  await page.screenshot({ path: path.resolve(out), fullPage: true })
  await browser.close()
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
