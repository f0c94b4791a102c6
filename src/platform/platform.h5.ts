import Taro from '@tarojs/taro'
import { chooseImageViaTaro, confirmViaTaro, getImageInfoViaTaro, uploadViaTaro } from './shared'
import { notAsked } from './subscribe'
import type { FaceResult, Platform } from './types'
import type { Canvas2D, Drawing, Paint } from './drawing'
import { simulation } from './simulation'
import { amapMarkerUrl } from './places'

/**
 * H5 (browsers, and the headless test runs): abilities only a real mini-program platform has are simulated by the
 * mock server, whose outcomes QA sets through the QA API.
 */
const DEVICE_KEY = 'platform.h5.device'

function deviceId(): string {
  let id = Taro.getStorageSync(DEVICE_KEY) as string
  if (!id) {
    id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
    Taro.setStorageSync(DEVICE_KEY, id)
  }
  return id
}

/**
 * A drawing painted on a <canvas> of its own and exported as a PNG data URL (saveImage downloads it). A photo the
 * browser may not read back (no CORS) would taint the canvas, so then it is painted again with the photo's box empty.
 * https://developer.mozilla.org/docs/Web/API/HTMLCanvasElement/toDataURL
 */
async function renderInBrowser(drawing: Drawing, paint: Paint): Promise<string> {
  const canvas = document.createElement('canvas')
  canvas.width = drawing.width
  canvas.height = drawing.height
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('this browser has no canvas 2D')
  const image = drawing.imageUrl
    ? await new Promise<HTMLImageElement | null>((resolve) => {
        const img = new Image()
        img.crossOrigin = 'anonymous'
        img.onload = () => resolve(img)
        img.onerror = () => resolve(null)
        img.src = drawing.imageUrl as string
      })
    : null
  paint(ctx as unknown as Canvas2D, drawing, image)
  try {
    return canvas.toDataURL('image/png')
  } catch {
    paint(ctx as unknown as Canvas2D, drawing, null)
    return canvas.toDataURL('image/png')
  }
}

export const platform: Platform = {
  name: 'h5',
  capabilities: {
    faceVerification: true,
    pageCanvas: false,
    subscribeMessages: true,
    filePicker: false,
    setDataView: false,
    subscribeForm: false,
    roleAttribute: 'role',
  },
  // The mock server treats `h5-<device>` as this browser's platform user.
  getLoginCode: async () => `h5-${deviceId()}`,
  chooseImage: chooseImageViaTaro,
  // No compression in a browser here: the size check before the upload still holds (stores/upload-size.ts).
  compressImage: async (image) => image,
  getImageInfo: getImageInfoViaTaro,
  // The chosen file is a blob: URL here; its bytes can be read directly.
  readFileHead: async (path, length) => {
    try {
      const buffer = await (await fetch(path)).arrayBuffer()
      return new Uint8Array(buffer.slice(0, length))
    } catch {
      return null
    }
  },
  uploadFile: uploadViaTaro,
  faceStartContext: async () => ({ platform: 'h5' }),
  // The mock server's stand-in for the face screen (QA decides what the candidate does); without the QA API it does
  // not exist, and face verification is not offered by that server.
  verifyFace: async ({ verifyId }): Promise<FaceResult> => {
    try {
      const { outcome } = await simulation().faceRun(verifyId)
      if (outcome === 'cancel' || outcome === 'unsupported') return outcome
      return outcome === 'fail' ? 'fail' : 'pass'
    } catch (err) {
      // The client's ApiError, read by its fields: a server without the QA API has no such route.
      const { status, code } = (err ?? {}) as { status?: number; code?: string }
      if (status === 404 && code === 'NOT_FOUND') return 'unsupported'
      return 'fail'
    }
  },
  // No platform cashier in a browser: the mock server's simulated cashier, whose outcome QA sets (docs/process.md).
  requestPayment: async (orderId) => (await simulation().payRun(orderId)).outcome,
  requestSubscribe: async (templateIds) => {
    const r = await simulation().subscribe(templateIds)
    return r.refused ? notAsked('templates') : { outcome: r.outcome, answers: r.answers, failure: null }
  },
  renderDrawing: (drawing, _canvasId, paint) => renderInBrowser(drawing, paint),
  // The exported PNG (a data URL) is downloaded under a real name (an <a download>).
  // https://developer.mozilla.org/docs/Web/HTML/Element/a#download
  saveImage: async (path, fileName) => {
    try {
      const a = document.createElement('a')
      a.href = path
      a.download = fileName
      document.body.appendChild(a)
      a.click()
      a.remove()
      return 'saved'
    } catch {
      return 'failed'
    }
  },
  openSettings: async () => false,
  showPermissionGuide: async () => false,
  requestPrivacy: async () => true,
  // 高德's public marker page in a new tab (amapMarkerUrl): no key, the GCJ-02 position as it is. window.open answers
  // null when the browser blocked the tab; the new tab gets no handle on this page (opener cleared).
  // https://developer.mozilla.org/docs/Web/API/Window/open
  confirm: confirmViaTaro,
  openLocation: async (place) => {
    const tab = window.open(amapMarkerUrl(place), '_blank')
    if (!tab) return 'blocked'
    try {
      tab.opener = null
    } catch {
      // a cross-origin tab may refuse the write: it has no handle worth clearing then
    }
    return 'opened'
  },
  // A browser cannot write to the phone's calendar: the message list carries the reminders.
  canAddToCalendar: () => false,
  addToCalendar: async () => 'unsupported',
}

// The automator bridge reaches the platform layer here to call and mock it (mockWxMethod), as QA does with wx.*.
;(globalThis as unknown as { __candidatePlatform?: Platform }).__candidatePlatform = platform
// ...and Taro's object, for the route helpers and the page stack (H5 only; app code imports Taro's APIs directly).
;(globalThis as unknown as { __candidateTaro?: typeof Taro }).__candidateTaro = Taro
