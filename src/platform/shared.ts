import Taro from '@tarojs/taro'
import type { Canvas2D, Drawing, Paint } from './drawing'
import type {
  ChosenImage,
  ConfirmOptions,
  ImageInfo,
  ImageSource,
  RefusalKind,
  SaveImageResult,
  UploadOptions,
  UploadResult,
} from './types'

/** The parts every platform does through Taro's own cross-platform APIs. */

export function isCancel(err: unknown): boolean {
  return /cancel/i.test(String((err as { errMsg?: string })?.errMsg ?? err))
}

export async function chooseImageViaTaro(source: ImageSource): Promise<ChosenImage | null> {
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

/**
 * Uploads through the platform's uploadFile. Its success answer holds only the status and the body, so the response
 * headers come from the task's onHeadersReceived, which fires before it:
 * WeChat (base library 2.1.0+): https://developers.weixin.qq.com/miniprogram/dev/api/network/upload/UploadTask.onHeadersReceived.html
 * Baidu (3.180.1+): https://smartprogram.baidu.com/docs/develop/api/net/uploadtask_onheadersreceived/
 * H5: Taro's upload task reports the XMLHttpRequest's raw header text
 * (https://docs.taro.zone/docs/apis/network/upload/UploadTask#onheadersreceived).
 */
export function uploadViaTaro(options: UploadOptions): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    let header: Record<string, unknown> | undefined
    const task = Taro.uploadFile({
      url: options.url,
      filePath: options.filePath,
      name: options.name,
      formData: options.formData,
      header: options.headers,
      // H5: the session goes in a header, not a cookie; credentials would make cross-origin uploads fail CORS.
      withCredentials: false,
      success: (res) => resolve({ statusCode: res.statusCode, data: String(res.data), header }),
      fail: reject,
    })
    if (options.onProgress && task && typeof task.onProgressUpdate === 'function') {
      task.onProgressUpdate((p) => options.onProgress?.(p.progress))
    }
    if (task && typeof task.onHeadersReceived === 'function') {
      task.onHeadersReceived((r: { header?: unknown }) => (header = headerObject(r.header)))
    }
  })
}

/** Response headers as an object, whether the platform gave one or (H5) the raw `name: value` lines. */
export function headerObject(raw: unknown): Record<string, unknown> | undefined {
  if (raw && typeof raw === 'object') return raw as Record<string, unknown>
  if (typeof raw !== 'string') return undefined
  const header: Record<string, string> = {}
  for (const line of raw.split(/\r?\n/)) {
    const at = line.indexOf(':')
    if (at > 0) header[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim()
  }
  return header
}

/**
 * Downloads a picture to a local temp file, which every canvas can draw (a network address is not drawn by all of
 * them); null when it cannot be fetched. Alipay answers `apFilePath`, which Taro hands on as tempFilePath, and no
 * statusCode.
 * WeChat: https://developers.weixin.qq.com/miniprogram/dev/api/network/download/wx.downloadFile.html
 * Baidu: https://smartprogram.baidu.com/docs/develop/api/net/downloadfile/
 * Alipay: https://opendocs.alipay.com/mini/api/network/downloadfile (my.downloadFile; Taro maps apFilePath:
 *   https://docs.taro.zone/docs/apis/network/download/downloadFile)
 */
export async function downloadViaTaro(url: string): Promise<string | null> {
  try {
    const res = await Taro.downloadFile({ url })
    const status = (res as { statusCode?: number }).statusCode
    return res.tempFilePath && (status === undefined || status === 200) ? res.tempFilePath : null
  } catch {
    return null
  }
}

/**
 * The canvas context of a page's <canvas> (createCanvasContext) seen as the canvas 2D the painter speaks: its
 * documented setters (setFillStyle, setStrokeStyle, setFontSize, setTextAlign, setTextBaseline, setLineWidth) stand
 * for the 2D properties, in drawing order. Only the size of a font is kept (Alipay and Baidu document no weight).
 * Baidu: https://smartprogram.baidu.com/docs/develop/api/show/canvas_swan-createCanvasContext/
 * Alipay: https://opendocs.alipay.com/mini/api/ui-canvas (my.createCanvasContext, CanvasContext)
 */
export function legacyCanvas2D(ctx: Taro.CanvasContext): Canvas2D {
  let fill: unknown = '#000000'
  let stroke: unknown = '#000000'
  let font = '10px sans-serif'
  let align = 'left'
  let baseline = 'alphabetic'
  let width = 1
  return {
    get fillStyle() {
      return fill
    },
    set fillStyle(v: unknown) {
      fill = v
      ctx.setFillStyle(String(v))
    },
    get strokeStyle() {
      return stroke
    },
    set strokeStyle(v: unknown) {
      stroke = v
      ctx.setStrokeStyle(String(v))
    },
    get font() {
      return font
    },
    set font(v: string) {
      font = v
      const size = /(\d+(?:\.\d+)?)px/.exec(v)
      if (size) ctx.setFontSize(Number(size[1]))
    },
    get textAlign() {
      return align
    },
    set textAlign(v: string) {
      align = v
      ctx.setTextAlign(v as 'left')
    },
    get textBaseline() {
      return baseline
    },
    set textBaseline(v: string) {
      baseline = v
      ctx.setTextBaseline(v as 'top')
    },
    get lineWidth() {
      return width
    },
    set lineWidth(v: number) {
      width = v
      ctx.setLineWidth(v)
    },
    fillRect: (x, y, w, h) => ctx.fillRect(x, y, w, h),
    strokeRect: (x, y, w, h) => ctx.strokeRect(x, y, w, h),
    fillText: (text, x, y) => ctx.fillText(text, x, y),
    drawImage: (image, x, y, w, h) => ctx.drawImage(image as unknown as string, x, y, w, h),
    // At the font size set (setFontSize): WeChat, Alipay and Baidu answer { width }.
    measureText: (text) => ctx.measureText(text),
  }
}

/**
 * Paints a drawing on the page's <canvas canvas-id=canvasId> (DrawingCanvas): its picture downloaded first (the
 * context draws a local path), the steps queued, draw() renders them, then `exportImage` makes the file once drawn.
 */
export async function renderOnPageCanvas(
  drawing: Drawing,
  canvasId: string,
  paint: Paint,
  exportImage: (ctx: Taro.CanvasContext) => Promise<string>,
): Promise<string> {
  const image = drawing.imageUrl ? await downloadViaTaro(drawing.imageUrl) : null
  const ctx = Taro.createCanvasContext(canvasId)
  paint(legacyCanvas2D(ctx), drawing, image)
  await new Promise<void>((resolve) => ctx.draw(false, () => resolve()))
  return exportImage(ctx)
}

/**
 * Exports a drawn page canvas through canvasToTempFilePath (Baidu; WeChat's older canvas).
 * https://smartprogram.baidu.com/docs/develop/api/show/canvas_swan-canvasToTempFilePath/
 */
export async function canvasToFileViaTaro(canvasId: string): Promise<string> {
  const res = await Taro.canvasToTempFilePath({ canvasId, fileType: 'png' })
  return res.tempFilePath
}

/** A platform call in callback form (`success`, `fail`), as a promise. */
export function promised<T>(
  call: (callbacks: { success: (res: T) => void; fail: (err: unknown) => void }) => void,
): Promise<T> {
  return new Promise((resolve, reject) => call({ success: resolve, fail: reject }))
}

/**
 * A smaller JPEG of a photo, with its size read back through the file system; the original where either fails.
 * `compress` and `sizeOf` are the platform's own calls (WeChat: wx.compressImage, FileSystemManager.getFileInfo;
 * Baidu: swan.compressImage, swan.getFileInfo).
 */
export async function compressedOrOriginal(
  image: ChosenImage,
  compress: (src: string) => Promise<string>,
  sizeOf: (path: string) => Promise<number>,
): Promise<ChosenImage> {
  try {
    const path = await compress(image.path)
    return { path, size: await sizeOf(path) }
  } catch {
    return image
  }
}

/**
 * Saves a file to the album with the platform's saveImageToPhotosAlbum (`save`), its failure read by that platform's
 * refusal table (`refusalOf`): a refused scope is `denied` (the page offers the settings), another refusal, a cancel
 * or a failure as it is.
 */
export async function saveToAlbumWith(
  save: (filePath: string) => Promise<unknown>,
  refusalOf: (err: unknown) => RefusalKind | 'cancel',
  filePath: string,
): Promise<SaveImageResult> {
  try {
    await save(filePath)
    return 'saved'
  } catch (err) {
    const outcome = refusalOf(err)
    return outcome === 'scope' ? 'denied' : outcome
  }
}

/**
 * The modal question through Taro.showModal, which is wx.showModal on WeChat
 * (https://developers.weixin.qq.com/miniprogram/dev/api/ui/interaction/wx.showModal.html: confirmColor a hex colour,
 * #576B95 by default), swan.showModal on Baidu (https://smartprogram.baidu.com/docs/develop/api/show/toast_swan-showModal/:
 * confirmColor HexColor, #3c76ff by default) and Taro's own modal on H5 (the same options). A modal that cannot be
 * shown answers no: nothing takes effect without the candidate's yes.
 */
export async function confirmViaTaro(o: ConfirmOptions): Promise<boolean> {
  try {
    const res = await Taro.showModal({
      title: o.title,
      content: o.content,
      confirmText: o.confirmText,
      cancelText: o.cancelText ?? '取消',
      ...(o.confirmColor ? { confirmColor: o.confirmColor } : {}),
    })
    return !!res.confirm
  } catch {
    return false
  }
}
