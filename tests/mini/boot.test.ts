import { startMock, type RunningMock } from '../support/servers'
import { flavours } from './support/platforms'
import { allUids, findByUid, pickerModes, textOf, type RenderNode } from './support/render-tree'
import {
  MiniHost,
  errorText,
  type MiniTarget,
  type PageHandle,
  type RequestAnswer,
  type RequestCall,
} from './support/sandbox'
import fs from 'node:fs'
import path from 'node:path'
import { snapshotOutput, type OutputSnapshot } from '../../scripts/lib/taro-build'
import { PAGE_FILES, allPages, type AppJson } from './support/output'

/**
 * Boots each mini-program output in Node (support/sandbox.ts): the real bundles, with stand-ins for the host's
 * globals. This is where browser-only APIs and missing platform branches show up, which the H5 build hides.
 */
jest.setTimeout(240_000)

const LOGIN = 'pages/login/index'
const FIRST_RENDER_IDS = [
  'login-page',
  'login-username',
  'login-password',
  'login-captcha',
  'login-agree',
  'login-submit',
]
// WeChat's experience audit: one setData payload under 256 KB after JSON.stringify.
const SETDATA_LIMIT = 256 * 1024

/** Forwards the app's requests to a live mock server, as the devtools build does. */
function viaMock(mock: RunningMock) {
  return async (req: RequestCall): Promise<RequestAnswer> => {
    try {
      const res = await fetch(req.url.replace(/^https?:\/\/[^/]+/, mock.url), {
        method: req.method,
        headers: req.header,
        body: req.method === 'GET' || req.data === undefined ? undefined : JSON.stringify(req.data),
      })
      const text = await res.text()
      return { statusCode: res.status, data: text ? (JSON.parse(text) as unknown) : '' }
    } catch (err) {
      return { fail: `request:fail ${(err as Error).message}` }
    }
  }
}

function tap(page: PageHandle, uid: string): void {
  const node = findByUid(page.root(), uid)
  if (!node?.sid) throw new Error(`no element #${uid} to tap`)
  const target = { id: node.sid, dataset: { sid: node.sid } }
  const eh = page.instance.eh as (event: unknown) => unknown
  eh({ type: 'tap', timeStamp: Date.now(), detail: {}, target, currentTarget: target })
}

function typeInto(page: PageHandle, uid: string, value: string): void {
  const node = findByUid(page.root(), uid)
  if (!node?.sid) throw new Error(`no element #${uid} to type into`)
  const target = { id: node.sid, dataset: { sid: node.sid } }
  const eh = page.instance.eh as (event: unknown) => unknown
  eh({ type: 'input', timeStamp: Date.now(), detail: { value, cursor: value.length }, target, currentTarget: target })
}

function firstRenderUids(page: PageHandle): string[] {
  const first = page.patches.find((p) => 'root.cn' in p)
  return allUids({ cn: (first?.['root.cn'] ?? []) as RenderNode[] })
}

describe.each<MiniTarget>(['weapp', 'swan', 'alipay'])('%s boot', (target) => {
  let snapshot: OutputSnapshot | undefined
  let dir = ''
  let mock: RunningMock
  const hosts: MiniHost[] = []
  const boot = (answer: (req: RequestCall) => RequestAnswer | Promise<RequestAnswer>) => {
    const host = new MiniHost(dir, flavours[target], { answer })
    hosts.push(host)
    return host
  }

  beforeAll(async () => {
    snapshot = await snapshotOutput(target)
    dir = snapshot.root
    mock = await startMock()
  })
  afterEach(() => hosts.splice(0).forEach((h) => h.dispose()))
  afterAll(async () => {
    await mock?.close()
    snapshot?.dispose()
  })

  it('launches, renders the login page with its ids and a captcha from the mock server', async () => {
    const host = boot(viaMock(mock))
    host.launch()
    const page = host.openPage(LOGIN)
    await host.waitFor('the first render', () => page.patches.some((p) => 'root.cn' in p))
    expect(firstRenderUids(page)).toEqual(expect.arrayContaining(FIRST_RENDER_IDS))

    await host.waitFor('the captcha image', () => findByUid(page.root(), 'login-captcha-image') !== undefined)
    const image = findByUid(page.root(), 'login-captcha-image')
    expect(Object.values(image ?? {}).some((v) => typeof v === 'string' && v.startsWith('data:image/png'))).toBe(true)
    expect(host.requests.map((r) => new URL(r.url).pathname)).toContain('/api/captcha')

    for (const patch of page.patches) expect(JSON.stringify(patch).length).toBeLessThan(SETDATA_LIMIT)
    expect(errorText(host.errors)).toBe('')
  })

  it('shows the field errors after a tap on 登录 with nothing typed', async () => {
    const host = boot(viaMock(mock))
    host.launch()
    const page = host.openPage(LOGIN)
    await host.waitFor('the first render', () => findByUid(page.root(), 'login-submit') !== undefined)
    expect(findByUid(page.root(), 'login-username-error')).toBeUndefined()
    const before = page.patches.length

    tap(page, 'login-submit')
    await host.waitFor('login-username-error', () => findByUid(page.root(), 'login-username-error') !== undefined)
    expect(page.patches.length).toBeGreaterThan(before)
    expect(textOf(findByUid(page.root(), 'login-username-error'))).not.toBe('')
    expect(errorText(host.errors)).toBe('')
  })

  it('takes typed input: a filled username has no error after 登录, the empty password still has', async () => {
    const host = boot(viaMock(mock))
    host.launch()
    const page = host.openPage(LOGIN)
    await host.waitFor('the first render', () => findByUid(page.root(), 'login-username') !== undefined)
    typeInto(page, 'login-username', 'zhangsan')
    await host.settle(30)
    tap(page, 'login-submit')
    await host.waitFor('login-password-error', () => findByUid(page.root(), 'login-password-error') !== undefined)
    expect(findByUid(page.root(), 'login-username-error')).toBeUndefined()
    expect(JSON.stringify(findByUid(page.root(), 'login-username'))).toContain('zhangsan')
    expect(errorText(host.errors)).toBe('')
  })

  it('offers face login only where the platform has a face verification its server confirms (not on Baidu)', async () => {
    const host = boot(viaMock(mock))
    host.launch()
    const page = host.openPage(LOGIN)
    await host.waitFor('the first render', () => findByUid(page.root(), 'login-submit') !== undefined)
    const faceTab = findByUid(page.root(), 'login-mode-face')
    const instead = findByUid(page.root(), 'login-face-unavailable')
    if (target === 'swan') {
      expect(faceTab).toBeUndefined()
      expect(textOf(instead)).toContain('账号密码登录')
    } else {
      expect(faceTab).toBeDefined()
      expect(instead).toBeUndefined()
    }
    expect(errorText(host.errors)).toBe('')
  })

  it('opens every page of app.json (subpackages too) without an exception and renders its root id', async () => {
    const app = JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8')) as AppJson
    const failures: string[] = []
    for (const { route } of allPages(app)) {
      // Logged out and offline: pages that need a session send the candidate to log in, which must not crash either.
      const host = boot(() => ({ fail: 'request:fail offline' }))
      try {
        host.launch()
        const page = host.openPage(route)
        await host.waitFor(`${route} first render`, () => page.patches.some((p) => 'root.cn' in p))
        await host.settle(50)
        const roots = allUids(page.root()).filter((uid) => /^[a-z0-9-]+-page$/.test(uid))
        if (roots.length === 0) failures.push(`${route}: no element with an id <page>-page`)
      } catch (err) {
        failures.push(`${route}: ${(err as Error).stack ?? String(err)}`)
      }
      if (host.errors.length) failures.push(`${route}: ${errorText(host.errors)}`)
      if (failures.length && host.missingApi.size) {
        failures.push(`  (API the stand-in lacks, looked up: ${[...host.missingApi].join(', ')})`)
      }
      host.dispose()
    }
    expect(failures).toEqual([])
  })

  it('draws the record form with pickers in the one mode every platform has (Alipay: single column only)', async () => {
    // Alipay's picker has no date, time, region or multi-column mode (https://opendocs.alipay.com/mini/component/picker):
    // a picker in such a mode shows nothing there to pick.
    const host = boot(() => ({ fail: 'request:fail offline' }))
    host.launch()
    const page = host.openPage('packages/profile/record-form/index', { kind: 'education' })
    await host.waitFor('the date wheels', () => findByUid(page.root(), 'education-form-date-picker') !== undefined)
    const base = fs.readFileSync(path.join(dir, `base${PAGE_FILES[target].template}`), 'utf8')
    const pickers = pickerModes(page.root(), base)
    expect(pickers.map((p) => p.uid)).toEqual(
      expect.arrayContaining([
        'education-form-date-picker',
        'education-form-date-month-picker',
        'education-form-date-day-picker',
      ]),
    )
    expect(pickers.filter((p) => p.mode !== 'selector')).toEqual([])
    expect(errorText(host.errors)).toBe('')
  })

  it('survives a network that fails the captcha request', async () => {
    const host = boot(() => ({ fail: 'request:fail offline' }))
    host.launch()
    const page = host.openPage(LOGIN)
    await host.waitFor('the first render', () => findByUid(page.root(), 'login-page') !== undefined)
    // The client retries network errors with backoff before the field offers 点击重试.
    await host.waitFor('the retry offer', () => textOf(page.root()).includes('点击重试'), 8000)
    expect(host.requests.length).toBeGreaterThan(1)
    expect(errorText(host.errors)).toBe('')
  })
})
