import { table } from './api-table'

/**
 * Baidu (swan.*): every API the swan bundle calls, from smartprogram.baidu.com. URLs checked against the docs site's
 * source (swan-team/swan-docs, whose paths are the site's) and its redirect table, November 2026.
 */
const B = 'https://smartprogram.baidu.com/docs/develop/api'

export const swanApis = table([
  ['canIUse', `${B}/device_sys/swan-canIUse/`, ['schema'], [], ['sync']],
  [
    'getSystemInfoSync',
    `${B}/device_sys/swan-getSystemInfoSync/`,
    [],
    ['windowWidth', 'windowHeight', 'pixelRatio', 'platform', 'SDKVersion'],
    ['sync'],
  ],
  [
    'getSystemInfo',
    `${B}/device_sys/swan-getSystemInfo/`,
    [],
    ['windowWidth', 'windowHeight', 'pixelRatio', 'platform', 'SDKVersion'],
  ],
  [
    'getMenuButtonBoundingClientRect',
    `${B}/show/menu_info/`,
    [],
    ['width', 'height', 'top', 'right', 'bottom', 'left'],
    ['sync'],
  ],
  ['getEnvInfoSync', `${B}/device_sys/swan-getEnvInfoSync/`, [], ['appKey', 'env', 'sdkVersion'], ['sync']],
  ['onAppShow', `${B}/base_app_event/swan-onAppShow/`, [], [], ['sync']],
  ['onAppHide', `${B}/base_app_event/swan-onAppHide/`, [], [], ['sync']],
  ['onError', `${B}/base_app_event/swan-onError/`, [], [], ['sync']],
  ['nextTick', `${B}/show/custom_component/`, [], [], ['sync']],
  ['createSelectorQuery', `${B}/show/query_swan-createSelectorQuery/`, [], [], ['sync']],
  ['getStorageSync', `${B}/storage/save_swan-getStorageSync/`, ['key'], [], ['sync']],
  ['setStorageSync', `${B}/storage/save_swan-setStorageSync/`, ['key', 'data'], [], ['sync']],
  ['removeStorageSync', `${B}/storage/remove_swan-removeStorageSync/`, ['key'], [], ['sync']],
  ['clearStorageSync', `${B}/storage/remove_swan-clearStorageSync/`, [], [], ['sync']],
  ['getStorage', `${B}/storage/save_swan-getStorage/`, ['key'], ['data']],
  ['setStorage', `${B}/storage/save_swan-setStorage/`, ['key', 'data'], []],
  ['removeStorage', `${B}/storage/remove_swan-removeStorage/`, ['key'], []],
  [
    'getStorageInfoSync',
    `${B}/storage/save_swan-getStorageInfoSync/`,
    [],
    ['keys', 'currentSize', 'limitSize'],
    ['sync'],
  ],
  ['navigateTo', `${B}/show/tab_swan-navigateTo/`, ['url'], []],
  ['redirectTo', `${B}/show/tab_swan-redirectTo/`, ['url'], []],
  ['reLaunch', `${B}/show/tab_swan-reLaunch/`, ['url'], []],
  ['switchTab', `${B}/show/tab_swan-switchTab/`, ['url'], []],
  ['navigateBack', `${B}/show/tab_swan-navigateBack/`, [], []],
  ['showToast', `${B}/show/toast_swan-showToast/`, ['title'], []],
  ['hideToast', `${B}/show/toast_swan-hideToast/`, [], []],
  ['showLoading', `${B}/show/toast_swan-showLoading/`, ['title'], []],
  ['hideLoading', `${B}/show/toast_swan-hideLoading/`, [], []],
  ['showModal', `${B}/show/toast_swan-showModal/`, ['title', 'content'], ['confirm', 'cancel']],
  ['setNavigationBarTitle', `${B}/show/navigationbar_swan-setNavigationBarTitle/`, ['title'], []],
  ['pageScrollTo', `${B}/show/pagescrollto_swan-pageScrollTo/`, [], []],
  ['request', `${B}/net/request/`, ['url'], ['data', 'statusCode', 'header']],
  ['uploadFile', `${B}/net/uploadfile/`, ['url', 'filePath', 'name'], ['data', 'statusCode']],
  ['getNetworkType', `${B}/device_sys/swan-getNetworkType/`, [], ['networkType']],
  ['onNetworkStatusChange', `${B}/device_sys/swan-onNetworkStatusChange/`, [], [], ['sync']],
  ['chooseImage', `${B}/media/image_swan-chooseImage/`, [], ['tempFilePaths', 'tempFiles']],
  ['getImageInfo', `${B}/media/image_swan-getImageInfo/`, ['src'], ['width', 'height', 'path', 'orientation', 'type']],
  ['saveImageToPhotosAlbum', `${B}/media/image_swan-saveImageToPhotosAlbum/`, ['filePath'], []],
  ['compressImage', `${B}/media/image_swan-compressImage/`, ['src'], ['tempFilePath']],
  ['getFileInfo', `${B}/file/swan-getFileInfo/`, ['filePath'], ['size', 'digest']],
  // 权限: scopes refused answer errCode 10003 (user deny) and are never asked again; 10005 system deny. Only
  // swan.openSetting (from a tap) allows them again. These paths follow the site's pattern; not confirmed.
  ['getSetting', `${B}/open/setting_swan-getSetting/`, [], ['authSetting']],
  ['authorize', `${B}/open/authorize_swan-authorize/`, ['scope'], []],
  ['openSetting', `${B}/open/setting_swan-openSetting/`, [], ['authSetting']],
  // 画布: the page's <canvas canvas-id> context, exported by canvasId once drawn; its picture downloaded first.
  ['createCanvasContext', `${B}/canvas/swan-createCanvasContext/`, ['canvasId'], [], ['sync']],
  ['canvasToTempFilePath', `${B}/canvas/swan-canvasToTempFilePath/`, ['canvasId'], ['tempFilePath'], ['read']],
  ['downloadFile', `${B}/net/downloadfile/`, ['url'], ['tempFilePath', 'statusCode']],
  ['getFileSystemManager', `${B}/file/swan-getFileSystemManager/`, [], [], ['sync']],
  // 位置: the host app's map; latitude and longitude Numbers (places.ts checks the types).
  ['openLocation', `${B}/location/swan-openLocation/`, ['latitude', 'longitude'], [], ['read']],
  ['getLoginCode', `${B}/open/log_swan-getLoginCode/`, [], ['code']],
  ['requestPolymerPayment', `${B}/open/payment_swan-requestPolymerPayment/`, ['orderInfo'], []],
  ['subscribeService', `${B}/open/swan-subscribeService/`, ['templateId', 'subscribeId'], []],
])
