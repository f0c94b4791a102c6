import { chooseImageViaTaro, confirmViaTaro, getImageInfoViaTaro, uploadViaTaro } from './shared'
import { UnsupportedOnPlatform, type Platform } from './types'

/**
 * The fallback any other target gets. The real ones are platform.weapp.ts, platform.alipay.ts, platform.swan.ts and
 * platform.h5.ts: Taro's build picks the file named after the target it builds.
 */
const unsupported = (ability: string) => () => Promise.reject(new UnsupportedOnPlatform(ability, 'this platform'))

export const platform: Platform = {
  name: 'h5',
  capabilities: {
    faceVerification: false,
    pageCanvas: false,
    subscribeMessages: false,
    filePicker: false,
    setDataView: false,
    subscribeForm: false,
    roleAttribute: 'role',
  },
  getLoginCode: unsupported('getLoginCode'),
  chooseImage: chooseImageViaTaro,
  // No compression in a browser here: the size check before the upload still holds (stores/upload-size.ts).
  compressImage: async (image) => image,
  getImageInfo: getImageInfoViaTaro,
  uploadFile: uploadViaTaro,
  faceStartContext: unsupported('faceVerification'),
  verifyFace: async () => 'unsupported',
  requestPayment: unsupported('requestPayment'),
  requestSubscribe: unsupported('requestSubscribe'),
  renderDrawing: unsupported('renderDrawing'),
  saveImage: async () => 'unsupported',
  openSettings: async () => false,
  showPermissionGuide: async () => false,
  requestPrivacy: async () => true,
  confirm: confirmViaTaro,
  openLocation: async () => 'failed',
  canAddToCalendar: () => false,
  addToCalendar: async () => 'unsupported',
}
