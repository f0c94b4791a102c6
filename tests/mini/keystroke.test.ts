import { startMock, type RunningMock } from '../support/servers'
import { snapshotOutput, type OutputSnapshot } from '../../devkit/taro-build'
import { errorText, MiniProgramHost, type HostPage } from '../../tools/miniprogram-host/src/host'
import type { MiniTarget } from '../../tools/miniprogram-host/src/platforms'
import { findByUid, type RenderNode } from '../../tools/miniprogram-host/src/render-tree'
import { HOOK_TIMEOUT_MS } from '../support/timeouts'

/**
 * What typing costs on each mini bundle, in setData calls (WeChat's experience score: at most 20 a second on a page;
 * the rates themselves are `npm run bench` figures). The form controls (src/components/form-field/controls.tsx) keep
 * what the phone's field reported: a keystroke sends nothing to the view, while a value from outside (a captcha the
 * server used up, a draft, a scan) still reaches the field.
 */
jest.setTimeout(120_000)

describe.each<MiniTarget>(['weapp', 'alipay', 'swan'])('%s keystrokes', (target) => {
  let snapshot: OutputSnapshot | undefined
  let mock: RunningMock
  let host: MiniProgramHost
  let page: HostPage
  const node = (id: string) => findByUid(page.root(), id) as RenderNode
  const typeInto = async (id: string, value: string) => {
    const before = page.patches.length
    host.dispatch(page, String(node(id).sid), 'input', { value })
    await host.quiesce()
    return page.patches.slice(before)
  }

  beforeAll(async () => {
    snapshot = await snapshotOutput(target)
    mock = await startMock()
  }, HOOK_TIMEOUT_MS)
  beforeEach(async () => {
    host = new MiniProgramHost(snapshot?.root as string, target, { mockUrl: mock.url })
    page = await host.launch()
    await host.waitFor('the captcha image', () => findByUid(page.root(), 'login-captcha-image') !== undefined, 60_000)
    await host.quiesce()
  }, HOOK_TIMEOUT_MS)
  afterEach(() => host?.dispose(), HOOK_TIMEOUT_MS)
  afterAll(async () => {
    await mock?.close()
    snapshot?.dispose()
  }, HOOK_TIMEOUT_MS)

  it('a keystroke in a form costs no setData, and the page still has what was typed', async () => {
    for (const [id, value] of [
      ['login-username', 'z'],
      ['login-username', 'zh'],
      ['login-username', 'zhangsan'],
      ['login-password', 'S'],
      ['login-password', 'Secret#2026'],
      ['login-captcha', 'ab'],
    ] as const) {
      expect({ id, value, patches: await typeInto(id, value) }).toEqual({ id, value, patches: [] })
    }
    expect(host.fieldValue(page, node('login-username'))).toBe('zhangsan')
    // What was typed is what the form checks: the username and password have no error after 登录.
    host.dispatch(page, String(node('login-submit').sid), 'tap', {})
    await host.waitFor('the refusal', () => findByUid(page.root(), 'login-error') !== undefined, 20_000)
    expect(findByUid(page.root(), 'login-username-error')).toBeUndefined()
    expect(findByUid(page.root(), 'login-password-error')).toBeUndefined()
    expect(errorText(host.errors)).toBe('')
  })

  it('a value from outside reaches the field: a new captcha empties what was typed into the old one', async () => {
    await typeInto('login-username', 'zhangsan')
    await typeInto('login-captcha', 'abcd')
    expect(host.fieldValue(page, node('login-captcha'))).toBe('abcd')
    const image = () => String(page.view.attribute(node('login-captcha-image'), 'src'))
    const before = image()
    host.dispatch(page, String(node('login-captcha-refresh').sid), 'tap', {})
    await host.waitFor(
      'a new captcha',
      () => findByUid(page.root(), 'login-captcha-image') !== undefined && image() !== before,
      20_000,
    )
    await host.quiesce()
    // The form's value went back to '' (the view's data held '' since the field was drawn): the field shows it.
    expect(host.fieldValue(page, node('login-captcha'))).toBe('')
    expect(host.fieldValue(page, node('login-username'))).toBe('zhangsan')
    // And what is typed next is read again.
    expect(await typeInto('login-captcha', 'wxyz')).toEqual([])
    expect(host.fieldValue(page, node('login-captcha'))).toBe('wxyz')
    expect(errorText(host.errors)).toBe('')
  })
})
