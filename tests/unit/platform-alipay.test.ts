/**
 * The Alipay platform layer against a stand-in `my` that keeps Alipay's documented contract: what the app hands to
 * `my.*` is what Alipay requires (https://opendocs.alipay.com/mini/api/kmq4hc for my.uploadFile).
 */
import { platform, saveResultOfAlipay } from '../../src/platform/platform.alipay'

// The layer reads the global `my` when it calls, so the stand-in may be installed after the import.
type Fn = (...args: unknown[]) => unknown
type Opts = Record<string, unknown> & { success?: Fn; fail?: Fn }

const calls: { name: string; opts: Opts }[] = []
const answers = new Map<string, (opts: Opts) => void>()

function standIn(name: string, required: string[]) {
  return (opts: Opts) => {
    calls.push({ name, opts })
    const missing = required.filter((k) => opts[k] === undefined || opts[k] === '')
    if (missing.length) {
      // Alipay answers a call without a required argument with fail (error 2: 参数错误).
      setTimeout(() => opts.fail?.({ error: 2, errorMessage: `${name}: missing ${missing.join(', ')}` }), 0)
      return undefined
    }
    setTimeout(() => answers.get(name)?.(opts), 0)
    return { onProgressUpdate: (cb: (p: { progress: number }) => void) => cb({ progress: 100 }) }
  }
}

;(globalThis as unknown as { my: Record<string, unknown> }).my = {
  saveImageToPhotosAlbum: standIn('saveImageToPhotosAlbum', ['filePath']),
  saveImage: standIn('saveImage', ['url']),
  uploadFile: standIn('uploadFile', ['url', 'filePath', 'fileName', 'fileType']),
  getAuthCode: standIn('getAuthCode', ['scopes']),
  tradePay: standIn('tradePay', ['tradeNO']),
  requestSubscribeMessage: standIn('requestSubscribeMessage', ['entityIds']),
}

beforeEach(() => {
  calls.length = 0
  answers.clear()
})

describe('alipay platform layer', () => {
  it('uploads with the fileType and fileName my.uploadFile requires, and reads its answer', async () => {
    answers.set('uploadFile', (o) => o.success?.({ statusCode: 200, data: '{"ok":true}' }))
    const progress: number[] = []
    const res = await platform.uploadFile({
      url: 'http://127.0.0.1:3100/api/profile/photo',
      filePath: 'https://resource/apml1.image',
      name: 'photo',
      formData: { kind: 'education' },
      headers: { authorization: 'Bearer t' },
      onProgress: (p) => progress.push(p),
    })
    expect(res).toEqual({ statusCode: 200, data: '{"ok":true}' })
    const opts = calls[0]?.opts ?? {}
    expect(calls[0]?.name).toBe('uploadFile')
    expect(opts).toMatchObject({
      url: 'http://127.0.0.1:3100/api/profile/photo',
      filePath: 'https://resource/apml1.image',
      name: 'photo',
      fileName: 'photo',
      fileType: 'image',
      header: { authorization: 'Bearer t' },
      formData: { kind: 'education' },
    })
    expect(progress).toEqual([100])
  })

  it('rejects when Alipay fails the upload', async () => {
    answers.set('uploadFile', (o) => o.fail?.({ error: 12, errorMessage: 'network' }))
    await expect(
      platform.uploadFile({ url: 'http://x/api', filePath: 'https://resource/a.image', name: 'file' }),
    ).rejects.toEqual({ error: 12, errorMessage: 'network' })
  })

  it('gets a login code, and maps payment and subscription answers (face: face-platforms.test.ts)', async () => {
    answers.set('getAuthCode', (o) => o.success?.({ authCode: 'ali-code' }))
    expect(await platform.getLoginCode()).toBe('ali-code')

    answers.set('tradePay', (o) => o.success?.({ resultCode: '9000' }))
    expect(await platform.requestPayment('o1', { tradeNO: 'T1' })).toBe('success')
    answers.set('tradePay', (o) => o.success?.({ resultCode: '6001' }))
    expect(await platform.requestPayment('o1', { tradeNO: 'T1' })).toBe('cancel')
    answers.set('tradePay', (o) => o.fail?.({ error: 4000 }))
    expect(await platform.requestPayment('o1', { tradeNO: 'T1' })).toBe('fail')

    answers.set('tradePay', (o) => o.success?.({ resultCode: '8000' }))
    expect(await platform.requestPayment('o1', { tradeNO: 'T1' })).toBe('pending')

    answers.set('requestSubscribeMessage', (o) => o.success?.({ t1: 'accept' }))
    expect(await platform.requestSubscribe(['t1'])).toEqual({
      outcome: 'accept',
      answers: { t1: 'accept' },
      failure: null,
    })
    answers.set('requestSubscribeMessage', (o) =>
      o.success?.({ behavior: 'subscribe', result: { subscribedEntityIds: ['t2'], unsubscribedEntityIds: ['t1'] } }),
    )
    expect(await platform.requestSubscribe(['t1', 't2'])).toMatchObject({
      outcome: 'accept',
      answers: { t1: 'reject', t2: 'accept' },
    })
    answers.set('requestSubscribeMessage', (o) => o.fail?.({ error: 106008, errorMessage: 'x' }))
    expect(await platform.requestSubscribe(['t1'])).toMatchObject({
      outcome: 'reject',
      failure: 'templates',
      code: 106008,
    })
  })
})

describe('saving to the album (https://opendocs.alipay.com/mini/api/media/image/my.saveimagetophotosalbum)', () => {
  const my = (globalThis as unknown as { my: Record<string, unknown> }).my
  const file = 'https://resource/apml0f3c.png'

  it('saves the exported file with my.saveImageToPhotosAlbum({ filePath }), not the unmaintained my.saveImage', async () => {
    answers.set('saveImageToPhotosAlbum', (o) => o.success?.({}))
    expect(await platform.saveImage(file, '准考证.png')).toBe('saved')
    expect(calls.map((c) => [c.name, c.opts.filePath])).toEqual([['saveImageToPhotosAlbum', file]])
  })

  it.each([
    [15, 'system', "没有开启相册权限 (iOS): the phone's own permission, my.showAuthGuide"],
    [2001, 'denied', '用户拒绝授权 (the album scope: my.openSetting)'],
    [2, 'failed', 'filePath 为空'],
    [16, 'failed', '相册存储空间不足 (iOS)'],
    [17, 'failed', 'any other error (a filePath it cannot read)'],
    [11, 'failed', 'no sheet is shown, so no cancel is documented'],
  ] as const)('error %i is %s (%s)', async (error, result, _why) => {
    answers.set('saveImageToPhotosAlbum', (o) => o.fail?.({ error, errorMessage: 'x' }))
    expect(await platform.saveImage(file, '准考证.png')).toBe(result)
  })

  it('reads the code, not the message', () => {
    expect(saveResultOfAlipay({ error: 17, errorMessage: '相册权限' })).toBe('failed')
    expect(saveResultOfAlipay({ errorMessage: 'auth deny' })).toBe('failed')
    expect(saveResultOfAlipay(undefined)).toBe('failed')
  })

  it('falls back to my.saveImage (no sheet) only on a client without my.saveImageToPhotosAlbum (基础库 < 1.15.0)', async () => {
    const modern = my.saveImageToPhotosAlbum
    delete my.saveImageToPhotosAlbum
    try {
      answers.set('saveImage', (o) => o.success?.())
      expect(await platform.saveImage(file, '准考证.png')).toBe('saved')
      answers.set('saveImage', (o) => o.fail?.({ error: 2001 }))
      expect(await platform.saveImage(file, '准考证.png')).toBe('denied')
      answers.set('saveImage', (o) => o.fail?.({ error: 17 }))
      expect(await platform.saveImage(file, '准考证.png')).toBe('failed')
    } finally {
      my.saveImageToPhotosAlbum = modern
    }
    expect(calls.map((c) => [c.name, c.opts.url, c.opts.showActionSheet])).toEqual([
      ['saveImage', file, false],
      ['saveImage', file, false],
      ['saveImage', file, false],
    ])
  })
})
