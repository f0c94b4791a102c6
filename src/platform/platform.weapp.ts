import Taro from '@tarojs/taro'
import {
  downloadViaTaro,
  getImageInfoViaTaro,
  isCancel,
  openSettingsViaTaro,
  readFileHeadViaTaro,
  saveToAlbumViaTaro,
  uploadViaTaro,
} from './shared'
import { paint, type Canvas2D, type Drawing } from './drawing'
import { subscribeFailureOfWx, subscribeResultOfWx } from './subscribe'
import type { WxSubscribeOption } from './typings'
import type { FaceResult, Platform, SubscribeResult } from './types'

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

interface WxOffscreenCanvas {
  getContext(type: '2d'): Canvas2D
  createImage(): { onload: () => void; onerror: () => void; src: string }
}

declare const wx: {
  /** Canvas 2D off screen (基础库 2.16.1+): https://developers.weixin.qq.com/miniprogram/dev/api/canvas/wx.createOffscreenCanvas.html */
  createOffscreenCanvas(opts: { type: '2d'; width: number; height: number }): WxOffscreenCanvas
  /** https://developers.weixin.qq.com/miniprogram/dev/api/canvas/wx.canvasToTempFilePath.html (canvas 2D: `canvas`) */
  canvasToTempFilePath(opts: {
    canvas: WxOffscreenCanvas
    fileType?: 'png' | 'jpg'
    success: (res: { tempFilePath: string }) => void
    fail: (err: unknown) => void
  }): void
  /** 基础库 3.8.12+; older WeChat versions lack it. */
  requestFacialVerify?(opts: {
    verifyId: string
    success: (res: { errCode?: number; errMsg?: string }) => void
    fail: (err: { errCode?: number; errMsg?: string }) => void
  }): void
  requestSubscribeMessage(opts: WxSubscribeOption): void
}

/**
 * A drawing (保存报名表, the 准考证, the 成绩合格证明) painted on an offscreen canvas 2D and exported as a temp file.
 * Its picture is downloaded first (wx.downloadFile) and loaded from the local file with the canvas's createImage.
 * The album (saveToAlbumViaTaro) then needs scope.writePhotosAlbum; once refused, WeChat fails at once
 * ("auth deny") until the candidate allows it in the settings (wx.openSetting).
 * https://developers.weixin.qq.com/miniprogram/dev/api/canvas/wx.createOffscreenCanvas.html
 * https://developers.weixin.qq.com/miniprogram/dev/api/canvas/OffscreenCanvas.createImage.html
 */
async function renderOffscreen(drawing: Drawing): Promise<string> {
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

/** WeChat: chooseMedia for photos, 人脸核身 (requestFacialVerify), WeChat Pay, subscribe messages. */
export const platform: Platform = {
  name: 'weapp',
  capabilities: { faceVerification: true, pageCanvas: false, subscribeMessages: true },
  getLoginCode: async () => (await Taro.login()).code,
  chooseImage: async (source) => {
    try {
      const res = await Taro.chooseMedia({
        count: 1,
        mediaType: ['image'],
        sizeType: ['original'],
        sourceType: source === 'any' ? ['album', 'camera'] : [source],
      })
      const file = res.tempFiles[0]
      return file ? { path: file.tempFilePath, size: file.size } : null
    } catch (err) {
      if (isCancel(err)) return null
      throw err
    }
  },
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
  renderDrawing: (drawing) => renderOffscreen(drawing),
  saveImage: (path) => saveToAlbumViaTaro(path),
  openSettings: openSettingsViaTaro,
}
