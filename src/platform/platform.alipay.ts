import { getImageInfoViaTaro, readFileHeadViaTaro, isCancel, uploadViaTaro } from './shared'
import type { ChosenImage, Platform } from './types'

declare const my: {
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
  chooseImage(opts: {
    count: number
    sourceType: string[]
    success: (r: {
      apFilePaths?: string[]
      tempFilePaths?: string[]
      tempFiles?: { path: string; size: number }[]
    }) => void
    fail: (e: unknown) => void
  }): void
  getFileInfo(opts: { apFilePath: string; success: (r: { size: number }) => void; fail: (e: unknown) => void }): void
  tradePay(opts: { tradeNO: string; success: (r: { resultCode: string }) => void; fail: (e: unknown) => void }): void
  requestSubscribeMessage?(opts: {
    entityIds: string[]
    success: (r: Record<string, unknown>) => void
    fail: (e: unknown) => void
  }): void
}

/** Alipay's user-cancel error (https://opendocs.alipay.com/mini/api/error-code: 11 用户取消操作). */
const cancelled = (e: unknown) => (e as { error?: number })?.error === 11 || isCancel(e)

/**
 * my.chooseImage answers `apFilePaths` only on older clients (tempFiles with sizes on newer ones), and Taro maps just
 * the paths: read whichever is there, and the size from my.getFileInfo when the client gave none.
 * https://opendocs.alipay.com/mini/api/media/image/my.chooseimage, https://opendocs.alipay.com/mini/api/file/getfileinfo
 */
function chooseImage(source: 'album' | 'camera' | 'any'): Promise<ChosenImage | null> {
  return new Promise((resolve, reject) => {
    my.chooseImage({
      count: 1,
      sourceType: source === 'any' ? ['album', 'camera'] : [source],
      success: (res) => {
        const file = res.tempFiles?.[0]
        if (file) return resolve({ path: file.path, size: file.size })
        const path = (res.apFilePaths ?? res.tempFilePaths ?? [])[0]
        if (!path) return resolve(null)
        my.getFileInfo({ apFilePath: path, success: (info) => resolve({ path, size: info.size }), fail: reject })
      },
      fail: (e) => (cancelled(e) ? resolve(null) : reject(e)),
    })
  })
}

/** Alipay: getAuthCode, the 'open-certify' biz service with a server-issued certifyId, tradePay. */
export const platform: Platform = {
  name: 'alipay',
  getLoginCode: () =>
    new Promise((resolve, reject) => {
      my.getAuthCode({ scopes: 'auth_base', success: (r) => resolve(r.authCode), fail: reject })
    }),
  chooseImage,
  getImageInfo: getImageInfoViaTaro,
  readFileHead: readFileHeadViaTaro,
  uploadFile: uploadViaTaro,
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
