import { table } from './api-table'

/** WeChat (wx.*): every API the weapp bundle calls, from developers.weixin.qq.com. */
const W = 'https://developers.weixin.qq.com/miniprogram/dev/api'

export const weappApis = table([
  // 基础: Taro's runtime reads these at start-up.
  ['canIUse', `${W}/base/wx.canIUse.html`, ['schema'], [], ['sync']],
  [
    'getSystemInfoSync',
    `${W}/base/system/wx.getSystemInfoSync.html`,
    [],
    ['windowWidth', 'windowHeight', 'pixelRatio', 'platform', 'SDKVersion'],
    ['sync'],
  ],
  [
    'getSystemInfo',
    `${W}/base/system/wx.getSystemInfo.html`,
    [],
    ['windowWidth', 'windowHeight', 'pixelRatio', 'platform', 'SDKVersion'],
  ],
  [
    'getWindowInfo',
    `${W}/base/system/wx.getWindowInfo.html`,
    [],
    ['windowWidth', 'windowHeight', 'pixelRatio', 'safeArea'],
    ['sync'],
  ],
  ['getDeviceInfo', `${W}/base/system/wx.getDeviceInfo.html`, [], ['brand', 'model', 'system', 'platform'], ['sync']],
  ['getAppBaseInfo', `${W}/base/system/wx.getAppBaseInfo.html`, [], ['SDKVersion', 'language', 'version'], ['sync']],
  ['getSystemSetting', `${W}/base/system/wx.getSystemSetting.html`, [], [], ['sync']],
  ['getAppAuthorizeSetting', `${W}/base/system/wx.getAppAuthorizeSetting.html`, [], [], ['sync']],
  [
    'getMenuButtonBoundingClientRect',
    `${W}/ui/menu/wx.getMenuButtonBoundingClientRect.html`,
    [],
    ['width', 'height', 'top', 'left'],
    ['sync'],
  ],
  [
    'getLaunchOptionsSync',
    `${W}/base/app/life-cycle/wx.getLaunchOptionsSync.html`,
    [],
    ['path', 'query', 'scene'],
    ['sync'],
  ],
  [
    'getEnterOptionsSync',
    `${W}/base/app/life-cycle/wx.getEnterOptionsSync.html`,
    [],
    ['path', 'query', 'scene'],
    ['sync'],
  ],
  ['onAppShow', `${W}/base/app/app-event/wx.onAppShow.html`, [], [], ['sync']],
  ['onAppHide', `${W}/base/app/app-event/wx.onAppHide.html`, [], [], ['sync']],
  ['offAppShow', `${W}/base/app/app-event/wx.offAppShow.html`, [], [], ['sync']],
  ['offAppHide', `${W}/base/app/app-event/wx.offAppHide.html`, [], [], ['sync']],
  ['onError', `${W}/base/app/app-event/wx.onError.html`, [], [], ['sync']],
  ['onUnhandledRejection', `${W}/base/app/app-event/wx.onUnhandledRejection.html`, [], [], ['sync']],
  ['nextTick', `${W}/ui/custom-component/wx.nextTick.html`, [], [], ['sync']],
  ['createSelectorQuery', `${W}/wxml/wx.createSelectorQuery.html`, [], [], ['sync']],
  // 存储
  ['getStorageSync', `${W}/storage/wx.getStorageSync.html`, ['key'], [], ['sync']],
  ['setStorageSync', `${W}/storage/wx.setStorageSync.html`, ['key', 'data'], [], ['sync']],
  ['removeStorageSync', `${W}/storage/wx.removeStorageSync.html`, ['key'], [], ['sync']],
  ['clearStorageSync', `${W}/storage/wx.clearStorageSync.html`, [], [], ['sync']],
  ['getStorage', `${W}/storage/wx.getStorage.html`, ['key'], ['data']],
  ['setStorage', `${W}/storage/wx.setStorage.html`, ['key', 'data'], []],
  ['removeStorage', `${W}/storage/wx.removeStorage.html`, ['key'], []],
  ['getStorageInfoSync', `${W}/storage/wx.getStorageInfoSync.html`, [], ['keys', 'currentSize', 'limitSize'], ['sync']],
  // 路由
  ['navigateTo', `${W}/route/wx.navigateTo.html`, ['url'], []],
  ['redirectTo', `${W}/route/wx.redirectTo.html`, ['url'], []],
  ['reLaunch', `${W}/route/wx.reLaunch.html`, ['url'], []],
  ['switchTab', `${W}/route/wx.switchTab.html`, ['url'], []],
  ['navigateBack', `${W}/route/wx.navigateBack.html`, [], []],
  // 界面
  ['showToast', `${W}/ui/interaction/wx.showToast.html`, ['title'], []],
  ['hideToast', `${W}/ui/interaction/wx.hideToast.html`, [], []],
  ['showLoading', `${W}/ui/interaction/wx.showLoading.html`, ['title'], []],
  ['hideLoading', `${W}/ui/interaction/wx.hideLoading.html`, [], []],
  ['showModal', `${W}/ui/interaction/wx.showModal.html`, [], ['confirm', 'cancel']],
  ['setNavigationBarTitle', `${W}/ui/navigation-bar/wx.setNavigationBarTitle.html`, ['title'], []],
  ['pageScrollTo', `${W}/ui/scroll/wx.pageScrollTo.html`, [], []],
  // 网络
  ['request', `${W}/network/request/wx.request.html`, ['url'], ['data', 'statusCode', 'header']],
  [
    'uploadFile',
    `${W}/network/upload/wx.uploadFile.html`,
    ['url', 'filePath', 'name'],
    ['data', 'statusCode'],
    ['read'],
  ],
  ['getNetworkType', `${W}/device/network/wx.getNetworkType.html`, [], ['networkType']],
  ['onNetworkStatusChange', `${W}/device/network/wx.onNetworkStatusChange.html`, [], [], ['sync']],
  // 媒体, 文件
  ['chooseMedia', `${W}/media/video/wx.chooseMedia.html`, [], ['tempFiles', 'type'], ['read']],
  ['chooseImage', `${W}/media/image/wx.chooseImage.html`, [], ['tempFilePaths', 'tempFiles'], ['read']],
  [
    'getImageInfo',
    `${W}/media/image/wx.getImageInfo.html`,
    ['src'],
    ['width', 'height', 'path', 'orientation', 'type'],
  ],
  ['saveImageToPhotosAlbum', `${W}/media/image/wx.saveImageToPhotosAlbum.html`, ['filePath'], []],
  // A file from a chat (type 'file' with the extensions allowed): each answers path, size, name, type, time.
  ['chooseMessageFile', `${W}/media/image/wx.chooseMessageFile.html`, ['count'], ['tempFiles']],
  ['compressImage', `${W}/media/image/wx.compressImage.html`, ['src'], ['tempFilePath']],
  // 权限: the scopes (wx.authorize asks one; refused: "auth deny" until wx.openSetting, which needs a tap).
  ['getSetting', `${W}/open-api/setting/wx.getSetting.html`, [], ['authSetting']],
  ['authorize', `${W}/open-api/authorize/wx.authorize.html`, ['scope'], []],
  ['openSetting', `${W}/open-api/setting/wx.openSetting.html`, [], ['authSetting']],
  // 隐私: the privacy popup in front of every privacy API (基础库 2.32.3+); refused: errno 104.
  ['requirePrivacyAuthorize', `${W}/open-api/privacy/wx.requirePrivacyAuthorize.html`, [], []],
  ['onNeedPrivacyAuthorization', `${W}/open-api/privacy/wx.onNeedPrivacyAuthorization.html`, [], [], ['sync']],
  [
    'getPrivacySetting',
    `${W}/open-api/privacy/wx.getPrivacySetting.html`,
    [],
    ['needAuthorization', 'privacyContractName'],
  ],
  // 画布: the saved images are painted on an offscreen canvas 2D and exported with `canvas` (canvasId is the older
  // page canvas's); the picture drawn on them is downloaded first.
  ['createOffscreenCanvas', `${W}/canvas/wx.createOffscreenCanvas.html`, [], [], ['sync']],
  ['canvasToTempFilePath', `${W}/canvas/wx.canvasToTempFilePath.html`, [], ['tempFilePath']],
  ['downloadFile', `${W}/network/download/wx.downloadFile.html`, ['url'], ['tempFilePath', 'statusCode'], ['read']],
  ['getFileSystemManager', `${W}/file/wx.getFileSystemManager.html`, [], [], ['sync']],
  // 开放接口
  ['login', `${W}/open-api/login/wx.login.html`, [], ['code']],
  ['requestPayment', `${W}/payment/wx.requestPayment.html`, ['timeStamp', 'nonceStr', 'package', 'paySign'], []],
  [
    'requestSubscribeMessage',
    `${W}/open-api/subscribe-message/wx.requestSubscribeMessage.html`,
    ['tmplIds'],
    ['[TEMPLATE_ID]'],
  ],
  // 位置: the test centre on WeChat's map (GCJ-02 numbers); 日历: the exam in the phone's calendar (基础库 2.15.0+,
  // scope.addPhoneCalendar, only from a tap). Argument types: places.ts.
  ['openLocation', `${W}/location/wx.openLocation.html`, ['latitude', 'longitude'], [], ['read']],
  ['addPhoneCalendar', `${W}/device/calendar/wx.addPhoneCalendar.html`, ['title', 'startTime'], [], ['read']],
  // 人脸核身: the screen for a verification the server opened (getVerifyId); 基础库 3.8.12+.
  ['requestFacialVerify', `${W}/open-api/face/wx.requestFacialVerify.html`, ['verifyId'], ['errCode']],
])
