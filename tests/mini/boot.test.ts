import { startMock, type RunningMock } from '../support/servers'
import { makeIdNumber } from '../../mock-server/scenarios'
import { snapshotOutput, type OutputSnapshot } from '../../devkit/taro-build'
import { errorText, MiniProgramHost } from '../../tools/miniprogram-host/src/host'
import type { MiniTarget } from '../../tools/miniprogram-host/src/platforms'
import { allUids, findByUid, textOf, type RenderNode } from '../../tools/miniprogram-host/src/render-tree'
import { HOOK_TIMEOUT_MS } from '../support/timeouts'

/**
 * Boots each mini-program output in the mini-program host (tools/miniprogram-host): the real bundles, with the
 * platform's runtime and API contract. This is where browser-only APIs and missing platform branches show up, which
 * the H5 build hides. (The alipay bundle fails here while src/api/request.ts reads globalThis at load: Alipay's
 * engine has none.)
 */
jest.setTimeout(240_000)

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

describe.each<MiniTarget>(['weapp', 'swan', 'alipay'])('%s boot', (target) => {
  let snapshot: OutputSnapshot | undefined
  let mock: RunningMock
  const hosts: MiniProgramHost[] = []
  const boot = (options: { offline?: boolean } = {}) => {
    const host = new MiniProgramHost(snapshot?.root as string, target, { mockUrl: mock.url, ...options })
    hosts.push(host)
    return host
  }
  const uid = (host: MiniProgramHost, id: string) => findByUid(host.current()?.root(), id)

  beforeAll(async () => {
    snapshot = await snapshotOutput(target)
    mock = await startMock()
  }, HOOK_TIMEOUT_MS)
  afterEach(() => hosts.splice(0).forEach((h) => h.dispose()), HOOK_TIMEOUT_MS)
  afterAll(async () => {
    await mock?.close()
    snapshot?.dispose()
  }, HOOK_TIMEOUT_MS)

  it('launches, renders the login page with its ids and a captcha from the mock server', async () => {
    const host = boot()
    const page = await host.launch()
    await host.waitFor('the first render', () => page.patches.some((p) => 'root.cn' in p))
    const first = page.patches.find((p) => 'root.cn' in p)
    expect(allUids({ cn: (first?.['root.cn'] ?? []) as RenderNode[] })).toEqual(
      expect.arrayContaining(FIRST_RENDER_IDS),
    )
    await host.waitFor('the captcha image', () => uid(host, 'login-captcha-image') !== undefined, 10000)
    const image = page.view.query('#login-captcha-image')[0] as RenderNode
    expect(String(page.view.attribute(image, 'src'))).toMatch(/^data:image\/png/)
    expect(host.requests.map((r) => new URL(r.url).pathname)).toContain('/api/captcha')
    for (const patch of page.patches) expect(JSON.stringify(patch).length).toBeLessThan(SETDATA_LIMIT)
    expect(errorText(host.errors)).toBe('')
    expect(host.problems).toEqual([])
  })

  it('shows the field errors after a tap on 登录 with nothing typed', async () => {
    const host = boot()
    const page = await host.launch()
    await host.waitFor('the first render', () => uid(host, 'login-submit') !== undefined)
    expect(uid(host, 'login-username-error')).toBeUndefined()
    host.dispatch(page, String(uid(host, 'login-submit')?.sid), 'tap', {})
    await host.waitFor('login-username-error', () => uid(host, 'login-username-error') !== undefined)
    expect(textOf(uid(host, 'login-username-error'))).not.toBe('')
    expect(errorText(host.errors)).toBe('')
  })

  it('takes typed input: a filled username has no error after 登录, the empty password still has', async () => {
    const host = boot()
    const page = await host.launch()
    await host.waitFor('the first render', () => uid(host, 'login-username') !== undefined)
    host.dispatch(page, String(uid(host, 'login-username')?.sid), 'input', { value: 'zhangsan' })
    await host.quiesce()
    host.dispatch(page, String(uid(host, 'login-submit')?.sid), 'tap', {})
    await host.waitFor('login-password-error', () => uid(host, 'login-password-error') !== undefined)
    expect(uid(host, 'login-username-error')).toBeUndefined()
    expect(host.fieldValue(page, uid(host, 'login-username') as RenderNode)).toBe('zhangsan')
    expect(errorText(host.errors)).toBe('')
  })

  it('offers face login only where the platform has a face verification its server confirms (not on Baidu)', async () => {
    const host = boot()
    const page = await host.launch()
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
    const failures: string[] = []
    for (const route of boot().allRoutes()) {
      // Logged out and offline: pages that need a session send the candidate to log in, which must not crash either.
      const host = boot({ offline: true })
      try {
        const page = await host.launch(route)
        await host.waitFor(`${route} first render`, () => page.patches.some((p) => 'root.cn' in p))
        await host.settle(50)
        const roots = allUids(page.root()).filter((id) => /^[a-z0-9-]+-page$/.test(id))
        if (roots.length === 0) failures.push(`${route}: no element with an id <page>-page`)
      } catch (err) {
        failures.push(`${route}: ${(err as Error).stack ?? String(err)}`)
      }
      if (host.errors.length) failures.push(`${route}: ${errorText(host.errors)}`)
      if (host.problems.length) failures.push(`${route}: ${host.problems.join('; ')}`)
      host.dispose()
    }
    expect(failures).toEqual([])
  })

  it('draws the record form with pickers in the one mode every platform has (Alipay: single column only)', async () => {
    // Alipay's picker has no date, time, region or multi-column mode (https://opendocs.alipay.com/mini/component/picker):
    // a picker in such a mode shows nothing there to pick.
    const username = `boot${target}${Date.now() % 100000}`
    await mock.qaApi('createCandidate', {
      username,
      password: 'Abc12345!',
      name: '张三',
      idNumber: makeIdNumber('110101', '19900307', String(100 + ['weapp', 'swan', 'alipay'].indexOf(target))),
    })
    const { token } = await mock.qaApi('createSession', { username })
    const host = boot()
    host.storage.set('session.token', token)
    const page = await host.launch('packages/profile/record-form/index?kind=education')
    await host.waitFor('the date wheels', () => uid(host, 'education-form-date-picker') !== undefined, 10000)
    const pickers = page.view.query('picker') as RenderNode[]
    const modes = pickers.map((node) => ({
      uid: node.uid,
      mode: String(page.view.attribute(node, 'mode') ?? 'selector'),
    }))
    expect(modes.map((p) => p.uid)).toEqual(
      expect.arrayContaining([
        'education-form-date-picker',
        'education-form-date-month-picker',
        'education-form-date-day-picker',
      ]),
    )
    expect(modes.filter((p) => p.mode !== 'selector')).toEqual([])
    expect(errorText(host.errors)).toBe('')
  })

  it('survives a network that fails the captcha request', async () => {
    const host = boot({ offline: true })
    const page = await host.launch()
    await host.waitFor('the first render', () => uid(host, 'login-page') !== undefined)
    // The client retries network errors with backoff (five retries, about 11 s with jitter: src/api/request.ts)
    // before the field offers 点击重试.
    await host.waitFor('the retry offer', () => textOf(page.root()).includes('点击重试'), 60000)
    expect(host.requests.length).toBeGreaterThan(1)
    expect(errorText(host.errors)).toBe('')
  })
})
