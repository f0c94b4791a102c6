import {
  canvasToFileViaTaro,
  openSettingsViaTaro,
  renderOnPageCanvas,
  saveToAlbumViaTaro,
  chooseImageViaTaro,
  getImageInfoViaTaro,
  readFileHeadViaTaro,
  isCancel,
  uploadViaTaro,
} from './shared'
import { notAsked } from './subscribe'
import { UnsupportedOnPlatform, type Platform } from './types'

declare const swan: {
  getLoginCode(opts: { success: (r: { code: string }) => void; fail: (e: unknown) => void }): void
  requestPolymerPayment(opts: {
    orderInfo: Record<string, string>
    success: () => void
    fail: (e: unknown) => void
  }): void
}

/**
 * Baidu: getLoginCode, polymer payment. No face login or recovery: Baidu offers a mini-program no live verification
 * its server can confirm. swan.ai.facePersonVerify compares a photo the app hands it with the 公安 ID photo and
 * gives the score to the app (nothing for a server to query, no liveness of its own), and Baidu's 人脸实名认证
 * H5 方案 is for WeChat/H5 pages, with mini-program access only through Baidu's sales.
 * swan.ai.facePersonVerify (公安验证; a copy of Baidu's page): https://w3cschool.cn/baiduapp/baiduapp-7hu139p1.html
 * 人脸实名认证 H5 方案 ("如您的业务场景是微信小程序，请联系专属商务客户经理"): https://cloud.baidu.com/theme/Z/1581205-13
 */
export const platform: Platform = {
  name: 'swan',
  capabilities: { faceVerification: false, pageCanvas: true, subscribeMessages: false },
  getLoginCode: () =>
    new Promise((resolve, reject) => {
      swan.getLoginCode({ success: (r) => resolve(r.code), fail: reject })
    }),
  chooseImage: chooseImageViaTaro,
  getImageInfo: getImageInfoViaTaro,
  readFileHead: readFileHeadViaTaro,
  uploadFile: uploadViaTaro,
  faceStartContext: () => Promise.reject(new UnsupportedOnPlatform('faceVerification', 'Baidu')),
  verifyFace: async () => 'unsupported',
  // https://smartprogram.baidu.com/docs/develop/api/open/payment_swan-requestPolymerPayment/
  requestPayment: (_orderId, payParams) =>
    new Promise((resolve) => {
      swan.requestPolymerPayment({
        orderInfo: payParams,
        success: () => resolve('success'),
        fail: (e) => resolve(isCancel(e) ? 'cancel' : 'fail'),
      })
    }),
  // Baidu has no call that asks the candidate to subscribe: swan.subscribeService only queries or cancels a
  // subscription made through a <form report-type="subscribe"> tap, which these pages do not use. So nothing is
  // subscribed here; reminders still reach the message list (messages-page).
  // https://smartprogram.baidu.com/docs/develop/api/open/swan-subscribeService/
  requestSubscribe: async () => notAsked('unavailable'),
  // A drawing on the page's <canvas canvas-id=canvasId> (swan.createCanvasContext; its picture fetched first with
  // swan.downloadFile), exported with swan.canvasToTempFilePath once drawn, saved with swan.saveImageToPhotosAlbum:
  // the album permission (scope.writePhotosAlbum) refused answers "auth deny", and the page offers swan.openSetting.
  // https://smartprogram.baidu.com/docs/develop/api/show/canvas_swan-createCanvasContext/
  // https://smartprogram.baidu.com/docs/develop/api/show/canvas_swan-canvasToTempFilePath/
  // https://smartprogram.baidu.com/docs/develop/api/media/image_swan-saveImageToPhotosAlbum/
  renderDrawing: (drawing, canvasId) => renderOnPageCanvas(drawing, canvasId, () => canvasToFileViaTaro(canvasId)),
  saveImage: (path) => saveToAlbumViaTaro(path),
  openSettings: openSettingsViaTaro,
}
