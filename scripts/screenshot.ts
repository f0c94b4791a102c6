import path from 'node:path'
import { launchChromium, PHONE_VIEWPORT, screenshotPage } from '../devkit/chromium'

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
  await screenshotPage(page, path.resolve(out), selector)
  await browser.close()
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
