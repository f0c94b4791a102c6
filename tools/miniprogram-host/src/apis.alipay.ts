import { table } from './api-table'

/**
 * Alipay (my.*): every API the alipay bundle calls (after Taro's renames: login → getAuthCode, setNavigationBarTitle →
 * setNavigationBar, uploadFile's name → fileName), from opendocs.alipay.com. Alipay's sync storage APIs take an
 * object ({key}) and answer {data}. my.chooseImage answers `apFilePaths` on older clients (tempFilePaths and
 * tempFiles only on newer ones): the host answers as the older client does.
 */
const A = 'https://opendocs.alipay.com/mini/api'

export const alipayApis = table([
  ['canIUse', `${A}/ui-feedback/can-i-use`, [], [], ['sync']],
  [
    'getSystemInfoSync',
    `${A}/system/getsysteminfosync`,
    [],
    ['windowWidth', 'windowHeight', 'pixelRatio', 'platform', 'version'],
    ['sync'],
  ],
  [
    'getSystemInfo',
    `${A}/system/getsysteminfo`,
    [],
    ['windowWidth', 'windowHeight', 'pixelRatio', 'platform', 'version'],
  ],
  ['getWindowInfo', `${A}/system/getwindowinfo`, [], ['windowWidth', 'windowHeight', 'pixelRatio'], ['sync']],
  ['getDeviceBaseInfo', `${A}/system/getdevicebaseinfo`, [], ['brand', 'model', 'system', 'platform'], ['sync']],
  ['getAppBaseInfo', `${A}/system/getappbaseinfo`, [], ['SDKVersion', 'language', 'version'], ['sync']],
  [
    'getMenuButtonBoundingClientRect',
    `${A}/ui/navigate/getmenubuttonboundingclientrect`,
    [],
    ['width', 'height', 'top', 'left'],
    ['sync'],
  ],
  ['getLaunchOptionsSync', `${A}/base/app/getlaunchoptionssync`, [], ['path', 'query', 'scene'], ['sync']],
  ['getEnterOptionsSync', `${A}/base/app/getenteroptionssync`, [], ['path', 'query', 'scene'], ['sync']],
  ['onAppShow', `${A}/base/app/onappshow`, [], [], ['sync']],
  ['onAppHide', `${A}/base/app/onapphide`, [], [], ['sync']],
  ['offAppShow', `${A}/base/app/offappshow`, [], [], ['sync']],
  ['offAppHide', `${A}/base/app/offapphide`, [], [], ['sync']],
  ['onError', `${A}/base/app/onerror`, [], [], ['sync']],
  ['onUnhandledRejection', `${A}/base/app/onunhandledrejection`, [], [], ['sync']],
  ['createSelectorQuery', `${A}/ui/node-query/createselectorquery`, [], [], ['sync']],
  ['getStorageSync', `${A}/storage/getstoragesync`, ['key'], ['data'], ['sync']],
  ['setStorageSync', `${A}/storage/setstoragesync`, ['key', 'data'], [], ['sync']],
  ['removeStorageSync', `${A}/storage/removestoragesync`, ['key'], [], ['sync']],
  ['clearStorageSync', `${A}/storage/clearstoragesync`, [], [], ['sync']],
  ['getStorage', `${A}/storage/getstorage`, ['key'], ['data']],
  ['setStorage', `${A}/storage/setstorage`, ['key', 'data'], []],
  ['removeStorage', `${A}/storage/removestorage`, ['key'], []],
  ['getStorageInfoSync', `${A}/storage/getstorageinfosync`, [], ['keys', 'currentSize', 'limitSize'], ['sync']],
  ['navigateTo', `${A}/ui/navigate/navigateto`, ['url'], []],
  ['redirectTo', `${A}/ui/navigate/redirectto`, ['url'], []],
  ['reLaunch', `${A}/ui/navigate/relaunch`, ['url'], []],
  ['switchTab', `${A}/ui/navigate/switchtab`, ['url'], []],
  ['navigateBack', `${A}/ui/navigate/navigateback`, [], []],
  ['showToast', `${A}/ui/feedback/showtoast`, [], []],
  ['hideToast', `${A}/ui/feedback/hidetoast`, [], []],
  ['showLoading', `${A}/ui/feedback/showloading`, [], []],
  ['hideLoading', `${A}/ui/feedback/hideloading`, [], []],
  // Taro maps showModal onto my.confirm (and answers `cancel` from it).
  ['confirm', `${A}/ui/feedback/confirm`, [], ['confirm']],
  ['showModal', `${A}/ui/feedback/showmodal`, [], ['confirm', 'cancel']],
  ['setNavigationBar', `${A}/ui/navigate/setnavigationbar`, [], []],
  ['pageScrollTo', `${A}/ui/scroll/pagescrollto`, [], []],
  ['request', `${A}/network/request`, ['url'], ['data', 'status', 'headers']],
  [
    'uploadFile',
    `${A}/network/uploadfile`,
    ['url', 'filePath', 'fileName', 'fileType'],
    ['data', 'statusCode', 'header'],
    ['read'],
  ],
  ['getNetworkType', `${A}/device/network/getnetworktype`, [], ['networkType']],
  ['onNetworkStatusChange', `${A}/device/network/onnetworkstatuschange`, [], [], ['sync']],
  ['chooseImage', `${A}/media/image/my.chooseimage`, [], ['apFilePaths'], ['read']],
  ['getImageInfo', `${A}/media/image/getimageinfo`, ['src'], ['width', 'height', 'path', 'orientation', 'type']],
  ['saveImage', `${A}/media/image/saveimage`, ['url'], []],
  // 画布: the page's <canvas id> context; it exports itself (CanvasContext.toTempFilePath → apFilePath,
  // https://opendocs.alipay.com/mini/api/rod3ti). The picture drawn is downloaded first (apFilePath only).
  ['createCanvasContext', `${A}/ui-canvas`, ['canvasId'], [], ['sync']],
  ['downloadFile', `${A}/network/downloadfile`, ['url'], ['apFilePath']],
  ['getFileInfo', `${A}/file/getfileinfo`, ['apFilePath'], ['size', 'digest'], ['read']],
  ['getFileSystemManager', `${A}/file/getfilesystemmanager`, [], [], ['sync']],
  ['getAuthCode', `${A}/openapi-authorize/getauthcode`, [], ['authCode']],
  ['tradePay', `${A}/openapi-pay/tradepay`, [], ['resultCode']],
  ['requestSubscribeMessage', `${A}/openapi/subscribe-message/requestsubscribemessage`, ['entityIds'], []],
  // 身份验证: the certification screen for a certifyId the server opened; my.call('startBizService') on older clients.
  ['startAPVerify', `${A}/openapi/startapverify`, ['url', 'certifyId'], ['resultStatus', 'result']],
  ['call', 'https://help.aliyun.com/document_detail/144545.htm', [], ['resultStatus'], ['sync']],
])
