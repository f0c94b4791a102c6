import type Taro from '@tarojs/taro'
import { getImageInfoViaTaro, readFileHeadViaTaro, isCancel, renderOnPageCanvas } from './shared'
import { notAsked, subscribeFailureOfAlipay, subscribeResultOfAlipay } from './subscribe'
import type { MySaveFail, MyTradePaySuccess, MyVerifySuccess } from './typings'
import { alipayLocationOptions } from './places'
import {
  PlatformRefusal,
  type ChosenImage,
  type FaceResult,
  type ImageSource,
  type PayResult,
  type Platform,
  type RefusalKind,
  type SaveImageResult,
  type UploadOptions,
  type UploadResult,
} from './types'

/**
 * 身份验证's result as Alipay's official typings give it (@mini-types/my: my.startAPVerify's success), every field
 * possibly missing: my.call('startBizService') and a fail callback answer the same shape, or part of it.
 */
export type AlipayVerifyResult = Partial<Omit<MyVerifySuccess, 'result'>> & {
  result?: Partial<MyVerifySuccess['result']> | null
}

/**
 * 身份验证's resultStatus (the official typings: `string`): 9000 finished (the server then asks
 * alipay.user.certify.open.query), 6001 cancelled, 6002 network, 4000 business error (result.errorCode). Keyed by
 * every documented status: a status added to the union without a line here fails the typecheck.
 * https://help.aliyun.com/document_detail/144545.htm (resultStatus)
 */
type AlipayVerifyStatus = '9000' | '6001' | '6002' | '4000'
const ALIPAY_VERIFY_STATUSES: Record<AlipayVerifyStatus, FaceResult> = {
  '9000': 'pass',
  '6001': 'cancel',
  '6002': 'fail',
  '4000': 'fail',
}

/**
 * Alipay's 身份验证 in a mini-program: the server initialises a certification (alipay.user.certify.open.initialize →
 * certifyId) and builds its url (alipay.user.certify.open.certify); the app opens it with my.startAPVerify where the
 * client has it, else with the documented my.call('startBizService', { name: 'open-certify', param }); the server
 * then asks alipay.user.certify.open.query, since "前端数据是可以修改的" (9000 only means the screen finished).
 * https://opendocs.alipay.com/mini/introduce/alipay-verfify (支付宝身份验证 in mini-programs: the flow)
 * https://opendocs.alipay.com/apis/api_2/alipay.user.certify.open.initialize
 * https://help.aliyun.com/document_detail/144545.htm (startBizService 'open-certify', resultStatus values)
 */
export function faceResultOfAlipay(r: AlipayVerifyResult | undefined): FaceResult {
  const status = r?.resultStatus
  const known = status !== undefined && Object.prototype.hasOwnProperty.call(ALIPAY_VERIFY_STATUSES, status)
  const decided = known ? ALIPAY_VERIFY_STATUSES[status as AlipayVerifyStatus] : 'fail'
  if (decided !== 'fail') return decided
  return r?.result?.errorCode === 'DEVICE_NOT_SUPPORT' ? 'unsupported' : 'fail'
}

/**
 * my.tradePay's resultCode: 9000 paid, 8000 正在处理中 and 6004 支付结果未知 (the platform does not know yet: pending,
 * the server is asked), 6001 the candidate left the cashier (also what an order created for another account ends in),
 * 6002 network, 4000 failed. https://opendocs.alipay.com/mini/api/openapi-pay
 */
export type AlipayPayCode = '9000' | '8000' | '6004' | '6001' | '6002' | '4000'
/**
 * The cashier's answers, one table keyed by every documented resultCode (the official typings give `resultCode` as
 * `string`): a code added to AlipayPayCode without a line here fails the typecheck. A code not documented fails.
 */
export const ALIPAY_PAY_RESULTS: Record<AlipayPayCode, PayResult> = {
  '9000': 'success',
  '8000': 'pending',
  '6004': 'pending',
  '6001': 'cancel',
  '6002': 'fail',
  '4000': 'fail',
}

export function payResultOfAlipay(r: Pick<MyTradePaySuccess, 'resultCode'> | undefined): PayResult {
  const code = r?.resultCode
  if (code === undefined || !Object.prototype.hasOwnProperty.call(ALIPAY_PAY_RESULTS, code)) return 'fail'
  return ALIPAY_PAY_RESULTS[code as AlipayPayCode]
}

/** A failed call as Alipay reports it: the official typings' fail argument (`error` code, `errorMessage`). */
export type AlipaySaveError = MySaveFail

/** How an Alipay call ended that did not succeed: a refusal (RefusalKind) or the candidate's cancel. */
export type AlipayOutcome = RefusalKind | 'cancel'

/**
 * Alipay's refusals, one table, by `error`:
 * - 11 用户取消操作 (a picker closed): a cancel. https://opendocs.alipay.com/mini/api/error-code
 * - 15 没有开启相册权限 (iOS): the phone's own album permission for Alipay is off, which only the phone's settings
 *   change; my.showAuthGuide({ authType: 'PHOTO' }) shows the way there.
 *   https://opendocs.alipay.com/mini/api/media/image/my.saveimagetophotosalbum (错误码),
 *   https://opendocs.alipay.com/mini/api/show-auth-guide
 * - 2001 用户拒绝授权 ("在申请授权时用户拒绝授权", my.chooseImage's and my.saveImage's tables; the official typings
 *   give it for my.chooseImage): the candidate refused this mini-program the scope (album, camera), which
 *   my.openSetting allows again. https://opendocs.alipay.com/mini/api/qflu8f
 * Nothing else is a refusal: 2 filePath 为空, 16 相册存储空间不足, 17 other errors fail.
 */
export const ALIPAY_REFUSALS: Record<number, AlipayOutcome> = { 11: 'cancel', 15: 'system', 2001: 'scope' }

export function refusalOfAlipay(err: unknown): AlipayOutcome {
  const code = (err as AlipaySaveError | undefined)?.error
  return (typeof code === 'number' && ALIPAY_REFUSALS[code]) || 'failed'
}

/** The album's answer on Alipay (my.saveImageToPhotosAlbum / my.saveImage), by ALIPAY_REFUSALS. */
export function saveResultOfAlipay(err: AlipaySaveError | undefined): SaveImageResult {
  const outcome = refusalOfAlipay(err)
  // Nothing in either table is a cancel: no sheet is shown (showActionSheet: false), nothing to cancel.
  return outcome === 'scope' ? 'denied' : outcome === 'cancel' ? 'failed' : outcome
}

/**
 * Saves a local file (the canvas export's apFilePath) to the album: my.saveImageToPhotosAlbum({ filePath }), whose
 * success carries nothing to read. Clients below 基础库 1.15.0 lack it; Alipay's compatibility page checks a newer
 * API by its presence (`if (my.getLocation)`), and only those clients fall back to my.saveImage, which the docs mark
 * 已停止维护 ("历史接入此 API 的开发者不受影响").
 * https://opendocs.alipay.com/mini/api/media/image/my.saveimagetophotosalbum
 * https://opendocs.alipay.com/mini/framework/compatibility (新增 API 兼容性处理)
 */
function saveToAlbum(filePath: string): Promise<SaveImageResult> {
  return new Promise((resolve) => {
    const done = {
      success: () => resolve('saved'),
      fail: (e: AlipaySaveError | undefined) => resolve(saveResultOfAlipay(e)),
    }
    if (typeof my.saveImageToPhotosAlbum === 'function') my.saveImageToPhotosAlbum({ filePath, ...done })
    else my.saveImage({ url: filePath, showActionSheet: false, ...done })
  })
}

/**
 * A drawing on the page's <canvas id=canvasId> (my.createCanvasContext, painted by renderOnPageCanvas after
 * my.downloadFile fetched its picture); Alipay's canvas context exports itself (CanvasContext.toTempFilePath, which
 * answers `apFilePath`), and my.saveImageToPhotosAlbum puts the file in the album (saveToAlbum).
 * https://opendocs.alipay.com/mini/api/ui-canvas (my.createCanvasContext, the <canvas> component's id)
 * https://opendocs.alipay.com/mini/api/rod3ti (CanvasContext.toTempFilePath)
 */
type AlipayCanvasContext = Taro.CanvasContext & {
  toTempFilePath(opts: {
    fileType?: string
    success: (r: { apFilePath: string }) => void
    fail: (e: unknown) => void
  }): void
}

/**
 * my.chooseImage answers `apFilePaths` only on older clients (tempFiles with sizes on newer ones), and Taro maps just
 * the paths: read whichever is there, and the size from my.getFileInfo when the client gave none.
 * https://opendocs.alipay.com/mini/api/media/image/my.chooseimage, https://opendocs.alipay.com/mini/api/file (my.getFileInfo)
 */
function chooseImage(source: ImageSource): Promise<ChosenImage | null> {
  return new Promise((resolve, reject) => {
    my.chooseImage({
      count: 1,
      sourceType: source === 'any' ? ['album', 'camera'] : [source],
      success: (res) => {
        // The typings give tempFiles as one file, the page as a list: read either.
        const files: unknown = res.tempFiles
        const file = (Array.isArray(files) ? files[0] : files) as typeof res.tempFiles | undefined
        if (file?.path) return resolve({ path: file.path, size: file.size })
        const path = (res.apFilePaths ?? res.tempFilePaths ?? [])[0]
        if (!path) return resolve(null)
        my.getFileInfo({
          apFilePath: path,
          digestAlgorithm: 'md5',
          success: (info) => resolve({ path, size: info.size }),
          fail: reject,
        })
      },
      fail: (e) => {
        const outcome = refusalOfAlipay(e)
        return outcome === 'cancel' ? resolve(null) : reject(new PlatformRefusal(outcome, e.error))
      },
    })
  })
}

/**
 * A smaller JPEG (my.compressImage, compressLevel 0-4; 4 is Alipay's own default, 2 a middle one), its size from
 * my.getFileInfo; the original where either fails.
 * https://opendocs.alipay.com/mini/api/media/image/my.compressimage
 */
function compressImage(image: ChosenImage): Promise<ChosenImage> {
  return new Promise((resolve) => {
    my.compressImage({
      apFilePaths: [image.path],
      compressLevel: 2,
      success: (res) => {
        const path = res.apFilePaths[0]
        if (!path) return resolve(image)
        my.getFileInfo({
          apFilePath: path,
          digestAlgorithm: 'md5',
          success: (info) => resolve({ path, size: info.size }),
          fail: () => resolve(image),
        })
      },
      fail: () => resolve(image),
    })
  })
}

/**
 * my.uploadFile requires `fileType` (image, video or audio) besides url, filePath and the multipart key
 * (https://opendocs.alipay.com/mini/api/kmq4hc); Taro's adapter only copies `name` to `fileName` (older clients read
 * the key from `fileName`), so Taro.uploadFile sends no fileType and Alipay refuses the upload. Every upload of this
 * app is an image (the photo, the 学信网 screenshot).
 */
function uploadImage(options: UploadOptions): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const task = my.uploadFile({
      url: options.url,
      filePath: options.filePath,
      name: options.name,
      fileName: options.name,
      fileType: 'image',
      header: options.headers,
      formData: options.formData,
      // The answer carries the response headers (header), which hold Retry-After and the server's time.
      success: (res) => resolve({ statusCode: Number(res.statusCode), data: String(res.data), header: res.header }),
      fail: reject,
    })
    if (options.onProgress && task && typeof task.onProgressUpdate === 'function') {
      task.onProgressUpdate((p) => options.onProgress?.(p.progress))
    }
  })
}

/** Alipay: getAuthCode, 身份验证 (startAPVerify) with a server-issued certifyId, tradePay. */
export const platform: Platform = {
  name: 'alipay',
  capabilities: {
    faceVerification: true,
    pageCanvas: true,
    subscribeMessages: true,
    filePicker: false,
    setDataView: true,
    subscribeForm: false,
    roleAttribute: 'role',
  },
  getLoginCode: () =>
    new Promise((resolve, reject) => {
      my.getAuthCode({ scopes: 'auth_base', success: (r) => resolve(r.authCode), fail: reject })
    }),
  chooseImage,
  compressImage,
  getImageInfo: getImageInfoViaTaro,
  readFileHead: readFileHeadViaTaro,
  uploadFile: uploadImage,
  faceStartContext: async () => ({ platform: 'alipay' }),
  verifyFace: ({ verifyId, certifyUrl }) =>
    new Promise<FaceResult>((resolve) => {
      const done = (r: AlipayVerifyResult) => resolve(faceResultOfAlipay(r))
      if (!certifyUrl) return resolve('fail')
      if (typeof my.startAPVerify === 'function') {
        my.startAPVerify({
          url: certifyUrl,
          certifyId: verifyId,
          success: done,
          fail: (e) => resolve(isCancel(e) ? 'cancel' : faceResultOfAlipay(e as AlipayVerifyResult)),
        })
      } else if (typeof my.call === 'function') {
        my.call(
          'startBizService',
          { name: 'open-certify', param: JSON.stringify({ certifyId: verifyId, url: certifyUrl }) },
          done,
        )
      } else {
        resolve('unsupported')
      }
    }),
  // The trade was created for the buyer_id of the account whose my.getAuthCode came with the tap (the server's);
  // the cashier's resultCode is read by payResultOfAlipay, and the server's order decides.
  requestPayment: (_orderId, payParams) =>
    new Promise((resolve) => {
      my.tradePay({
        tradeNO: payParams.tradeNO,
        success: (r) => resolve(payResultOfAlipay(r)),
        fail: () => resolve('fail'),
      })
    }),
  // https://opendocs.alipay.com/mini/api/requestSubscribeMessage
  // Asked inside the tap, as on WeChat; answers and refusals read by platform/subscribe.ts.
  requestSubscribe: (templateIds) =>
    new Promise((resolve) => {
      if (!my.requestSubscribeMessage) return resolve(notAsked('unavailable'))
      my.requestSubscribeMessage({
        entityIds: templateIds,
        success: (r) => resolve(subscribeResultOfAlipay(templateIds, r)),
        fail: (e) => resolve(subscribeFailureOfAlipay(e)),
      })
    }),
  renderDrawing: (drawing, canvasId, paint) =>
    renderOnPageCanvas(
      drawing,
      canvasId,
      paint,
      (ctx) =>
        new Promise((resolve, reject) =>
          (ctx as AlipayCanvasContext).toTempFilePath({
            fileType: 'png',
            success: (r) => resolve(r.apFilePath),
            fail: reject,
          }),
        ),
    ),
  saveImage: (path) => saveToAlbum(path),
  // https://opendocs.alipay.com/mini/api/qflu8f (my.openSetting: the mini-program's scopes, album and camera among them)
  openSettings: () =>
    new Promise((resolve) => my.openSetting({ success: () => resolve(true), fail: () => resolve(false) })),
  // 15 (iOS): the phone's album permission for Alipay; my.showAuthGuide shows the way to it (shown: false when
  // Alipay decides not to show it, e.g. the permission is on after all).
  // https://opendocs.alipay.com/mini/api/show-auth-guide
  showPermissionGuide: () =>
    new Promise((resolve) =>
      my.showAuthGuide({ authType: 'PHOTO', success: (r) => resolve(r.shown), fail: () => resolve(false) }),
    ),
  requestPrivacy: async () => true,
  // Alipay's own map (高德 style, GCJ-02), every field a string. https://opendocs.alipay.com/mini/api/as9kin
  // my.confirm (https://opendocs.alipay.com/mini/api/lt3uqc; Taro's showModal becomes it too): confirmButtonText,
  // cancelButtonText and, per Alipay's official typings (@mini-types/my), confirmColor as a hex colour. It answers
  // {confirm} only; a failure (no modal shown) is a no.
  confirm: (o) =>
    new Promise((resolve) =>
      my.confirm({
        title: o.title,
        content: o.content,
        confirmButtonText: o.confirmText,
        cancelButtonText: o.cancelText ?? '取消',
        ...(o.confirmColor ? { confirmColor: o.confirmColor } : {}),
        success: (r) => resolve(!!r.confirm),
        fail: () => resolve(false),
      }),
    ),
  openLocation: (place) =>
    new Promise((resolve) => {
      my.openLocation({
        ...alipayLocationOptions(place),
        success: () => resolve('opened'),
        fail: () => resolve('failed'),
      })
    }),
  // Alipay documents no API that writes to the phone's calendar (none in @mini-types/my): the message list instead.
  canAddToCalendar: () => false,
  addToCalendar: async () => 'unsupported',
}
