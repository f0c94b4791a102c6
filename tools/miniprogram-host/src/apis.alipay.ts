import { table } from './api-table'

/**
 * Alipay (my.*): every API the alipay bundle calls (after Taro's renames: login → getAuthCode, setNavigationBarTitle →
 * setNavigationBar, uploadFile's name → fileName), from opendocs.alipay.com. Alipay's sync storage APIs take an
 * object ({key}) and answer {data}. my.chooseImage answers `apFilePaths` on older clients (tempFilePaths and
 * tempFiles only on newer ones): the host answers as the older client does. URLs checked against Alipay's docs source
 * (AlipayDocs/open-docs) and official typings (ant-mini-program/api-typings), November 2026.
 */
const A = 'https://opendocs.alipay.com'

export const alipayApis = table([
  ['canIUse', `${A}/mini/api/can-i-use`, [], [], ['sync']],
  [
    'getSystemInfoSync',
    `${A}/mini/api/gawhvz`,
    [],
    ['windowWidth', 'windowHeight', 'pixelRatio', 'platform', 'version'],
    ['sync'],
  ],
  [
    'getSystemInfo',
    `${A}/mini/api/system-info`,
    [],
    ['windowWidth', 'windowHeight', 'pixelRatio', 'platform', 'version'],
  ],
  ['getWindowInfo', `${A}/mini/054vop`, [], ['windowWidth', 'windowHeight', 'pixelRatio'], ['sync']],
  // In the official typings for a while (2022), then removed; no doc page found. Taro's runtime may still call it.
  ['getDeviceBaseInfo', `${A}/system/getdevicebaseinfo`, [], ['brand', 'model', 'system', 'platform'], ['sync']],
  ['getAppBaseInfo', `${A}/mini/0717lu`, [], ['SDKVersion', 'language', 'version'], ['sync']],
  ['getMenuButtonBoundingClientRect', `${A}/mini/api/menu`, [], ['width', 'height', 'top', 'left'], ['sync']],
  ['getLaunchOptionsSync', `${A}/mini/api/getLaunchOptionsSync`, [], ['path', 'query', 'scene'], ['sync']],
  ['getEnterOptionsSync', `${A}/mini/api/029i75`, [], ['path', 'query', 'scene'], ['sync']],
  ['onAppShow', `${A}/mini/api/nn7do1`, [], [], ['sync']],
  ['onAppHide', `${A}/mini/api/tv6qvi`, [], [], ['sync']],
  ['offAppShow', `${A}/mini/api/tkohmw`, [], [], ['sync']],
  ['offAppHide', `${A}/mini/api/dldh0a`, [], [], ['sync']],
  ['onError', `${A}/mini/00nnsx`, [], [], ['sync']],
  ['onUnhandledRejection', `${A}/mini/00nd0f`, [], [], ['sync']],
  ['createSelectorQuery', `${A}/mini/api/selector-query`, [], [], ['sync']],
  ['getStorageSync', `${A}/mini/api/ox0wna`, ['key'], ['data'], ['sync']],
  ['setStorageSync', `${A}/mini/api/cog0du`, ['key', 'data'], [], ['sync']],
  ['removeStorageSync', `${A}/mini/api/ytfrk4`, ['key'], [], ['sync']],
  ['clearStorageSync', `${A}/mini/api/ulv85u`, [], [], ['sync']],
  ['getStorage', `${A}/mini/api/azfobl`, ['key'], ['data']],
  ['setStorage', `${A}/mini/api/eocm6v`, ['key', 'data'], []],
  ['removeStorage', `${A}/mini/api/of9hze`, ['key'], []],
  ['getStorageInfoSync', `${A}/mini/api/uw5rdl`, [], ['keys', 'currentSize', 'limitSize'], ['sync']],
  ['navigateTo', `${A}/mini/api/zwi8gx`, ['url'], []],
  ['redirectTo', `${A}/mini/api/fh18ky`, ['url'], []],
  ['reLaunch', `${A}/mini/api/hmn54z`, ['url'], []],
  ['switchTab', `${A}/mini/api/ui-tabbar`, ['url'], []],
  ['navigateBack', `${A}/mini/api/kc5zbx`, [], []],
  ['showToast', `${A}/mini/api/fhur8f`, [], []],
  ['hideToast', `${A}/mini/api/iygd4e`, [], []],
  ['showLoading', `${A}/mini/api/bm69kb`, [], []],
  ['hideLoading', `${A}/mini/api/nzf540`, [], []],
  // Taro maps showModal onto my.confirm (and answers `cancel` from it).
  ['confirm', `${A}/mini/api/lt3uqc`, [], ['confirm']],
  // my.showModal has no page of its own in the docs; its official typings answer {confirm, content?}, no `cancel`.
  // The 交互反馈 page of my.confirm is the nearest document.
  ['showModal', `${A}/mini/api/lt3uqc`, [], ['confirm']],
  ['setNavigationBar', `${A}/mini/api/xwq8e6`, [], []],
  ['pageScrollTo', `${A}/mini/api/scroll`, [], []],
  ['request', `${A}/mini/api/owycmh`, ['url'], ['data', 'status', 'headers']],
  // The page (since 2022) names the field `name` (formerly fileName) and calls fileType deprecated; older clients and
  // the IDE simulator still require both, so the host holds the app to the older, stricter contract.
  [
    'uploadFile',
    `${A}/mini/api/kmq4hc`,
    ['url', 'filePath', 'fileName', 'fileType'],
    ['data', 'statusCode', 'header'],
    ['read'],
  ],
  ['getNetworkType', `${A}/mini/api/network-status`, [], ['networkType']],
  ['onNetworkStatusChange', `${A}/mini/api/ympi0l`, [], [], ['sync']],
  ['chooseImage', `${A}/mini/api/media/image/my.chooseimage`, [], ['apFilePaths'], ['read']],
  [
    'getImageInfo',
    `${A}/mini/api/media/image/my.getimageinfo`,
    ['src'],
    ['width', 'height', 'path', 'orientation', 'type'],
  ],
  // The album: my.saveImageToPhotosAlbum (基础库 1.15.0+; errors 2 filePath 为空, 15 相册权限 off (iOS), 16 album full
  // (iOS), 17 other); my.saveImage is 已停止维护 and kept for clients without it. Sources: 多媒体/图片/
  // my.saveImageToPhotosAlbum.md and my.saveImage.md in AlipayDocs/open-docs.
  ['saveImageToPhotosAlbum', `${A}/mini/api/media/image/my.saveimagetophotosalbum`, ['filePath'], [], ['read']],
  ['saveImage', `${A}/mini/api/media/image/my.saveimage`, ['url'], []],
  ['compressImage', `${A}/mini/api/media/image/my.compressimage`, ['apFilePaths'], ['apFilePaths']],
  // 权限: the scopes (album, camera) in my.getSetting/my.openSetting; 15 (iOS) is the phone's own album permission,
  // whose guide is my.showAuthGuide({ authType: 'PHOTO' }). URLs as the official typings cite them (@see).
  ['getSetting', `${A}/mini/api/xmk3ml`, [], ['authSetting']],
  ['openSetting', `${A}/mini/api/qflu8f`, [], ['authSetting']],
  ['showAuthGuide', `${A}/mini/api/show-auth-guide`, ['authType'], ['shown']],
  // 画布: the page's <canvas id> context (createCanvasContext); it exports itself (CanvasContext.toTempFilePath →
  // apFilePath, https://opendocs.alipay.com/mini/api/rod3ti). The picture drawn is downloaded first: my.downloadFile
  // answers apFilePath (tempFilePath too since 基础库 2.7.23; the host answers as older clients do), error 12 when
  // the download fails. Page sources: mini/api/基础API/界面/画布 and 网络/my.downloadFile.md in AlipayDocs/open-docs;
  // their short URLs were not confirmed.
  ['createCanvasContext', `${A}/mini/api/ui-canvas`, ['canvasId'], [], ['sync']],
  ['downloadFile', `${A}/mini/api/network/my.downloadfile`, ['url'], ['apFilePath'], ['read']],
  ['getFileInfo', `${A}/mini/api/file`, ['apFilePath'], ['size', 'digest'], ['read']],
  ['getFileSystemManager', `${A}/mini/api/0226oc`, [], [], ['sync']],
  // 位置: Alipay's map (高德 style, GCJ-02); every field a required String (places.ts checks the types).
  ['openLocation', `${A}/mini/api/as9kin`, ['longitude', 'latitude', 'name', 'address'], [], ['read']],
  ['getAuthCode', `${A}/mini/api/openapi-authorize`, [], ['authCode']],
  ['tradePay', `${A}/mini/api/openapi-pay`, [], ['resultCode']],
  ['requestSubscribeMessage', `${A}/mini/api/requestSubscribeMessage`, ['entityIds'], []],
  // 身份验证: the certification screen for a certifyId the server opened; my.call('startBizService') on older clients.
  // The official typings require url and certifyId and answer resultStatus and result; no doc page found.
  ['startAPVerify', `${A}/openapi/startapverify`, ['url', 'certifyId'], ['resultStatus', 'result']],
  ['call', 'https://help.aliyun.com/document_detail/144545.htm', [], ['resultStatus'], ['sync']],
])
