import fs from 'node:fs'
import path from 'node:path'
import { launchChromium, PHONE_VIEWPORT, screenshotPage } from '../devkit/chromium'
import { serveH5 } from '../devkit/h5-server'
import { ensureBuilt } from '../devkit/taro-build'
import { buildMockServer } from '../mock-server/app'
import { openStop, prepareWalk, stageWalk } from './lib/page-walk'
import { qaClient } from './lib/qa-client'

/**
 * Screenshots of the H5 build at phone size (375×667, 2× pixels):
 *
 * - `npx tsx scripts/screenshot.ts <url> <out.png> [waitForSelector]`: one page of the running app;
 * - `npx tsx scripts/screenshot.ts --all --out <dir> [--large-font] [--only name,name]`: every page of the app
 *   (scripts/lib/page-walk.ts: every route, with the data a candidate has by then, staged through the QA API on a
 *   mock server of its own), one full-page PNG per page named `<page>.png` (`hub.png`, `apply-basic.png` ...), in
 *   default or large font (大字模式). It builds dist/h5 first when it is missing or older than the sources.
 */
async function one(url: string, out: string, selector?: string): Promise<void> {
  const browser = await launchChromium()
  const page = await browser.newPage({ viewport: PHONE_VIEWPORT, deviceScaleFactor: 2 })
  await page.goto(url)
  await screenshotPage(page, path.resolve(out), selector)
  await browser.close()
}

async function all(out: string, largeFont: boolean, only: string[] | null): Promise<void> {
  await ensureBuilt('h5', { log: (line) => process.stderr.write(`${line}\n`) })
  fs.mkdirSync(out, { recursive: true })
  const mock = await buildMockServer({ qa: true })
  const mockUrl = await mock.listen({ port: 0, host: '127.0.0.1' })
  const h5 = await serveH5({ port: 0, apiBase: mockUrl })
  const browser = await launchChromium()
  try {
    const qaApi = qaClient(mockUrl)
    const stops = await stageWalk(qaApi)
    const page = await browser.newPage({ viewport: PHONE_VIEWPORT, deviceScaleFactor: 2 })
    await prepareWalk(page, h5.url, qaApi, { largeFont })
    for (const stop of stops) {
      if (only && !only.includes(stop.name)) continue
      await openStop(page, h5.url, stop)
      const file = path.join(out, `${stop.name}.png`)
      await page.screenshot({ path: file, fullPage: true })
      console.log(file)
    }
  } finally {
    await browser.close()
    await h5.app.close()
    await mock.close()
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (args.includes('--all')) {
    const at = args.indexOf('--out')
    const out = at >= 0 ? args[at + 1] : undefined
    if (!out) throw new Error('usage: screenshot --all --out <dir> [--large-font] [--only name,name]')
    const onlyAt = args.indexOf('--only')
    const only = onlyAt >= 0 ? args[onlyAt + 1].split(',') : null
    return all(path.resolve(out), args.includes('--large-font'), only)
  }
  const [url, out, selector] = args
  if (!url || !out) throw new Error('usage: screenshot <url> <out.png> [selector] | --all --out <dir> [--large-font]')
  return one(url, out, selector)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
