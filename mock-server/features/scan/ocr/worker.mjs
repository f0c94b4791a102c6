// The OCR worker thread: PaddleOCR PP-OCRv4 (Chinese) through @gutenye/ocr-node and onnxruntime-node.
// Plain ESM JavaScript on purpose: those packages are ESM only, and a worker runs outside any test transpiler.
// The models load once, on the first image, and stay loaded for the life of the thread.
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parentPort } from 'node:worker_threads'
import sharp from 'sharp'

/**
 * Larger screenshots are shrunk to about this many pixels first (a 750x1334 phone shot is left as it is): time and
 * memory grow with the pixel count, while text on a phone shot stays large enough. A cap on pixels, not on width,
 * keeps a desktop screenshot's small print readable.
 */
const MAX_PIXELS = 1_100_000
/** Recognitions less sure than this are dropped (the library's own cut-off). */
const MIN_SCORE = 0.5

/** Detection runs on at most about this many pixels. */
const DET_MAX_PIXELS = 650_000
/** Recognition input height of the PP-OCRv4 model. */
const REC_HEIGHT = 48
/** Detection input sides must be multiples of this. */
const DET_STRIDE = 32
/** A detection map value above this is text (the library's value, measured on our fixtures). */
const DET_THRESHOLD = 0.03

let modelsPromise = null

/**
 * The library's detect() joins each row's boxes into one line, which merges the two columns of a "label above
 * value" layout, and its pre-processing goes through plain JS arrays (slow, memory-hungry). We use its models, its
 * box finder (OpenCV contours) and its text decoder, feed them typed arrays, and recognise every box on its own.
 */
async function loadModels() {
  const started = performance.now()
  await import('@gutenye/ocr-node') // registers the Node backend (sharp images, onnxruntime-node sessions)
  const require = createRequire(import.meta.url)
  const commonDir = path.dirname(require.resolve('@gutenye/ocr-common'))
  const load = (file) => import(pathToFileURL(path.join(commonDir, ...file.split('/'))).href)
  const { Detection, Recognition } = await load('models/index.js')
  const { ImageRaw, splitIntoLineImages } = await load('backend/index.js')
  const options = (threads) => ({ intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: 'all' })
  // One large detection run gains from a second core; the many small recognition runs do not (measured).
  const detection = await Detection.create({ onnxOptions: options(THREADS) })
  const recognition = await Recognition.create({ onnxOptions: options(1) })
  return { detection, recognition, ImageRaw, splitIntoLineImages, loadMs: performance.now() - started }
}

/** Threads of a detection run: 2 (the server is sized for 2 cores) unless OCR_THREADS says otherwise. */
const THREADS = Math.max(1, Math.min(2, Number(process.env.OCR_THREADS) || 2))

/** RGBA pixels to the models' planar B, G, R input in 0..1 (the library's convention: no mean/std). */
function planarBgr(rgba, width, height, outWidth = width, outHeight = height, fill = 1) {
  const plane = outWidth * outHeight
  const out = new Float32Array(3 * plane).fill(fill)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4
      const o = y * outWidth + x
      out[o] = rgba[i + 2] / 255
      out[plane + o] = rgba[i + 1] / 255
      out[2 * plane + o] = rgba[i] / 255
    }
  }
  return out
}

/** Bilinear resize of an RGBA crop to REC_HEIGHT, straight into the recognition input. */
function recInput(crop) {
  const { data, width, height } = crop
  const outW = Math.max(8, Math.round((width * REC_HEIGHT) / height))
  const plane = outW * REC_HEIGHT
  const out = new Float32Array(3 * plane)
  const sx = width / outW
  const sy = height / REC_HEIGHT
  for (let y = 0; y < REC_HEIGHT; y++) {
    const fy = Math.min(height - 1, Math.max(0, (y + 0.5) * sy - 0.5))
    const y0 = Math.floor(fy)
    const y1 = Math.min(height - 1, y0 + 1)
    const wy = fy - y0
    for (let x = 0; x < outW; x++) {
      const fx = Math.min(width - 1, Math.max(0, (x + 0.5) * sx - 0.5))
      const x0 = Math.floor(fx)
      const x1 = Math.min(width - 1, x0 + 1)
      const wx = fx - x0
      const o = y * outW + x
      for (let c = 0; c < 3; c++) {
        const a = data[(y0 * width + x0) * 4 + c]
        const b = data[(y0 * width + x1) * 4 + c]
        const d = data[(y1 * width + x0) * 4 + c]
        const e = data[(y1 * width + x1) * 4 + c]
        const v = (a * (1 - wx) + b * wx) * (1 - wy) + (d * (1 - wx) + e * wx) * wy
        out[(2 - c) * plane + o] = v / 255 // R, G, B to planes 2, 1, 0
      }
    }
  }
  return { data: out, width: outW, height: REC_HEIGHT }
}

/** The box as its centre, its own width and height, and the slope of its top edge (rotated screenshots). */
function geometry(points) {
  const [p0, p1, , p3] = points
  const cx = points.reduce((s, p) => s + p[0], 0) / 4
  const cy = points.reduce((s, p) => s + p[1], 0) / 4
  const w = Math.hypot(p1[0] - p0[0], p1[1] - p0[1])
  const h = Math.hypot(p3[0] - p0[0], p3[1] - p0[1])
  const angle = (Math.atan2(p1[1] - p0[1], p1[0] - p0[0]) * 180) / Math.PI
  return {
    x: Math.round(cx - w / 2),
    y: Math.round(cy - h / 2),
    w: Math.round(w),
    h: Math.round(h),
    angle: Number(angle.toFixed(2)),
  }
}

async function recognise(bytes) {
  let loadMs = 0
  if (!modelsPromise) {
    modelsPromise = loadModels()
    loadMs = (await modelsPromise).loadMs
  }
  const { detection, recognition, ImageRaw, splitIntoLineImages } = await modelsPromise
  const started = performance.now()
  const cpuStarted = process.cpuUsage()

  // Flatten transparency onto white and honour EXIF rotation, shrink, then raw RGBA once.
  const input = sharp(Buffer.from(bytes), { limitInputPixels: 40_000_000 }).rotate().flatten({ background: '#ffffff' })
  const meta = await input.metadata()
  const pixels = (meta.width ?? 0) * (meta.height ?? 0)
  const scale = pixels > MAX_PIXELS ? Math.sqrt(MAX_PIXELS / pixels) : 1
  const resized = scale < 1 ? input.resize({ width: Math.round((meta.width ?? 0) * scale) }) : input
  const { data, info } = await resized.ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  const { width, height } = info
  const source = new ImageRaw({ data, width, height })

  // Detection runs smaller still (finding lines needs fewer pixels than reading them), padded with white to
  // multiples of 32, never stretched; the lines are then cut from the larger image for recognition.
  const detScale = width * height > DET_MAX_PIXELS ? Math.sqrt(DET_MAX_PIXELS / (width * height)) : 1
  const mapW = Math.round(width * detScale)
  const mapH = Math.round(height * detScale)
  const detPixels =
    detScale < 1
      ? await sharp(data, { raw: { width, height, channels: 4 } })
          .resize(mapW, mapH)
          .raw()
          .toBuffer()
      : data
  const detW = Math.ceil(mapW / DET_STRIDE) * DET_STRIDE
  const detH = Math.ceil(mapH / DET_STRIDE) * DET_STRIDE
  const detOut = await detection.runModel({
    modelData: { data: planarBgr(detPixels, mapW, mapH, detW, detH), width: detW, height: detH },
  })
  const map = new Uint8Array(detW * detH * 4)
  const probs = detOut.data
  for (let i = 0; i < probs.length; i++) {
    const v = probs[i] > DET_THRESHOLD ? 255 : 0
    map[i * 4] = v
    map[i * 4 + 1] = v
    map[i * 4 + 2] = v
    map[i * 4 + 3] = 255
  }
  // Crop the padding off the map; the box finder scales boxes by source size / map size.
  const mapImage = new ImageRaw({ data: cropRgba(map, detW, mapW, mapH), width: mapW, height: mapH })
  const lineImages = await splitIntoLineImages(mapImage, source)

  const boxes = []
  for (const lineImage of lineImages) {
    const output = await recognition.runModel({ modelData: recInput(lineImage.image) })
    const [line] = recognition.decodeText(output)
    if (!line || line.mean < MIN_SCORE || !line.text.trim()) continue
    boxes.push({ text: line.text, score: Number(line.mean.toFixed(3)), ...geometry(lineImage.box) })
  }
  const cpu = process.cpuUsage(cpuStarted)
  // cpuMs is the whole process's CPU time (all threads): a figure a busy machine does not inflate the way it does ms.
  return { boxes, width, height, loadMs, ms: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000 }
}

/** The top-left width x height of an RGBA buffer that is stride pixels wide. */
function cropRgba(rgba, stride, width, height) {
  if (stride === width && rgba.length === width * height * 4) return rgba
  const out = new Uint8Array(width * height * 4)
  for (let y = 0; y < height; y++) out.set(rgba.subarray(y * stride * 4, (y * stride + width) * 4), y * width * 4)
  return out
}

parentPort.on('message', async ({ id, bytes }) => {
  try {
    parentPort.postMessage({ id, ok: true, result: await recognise(bytes) })
  } catch (err) {
    parentPort.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) })
  }
})
