import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, PHONE_VIEWPORT } from '../../devkit/chromium'
import { openStop, prepareWalk, routePathsOf, stageWalk, type PageStop } from '../../scripts/lib/page-walk'
import { layoutFaults, type LayoutFault } from '../support/layout-checks'
import { startH5, startMock, type RunningMock } from '../support/servers'
import { HOOK_TIMEOUT_MS } from '../support/timeouts'

/**
 * Every page of the app (every route of src/routes.ts), walked in one browser tab of the H5 build at phone size with
 * the data a candidate has by then (scripts/lib/page-walk.ts stages it through the QA API):
 * - axe-core finds no serious or critical violation on any page (accessible names and roles, contrast, labels);
 * - in large-font mode (the app's 大字模式: the theme's font() scale on every size) no text is clipped, runs off the
 *   screen, lies over other text, and no ID number, date, time or amount is broken across lines.
 * `npx tsx scripts/screenshot.ts --all --out <dir> [--large-font]` takes the same walk as pictures.
 */
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const ROOT = path.join(__dirname, '..', '..')

/** One page walked can take several seconds on a busy machine: the whole walk's budget. */
const WALK_TIMEOUT_MS = 600_000

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; html: string }[]
}

async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE })
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Element, o: object) => Promise<{ violations: unknown[] }> } })
      .axe
    const scope = document.querySelector('.taro_page_show') ?? document.body
    const { violations } = await axe.run(scope, { resultTypes: ['violations'] })
    return violations as AxeViolation[]
  })
}

describe('every page (H5, phone size)', () => {
  let mock: RunningMock
  let h5: { url: string; close: () => Promise<void> }
  let browser: Browser
  let page: Page
  let stops: PageStop[]

  beforeAll(async () => {
    mock = await startMock({ scenario: 'results' })
    h5 = await startH5(mock.url)
    browser = await launchChromium()
    page = await browser.newPage({ viewport: PHONE_VIEWPORT })
    stops = await stageWalk(mock.qaApi)
  }, HOOK_TIMEOUT_MS)
  afterAll(async () => {
    await browser?.close()
    await h5?.close()
    await mock?.close()
  }, HOOK_TIMEOUT_MS)

  test('the large-print checks find what they look for', async () => {
    const probe = await browser.newPage({ viewport: PHONE_VIEWPORT })
    try {
      // The faults the issue saw in large print: step labels run together, an ID number broken, text cut off.
      await probe.setContent(`<div class="taro_page_show" style="font: 20px sans-serif">
        <div id="steps" style="display: flex; width: 120px">
          <div style="width: 40px; white-space: nowrap">考试信息</div><div style="width: 40px; white-space: nowrap">教育情况</div>
        </div>
        <div id="id-number" style="width: 150px; word-break: break-all">证件号码 110101199003074514</div>
        <div id="cut" style="width: 60px; overflow: hidden; white-space: nowrap">已提交，待报名确认</div>
        <div id="fine" style="width: 300px">2026-12-08 张三</div>
      </div>`)
      const kinds = (await layoutFaults(probe)).map((f) => `${f.kind} ${f.where}`)
      expect(kinds).toEqual(
        expect.arrayContaining(['overlap #steps / #steps', 'broken-number #id-number', 'clipped #cut']),
      )
      expect(kinds.filter((k) => k.includes('#fine'))).toEqual([])
    } finally {
      await probe.close()
    }
  })

  test('the walk covers every route of src/routes.ts', () => {
    const routes = routePathsOf(fs.readFileSync(path.join(ROOT, 'src', 'routes.ts'), 'utf8'))
    expect(routes.length).toBeGreaterThan(25)
    const walked = new Set(stops.map((s) => s.path.split('?')[0]))
    expect(routes.filter((r) => !walked.has(r))).toEqual([])
  })

  test(
    'axe-core: no serious or critical violation on any page',
    async () => {
      await prepareWalk(page, h5.url, mock.qaApi, { largeFont: false })
      const found: Record<string, string[]> = {}
      for (const stop of stops) {
        await openStop(page, h5.url, stop)
        for (const v of await axeViolations(page)) {
          if (v.impact !== 'serious' && v.impact !== 'critical') continue
          ;(found[stop.name] ??= []).push(
            `${v.id} (${v.impact}): ${v.help} — ${v.nodes
              .slice(0, 4)
              .map((n) => n.target.join(' '))
              .join(', ')}${v.nodes.length > 4 ? ` and ${v.nodes.length - 4} more` : ''}`,
          )
        }
      }
      expect(found).toEqual({})
    },
    WALK_TIMEOUT_MS,
  )

  test(
    'large font: no text clipped, off the screen, overlapping, or a number broken across lines',
    async () => {
      await prepareWalk(page, h5.url, mock.qaApi, { largeFont: true })
      const found: Record<string, string[]> = {}
      for (const stop of stops) {
        await openStop(page, h5.url, stop)
        expect({
          stop: stop.name,
          large: await page.locator(`.taro_page_show #${stop.root}.large-font`).count(),
        }).toEqual({ stop: stop.name, large: 1 })
        const faults: LayoutFault[] = await layoutFaults(page)
        if (faults.length) found[stop.name] = faults.map((f) => `${f.kind} ${f.where}: ${f.text}`)
      }
      expect(found).toEqual({})
    },
    WALK_TIMEOUT_MS,
  )
})
