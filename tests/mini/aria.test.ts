import { snapshotOutput, type OutputSnapshot } from '../../devkit/taro-build'
import { MiniProgramHost } from '../../tools/miniprogram-host/src/host'
import type { MiniTarget } from '../../tools/miniprogram-host/src/platforms'
import { findByUid, type RenderNode } from '../../tools/miniprogram-host/src/render-tree'
import { startMock, type RunningMock } from '../support/servers'
import { HOOK_TIMEOUT_MS } from '../support/timeouts'

/**
 * The mini-programs' screen-reader attributes reach the page: the login page of each real bundle, booted in the
 * mini-program host, read through the bundle's own templates (the host resolves an attribute by the template's
 * binding, so a template without the attribute, or a runtime that sends it under another short name, reads nothing).
 * WeChat takes `aria-role` and `aria-label`, Alipay `role` and `aria-label` (config/aria.js cites both); Baidu
 * documents none, so its bundle carries no role. Taro's own templates carry none of them: config/aria-plugin.js adds
 * them (without it every expectation below reads undefined).
 */
jest.setTimeout(240_000)

const ROLE: Record<MiniTarget, string | null> = { weapp: 'aria-role', alipay: 'role', swan: null }

describe.each<MiniTarget>(['weapp', 'alipay', 'swan'])('%s: accessibility attributes', (target) => {
  let snapshot: OutputSnapshot | undefined
  let mock: RunningMock
  let host: MiniProgramHost | undefined

  beforeAll(async () => {
    snapshot = await snapshotOutput(target)
    mock = await startMock()
  }, HOOK_TIMEOUT_MS)
  afterAll(async () => {
    host?.dispose()
    await mock?.close()
    snapshot?.dispose()
  }, HOOK_TIMEOUT_MS)

  it('the login page names and roles its view-drawn controls', async () => {
    host = new MiniProgramHost(snapshot?.root as string, target, { mockUrl: mock.url })
    const page = await host.launch()
    const node = (id: string) => findByUid(host!.current()?.root(), id) as RenderNode | undefined
    await host.waitFor('the captcha image', () => node('login-captcha-image') !== undefined, 20000)
    const attr = (id: string, name: string) => page.view.attribute(node(id) as RenderNode, name)

    const role = ROLE[target]
    // A view drawn as a control: the captcha's 换一张 box, the mode tabs, the large-font switch.
    if (role) {
      expect(attr('login-captcha-refresh', role)).toBe('button')
      expect(attr('login-captcha-refresh', 'aria-label')).toBe('看不清？换一张（刷新图形验证码）')
      expect(attr('login-mode-password', role)).toBe('tab')
      expect(attr('login-mode-password', 'aria-selected')).toBe('true')
      expect(attr('login-large-font', role)).toBe('button')
      // An image says what it shows; the agreement's checkbox is named.
      expect(attr('login-captcha-image', 'aria-label')).toBe('图形验证码图片')
    } else {
      for (const name of ['aria-role', 'role', 'aria-label'])
        expect({ name, value: attr('login-captcha-refresh', name) }).toEqual({ name, value: undefined })
    }
  })
})
