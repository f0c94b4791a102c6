import Taro from '@tarojs/taro'
import {
  compressedOrOriginal,
  confirmViaTaro,
  downloadViaTaro,
  getImageInfoViaTaro,
  isCancel,
  promised,
  readFileHeadViaTaro,
  saveToAlbumWith,
  uploadViaTaro,
} from './shared'
import type { Drawing, Paint } from './drawing'
import {
  PlatformRefusal,
  type ChosenFile,
  type ChosenImage,
  type FaceResult,
  type Platform,
  type RefusalKind,
  type SubscribeResult,
} from './types'
import { subscribeFailureOfWx, subscribeResultOfWx } from './subscribe'
import { numericLocationOptions, wxCalendarOptions } from './places'
import type { CalendarEvent, CalendarResult, MapPlace, OpenLocationResult } from './types'

/**
 * WeChat's 人脸核身 (the current flow): the server gets a verifyId for the candidate's openid, name and ID number
 * (getVerifyId), the app shows WeChat's face screen with wx.requestFacialVerify({ verifyId }), and the server asks
 * WeChat for the real result (queryVerifyInfo). Success here only means the screen finished (errCode 0).
 * https://developers.weixin.qq.com/miniprogram/dev/api/open-api/face/wx.requestFacialVerify.html
 * https://developers.weixin.qq.com/miniprogram/dev/server/API/face/api_queryverifyinfo (the 900xx codes)
 */
export function faceResultOfWx(res: { errCode?: number; errMsg?: string } | undefined, ok: boolean): FaceResult {
  const code = res?.errCode
  if (ok && (code === undefined || code === 0)) return 'pass'
  if (code === 90001 || code === 90109) return 'unsupported'
  if ((code !== undefined && code >= 90002 && code <= 90006) || isCancel(res)) return 'cancel'
  return 'fail'
}

/**
 * wx as WeChat's official typings (miniprogram-api-typings, src/platform/typings/wechat.d.ts) declare it, scoped to
 * this file: an answer the typings give that the code ignores, or an option they lack, fails the typecheck.
 */
declare const wx: WechatMiniprogram.Wx

/** How a WeChat call ended that did not succeed: a refusal (RefusalKind) or the candidate's cancel. */
export type WxOutcome = RefusalKind | 'cancel'

/**
 * WeChat's refusals, one table. By `errno` first (基础库 2.24.0+: "Error 对象中同时有 errno 错误码和 errCode 错误码时，
 * 一般以 errno 错误码为准"): 104 the candidate refused the privacy popup (用户隐私保护指引), 112 the API is not
 * declared in the privacy guide — neither is undone by wx.openSetting, only by the popup agreed.
 * https://developers.weixin.qq.com/miniprogram/dev/framework/usability/PublicErrno.html
 * https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/PrivacyAuthorize.html
 * Clients without errno answer only `errMsg`, "<api>:fail <reason>": the reason is then the code, looked up whole
 * (never searched for words): "auth deny"/"auth denied" (a scope refused: wx.authorize, the album's
 * scope.writePhotosAlbum, the camera's scope.camera), "privacy permission is not authorized", "cancel".
 * https://developers.weixin.qq.com/miniprogram/dev/api/open-api/authorize/wx.authorize.html
 * https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/authorize.html (scope 列表)
 */
export const WX_REFUSALS: { errno: Record<number, WxOutcome>; reason: Record<string, WxOutcome> } = {
  errno: { 104: 'privacy', 112: 'privacy' },
  reason: {
    'auth deny': 'scope',
    'auth denied': 'scope',
    'privacy permission is not authorized': 'privacy',
    'api scope is not declared in the privacy agreement': 'privacy',
    cancel: 'cancel',
  },
}

/** A WeChat failure (the fail callback's object) as the app's outcome, by WX_REFUSALS. */
export function refusalOfWx(err: unknown): WxOutcome {
  const e = (err ?? {}) as { errno?: unknown; errMsg?: unknown }
  if (typeof e.errno === 'number' && WX_REFUSALS.errno[e.errno]) return WX_REFUSALS.errno[e.errno]
  const msg = typeof e.errMsg === 'string' ? e.errMsg : ''
  const at = msg.indexOf(':fail ')
  const reason = at < 0 ? '' : msg.slice(at + ':fail '.length).trim()
  return WX_REFUSALS.reason[reason] ?? 'failed'
}

/** A picker's failure: null for a cancel, else the refusal it is (the caller rejects with it). */
function pickerFailure(err: unknown): null | PlatformRefusal {
  const outcome = refusalOfWx(err)
  const code = (err as { errno?: number })?.errno
  return outcome === 'cancel' ? null : new PlatformRefusal(outcome, code)
}

/**
 * One photo from the album or the camera: wx.chooseMedia (基础库 2.10.0+) answers each file with its size. The
 * original is asked for (the 考试照片 rules judge its pixels); one over the upload limit is compressed before it is
 * sent (compressImage below). The album needs the privacy popup agreed; the camera also scope.camera.
 * https://developers.weixin.qq.com/miniprogram/dev/api/media/video/wx.chooseMedia.html
 */
function chooseImage(source: 'album' | 'camera' | 'any'): Promise<ChosenImage | null> {
  return new Promise((resolve, reject) => {
    wx.chooseMedia({
      count: 1,
      mediaType: ['image'],
      sizeType: ['original'],
      sourceType: source === 'any' ? ['album', 'camera'] : [source],
      success: (res) => {
        const file = res.tempFiles[0]
        resolve(file ? { path: file.tempFilePath, size: file.size } : null)
      },
      fail: (err) => {
        const refusal = pickerFailure(err)
        return refusal ? reject(refusal) : resolve(null)
      },
    })
  })
}

/**
 * A file from a chat (文件传输助手 or any conversation): wx.chooseMessageFile with type 'file' and the extensions
 * allowed; each file answers its name and size. Alipay and Baidu have no such picker.
 * https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.chooseMessageFile.html
 */
function chooseFile(extensions: string[]): Promise<ChosenFile | null> {
  return new Promise((resolve, reject) => {
    wx.chooseMessageFile({
      count: 1,
      type: 'file',
      extension: extensions,
      success: (res) => {
        const file = res.tempFiles[0]
        resolve(file ? { path: file.path, size: file.size, name: file.name } : null)
      },
      fail: (err) => {
        const refusal = pickerFailure(err)
        return refusal ? reject(refusal) : resolve(null)
      },
    })
  })
}

/**
 * A smaller JPEG of a photo (wx.compressImage, quality 0-100, JPG only), with its size read back through the file
 * system (FileSystemManager.getFileInfo); the original where either fails.
 * https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.compressImage.html
 * https://developers.weixin.qq.com/miniprogram/dev/api/file/FileSystemManager.getFileInfo.html
 */
function compressImage(image: ChosenImage): Promise<ChosenImage> {
  return compressedOrOriginal(
    image,
    async (src) =>
      (await promised<{ tempFilePath: string }>((cb) => wx.compressImage({ src, quality: 80, ...cb }))).tempFilePath,
    async (filePath) =>
      (await promised<{ size: number }>((cb) => wx.getFileSystemManager().getFileInfo({ filePath, ...cb }))).size,
  )
}

/**
 * The album: wx.saveImageToPhotosAlbum asks for scope.writePhotosAlbum on the first call; once refused it fails at
 * once ("auth deny") until the candidate allows it in wx.openSetting. The privacy popup comes first (104 if refused).
 * https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.saveImageToPhotosAlbum.html
 */
const saveToAlbum = (path: string) =>
  saveToAlbumWith((filePath) => promised((cb) => wx.saveImageToPhotosAlbum({ filePath, ...cb })), refusalOfWx, path)

/**
 * A drawing (保存报名表, the 准考证, the 成绩合格证明) painted on an offscreen canvas 2D and exported as a temp file.
 * Its picture is downloaded first (wx.downloadFile) and loaded from the local file with the canvas's createImage.
 * The album (saveToAlbum) then needs scope.writePhotosAlbum; once refused, WeChat fails at once
 * ("auth deny") until the candidate allows it in the settings (wx.openSetting).
 * https://developers.weixin.qq.com/miniprogram/dev/api/canvas/wx.createOffscreenCanvas.html
 * https://developers.weixin.qq.com/miniprogram/dev/api/canvas/OffscreenCanvas.createImage.html
 */
async function renderOffscreen(drawing: Drawing, paint: Paint): Promise<string> {
  const canvas = wx.createOffscreenCanvas({ type: '2d', width: drawing.width, height: drawing.height })
  const local = drawing.imageUrl ? await downloadViaTaro(drawing.imageUrl) : null
  let image: unknown = null
  if (local) {
    const img = canvas.createImage()
    image = await new Promise((resolve) => {
      img.onload = () => resolve(img)
      img.onerror = () => resolve(null)
      img.src = local
    })
  }
  paint(canvas.getContext('2d'), drawing, image)
  return new Promise<string>((resolve, reject) =>
    wx.canvasToTempFilePath({ canvas, fileType: 'png', success: (r) => resolve(r.tempFilePath), fail: reject }),
  )
}

/**
 * The test centre on WeChat's own map (使用微信内置地图查看位置; its 路线 button hands over to the map apps). Not a
 * privacy API (it shows a place and reads nothing of the candidate's); a failure is read by WX_REFUSALS anyway.
 * https://developers.weixin.qq.com/miniprogram/dev/api/location/wx.openLocation.html
 */
function openLocation(place: MapPlace): Promise<OpenLocationResult> {
  return new Promise((resolve) => {
    wx.openLocation({
      ...numericLocationOptions(place),
      success: () => resolve('opened'),
      fail: (err) => resolve(refusalOfWx(err) === 'privacy' ? 'privacy' : 'failed'),
    })
  })
}

/**
 * The phone's calendar: wx.addPhoneCalendar (基础库 2.15.0+: asked with wx.canIUse first, "低版本需做兼容处理"), only
 * from a tap (限制：仅在点击行为时调用), behind scope.addPhoneCalendar (asked once; refused: "auth deny" until
 * wx.openSetting) and the privacy popup (日历, errno 104 refused).
 * https://developers.weixin.qq.com/miniprogram/dev/api/device/calendar/wx.addPhoneCalendar.html
 * https://developers.weixin.qq.com/miniprogram/dev/api/base/wx.canIUse.html
 */
export function calendarResultOfWx(err: unknown): CalendarResult {
  const outcome = refusalOfWx(err)
  return outcome === 'scope' ? 'denied' : outcome === 'system' ? 'failed' : outcome
}

function canAddToCalendar(): boolean {
  return typeof wx.canIUse === 'function' && wx.canIUse('addPhoneCalendar') && typeof wx.addPhoneCalendar === 'function'
}

function addToCalendar(event: CalendarEvent): Promise<CalendarResult> {
  return new Promise((resolve) => {
    if (!canAddToCalendar()) return resolve('unsupported')
    wx.addPhoneCalendar({
      ...wxCalendarOptions(event),
      success: () => resolve('added'),
      fail: (err) => resolve(calendarResultOfWx(err)),
    })
  })
}

/** WeChat: chooseMedia for photos, 人脸核身 (requestFacialVerify), WeChat Pay, subscribe messages. */
export const platform: Platform = {
  name: 'weapp',
  capabilities: {
    faceVerification: true,
    pageCanvas: false,
    subscribeMessages: true,
    filePicker: true,
    setDataView: true,
    subscribeForm: false,
    roleAttribute: 'aria-role',
  },
  getLoginCode: async () => (await Taro.login()).code,
  chooseImage,
  chooseFile,
  compressImage,
  getImageInfo: getImageInfoViaTaro,
  readFileHead: readFileHeadViaTaro,
  uploadFile: uploadViaTaro,
  // getVerifyId needs the candidate's openid: the server exchanges this code for it (code2Session).
  // https://developers.weixin.qq.com/miniprogram/dev/api/open-api/login/wx.login.html
  faceStartContext: async () => ({ platform: 'weapp', loginCode: (await Taro.login()).code }),
  verifyFace: ({ verifyId }) =>
    new Promise<FaceResult>((resolve) => {
      if (typeof wx.requestFacialVerify !== 'function') return resolve('unsupported')
      wx.requestFacialVerify({
        verifyId,
        success: (res) => resolve(faceResultOfWx(res, true)),
        fail: (err) => resolve(faceResultOfWx(err, false)),
      })
    }),
  // https://developers.weixin.qq.com/miniprogram/dev/api/payment/wx.requestPayment.html (the server's prepay params;
  // success only means the cashier closed: the server's order decides)
  requestPayment: async (_orderId, payParams) => {
    try {
      await Taro.requestPayment({
        timeStamp: payParams.timeStamp,
        nonceStr: payParams.nonceStr,
        package: payParams.package,
        signType: (payParams.signType ?? 'RSA') as 'RSA',
        paySign: payParams.paySign,
      })
      return 'success'
    } catch (err) {
      return isCancel(err) ? 'cancel' : 'fail'
    }
  },
  // Called inside the tap itself: WeChat shows the dialog only for a tap (限制：仅在点击行为时调用). Every answer
  // is read per template (acceptWith… counts as accepted); a refusal of the request by its errCode.
  // https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html
  requestSubscribe: (templateIds) =>
    new Promise<SubscribeResult>((resolve) => {
      wx.requestSubscribeMessage({
        tmplIds: templateIds,
        success: (res) => resolve(subscribeResultOfWx(templateIds, res)),
        fail: (err) => resolve(subscribeFailureOfWx(err)),
      })
    }),
  renderDrawing: (drawing, _canvasId, paint) => renderOffscreen(drawing, paint),
  saveImage: (path) => saveToAlbum(path),
  // Only from a tap (基础库 2.3.0+: "openSetting:fail can only be invoked by user TAP gesture").
  // https://developers.weixin.qq.com/miniprogram/dev/api/open-api/setting/wx.openSetting.html
  openSettings: () =>
    new Promise((resolve) => wx.openSetting({ success: () => resolve(true), fail: () => resolve(false) })),
  showPermissionGuide: async () => false,
  // The privacy popup again (基础库 2.32.3+): success once agreed, fail (104) when refused again. Clients without it
  // have no popup to refuse.
  // https://developers.weixin.qq.com/miniprogram/dev/api/open-api/privacy/wx.requirePrivacyAuthorize.html
  requestPrivacy: () =>
    new Promise((resolve) => {
      if (typeof wx.requirePrivacyAuthorize !== 'function') return resolve(true)
      wx.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) })
    }),
  confirm: confirmViaTaro,
  openLocation,
  canAddToCalendar,
  addToCalendar,
}
