import fs from 'node:fs'
import automator from 'miniprogram-automator'
import type MiniProgram from 'miniprogram-automator/out/MiniProgram'
import { startBridge, type RunningBridge } from '../src/bridge'
import { fakeOutput } from '../../miniprogram-host/test/fake-output'
import { RawClient } from './raw-client'

// What a function given to mp.evaluate() sees: the platform's API object as `wx`.
declare const wx: {
  createOffscreenCanvas(o: object): {
    getContext(t: string): { fillStyle: string; fillText(t: string, x: number, y: number): void }
  }
  canvasToTempFilePath(o: object): void
  saveImageToPhotosAlbum(o: object): void
}

/** The host backend through the real SDK, over a tiny fake weapp output: what maps, and what answers an error. */
jest.setTimeout(60_000)

const PAGE = `Page({ data: {}, onLoad() {
  this.setData({ 'root.cn': [{ nn: '3', sid: '_n1', uid: 'a-page', cn: [
    { nn: '1', sid: '_n2', uid: 'a-go', cl: 'btn', cn: [{ nn: '9', sid: '_n3', v: '下一步' }] },
    { nn: '33', sid: '_n4', uid: 'a-name', p25: '' } ] }] })
}, eh(e) {
  if (e.type === 'tap') wx.showModal({ title: '确认', success: (r) => this.setData({ 'root.cn.[0].cn.[0].cn.[0].v': r.confirm ? '已确认' : '已取消' }) })
} })`

let dir = ''
let bridge: RunningBridge
let mp: MiniProgram

beforeAll(async () => {
  dir = fakeOutput('weapp', { 'pages/a/index.js': PAGE, 'pages/b/index.js': PAGE })
  bridge = await startBridge({ target: 'weapp', miniRoot: dir })
  mp = await automator.connect({ wsEndpoint: bridge.wsEndpoint })
})
afterAll(async () => {
  mp?.disconnect()
  await bridge?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

it('serves the page stack, elements, text and the modal through the SDK', async () => {
  const page = await mp.currentPage()
  expect(page?.path).toBe('pages/a/index')
  const button = await page!.$('#a-go')
  expect(button?.tagName).toBe('view')
  expect(await button!.text()).toBe('下一步')
  expect(await page!.$('#nothing')).toBeNull()
  await button!.tap()
  await mp.native().confirmModal()
  await new Promise((r) => setTimeout(r, 50))
  expect(await button!.text()).toBe('已确认')
  const input = (await page!.$('#a-name')) as unknown as {
    input: (v: string) => Promise<void>
    value: () => Promise<string>
  }
  await input.input('张三')
  expect(await input.value()).toBe('张三')
  await mp.callWxMethod('navigateTo', { url: '/pages/b/index' })
  expect((await mp.pageStack()).map((p) => p.path)).toEqual(['pages/a/index', 'pages/b/index'])
})

it('answers what it cannot model with an error naming the method', async () => {
  await expect(mp.screenshot()).rejects.toThrow(
    /App.captureScreenshot is not supported by the mini-program host \(weapp\)/,
  )
  await expect(mp.native().confirmModal()).rejects.toThrow(/no modal is shown/)
  await expect(mp.callWxMethod('openBluetoothAdapter')).rejects.toThrow(/openBluetoothAdapter is not an API of weapp/)
})

it('Host.takeSavedImages answers what the album saved, with the canvas recording behind it', async () => {
  await mp.evaluate(function () {
    const canvas = wx.createOffscreenCanvas({ type: '2d', width: 100, height: 50 })
    const ctx = canvas.getContext('2d')
    ctx.fillStyle = '#000000'
    ctx.fillText('验证码 AB12C-DE34F', 1, 1)
    return new Promise((resolve, reject) =>
      wx.canvasToTempFilePath({
        canvas,
        success: (r: { tempFilePath: string }) =>
          wx.saveImageToPhotosAlbum({ filePath: r.tempFilePath, success: resolve, fail: reject }),
        fail: reject,
      }),
    )
  })
  const raw = await RawClient.open(bridge.wsEndpoint)
  try {
    const { images } = await raw.call<{ images: { api: string; recording: { ops: { text?: string }[] } }[] }>(
      'Host.takeSavedImages',
    )
    expect(images.map((i) => [i.api, i.recording.ops.map((o) => o.text)])).toEqual([
      ['saveImageToPhotosAlbum', ['验证码 AB12C-DE34F']],
    ])
    expect(await raw.call('Host.takeSavedImages')).toMatchObject({ images: [] })
  } finally {
    raw.close()
  }
})

it('refuses what only layout answers, naming the method, where the devtools would answer', async () => {
  const page = (await mp.currentPage())!
  const el = (await page.$('#a-go'))!
  await expect(el.size()).rejects.toThrow(
    /Element.getDOMProperties offsetWidth, offsetHeight \(element.size\(\)\) is not supported by the mini-program host \(weapp\): the host does no layout/,
  )
  await expect(el.offset()).rejects.toThrow(
    /Element.getOffset is not supported .*element.offset\(\): the host does no layout/,
  )
  await expect(page.scrollTop()).rejects.toThrow(/Page.getWindowProperties document.body.scrollTop .*no layout/)
  await expect(page.size()).rejects.toThrow(/Page.getWindowProperties .*scrollWidth.*page.size\(\).*no layout/)
  await expect(mp.callWxMethod('pageScrollTo', { scrollTop: 200 })).rejects.toThrow(
    /App.callWxMethod pageScrollTo is not supported .*no layout/,
  )
  // A scroll-view's scrollTo, as the SDK sends it, and the window's own size (the simulated phone's).
  const raw = await RawClient.open(bridge.wsEndpoint)
  try {
    const pageId = (page as unknown as { id: number }).id
    const { elementId } = await raw.call<{ elementId: string }>('Page.getElement', { pageId, selector: '#a-go' })
    await expect(
      raw.call('Element.callFunction', { pageId, elementId, functionName: 'scroll-view.scrollTo', args: [0, 300] }),
    ).rejects.toThrow(/Element.callFunction scroll-view.scrollTo \(scroll-view scrollTo\) is not supported .*no layout/)
    const { properties } = await raw.call<{ properties: unknown[] }>('Page.getWindowProperties', {
      pageId,
      names: ['innerWidth'],
    })
    expect(properties).toEqual([390])
  } finally {
    raw.close()
  }
})
