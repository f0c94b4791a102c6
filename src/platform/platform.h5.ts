import Taro from '@tarojs/taro'
import { ApiError, api } from '../api'
import { chooseImageViaTaro, getImageInfoViaTaro, uploadViaTaro } from './shared'
import type { Drawing, FaceResult, Platform, SaveImageResult } from './types'
import { paint, type Canvas2D, type Drawing as FormDrawing } from './drawing'

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
 * Drawing straight on the <canvas> Taro's H5 Canvas renders (canvas-id attribute): Taro's H5 CanvasContext queues
 * fills but applies font size and alignment at once, so every text would take the last size set. The export is the
 * canvas's own PNG data URL.
 */
function browserDrawing(canvasId: string, width: number, height: number): Drawing {
  const canvas = document.querySelector<HTMLCanvasElement>(`canvas[canvas-id="${canvasId}"]`)
  const ctx = canvas?.getContext('2d')
  if (!canvas || !ctx) throw new Error(`no canvas ${canvasId} on this page`)
  canvas.width = width
  canvas.height = height
  return {
    rect: (x, y, w, h, color) => {
      ctx.fillStyle = color
      ctx.fillRect(x, y, w, h)
    },
    text: (text, x, y, style) => {
      ctx.fillStyle = style.color
      ctx.font = `${style.size}px sans-serif`
      ctx.textAlign = 'left'
      ctx.textBaseline = 'top'
      ctx.fillText(text, x, y)
    },
    finish: async () => canvas.toDataURL('image/png'),
  }
}

/**
 * 保存报名表 on H5: paint on a <canvas>, then download it as a PNG (an <a download>). A photo the browser may not
 * read back (no CORS) would taint the canvas, so then the form is painted again with the photo's box empty.
 * https://developer.mozilla.org/docs/Web/API/HTMLCanvasElement/toDataURL
 * https://developer.mozilla.org/docs/Web/HTML/Element/a#download
 */
async function saveDrawingInBrowser(drawing: FormDrawing, fileName: string): Promise<SaveImageResult> {
  const canvas = document.createElement('canvas')
  canvas.width = drawing.width
  canvas.height = drawing.height
  const ctx = canvas.getContext('2d')
  if (!ctx) return 'unsupported'
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
  let url: string
  try {
    url = canvas.toDataURL('image/png')
  } catch {
    paint(ctx as unknown as Canvas2D, drawing, null)
    url = canvas.toDataURL('image/png')
  }
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  // What the last save produced, for the browser tests (a data: URL, no personal data leaves the page).
  ;(globalThis as unknown as { __lastSavedImage?: { fileName: string; bytes: number } }).__lastSavedImage = {
    fileName,
    bytes: url.length,
  }
  return 'saved'
}

export const platform: Platform = {
  name: 'h5',
  capabilities: { faceVerification: true },
  // The mock server treats `h5-<device>` as this browser's platform user.
  getLoginCode: async () => `h5-${deviceId()}`,
  chooseImage: chooseImageViaTaro,
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
      const { outcome } = await api.simFaceRun(verifyId)
      if (outcome === 'cancel' || outcome === 'unsupported') return outcome
      return outcome === 'fail' ? 'fail' : 'pass'
    } catch (err) {
      if (err instanceof ApiError && err.status === 404 && err.code === 'NOT_FOUND') return 'unsupported'
      return 'fail'
    }
  },
  // No platform cashier in a browser: the mock server's simulated cashier, whose outcome QA sets (docs/process.md).
  requestPayment: async (orderId) => (await api.simPayRun(orderId)).outcome,
  requestSubscribe: async (templateIds) => (await api.simSubscribe(templateIds)).outcome,
  // The exported PNG (a data URL) is downloaded under a real name.
  drawing: browserDrawing,
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
  saveDrawing: saveDrawingInBrowser,
}

// The automator bridge reaches the platform layer here to call and mock it (mockWxMethod), as QA does with wx.*.
;(globalThis as unknown as { __candidatePlatform?: Platform }).__candidatePlatform = platform
// ...and Taro's object, for the route helpers and the page stack (H5 only; app code imports Taro's APIs directly).
;(globalThis as unknown as { __candidateTaro?: typeof Taro }).__candidateTaro = Taro
