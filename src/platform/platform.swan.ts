import {
  canvasToFileViaTaro,
  compressedOrOriginal,
  confirmViaTaro,
  renderOnPageCanvas,
  getImageInfoViaTaro,
  promised,
  readFileHeadViaTaro,
  isCancel,
  saveToAlbumWith,
  uploadViaTaro,
} from './shared'
import { notAsked, subscribeResultOfSwanForm, type SwanSubscribeFormDetail } from './subscribe'
import { numericLocationOptions } from './places'
import {
  PlatformRefusal,
  UnsupportedOnPlatform,
  type ChosenImage,
  type ImageSource,
  type Platform,
  type RefusalKind,
  type SubscribeFormChannel,
  type SubscribeResult,
} from './types'

/** A failed swan call: Baidu's fail callback gives `errCode` and `errMsg`. */
interface SwanError {
  errCode?: number
  errMsg?: string
}
type Done<T> = { success: (r: T) => void; fail: (e: SwanError) => void }

/**
 * Baidu publishes no typings: the swan APIs this layer calls, as swan-docs (smartprogram.baidu.com) documents them.
 */
declare const swan: {
  getLoginCode(opts: { success: (r: { code: string }) => void; fail: (e: unknown) => void }): void
  requestPolymerPayment(opts: {
    orderInfo: Record<string, string>
    success: () => void
    fail: (e: unknown) => void
  }): void
  /** https://smartprogram.baidu.com/docs/develop/api/media/image_swan-chooseImage/ */
  chooseImage(
    opts: { count: number; sizeType?: string[]; sourceType: string[] } & Done<{
      tempFilePaths: string[]
      tempFiles?: { path: string; size: number }[]
    }>,
  ): void
  /** https://smartprogram.baidu.com/docs/develop/api/media/image_swan-compressImage/ */
  compressImage(opts: { src: string; quality?: number } & Done<{ tempFilePath: string }>): void
  /** https://smartprogram.baidu.com/docs/develop/api/file/swan-getFileInfo/ */
  getFileInfo(opts: { filePath: string } & Done<{ size: number }>): void
  /** https://smartprogram.baidu.com/docs/develop/api/media/image_swan-saveImageToPhotosAlbum/ */
  saveImageToPhotosAlbum(opts: { filePath: string } & Done<unknown>): void
  /** https://smartprogram.baidu.com/docs/develop/api/open/setting_swan-openSetting/ */
  openSetting(opts: Done<{ authSetting: Record<string, boolean> }>): void
  /**
   * 使用宿主 App 内置地图查看位置: latitude, longitude (Number) required; scale 5–18, name, address optional.
   * https://smartprogram.baidu.com/docs/develop/api/location/swan-openLocation/
   */
  openLocation(
    opts: { latitude: number; longitude: number; scale?: number; name?: string; address?: string } & Done<unknown>,
  ): void
}

/** How a Baidu call ended that did not succeed: a refusal (RefusalKind) or the candidate's cancel. */
export type SwanOutcome = RefusalKind | 'cancel'

/**
 * Baidu's refusals, one table, by `errCode`: 10003 用户拒绝授权 ("user deny": the candidate refused this
 * mini-program the scope, and Baidu never asks again — only swan.openSetting can allow it), 10005 系统拒绝授权
 * ("system deny": the Baidu app itself lacks the phone's permission). A cancelled picker answers its reason
 * "<api>:fail cancel" with no code of its own; that reason is looked up whole.
 * https://smartprogram.baidu.com/docs/develop/api/open/authorize_swan-authorize/ (授权, 错误码)
 * https://smartprogram.baidu.com/docs/develop/api/open/setting_swan-openSetting/
 */
export const SWAN_REFUSALS: { errCode: Record<number, SwanOutcome>; reason: Record<string, SwanOutcome> } = {
  errCode: { 10003: 'scope', 10005: 'system' },
  reason: { cancel: 'cancel' },
}

export function refusalOfSwan(err: unknown): SwanOutcome {
  const e = (err ?? {}) as SwanError
  if (typeof e.errCode === 'number' && SWAN_REFUSALS.errCode[e.errCode]) return SWAN_REFUSALS.errCode[e.errCode]
  const msg = typeof e.errMsg === 'string' ? e.errMsg : ''
  const at = msg.indexOf(':fail ')
  return SWAN_REFUSALS.reason[at < 0 ? '' : msg.slice(at + ':fail '.length).trim()] ?? 'failed'
}

/** One photo: swan.chooseImage answers tempFiles with sizes; the album or camera refused is 10003/10005. */
function chooseImage(source: ImageSource): Promise<ChosenImage | null> {
  return new Promise((resolve, reject) => {
    swan.chooseImage({
      count: 1,
      sizeType: ['original'],
      sourceType: source === 'any' ? ['album', 'camera'] : [source],
      success: (res) => {
        const file = res.tempFiles?.[0]
        const path = file?.path ?? res.tempFilePaths[0]
        if (!path) return resolve(null)
        if (file) return resolve({ path, size: file.size })
        swan.getFileInfo({ filePath: path, success: (i) => resolve({ path, size: i.size }), fail: reject })
      },
      fail: (err) => {
        const outcome = refusalOfSwan(err)
        return outcome === 'cancel' ? resolve(null) : reject(new PlatformRefusal(outcome, err?.errCode))
      },
    })
  })
}

/** A smaller JPEG (swan.compressImage, quality 0-100), its size from swan.getFileInfo; the original where it fails. */
function compressImage(image: ChosenImage): Promise<ChosenImage> {
  return compressedOrOriginal(
    image,
    async (src) =>
      (await promised<{ tempFilePath: string }>((cb) => swan.compressImage({ src, quality: 80, ...cb }))).tempFilePath,
    async (filePath) => (await promised<{ size: number }>((cb) => swan.getFileInfo({ filePath, ...cb }))).size,
  )
}

/** The album: scope.writePhotosAlbum refused is 10003 (never asked again: swan.openSetting), the phone's 10005. */
const saveToAlbum = (path: string) =>
  saveToAlbumWith((filePath) => promised((cb) => swan.saveImageToPhotosAlbum({ filePath, ...cb })), refusalOfSwan, path)

/**
 * Baidu: getLoginCode, polymer payment. No face login or recovery: Baidu offers a mini-program no live verification
 * its server can confirm. swan.ai.facePersonVerify compares a photo the app hands it with the 公安 ID photo and
 * gives the score to the app (nothing for a server to query, no liveness of its own), and Baidu's 人脸实名认证
 * H5 方案 is for WeChat/H5 pages, with mini-program access only through Baidu's sales.
 * swan.ai.facePersonVerify (公安验证; a copy of Baidu's page): https://w3cschool.cn/baiduapp/baiduapp-7hu139p1.html
 * 人脸实名认证 H5 方案 ("如您的业务场景是微信小程序，请联系专属商务客户经理"): https://cloud.baidu.com/theme/Z/1581205-13
 */
/**
 * Baidu's subscribe forms: `<form report-submit report-type="subscribe" template-id subscribe-id>` around a
 * `form-type="submit"` button (Taro's Form passes these on swan). The button's tap runs the page's handler, which
 * asks (requestSubscribe) and waits; Baidu shows its panel, then the form's submit event brings the answer.
 * https://smartprogram.baidu.com/docs/develop/component/formlist_form/
 */
const subscribeForms = (() => {
  let forms = 0
  let waiting: { ids: string[]; resolve: (r: SubscribeResult) => void } | null = null
  // An answer that came before the page asked (the handler runs after the tap; the submit follows the panel, but
  // a client may order them otherwise): taken by the next ask within a few seconds.
  let early: { detail: SwanSubscribeFormDetail; at: number } | null = null
  const channel: SubscribeFormChannel = {
    props: (templateIds, subscribeId) => ({
      reportSubmit: true,
      reportType: 'subscribe',
      // An array of 1 to 3 template ids from base library 3.170.1 (the floor is 3.180.1: config/engines.ts).
      templateId: templateIds,
      subscribeId,
    }),
    attach: () => {
      forms++
      return () => {
        forms--
      }
    },
    submitted: (detail) => {
      const d = (detail ?? {}) as SwanSubscribeFormDetail
      if (!waiting) {
        early = { detail: d, at: Date.now() }
        return
      }
      const { ids, resolve } = waiting
      waiting = null
      resolve(subscribeResultOfSwanForm(ids, d))
    },
  }
  const ask = (ids: string[]): Promise<SubscribeResult> => {
    // No form on the page: Baidu cannot ask (a page that offers no subscribe form).
    if (forms === 0) return Promise.resolve(notAsked('unavailable'))
    if (early && Date.now() - early.at < 5000) {
      const { detail } = early
      early = null
      return Promise.resolve(subscribeResultOfSwanForm(ids, detail))
    }
    early = null
    waiting?.resolve(notAsked('unavailable'))
    return new Promise((resolve) => {
      waiting = { ids, resolve }
    })
  }
  return { channel, ask }
})()

export const platform: Platform = {
  name: 'swan',
  capabilities: {
    faceVerification: false,
    pageCanvas: true,
    subscribeMessages: true,
    filePicker: false,
    setDataView: true,
    subscribeForm: true,
    roleAttribute: null,
  },
  getLoginCode: () =>
    new Promise((resolve, reject) => {
      swan.getLoginCode({ success: (r) => resolve(r.code), fail: reject })
    }),
  chooseImage,
  compressImage,
  getImageInfo: getImageInfoViaTaro,
  readFileHead: readFileHeadViaTaro,
  uploadFile: uploadViaTaro,
  faceStartContext: () => Promise.reject(new UnsupportedOnPlatform('faceVerification', 'Baidu')),
  verifyFace: async () => 'unsupported',
  // https://smartprogram.baidu.com/docs/develop/api/open/payment_swan-requestPolymerPayment/
  // orderInfo.payResultUrl: the page the cashier returns to where it calls neither success nor fail (Baidu's web
  // form: "开发者需要在结果页（orderInfo.payResultUrl 所指定的页面）做好支付状态检测"). It is the pay page of this
  // application, which reads the order's state from the server whenever it shows; in the app the callbacks still
  // answer, and the server's record decides either way (stores/process.ts).
  requestPayment: (_orderId, payParams, resultPage) =>
    new Promise((resolve) => {
      swan.requestPolymerPayment({
        orderInfo: resultPage ? { ...payParams, payResultUrl: resultPage } : payParams,
        success: () => resolve('success'),
        fail: (e) => resolve(isCancel(e) ? 'cancel' : 'fail'),
      })
    }),
  // Baidu has no call that asks the candidate to subscribe (swan.subscribeService only queries or cancels one:
  // https://smartprogram.baidu.com/docs/develop/api/open/swan-subscribeService/): the tap on the form's submit button
  // asks, and this waits for the form's answer (subscribeForm below).
  requestSubscribe: (templateIds) => subscribeForms.ask(templateIds),
  subscribeForm: subscribeForms.channel,
  // A drawing on the page's <canvas canvas-id=canvasId> (swan.createCanvasContext; its picture fetched first with
  // swan.downloadFile), exported with swan.canvasToTempFilePath once drawn, saved with swan.saveImageToPhotosAlbum:
  // the album permission (scope.writePhotosAlbum) refused answers "auth deny", and the page offers swan.openSetting.
  // https://smartprogram.baidu.com/docs/develop/api/show/canvas_swan-createCanvasContext/
  // https://smartprogram.baidu.com/docs/develop/api/show/canvas_swan-canvasToTempFilePath/
  // https://smartprogram.baidu.com/docs/develop/api/media/image_swan-saveImageToPhotosAlbum/
  renderDrawing: (drawing, canvasId, paint) =>
    renderOnPageCanvas(drawing, canvasId, paint, () => canvasToFileViaTaro(canvasId)),
  saveImage: (path) => saveToAlbum(path),
  // Only from a tap; the one way back after a 10003, since Baidu never asks again.
  openSettings: () =>
    new Promise((resolve) => swan.openSetting({ success: () => resolve(true), fail: () => resolve(false) })),
  // Baidu has no guide to the phone's own permission: the page says where to allow it.
  showPermissionGuide: async () => false,
  requestPrivacy: async () => true,
  confirm: confirmViaTaro,
  openLocation: (place) =>
    new Promise((resolve) => {
      swan.openLocation({
        ...numericLocationOptions(place),
        success: () => resolve('opened'),
        fail: () => resolve('failed'),
      })
    }),
  // Baidu documents no calendar API for mini-programs: reminders reach the candidate in the message list.
  canAddToCalendar: () => false,
  addToCalendar: async () => 'unsupported',
}
