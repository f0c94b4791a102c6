import Taro from '@tarojs/taro'
import { getImageInfoViaTaro, readFileHeadViaTaro, isCancel, uploadViaTaro } from './shared'
import type { FaceResult, Platform } from './types'

declare const wx: {
  startFacialRecognitionVerify(opts: {
    name: string
    idCardNumber: string
    checkAliveType?: number
    success: (res: { errCode: number; verifyResult?: string }) => void
    fail: (err: { errCode?: number; errMsg?: string }) => void
  }): void
  requestSubscribeMessage(opts: {
    tmplIds: string[]
    success: (res: Record<string, string>) => void
    fail: (err: unknown) => void
  }): void
}

/** WeChat: chooseMedia for photos, the facial-recognition API, WeChat Pay, subscribe messages. */
export const platform: Platform = {
  name: 'weapp',
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
  // The verification result goes to the server with verifyId; the server checks it with WeChat, not this answer.
  verifyFace: ({ name, idNumber }) =>
    new Promise<FaceResult>((resolve) => {
      wx.startFacialRecognitionVerify({
        name,
        idCardNumber: idNumber,
        checkAliveType: 2,
        success: (res) => resolve(res.errCode === 0 ? 'pass' : 'fail'),
        fail: (err) => resolve(err.errCode === 90100 || isCancel(err) ? 'cancel' : 'fail'),
      })
    }),
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
  requestSubscribe: (templateIds) =>
    new Promise((resolve) => {
      wx.requestSubscribeMessage({
        tmplIds: templateIds,
        success: (res) => resolve(templateIds.some((id) => res[id] === 'accept') ? 'accept' : 'reject'),
        fail: () => resolve('reject'),
      })
    }),
}
