import { chooseImageViaTaro, getImageInfoViaTaro, readFileHeadViaTaro, isCancel } from './shared'
import type { Platform, UploadOptions, UploadResult } from './types'

declare const my: {
  uploadFile(opts: {
    url: string
    filePath: string
    name: string
    fileName: string
    fileType: 'image' | 'video' | 'audio'
    header?: Record<string, string>
    formData?: Record<string, string>
    success: (r: { statusCode: number | string; data: string }) => void
    fail: (e: unknown) => void
  }): { onProgressUpdate?: (cb: (p: { progress: number }) => void) => void } | undefined
  getAuthCode(opts: { scopes: string; success: (r: { authCode: string }) => void; fail: (e: unknown) => void }): void
  startAPVerify?(opts: {
    url: string
    certifyId: string
    success: (r: { resultStatus: string }) => void
    fail: (e: unknown) => void
  }): void
  ap?: {
    faceVerify?(opts: {
      bizId: string
      bizType: string
      certifyId?: string
      success: (r: { faceRetCode?: string; resultStatus?: string }) => void
      fail: (e: unknown) => void
    }): void
  }
  startBizService?(opts: {
    name: string
    param: string
    success: (r: { resultStatus: string }) => void
    fail: (e: unknown) => void
  }): void
  tradePay(opts: { tradeNO: string; success: (r: { resultCode: string }) => void; fail: (e: unknown) => void }): void
  requestSubscribeMessage?(opts: {
    entityIds: string[]
    success: (r: Record<string, unknown>) => void
    fail: (e: unknown) => void
  }): void
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
      success: (res) => resolve({ statusCode: Number(res.statusCode), data: String(res.data) }),
      fail: reject,
    })
    if (options.onProgress && task && typeof task.onProgressUpdate === 'function') {
      task.onProgressUpdate((p) => options.onProgress?.(p.progress))
    }
  })
}

/** Alipay: getAuthCode, the 'open-certify' biz service with a server-issued certifyId, tradePay. */
export const platform: Platform = {
  name: 'alipay',
  getLoginCode: () =>
    new Promise((resolve, reject) => {
      my.getAuthCode({ scopes: 'auth_base', success: (r) => resolve(r.authCode), fail: reject })
    }),
  chooseImage: chooseImageViaTaro,
  getImageInfo: getImageInfoViaTaro,
  readFileHead: readFileHeadViaTaro,
  uploadFile: uploadImage,
  verifyFace: ({ verifyId }) =>
    new Promise((resolve) => {
      if (!my.startBizService) return resolve('fail')
      my.startBizService({
        name: 'open-certify',
        param: JSON.stringify({ certifyId: verifyId }),
        // 9000: finished (the server then asks Alipay for the real result); 6001: the candidate left.
        success: (r) => resolve(r.resultStatus === '9000' ? 'pass' : r.resultStatus === '6001' ? 'cancel' : 'fail'),
        fail: (e) => resolve(isCancel(e) ? 'cancel' : 'fail'),
      })
    }),
  requestPayment: (_orderId, payParams) =>
    new Promise((resolve) => {
      my.tradePay({
        tradeNO: payParams.tradeNO,
        success: (r) => resolve(r.resultCode === '9000' ? 'success' : r.resultCode === '6001' ? 'cancel' : 'fail'),
        fail: () => resolve('fail'),
      })
    }),
  requestSubscribe: (templateIds) =>
    new Promise((resolve) => {
      if (!my.requestSubscribeMessage) return resolve('reject')
      my.requestSubscribeMessage({
        entityIds: templateIds,
        success: (r) => resolve(templateIds.some((id) => (r[id] as string) === 'accept') ? 'accept' : 'reject'),
        fail: () => resolve('reject'),
      })
    }),
}
