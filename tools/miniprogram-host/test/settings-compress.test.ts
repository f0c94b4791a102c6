import { randomBytes } from 'node:crypto'
import sharp from 'sharp'
import type { MiniProgramHost } from '../src/host'
import { callApi, fakeHosts } from './fake-output'

/**
 * compressImage, getSetting and authorize as each platform answers them (api-impl.ts, permissions.ts):
 * - compressImage: WeChat and Baidu take `src` and a quality 0-100 and answer tempFilePath; Alipay takes apFilePaths
 *   and a compressLevel 0-4 and answers apFilePaths. https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.compressImage.html,
 *   https://opendocs.alipay.com/mini/api/media/image/my.compressimage
 * - getSetting: the scopes asked so far, by the platform's own names (scope.camera; Alipay's camera, album).
 * - authorize (WeChat, Baidu; Alipay has none): asked once; refused → WeChat "authorize:fail auth deny", Baidu errCode
 *   10003 "user deny"; not asked again until the settings page allows it.
 *   https://developers.weixin.qq.com/miniprogram/dev/api/open-api/authorize/wx.authorize.html,
 *   https://smartprogram.baidu.com/docs/develop/api/open/authorize_swan-authorize/
 */
const fakeHost = fakeHosts()
type Target = 'weapp' | 'alipay' | 'swan'

async function host(target: Target): Promise<MiniProgramHost> {
  const h = fakeHost(target, { 'pages/a/index.js': 'Page({})' })
  await h.launch()
  return h
}

/** A 600×600 PNG of noise: lossless, so any JPEG of it is smaller, and a lower quality smaller still. */
async function photo(): Promise<Buffer> {
  const raw = randomBytes(600 * 600 * 3)
  return sharp(raw, { raw: { width: 600, height: 600, channels: 3 } })
    .png()
    .toBuffer()
}

const prompts = (h: MiniProgramHost) => h.permissions.snapshot().events.filter((e) => e.type === 'prompt')

describe.each(['weapp', 'alipay', 'swan'] as const)('%s compressImage', (target) => {
  const alipay = target === 'alipay'
  const prefix = (h: MiniProgramHost) => (alipay ? 'https://resource' : h.flavour.userDataPath)
  /** The platform's options for one image at a low and a high setting. */
  const options = (src: string, low: boolean) =>
    alipay ? { apFilePaths: [src], compressLevel: low ? 0 : 4 } : { src, quality: low ? 10 : 95 }

  it('answers a smaller JPEG in the platform’s shape; a lower setting gives fewer bytes', async () => {
    const h = await host(target)
    const original = await photo()
    const src = h.files.addTemp(prefix(h), original, 'png')
    const out = async (low: boolean) => {
      const answer = await callApi(h, 'compressImage', options(src, low))
      expect(answer.ok).toBe(true)
      const paths = alipay ? (answer.res.apFilePaths as string[]) : [answer.res.tempFilePath as string]
      expect(paths).toHaveLength(1)
      if (alipay) expect(paths[0]).toMatch(/^https:\/\/resource\//)
      const bytes = h.files.read(paths[0])
      expect((await sharp(bytes).metadata()).format).toBe('jpeg')
      return bytes.length
    }
    const low = await out(true)
    const high = await out(false)
    expect(low).toBeLessThan(high)
    expect(high).toBeLessThan(original.length)
  })

  it('fails for a file the phone does not have, and for a file that is not an image', async () => {
    const h = await host(target)
    const missing = await callApi(h, 'compressImage', options(`${prefix(h)}/tmp_none.jpg`, false))
    expect(missing.ok).toBe(false)
    if (alipay) expect(missing.res).toMatchObject({ error: 4 })
    else expect(String(missing.res.errMsg)).toMatch(/^compressImage:fail /)
    const notImage = h.files.addTemp(prefix(h), Buffer.from('not an image'), 'jpg')
    expect((await callApi(h, 'compressImage', options(notImage, false))).ok).toBe(false)
  })

  it(`fails without its required ${alipay ? 'apFilePaths' : 'src'}, and reports the app's fault`, async () => {
    const h = await host(target)
    expect((await callApi(h, 'compressImage', {})).ok).toBe(false)
    expect(h.problems.join('\n')).toContain(`compressImage called without required ${alipay ? 'apFilePaths' : 'src'}`)
  })
})

describe.each([
  ['weapp', { 'scope.camera': false, 'scope.writePhotosAlbum': true }],
  ['swan', { 'scope.camera': false, 'scope.writePhotosAlbum': true }],
  ['alipay', { camera: false, album: true }],
] as const)('%s getSetting', (target, expected) => {
  it('answers the scopes asked so far, by the platform’s own names; none before any was asked', async () => {
    const h = await host(target)
    expect(await callApi(h, 'getSetting')).toMatchObject({ ok: true, res: { authSetting: {} } })
    h.permissions.apply({ scopes: { camera: false, writePhotosAlbum: true } })
    const answer = await callApi(h, 'getSetting')
    expect(answer.ok).toBe(true)
    expect(answer.res.authSetting).toEqual(expected)
  })
})

describe.each([
  ['weapp', { errMsg: 'authorize:fail auth deny' }],
  ['swan', { errCode: 10003, errMsg: 'user deny' }],
] as const)('%s authorize', (target, refusal) => {
  it('asks once and records the answer getSetting shows', async () => {
    const h = await host(target)
    expect((await callApi(h, 'authorize', { scope: 'scope.camera' })).ok).toBe(true)
    expect((await callApi(h, 'authorize', { scope: 'scope.camera' })).ok).toBe(true)
    expect(prompts(h)).toEqual([{ type: 'prompt', scope: 'camera', answer: 'allow' }])
    expect((await callApi(h, 'getSetting')).res.authSetting).toEqual({ 'scope.camera': true })
  })

  it('refused: the platform’s own answer, not asked again until the settings page allows it', async () => {
    const h = await host(target)
    h.permissions.apply({ answers: { writePhotosAlbum: 'deny' }, inSettings: { writePhotosAlbum: true } })
    const scope = { scope: 'scope.writePhotosAlbum' }
    expect(await callApi(h, 'authorize', scope)).toEqual({ ok: false, res: refusal })
    expect(await callApi(h, 'authorize', scope)).toEqual({ ok: false, res: refusal })
    expect(prompts(h)).toHaveLength(1)
    expect((await callApi(h, 'getSetting')).res.authSetting).toEqual({ 'scope.writePhotosAlbum': false })
    expect((await callApi(h, 'openSetting', {}, true)).ok).toBe(true)
    expect((await callApi(h, 'authorize', scope)).ok).toBe(true)
    expect(prompts(h)).toHaveLength(1)
  })

  it('fails without its required scope, and reports the app’s fault', async () => {
    const h = await host(target)
    expect((await callApi(h, 'authorize')).ok).toBe(false)
    expect(h.problems.join('\n')).toContain('authorize called without required scope')
  })
})

it('alipay has no my.authorize (scopes are asked by the APIs themselves): canIUse answers false', async () => {
  const h = fakeHost('alipay', { 'pages/a/index.js': 'Page({ onLoad() { this.can = my.canIUse("authorize") } })' })
  const page = await h.launch()
  expect(page.instance.can).toBe(false)
})
