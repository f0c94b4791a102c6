import automator from 'miniprogram-automator'
import type MiniProgram from 'miniprogram-automator/out/MiniProgram'
import type Page from 'miniprogram-automator/out/Page'
import { startBridge, type RunningBridge } from '../src/bridge'
import { RawClient } from './raw-client'

// What functions given to mp.evaluate() see in the page (the bridge's shims and test hooks).
declare const wx: {
  getSystemInfoSync(): { platform: string }
  env: { USER_DATA_PATH: string }
  getFileSystemManager(): { writeFileSync(path: string, data: string, encoding: string): void }
}
declare function getApp(): unknown
declare function getCurrentPages(): unknown[]
type PageWindow = Window & Record<string, unknown>
type PlatformHook = { __candidatePlatform: { getLoginCode(): Promise<string> } }

// Every protocol method the bridge serves, driven with the real SDK and with a raw client (for exact replies).
jest.setTimeout(60_000)

let bridge: RunningBridge
let raw: RawClient
let mp: MiniProgram

const LOGIN = 'pages/login/index'

async function currentPageId(): Promise<number> {
  return (await raw.call<{ pageId: number }>('App.getCurrentPage')).pageId
}

async function el(selector: string): Promise<{ elementId: string; tagName: string; pageId: number }> {
  const pageId = await currentPageId()
  const res = await raw.call<{ elementId: string; tagName: string }>('Page.getElement', { pageId, selector })
  return { ...res, pageId }
}

async function relaunch(): Promise<void> {
  await raw.call('App.callWxMethod', { method: 'reLaunch', args: [{ url: `/${LOGIN}` }] })
}

beforeAll(async () => {
  bridge = await startBridge({ port: 0 })
  raw = await RawClient.open(bridge.wsEndpoint)
  mp = await automator.connect({ wsEndpoint: bridge.wsEndpoint })
}, 180_000)

afterAll(async () => {
  mp?.disconnect()
  raw?.close()
  await bridge?.close()
})

describe('Tool', () => {
  it('Tool.getInfo answers an SDKVersion the SDK accepts', async () => {
    expect(await raw.call('Tool.getInfo')).toMatchObject({ SDKVersion: 'dev' })
  })

  it('answers unmapped methods with an error naming them', async () => {
    for (const method of [
      'Tool.getTestAccounts',
      'Tool.enableRemoteDebug',
      'Page.getElementByXpath',
      'No.suchMethod',
    ]) {
      const frame = await raw.send(method, { pageId: 1 })
      expect(frame.error?.message).toContain(method)
      expect(frame.result).toBeUndefined()
    }
  })
})

describe('Tool.native', () => {
  // Taro H5's showModal DOM, as the app's Taro.showModal draws it (the app's own call cannot be reached from here).
  const drawModal = (showCancel: boolean) =>
    mp.evaluate((cancel: boolean) => {
      const w = window as unknown as { qaModal?: string }
      const el = document.createElement('div')
      el.className = 'taro__modal'
      el.innerHTML =
        '<div class="taro-modal__foot"><div class="taro-model__btn taro-model__cancel">取消</div>' +
        '<div class="taro-model__btn taro-model__confirm">确定</div></div>'
      const cancelButton = el.querySelector('.taro-model__cancel') as HTMLElement
      cancelButton.style.display = cancel ? 'block' : 'none'
      cancelButton.onclick = () => ((w.qaModal = 'cancel'), el.remove())
      ;(el.querySelector('.taro-model__confirm') as HTMLElement).onclick = () => ((w.qaModal = 'confirm'), el.remove())
      document.body.appendChild(el)
    }, showCancel)
  const outcome = () => mp.evaluate(() => (window as unknown as { qaModal?: string }).qaModal)

  it('confirmModal and cancelModal press the shown modal buttons', async () => {
    await drawModal(true)
    await mp.native().confirmModal()
    expect(await outcome()).toBe('confirm')
    await drawModal(true)
    await mp.native().cancelModal()
    expect(await outcome()).toBe('cancel')
  })

  it('is an error without a modal, without the button, or for other native dialogs', async () => {
    await expect(mp.native().confirmModal()).rejects.toThrow('no modal is shown')
    await drawModal(false)
    await expect(mp.native().cancelModal()).rejects.toThrow('no such button')
    await mp.native().confirmModal()
    await expect(mp.native().authorizeAllow()).rejects.toThrow('Tool.native authorizeAllow is not supported')
  })
})

describe('App: pages and routes', () => {
  beforeEach(relaunch)

  it('App.getCurrentPage and App.getPageStack give the router stack with fresh page ids', async () => {
    const page = await raw.call<{ pageId: number; path: string; query: object }>('App.getCurrentPage')
    expect(page).toMatchObject({ path: LOGIN, query: {} })
    const { pageStack } = await raw.call<{ pageStack: { pageId: number }[] }>('App.getPageStack')
    expect(pageStack.map((p) => p.pageId)).toEqual([page.pageId])
    await relaunch()
    expect(await currentPageId()).toBeGreaterThan(page.pageId)
  })

  it('navigateTo / redirectTo / navigateBack / switchTab go through the router and wait for the page', async () => {
    const first = await currentPageId()
    const nav = await raw.call('App.callWxMethod', { method: 'navigateTo', args: [{ url: `/${LOGIN}?from=qa` }] })
    expect(nav).toEqual({ result: { errMsg: 'navigateTo:ok' } })
    const top = await raw.call<{ pageId: number; query: object }>('App.getCurrentPage')
    expect(top.query).toEqual({ from: 'qa' })
    expect((await raw.call<{ pageStack: unknown[] }>('App.getPageStack')).pageStack).toHaveLength(2)
    await raw.call('App.callWxMethod', { method: 'redirectTo', args: [{ url: `/${LOGIN}?from=redirect` }] })
    const redirected = await raw.call<{ pageId: number; query: object }>('App.getCurrentPage')
    expect(redirected.query).toEqual({ from: 'redirect' })
    expect(redirected.pageId).not.toBe(top.pageId)
    await raw.call('App.callWxMethod', { method: 'navigateBack', args: [] })
    expect(await currentPageId()).toBe(first)
    // The old page's id is gone for good.
    const stale = await raw.send('Page.getElements', { pageId: redirected.pageId, selector: 'view' })
    expect(stale.error?.message).toContain('no longer on the page stack')
  })

  it('navigateBack as the SDK sends it ({url: null}) goes back', async () => {
    const first = await currentPageId()
    await raw.call('App.callWxMethod', { method: 'navigateTo', args: [{ url: `/${LOGIN}?from=back` }] })
    const back = await raw.call('App.callWxMethod', { method: 'navigateBack', args: [{ url: null }] })
    expect(back).toEqual({ result: { errMsg: 'navigateBack:ok' } })
    expect(await currentPageId()).toBe(first)
  })

  it('switchTab to a page that is not a tab fails as in the devtools (this app has no tab bar)', async () => {
    const tab = await raw.send('App.callWxMethod', { method: 'switchTab', args: [{ url: `/${LOGIN}` }] })
    expect(tab.error?.message).toContain('switchTab:fail can not switch to no-tabBar page')
    expect((await raw.call<{ path: string }>('App.getCurrentPage')).path).toBe(LOGIN)
  })

  it('a reLaunch right after a back navigation shows the new page only, once the back is over', async () => {
    await raw.call('App.callWxMethod', { method: 'navigateTo', args: [{ url: '/pages/agreement/index?doc=service' }] })
    // The app goes back by itself (as a form does after saving) and the spec reLaunches at once.
    await mp.evaluate(() => {
      void (
        window as unknown as { __candidateTaro: { navigateBack: () => Promise<unknown> } }
      ).__candidateTaro.navigateBack()
    })
    await raw.call('App.callWxMethod', { method: 'reLaunch', args: [{ url: '/pages/register/index' }] })
    // The answer came when the transition was over: the new page is the only one, shown, and its elements are found.
    expect((await raw.call<{ path: string }>('App.getCurrentPage')).path).toBe('pages/register/index')
    expect(await mp.evaluate(() => Array.from(document.querySelectorAll('.taro_page')).map((p) => p.id))).toEqual([
      expect.stringMatching(/^\/pages\/register\/index/),
    ])
    expect((await el('#register-page')).tagName).toBe('view')
    // ...and it stays so (a late show of the page that went back would cover it).
    await new Promise((r) => setTimeout(r, 800))
    expect(await mp.evaluate(() => document.querySelectorAll('.taro_page').length)).toBe(1)
    expect((await raw.call<{ path: string }>('App.getCurrentPage')).path).toBe('pages/register/index')
  })

  it('a route to a page the app does not have, or back from the first page, is an error', async () => {
    const missing = await raw.send('App.callWxMethod', { method: 'navigateTo', args: [{ url: '/pages/nope/index' }] })
    expect(missing.error?.message).toContain('navigateTo /pages/nope/index: the page stack did not change')
    await relaunch()
    const back = await raw.send('App.callWxMethod', { method: 'navigateBack', args: [] })
    expect(back.error?.message).toContain('cannot navigate back at first page')
    expect((await raw.call<{ path: string }>('App.getCurrentPage')).path).toBe(LOGIN)
  })

  it('the SDK route helpers and pageStack work (mp.navigateTo, mp.pageStack)', async () => {
    const page = (await mp.navigateTo(`/${LOGIN}?via=sdk`)) as Page
    expect(page.path).toBe(LOGIN)
    expect(page.query).toEqual({ via: 'sdk' })
    expect((await mp.pageStack()).length).toBe(2)
  })
})

describe('App: wx calls, mocks, functions', () => {
  it('storage calls keep Taro H5 format', async () => {
    await mp.callWxMethod('setStorageSync', 'qa-key', { n: 1 })
    expect(await mp.callWxMethod('getStorageSync', 'qa-key')).toEqual({ n: 1 })
    expect(await mp.evaluate(() => localStorage.getItem('qa-key'))).toBe('{"data":{"n":1}}')
    await mp.callWxMethod('setStorage', { key: 'qa-async', data: 'x' })
    expect(await mp.callWxMethod('getStorage', { key: 'qa-async' })).toEqual({ errMsg: 'getStorage:ok', data: 'x' })
    await mp.callWxMethod('removeStorageSync', 'qa-key')
    expect(await mp.callWxMethod('getStorageSync', 'qa-key')).toBe('')
    await expect(mp.callWxMethod('getStorage', { key: 'qa-key' })).rejects.toThrow('data not found')
    await mp.callWxMethod('clearStorageSync')
    expect(await mp.callWxMethod('getStorageSync', 'qa-async')).toBe('')
  })

  it('getSystemInfo(Sync) describes the phone-sized window', async () => {
    const info = (await mp.systemInfo()) as { windowWidth: number; platform: string }
    expect(info).toMatchObject({ windowWidth: 375, platform: 'h5' })
    expect(await mp.callWxMethod('getSystemInfo')).toMatchObject({ errMsg: 'getSystemInfo:ok', windowWidth: 375 })
  })

  it('platform calls under their wx names answer in wx shapes', async () => {
    const login = (await mp.callWxMethod('login')) as { code: string; errMsg: string }
    expect(login.errMsg).toBe('login:ok')
    expect(login.code).toMatch(/^h5-/)
    expect(await mp.callWxMethod('getLoginCode')).toBe(login.code)
  })

  it('unmapped wx calls are errors naming the method', async () => {
    await expect(mp.callWxMethod('showModal', { title: 'x' })).rejects.toThrow('wx.showModal is not mapped')
  })

  it('mockWxMethod with a fixed result, seen by the app platform layer, and restored', async () => {
    await mp.mockWxMethod('login', { code: 'qa-code', errMsg: 'login:ok' })
    expect(await mp.evaluate(() => (globalThis as unknown as PlatformHook).__candidatePlatform.getLoginCode())).toBe(
      'qa-code',
    )
    expect(await mp.callWxMethod('login')).toEqual({ code: 'qa-code', errMsg: 'login:ok' })
    await mp.restoreWxMethod('login')
    expect(await mp.callWxMethod('getLoginCode')).toMatch(/^h5-/)
  })

  it('maps wx results onto the platform layer (face, payment, subscribe, images)', async () => {
    const run = (code: string) => mp.evaluate(code)
    await mp.mockWxMethod('startFacialRecognitionVerify', {
      errCode: 90100,
      errMsg: 'startFacialRecognitionVerify:fail cancel',
    })
    expect(
      await run('function () { return __candidatePlatform.verifyFace({ verifyId: "v", name: "n", idNumber: "i" }) }'),
    ).toBe('cancel')
    await mp.mockWxMethod('requestPayment', { errMsg: 'requestPayment:ok' })
    expect(await run('function () { return __candidatePlatform.requestPayment("o1", {}) }')).toBe('success')
    // Each template's answer in WeChat's words (acceptWithAlert is an acceptance); a refusal by its errCode.
    await mp.mockWxMethod('requestSubscribeMessage', { t1: 'reject', t2: 'acceptWithAlert' })
    expect(await run('function () { return __candidatePlatform.requestSubscribe(["t1", "t2"]) }')).toEqual({
      outcome: 'accept',
      answers: { t1: 'reject', t2: 'acceptWithAlert' },
      failure: null,
    })
    await mp.mockWxMethod('requestSubscribeMessage', { errMsg: 'requestSubscribeMessage:fail x', errCode: 20004 })
    expect(await run('function () { return __candidatePlatform.requestSubscribe(["t1"]) }')).toMatchObject({
      outcome: 'reject',
      failure: 'switched-off',
    })
    await mp.mockWxMethod('chooseMedia', { tempFiles: [{ tempFilePath: 'blob:x', size: 50000 }] })
    expect(await run('function () { return __candidatePlatform.chooseImage("album") }')).toEqual({
      path: 'blob:x',
      size: 50000,
    })
    for (const m of ['startFacialRecognitionVerify', 'requestPayment', 'requestSubscribeMessage', 'chooseMedia']) {
      await mp.restoreWxMethod(m)
    }
  })

  it('a chooseMedia mock in the devtools shape, with a file it wrote under USER_DATA_PATH, feeds the app a file', async () => {
    // Written as for the devtools: the mock runs in the app with wx, writes the picture, answers its temp path.
    const picked = function (_options: unknown, base64: string) {
      const path = `${wx.env.USER_DATA_PATH}/qa-picked.jpg`
      wx.getFileSystemManager().writeFileSync(path, base64, 'base64')
      return {
        errMsg: 'chooseMedia:ok',
        type: 'image',
        tempFiles: [{ tempFilePath: path, size: 4, fileType: 'image' }],
      }
    }
    await mp.mockWxMethod('chooseMedia', picked, Buffer.from([0xff, 0xd8, 0xff, 0xe0]).toString('base64'))
    try {
      const chosen = (await mp.evaluate('function () { return __candidatePlatform.chooseImage("album") }')) as {
        path: string
        size: number
      }
      expect(chosen.size).toBe(4)
      expect(chosen.path).toMatch(/^blob:/)
      // The app reads the bytes the spec wrote (its JPEG check reads the first bytes this way).
      const head = await mp.evaluate(
        'function (p) { return fetch(p).then(function (r) { return r.arrayBuffer() }).then(function (b) { return Array.from(new Uint8Array(b)) }) }',
        chosen.path,
      )
      expect(head).toEqual([0xff, 0xd8, 0xff, 0xe0])
    } finally {
      await mp.restoreWxMethod('chooseMedia')
    }
    const outside = await raw.send('App.callFunction', {
      functionDeclaration: 'function () { wx.getFileSystemManager().writeFileSync("/etc/x", "a") }',
      args: [],
    })
    expect(outside.error?.message).toContain('permission denied')
  })

  it('mockWxMethod with a function: wx options in, this.origin, extra args; platform names pass through', async () => {
    await mp.mockWxMethod(
      'startFacialRecognitionVerify',
      function (this: unknown, options: { name: string }, wanted: string) {
        return { errCode: options.name === wanted ? 0 : 1 }
      },
      '李四',
    )
    const face =
      'function (name) { return __candidatePlatform.verifyFace({ verifyId: "v", name: name, idNumber: "i" }) }'
    expect(await mp.evaluate(face, '李四')).toBe('pass')
    expect(await mp.evaluate(face, '王五')).toBe('fail')
    await mp.mockWxMethod('verifyFace', 'function (req) { return req.idNumber === "x" ? "pass" : "cancel" }')
    expect(await mp.evaluate(face, '李四')).toBe('cancel')
    await mp.restoreWxMethod('verifyFace')
    await mp.restoreWxMethod('startFacialRecognitionVerify')
    await mp.mockWxMethod(
      'login',
      'function () { return this.origin().then(function (r) { return { code: r.code + "-wrapped" } }) }',
    )
    expect(await mp.callWxMethod('getLoginCode')).toMatch(/^h5-.*-wrapped$/)
    await mp.restoreWxMethod('login')
  })

  it('refuses to mock what the app does not reach through an object (an error, not a silent no-op)', async () => {
    await expect(mp.mockWxMethod('showModal', { confirm: true })).rejects.toThrow('wx.showModal cannot be mocked on H5')
    await expect(mp.mockWxMethod('login', { code: 'x' })).resolves.toBeUndefined()
    await mp.restoreWxMethod('login')
  })

  it('App.callFunction runs a function with args and the wx / getApp / getCurrentPages shims', async () => {
    expect(await mp.evaluate((a: number, b: number) => a + b, 2, 3)).toBe(5)
    expect(await mp.evaluate(async () => 'async ok')).toBe('async ok')
    expect(await mp.evaluate(() => getCurrentPages().length)).toBeGreaterThan(0)
    expect(await mp.evaluate(() => typeof getApp())).toBe('object')
    expect(await mp.evaluate(() => wx.getSystemInfoSync().platform)).toBe('h5')
    await expect(
      mp.evaluate(() => {
        throw new Error('thrown in page')
      }),
    ).rejects.toThrow('thrown in page')
    await expect(mp.evaluate('not a function')).rejects.toThrow('functionDeclaration')
  })

  it('Host.takeSavedImages: what the page downloaded, with its canvas drawing recorded (a full repaint starts anew)', async () => {
    await raw.call('Host.takeSavedImages')
    await mp.evaluate(() => {
      const canvas = document.createElement('canvas')
      canvas.width = 200
      canvas.height = 100
      const ctx = canvas.getContext('2d') as CanvasRenderingContext2D
      ctx.fillStyle = '#ffffff'
      ctx.fillRect(0, 0, 200, 100)
      ctx.fillText('first paint', 1, 1)
      // The repaint covers the whole canvas: what was drawn before is hidden.
      ctx.fillRect(0, 0, 200, 100)
      ctx.font = '20px sans-serif'
      ctx.fillStyle = '#1f2329'
      ctx.fillText('准考证号 20261101000002', 10, 10)
      ctx.strokeRect(150, 10, 30, 40)
      const a = document.createElement('a')
      a.href = canvas.toDataURL('image/png')
      a.download = '准考证.png'
      a.click()
    })
    const { images } = await raw.call<{ images: { api: string; path: string; recording: { ops: unknown[] } }[] }>(
      'Host.takeSavedImages',
    )
    expect(images).toEqual([
      {
        api: 'download',
        path: '准考证.png',
        recording: expect.objectContaining({
          ops: [
            { op: 'rect', x: 0, y: 0, w: 200, h: 100, color: '#ffffff', fill: true },
            // With the browser's own measured width of the text (specs check texts for overlaps) and its alignment.
            {
              op: 'text',
              text: '准考证号 20261101000002',
              x: 10,
              y: 10,
              size: 20,
              color: '#1f2329',
              w: expect.any(Number),
              align: 'start',
            },
            { op: 'rect', x: 150, y: 10, w: 30, h: 40, color: '#000000', fill: false },
          ],
        }),
      },
    ])
    // Taken: the next call answers only newer saves.
    expect(await raw.call('Host.takeSavedImages')).toMatchObject({ images: [] })
  })

  it('App.captureScreenshot answers a base64 PNG of the phone-sized page', async () => {
    const data = (await mp.screenshot()) as string
    const png = Buffer.from(data, 'base64')
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect(png.readUInt32BE(16)).toBe(750) // 375 CSS px at device scale 2
  })

  it('App.enableLog sends console output as App.logAdded; page errors come as App.exceptionThrown', async () => {
    const listener = await RawClient.open(bridge.wsEndpoint)
    await listener.call('App.enableLog')
    await mp.evaluate(() => {
      console.warn('qa-log-line', 42, { a: [1, 'b'] })
      setTimeout(() => {
        throw new Error('qa-uncaught')
      }, 0)
    })
    // Each argument on its own, as the devtools send them.
    expect(await listener.waitForEvent('App.logAdded', (p) => String(p.args).includes('qa-log-line'))).toEqual({
      type: 'warn',
      args: ['qa-log-line', 42, { a: [1, 'b'] }],
    })
    const exc = await listener.waitForEvent('App.exceptionThrown', (p) => String(p.message).includes('qa-uncaught'))
    expect(exc.message).toBe('qa-uncaught')
    // A client that did not enable logs gets no console events.
    expect(raw.events.some((e) => e.method === 'App.logAdded')).toBe(false)
    listener.close()
  })

  it('App.addBinding exposes a function whose calls come back as App.bindingCalled', async () => {
    const calls: unknown[][] = []
    await mp.exposeFunction('qaReport', (...args: unknown[]) => calls.push(args))
    await mp.evaluate(() => (window as unknown as { qaReport: (...a: unknown[]) => void }).qaReport('seen', 7))
    const deadline = Date.now() + 3000
    while (!calls.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
    expect(calls).toEqual([['seen', 7]])
  })
})

describe('Page', () => {
  beforeAll(relaunch)

  it('Page.getElement maps mini-program tags and answers mini-program tag names', async () => {
    const input = await el('#login-username')
    expect(input.tagName).toBe('input')
    // The captcha image appears once the server answered.
    const pageId = await currentPageId()
    const deadline = Date.now() + 5000
    let images: { tagName: string }[] = []
    while (!images.length && Date.now() < deadline) {
      images = (await raw.call<{ elements: { tagName: string }[] }>('Page.getElements', { pageId, selector: 'image' }))
        .elements
    }
    expect(images[0]?.tagName).toBe('image')
    expect((await el('#login-submit')).tagName).toBe('button')
    expect((await el('view.mode-tabs')).tagName).toBe('view')
    expect((await el('.mode-tabs > view')).tagName).toBe('view')
    expect((await el('text.login__title')).tagName).toBe('text')
    // The same node keeps its id; a different node gets a new one.
    expect((await el('#login-username')).elementId).toBe(input.elementId)
    expect((await el('#login-password')).elementId).not.toBe(input.elementId)
  })

  it('Page.getElement for a missing selector is an error naming it; Page.getElements is empty', async () => {
    const pageId = await currentPageId()
    const frame = await raw.send('Page.getElement', { pageId, selector: '#login-nope' })
    expect(frame.error?.message).toContain('#login-nope')
    expect(frame.error?.message).toContain(LOGIN)
    expect(await raw.call('Page.getElements', { pageId, selector: '#login-nope' })).toEqual({ elements: [] })
    const bad = await raw.send('Page.getElement', { pageId, selector: '##' })
    expect(bad.error?.message).toContain('invalid selector')
  })

  it('Page.getElements lists matches in document order (the polling behind waitFor)', async () => {
    const pageId = await currentPageId()
    const { elements } = await raw.call<{ elements: { tagName: string }[] }>('Page.getElements', {
      pageId,
      selector: 'input',
    })
    expect(elements.map((e) => e.tagName)).toEqual(['input', 'input', 'input'])
    const page = (await mp.currentPage()) as Page
    await page.waitFor('#login-submit')
  })

  it('selectors are scoped to the page: a hidden page under the top one is not searched', async () => {
    const under = await currentPageId()
    await raw.call('App.callWxMethod', { method: 'navigateTo', args: [{ url: `/${LOGIN}` }] })
    const top = await currentPageId()
    await raw.call('Page.getElement', { pageId: top, selector: '#login-submit' })
    await raw.call('App.callFunction', {
      // The router appends each new page last.
      functionDeclaration:
        'function () { var v = document.createElement("div"); v.id = "only-on-top"; var all = document.querySelectorAll(".taro_page #login-page"); all[all.length - 1].appendChild(v) }',
      args: [],
    })
    expect(
      (await raw.call<{ elements: unknown[] }>('Page.getElements', { pageId: top, selector: '#only-on-top' })).elements,
    ).toHaveLength(1)
    expect(
      (await raw.call<{ elements: unknown[] }>('Page.getElements', { pageId: under, selector: '#only-on-top' }))
        .elements,
    ).toHaveLength(0)
    await relaunch()
  })

  it('page.size() is the size of the page content, not the viewport', async () => {
    const page = (await mp.navigateTo('/pages/register/index')) as Page
    const size = await page.size()
    const content = await mp.evaluate(() => {
      const shown = document.querySelector('.taro_page_show.taro_page_stationed:not(.taro_page_shade)') as HTMLElement
      return { width: shown.scrollWidth, height: shown.scrollHeight }
    })
    expect(size).toEqual(content)
    // The registration form is longer than a 667 px high phone screen.
    expect(size.height).toBeGreaterThan(667)
    await relaunch()
  })

  it('Page.getWindowProperties reads window paths (page.size, page.scrollTop)', async () => {
    const page = (await mp.currentPage()) as Page
    expect(await page.size()).toEqual({ width: 375, height: expect.any(Number) })
    expect(await page.scrollTop()).toBe(0)
    const { properties } = await raw.call<{ properties: unknown[] }>('Page.getWindowProperties', {
      pageId: await currentPageId(),
      names: ['navigator.language', 'location.hash', 'no.such.path'],
    })
    expect(properties).toEqual([expect.any(String), expect.stringContaining('pages/login/index'), null])
  })

  it('Page.getData, setData and callMethod are errors naming the method', async () => {
    const page = (await mp.currentPage()) as Page
    await expect(page.data()).rejects.toThrow('Page.getData is not supported')
    await expect(page.setData({ a: 1 })).rejects.toThrow('Page.setData is not supported')
    await expect(page.callMethod('onLoad')).rejects.toThrow('Page.callMethod is not supported')
  })
})

describe('Element', () => {
  let page: Page

  beforeEach(async () => {
    await relaunch()
    page = (await mp.currentPage()) as Page
  })

  it('Element.getElement(s) search inside the element', async () => {
    const card = await el('.login__card')
    const inside = await raw.call<{ tagName: string }>('Element.getElement', { ...card, selector: 'button' })
    expect(inside.tagName).toBe('button')
    const fields = await raw.call<{ elements: unknown[] }>('Element.getElements', { ...card, selector: '.form-field' })
    expect(fields.elements).toHaveLength(3)
    const missing = await raw.send('Element.getElement', { ...card, selector: '.login__title' })
    expect(missing.error?.message).toContain('.login__title')
  })

  it('input (Element.callFunction input.input) reaches React, value() reads it back', async () => {
    const input = (await page.$('#login-username')) as unknown as {
      input: (v: string) => Promise<void>
      value: () => Promise<string>
    }
    await input.input('candidate01')
    expect(await input.value()).toBe('candidate01')
    await (await page.$('#login-submit'))!.tap()
    // The username was accepted by the form's validation; the password was not.
    await page.waitFor('#login-password-error')
    expect(await page.$$('#login-username-error')).toHaveLength(0)
  })

  it('tap: a real click where the element is under the pointer; it drives React handlers', async () => {
    await (await page.$('#login-mode-face'))!.tap()
    await page.waitFor(async () => (await page.$$('#login-username')).length === 0)
    await (await page.$('#login-mode-password'))!.tap()
    await page.waitFor('#login-username')
    const agree = (await page.$('#login-agree'))!
    await agree.tap()
    const box = (await agree.$('checkbox'))!
    // React renders the new state after the click's turn: wait for it (the page's own timeout bounds the wait).
    await page.waitFor(async () => (await box.property('checked')) === true)
    expect(await box.property('checked')).toBe(true)
  })

  it('tap: when the page moves between aiming and clicking, the stray click is swallowed and the tap aims again', async () => {
    const box = (await (await page.$('#login-agree'))!.$('checkbox'))!
    const before = (await box.property('checked')) === true
    // On the press, the page grows above the checkbox (an image arriving): the release lands elsewhere.
    await mp.evaluate(function () {
      window.addEventListener(
        'pointerdown',
        function grow() {
          const spacer = document.createElement('div')
          spacer.id = 'tap-shift-spacer'
          spacer.style.height = '300px'
          const root = document.getElementById('login-page')!
          root.insertBefore(spacer, root.firstChild)
        },
        { capture: true, once: true },
      )
    })
    await (await page.$('#login-agree'))!.tap()
    await page.waitFor(async () => (await box.property('checked')) === !before)
    expect(await box.property('checked')).toBe(!before)
    expect(await mp.evaluate(() => document.getElementById('tap-shift-spacer') !== null)).toBe(true)
    await mp.evaluate(() => document.getElementById('tap-shift-spacer')?.remove())
  })

  it('reading: text, attribute, property (+__propPublic), style, offset, size', async () => {
    const title = (await page.$('.login__title'))!
    expect(await title.text()).toBe('卫生专业技术资格考试')
    const input = (await page.$('#login-username'))!
    expect(await input.attribute('placeholder')).toBe('请输入用户名或证件号码')
    expect(await input.attribute('class')).toContain('form-field__input')
    expect(await input.property('placeholder')).toBe('请输入用户名或证件号码')
    await expect(input.property('noSuchProp')).rejects.toThrow('input.noSuchProp not exists')
    const submit = (await page.$('#login-submit'))!
    expect(await submit.style('display')).toEqual(expect.any(String))
    expect(await submit.style('backgroundColor')).toMatch(/^rgb/)
    const offset = await submit.offset()
    expect(offset.left).toBeGreaterThan(0)
    expect(offset.top).toBeGreaterThan(0)
    const size = await submit.size()
    expect(size.width).toBeGreaterThan(100)
  })

  it('Element.getWXML gives mini-program tags, inner and outer', async () => {
    const tabs = (await page.$('.mode-tabs'))!
    const outer = await tabs.outerWxml()
    // Its attributes as the page gives them (the tabs carry role="tablist" since issue 21), the tag a mini-program tag.
    expect(outer).toMatch(/^<view [^>]*class="mode-tabs"[^>]*>/)
    expect(outer).not.toContain('taro-')
    expect(await tabs.wxml()).toMatch(/^<view id="login-mode-password"/)
    const field = (await page.$('#login-username-field'))!
    expect(await field.wxml()).toContain('<input id="login-username"')
    expect(await field.wxml()).not.toContain('weui-input')
  })

  it('Element.getWXML leaves out what Taro H5 draws inside its components (img, native inputs, hidden inputs)', async () => {
    const card = await (await page.$('.login__card'))!.outerWxml()
    expect(card).toContain('<checkbox')
    expect(card).not.toMatch(/<img|<input type="(checkbox|hidden)"|type="hidden"|hydrated|data-/)
    await page.waitFor('#login-captcha-image')
    const image = await (await page.$('#login-captcha-image'))!.outerWxml()
    expect(image).toMatch(/^<image /)
    expect(image).not.toContain('<img')
  })

  it('attribute() gives what a mini-program template renders: no data attributes, no H5-only classes', async () => {
    const register = (await mp.navigateTo('/pages/register/index')) as Page
    const password = (await register.$('#register-password'))! as unknown as { input: (v: string) => Promise<void> }
    await password.input('abcdefgh')
    await register.waitFor('#register-password-strength')
    const meter = (await register.$('#register-password-strength'))!
    expect(await meter.attribute('class')).toBe('pw-meter pw-meter--weak')
    // What React on H5 puts on the DOM but a weapp template never renders: a data attribute (as the meter once had),
    // Stencil's hydration class.
    await mp.evaluate(() => {
      const shown = document.querySelector('.taro_page_show.taro_page_stationed:not(.taro_page_shade)')
      const el = shown?.querySelector('#register-password-strength') as HTMLElement
      el.dataset.strength = 'weak'
      el.classList.add('hydrated')
    })
    expect(await meter.attribute('data-strength')).toBeNull()
    expect(await meter.attribute('class')).toBe('pw-meter pw-meter--weak')
    const submit = (await register.$('#register-submit'))!
    expect(await submit.attribute('class')).not.toMatch(/hydrated|taro-button-core/)
    await relaunch()
  })

  it('triggerEvent / dispatchEvent fire events on the element', async () => {
    await (await page.$('#login-mode-face'))!.trigger('tap')
    await page.waitFor(async () => (await page.$$('#login-username')).length === 0)
    await mp.evaluate(() => {
      const target = document.querySelector('.taro_page_show #login-mode-password') as HTMLElement
      target.addEventListener(
        'qa-event',
        (e) => ((window as unknown as PageWindow).qaDetail = (e as CustomEvent).detail),
      )
    })
    const tab = (await page.$('#login-mode-password'))!
    await tab.trigger('qa-event', { n: 1 })
    expect(await mp.evaluate(() => (window as unknown as PageWindow).qaDetail)).toEqual({ n: 1 })
    await tab.dispatchEvent({ eventName: 'qa-event', detail: { n: 2 } })
    expect(await mp.evaluate(() => (window as unknown as PageWindow).qaDetail)).toEqual({ n: 2 })
    await tab.dispatchEvent({ eventName: 'tap' })
    await page.waitFor('#login-username')
    // An input event with a value types into the field.
    await (await page.$('#login-username'))!.trigger('input', { value: 'via-trigger' })
    expect(await (await page.$('#login-username'))!.value()).toBe('via-trigger')
  })

  it('touchstart / touchmove / touchend / longpress dispatch touch events with coordinates', async () => {
    await mp.evaluate(() => {
      const w = window as unknown as { qaTouches: unknown[][] }
      w.qaTouches = []
      const target = document.querySelector('.taro_page_show #login-submit') as HTMLElement
      for (const type of ['touchstart', 'touchmove', 'touchend']) {
        target.addEventListener(type, (e) => w.qaTouches.push([type, (e as TouchEvent).changedTouches[0].clientX]))
      }
    })
    const submit = (await page.$('#login-submit'))!
    await submit.touchstart({ touches: [{ identifier: 0, clientX: 50, clientY: 600 }] })
    await submit.touchmove({ touches: [{ identifier: 0, clientX: 60, clientY: 600 }] })
    await submit.touchend({ changeTouches: [{ identifier: 0, clientX: 60, clientY: 600 }] })
    await submit.longpress()
    const seen = (await mp.evaluate(() => (window as unknown as PageWindow).qaTouches)) as [string, number][]
    expect(seen.slice(0, 3)).toEqual([
      ['touchstart', 50],
      ['touchmove', 60],
      ['touchend', 60],
    ])
    expect(seen.slice(3).map((t) => t[0])).toEqual(['touchstart', 'touchend'])
  })

  it('element calls that are not mapped are errors naming them', async () => {
    const submit = await el('#login-submit')
    const call = await raw.send('Element.callFunction', { ...submit, functionName: 'swiper.swipeTo', args: [1] })
    expect(call.error?.message).toContain('swiper.swipeTo')
    const frame = await raw.send('Element.getData', { elementId: 'x', pageId: 1 })
    expect(frame.error?.message).toContain('Element.getData')
  })

  it('elements of a page that is gone are errors, and element ids are never reused', async () => {
    const before = await el('#login-submit')
    await relaunch()
    const after = await el('#login-submit')
    expect(after.elementId).not.toBe(before.elementId)
    const frame = await raw.send('Element.tap', before)
    expect(frame.error?.message).toMatch(/no longer on the page|left the page stack/)
  })
})

describe('App.exit', () => {
  it('closes the app; the next call opens it again with new page and element ids', async () => {
    const pageBefore = await currentPageId()
    const elBefore = await el('#login-submit')
    await raw.call('App.exit')
    const pageAfter = await currentPageId()
    expect(pageAfter).toBeGreaterThan(pageBefore)
    const elAfter = await el('#login-submit')
    expect(elAfter.elementId).not.toBe(elBefore.elementId)
    const stale = await raw.send('Element.getDOMProperties', { ...elBefore, names: ['innerText'] })
    expect(stale.error?.message).toContain(elBefore.elementId)
  })
})
