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
import { paint, type Drawing } from './drawing'
import type { FaceResult, Platform } from './types'

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
  // https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html
  requestSubscribe: (templateIds) =>
    new Promise((resolve) => {
      wx.requestSubscribeMessage({
        tmplIds: templateIds,
        success: (res) => resolve(templateIds.some((id) => res[id] === 'accept') ? 'accept' : 'reject'),
        fail: () => resolve('reject'),
      })
    }),
  renderDrawing: (drawing) => renderOffscreen(drawing),
  saveImage: (path) => saveToAlbumViaTaro(path),
  openSettings: openSettingsViaTaro,
}
