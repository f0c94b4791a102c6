import { chooseImageViaTaro, getImageInfoViaTaro, readFileHeadViaTaro, isCancel, uploadViaTaro } from './shared'
import type { Platform } from './types'

declare const swan: {
  getLoginCode(opts: { success: (r: { code: string }) => void; fail: (e: unknown) => void }): void
  ai: {
    facePersonVerify(opts: {
      realName: string
      idCardNumber: string
      success: (r: { callbackKey?: string; verifyResult?: string }) => void
      fail: (e: unknown) => void
    }): void
  }
  requestPolymerPayment(opts: {
    orderInfo: Record<string, string>
    success: () => void
    fail: (e: unknown) => void
  }): void
  subscribeService?(opts: {
    templateId: string
    subscribeId: string
    success: () => void
    fail: (e: unknown) => void
  }): void
}

/** Baidu: getLoginCode, swan.ai.facePersonVerify, polymer payment. */
export const platform: Platform = {
  name: 'swan',
  getLoginCode: () =>
    new Promise((resolve, reject) => {
      swan.getLoginCode({ success: (r) => resolve(r.code), fail: reject })
    }),
  chooseImage: chooseImageViaTaro,
  getImageInfo: getImageInfoViaTaro,
  readFileHead: readFileHeadViaTaro,
  uploadFile: uploadViaTaro,
  verifyFace: ({ name, idNumber }) =>
    new Promise((resolve) => {
      swan.ai.facePersonVerify({
        realName: name,
        idCardNumber: idNumber,
        success: (r) => resolve(r.callbackKey ? 'pass' : 'fail'),
        fail: (e) => resolve(isCancel(e) ? 'cancel' : 'fail'),
      })
    }),
  requestPayment: (_orderId, payParams) =>
    new Promise((resolve) => {
      swan.requestPolymerPayment({
        orderInfo: payParams,
        success: () => resolve('success'),
        fail: (e) => resolve(isCancel(e) ? 'cancel' : 'fail'),
      })
    }),
  requestSubscribe: (templateIds) =>
    new Promise((resolve) => {
      const subscribe = swan.subscribeService
      if (!subscribe) return resolve('reject')
      subscribe({
        templateId: templateIds[0],
        subscribeId: templateIds[0],
        success: () => resolve('accept'),
        fail: () => resolve('reject'),
      })
    }),
}
