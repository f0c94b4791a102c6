/**
 * Each platform's refusals decided by its code from its one table (REFUSALS in platform.<target>.ts), never by the
 * words of a message; and a picked file made to fit the upload before anything is sent (stores/pick.ts).
 */
const mockCompressed = { path: 'tmp/small.jpg', size: 900_000 }
jest.mock('../../src/platform/platform', () => ({
  platform: { name: 'weapp', compressImage: jest.fn(async () => mockCompressed) },
}))

import { refusalOfAlipay, saveResultOfAlipay } from '../../src/platform/platform.alipay'
import { refusalOfSwan } from '../../src/platform/platform.swan'
import { refusalOfWx } from '../../src/platform/platform.weapp'
import { platform } from '../../src/platform/platform'
import { PlatformRefusal, refusalOf } from '../../src/platform/types'
import { fitForUpload, isProblem, pick } from '../../src/stores/pick'

test('WeChat: errno 104/112 is the privacy popup, whatever the message; a scope by its fail reason', () => {
  expect(refusalOfWx({ errMsg: 'chooseMedia:fail privacy permission is not authorized', errno: 104 })).toBe('privacy')
  expect(
    refusalOfWx({ errMsg: 'chooseMedia:fail api scope is not declared in the privacy agreement', errno: 112 }),
  ).toBe('privacy')
  // Not an album refusal: the settings cannot undo it (the review's finding).
  expect(refusalOfWx({ errMsg: 'saveImageToPhotosAlbum:fail xyz', errno: 104 })).toBe('privacy')
  expect(refusalOfWx({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' })).toBe('scope')
  expect(refusalOfWx({ errMsg: 'chooseMedia:fail cancel' })).toBe('cancel')
  // Words elsewhere in a message decide nothing.
  expect(refusalOfWx({ errMsg: 'chooseMedia:fail the user may deny auth later' })).toBe('failed')
  expect(refusalOfWx(undefined)).toBe('failed')
})

test('Baidu: errCode 10003 is a refused scope (settings), 10005 the phone’s own permission', () => {
  expect(refusalOfSwan({ errCode: 10003, errMsg: 'user deny' })).toBe('scope')
  expect(refusalOfSwan({ errCode: 10005, errMsg: 'system deny' })).toBe('system')
  expect(refusalOfSwan({ errCode: 10003, errMsg: 'anything' })).toBe('scope')
  // The old reading took Baidu's refusal for a failure: a message with "deny" but no code is not a refusal.
  expect(refusalOfSwan({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' })).toBe('failed')
  expect(refusalOfSwan({ errMsg: 'chooseImage:fail cancel' })).toBe('cancel')
})

test('Alipay: 15 is the phone’s permission (showAuthGuide), 2001 the mini-program’s scope, 11 a cancel', () => {
  expect(refusalOfAlipay({ error: 15 })).toBe('system')
  expect(refusalOfAlipay({ error: 2001 })).toBe('scope')
  expect(refusalOfAlipay({ error: 11 })).toBe('cancel')
  expect(refusalOfAlipay({ error: 17, errorMessage: '用户拒绝授权' })).toBe('failed')
  expect(saveResultOfAlipay({ error: 15 })).toBe('system')
  expect(saveResultOfAlipay({ error: 2001 })).toBe('denied')
})

test('a picker’s refusal comes back as its kind and the words naming its way forward; a cancel as no file', async () => {
  expect(await pick(async () => null)).toEqual({ file: null })
  const privacy = await pick(() => Promise.reject(new PlatformRefusal('privacy', 104)))
  expect(privacy).toMatchObject({ refusal: 'privacy' })
  expect(isProblem(privacy) && privacy.text).toContain('重新授权')
  const scope = await pick(() => Promise.reject(new PlatformRefusal('scope', 'auth deny')))
  expect(isProblem(scope) && scope.text).toContain('去设置')
  expect(refusalOf(new Error('x'))).toBe('failed')
})

test('over 5 MB: a photo is compressed before it is sent, a PDF refused at once; a photo still too big refused', async () => {
  const compress = platform.compressImage as jest.Mock
  expect(await fitForUpload({ path: 'a.jpg', size: 1_000_000 }, 'photo')).toEqual({ path: 'a.jpg', size: 1_000_000 })
  expect(compress).not.toHaveBeenCalled()
  expect(await fitForUpload({ path: 'big.jpg', size: 8_000_000 }, 'photo')).toEqual(mockCompressed)
  expect(compress).toHaveBeenCalledTimes(1)
  const pdf = await fitForUpload({ path: 'big.pdf', size: 6_000_000 }, 'pdf')
  expect(pdf).toMatchObject({ refusal: null, text: expect.stringContaining('PDF 文件太大') })
  compress.mockResolvedValueOnce({ path: 'still.jpg', size: 6_000_000 })
  expect(await fitForUpload({ path: 'huge.jpg', size: 20_000_000 }, 'photo')).toMatchObject({
    text: expect.stringContaining('压缩后仍有 5.7 MB'),
  })
})

test('the album on WeChat and Baidu: saved, a refused scope is denied (the settings), other refusals as they are', async () => {
  const { saveToAlbumWith } = await import('../../src/platform/shared')
  const saving = (fail: object | null) => (filePath: string) =>
    fail ? Promise.reject(fail) : Promise.resolve({ filePath })
  expect(await saveToAlbumWith(saving(null), refusalOfWx, 'a.png')).toBe('saved')
  expect(await saveToAlbumWith(saving({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' }), refusalOfWx, 'a')).toBe(
    'denied',
  )
  expect(await saveToAlbumWith(saving({ errMsg: 'x:fail', errno: 104 }), refusalOfWx, 'a')).toBe('privacy')
  expect(await saveToAlbumWith(saving({ errCode: 10003, errMsg: 'user deny' }), refusalOfSwan, 'a')).toBe('denied')
  expect(await saveToAlbumWith(saving({ errCode: 10005, errMsg: 'system deny' }), refusalOfSwan, 'a')).toBe('system')
  expect(await saveToAlbumWith(saving({ errMsg: 'saveImageToPhotosAlbum:fail cancel' }), refusalOfSwan, 'a')).toBe(
    'cancel',
  )
})

test('a compressed photo carries the size read back; the original stays where compressing or reading fails', async () => {
  const { compressedOrOriginal } = await import('../../src/platform/shared')
  const original = { path: 'tmp/big.jpg', size: 6_000_000 }
  const sizeOf = async (path: string) => (path === 'tmp/small.jpg' ? 900_000 : 0)
  expect(await compressedOrOriginal(original, async () => 'tmp/small.jpg', sizeOf)).toEqual({
    path: 'tmp/small.jpg',
    size: 900_000,
  })
  expect(await compressedOrOriginal(original, () => Promise.reject(new Error('fail')), sizeOf)).toBe(original)
  expect(
    await compressedOrOriginal(
      original,
      async () => 'tmp/small.jpg',
      () => Promise.reject(new Error('fail')),
    ),
  ).toBe(original)
})
