// Both typings declare globals only (no module to import): a path reference is the one way to read them.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../node_modules/miniprogram-api-typings/types/wx/lib.wx.api.d.ts" />
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../node_modules/@mini-types/my/types/lib.my.d.ts" />
/**
 * The platforms' own typings for the calls this layer makes about subscriptions, payment and the payer's code
 * (issue 19): WeChat's `miniprogram-api-typings`, Alipay's `@mini-types/my` (the API half of `@mini-types/alipay`).
 * Only their API declarations are referenced: their global parts (`require`, `App`, `Page`) would clash with Node's
 * and Taro's. Baidu publishes none: platform.swan.ts cites swan-docs instead.
 */

/** wx.requestSubscribeMessage: https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html */
export type WxSubscribeOption = WechatMiniprogram.RequestSubscribeMessageOption
export type WxSubscribeSuccess = WechatMiniprogram.RequestSubscribeMessageSuccessCallbackResult
export type WxSubscribeFail = WechatMiniprogram.RequestSubscribeMessageFailCallbackResult
/** wx.requestPayment: https://developers.weixin.qq.com/miniprogram/dev/api/payment/wx.requestPayment.html */
export type WxPaymentOption = WechatMiniprogram.RequestPaymentOption
/** wx.login: https://developers.weixin.qq.com/miniprogram/dev/api/open-api/login/wx.login.html */
export type WxLoginSuccess = WechatMiniprogram.LoginSuccessCallbackResult

type MySubscribeArg = Parameters<typeof my.requestSubscribeMessage>[0]
/** my.requestSubscribeMessage: https://opendocs.alipay.com/mini/api/requestSubscribeMessage */
export type MySubscribeOption = MySubscribeArg
export type MySubscribeSuccess = Parameters<NonNullable<MySubscribeArg['success']>>[0]
export type MySubscribeFail = Parameters<NonNullable<MySubscribeArg['fail']>>[0]
type MyTradePayArg = NonNullable<Parameters<typeof my.tradePay>[0]>
/** my.tradePay: https://opendocs.alipay.com/mini/api/openapi-pay */
export type MyTradePayOption = MyTradePayArg
export type MyTradePaySuccess = Parameters<NonNullable<MyTradePayArg['success']>>[0]
type MyAuthCodeArg = NonNullable<Parameters<typeof my.getAuthCode>[0]>
/** my.getAuthCode: https://opendocs.alipay.com/mini/api/openapi-authorize */
export type MyAuthCodeOption = MyAuthCodeArg
type MyVerifyArg = Parameters<typeof my.startAPVerify>[0]
/** my.startAPVerify (`resultStatus`, `result.errorCode`): https://opendocs.alipay.com/mini/introduce/alipay-verfify */
export type MyVerifySuccess = Parameters<NonNullable<MyVerifyArg['success']>>[0]
type MySaveArg = Parameters<typeof my.saveImageToPhotosAlbum>[0]
/** my.saveImageToPhotosAlbum's fail: https://opendocs.alipay.com/mini/api/media/image/my.saveimagetophotosalbum */
export type MySaveFail = Parameters<NonNullable<MySaveArg['fail']>>[0]
