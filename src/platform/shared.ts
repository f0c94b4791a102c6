import Taro from '@tarojs/taro'
import type { ChosenImage, Drawing, ImageInfo, SaveImageResult, UploadOptions, UploadResult } from './types'

/** The parts every platform does through Taro's own cross-platform APIs. */

export function isCancel(err: unknown): boolean {
  return /cancel/i.test(String((err as { errMsg?: string })?.errMsg ?? err))
}

export async function chooseImageViaTaro(source: 'album' | 'camera' | 'any'): Promise<ChosenImage | null> {
  try {
    const res = await Taro.chooseImage({
      count: 1,
      sizeType: ['original'],
      sourceType: source === 'any' ? ['album', 'camera'] : [source],
    })
    const file = res.tempFiles[0]
    return file ? { path: file.path, size: file.size } : null
  } catch (err) {
    if (isCancel(err)) return null
    throw err
  }
}

export async function getImageInfoViaTaro(path: string): Promise<ImageInfo> {
  const info = await Taro.getImageInfo({ src: path })
  const orientation = (info as { orientation?: unknown }).orientation
  return {
    width: info.width,
    height: info.height,
    type: String(info.type ?? '').toLowerCase(),
    ...(typeof orientation === 'string' ? { orientation } : {}),
  }
}

/** Reads a file's first bytes through the mini-program file system (WeChat, Alipay and Baidu all have it). */
export function readFileHeadViaTaro(path: string, length: number): Promise<Uint8Array | null> {
  return new Promise((resolve) => {
    try {
      Taro.getFileSystemManager().readFile({
        filePath: path,
        position: 0,
        length,
        success: (res) => resolve(res.data instanceof ArrayBuffer ? new Uint8Array(res.data) : null),
        fail: () => resolve(null),
      })
    } catch {
      resolve(null)
    }
  })
}

export function uploadViaTaro(options: UploadOptions): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const task = Taro.uploadFile({
      url: options.url,
      filePath: options.filePath,
      name: options.name,
      formData: options.formData,
      header: options.headers,
      // H5: the session goes in a header, not a cookie; credentials would make cross-origin uploads fail CORS.
      withCredentials: false,
      success: (res) => resolve({ statusCode: res.statusCode, data: String(res.data) }),
      fail: reject,
    })
    if (options.onProgress && task && typeof task.onProgressUpdate === 'function') {
      task.onProgressUpdate((p) => options.onProgress?.(p.progress))
    }
  })
}

/**
 * Drawing with the canvas context every platform has (createCanvasContext: setFillStyle, fillRect, setFontSize,
 * setTextAlign, fillText, draw), exported by `exportImage` once drawn.
 * WeChat: https://developers.weixin.qq.com/miniprogram/dev/api/canvas/wx.createCanvasContext.html
 * Baidu: https://smartprogram.baidu.com/docs/develop/api/canvas/swan-createCanvasContext/
 * Alipay: https://opendocs.alipay.com/mini/api/ui-canvas (my.createCanvasContext)
 * Taro (H5 included): https://docs.taro.zone/docs/apis/canvas/createCanvasContext
 */
export function taroDrawing(canvasId: string, exportImage: (ctx: Taro.CanvasContext) => Promise<string>): Drawing {
  const ctx = Taro.createCanvasContext(canvasId)
  return {
    rect: (x, y, w, h, color) => {
      ctx.setFillStyle(color)
      ctx.fillRect(x, y, w, h)
    },
    text: (text, x, y, style) => {
      ctx.setFillStyle(style.color)
      ctx.setFontSize(style.size)
      ctx.setTextAlign('left')
      ctx.setTextBaseline('top')
      ctx.fillText(text, x, y)
    },
    finish: () => new Promise<void>((resolve) => ctx.draw(false, () => resolve())).then(() => exportImage(ctx)),
  }
}

/**
 * Exports a drawn canvas through canvasToTempFilePath (WeChat, Baidu; on H5 Taro answers a data URL).
 * https://developers.weixin.qq.com/miniprogram/dev/api/canvas/wx.canvasToTempFilePath.html
 * https://smartprogram.baidu.com/docs/develop/api/canvas/swan-canvasToTempFilePath/
 */
export async function canvasToFileViaTaro(canvasId: string): Promise<string> {
  const res = await Taro.canvasToTempFilePath({ canvasId, fileType: 'png' })
  return res.tempFilePath
}

/**
 * Saves an image file to the album: WeChat and Baidu ask for scope.writePhotosAlbum on the first call; once refused,
 * the call fails with "auth deny"/"authorize" until the candidate allows it in the settings.
 * https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.saveImageToPhotosAlbum.html
 * https://smartprogram.baidu.com/docs/develop/api/media/image_swan-saveImageToPhotosAlbum/
 */
export async function saveToAlbumViaTaro(path: string): Promise<SaveImageResult> {
  try {
    await Taro.saveImageToPhotosAlbum({ filePath: path })
    return 'saved'
  } catch (err) {
    const msg = String((err as { errMsg?: string })?.errMsg ?? err)
    if (/auth|authoriz|permission|denied/i.test(msg)) return 'denied'
    if (isCancel(err)) return 'cancel'
    return 'failed'
  }
}

/**
 * The permission settings, where a refused album permission is allowed again.
 * https://developers.weixin.qq.com/miniprogram/dev/api/open-api/setting/wx.openSetting.html
 */
export async function openSettingsViaTaro(): Promise<boolean> {
  try {
    await Taro.openSetting()
    return true
  } catch {
    return false
  }
}
