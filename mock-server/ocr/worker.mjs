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

let modelsPromise = null

/**
 * The library's detect() joins each row's boxes into one line, which merges the two columns of a "label above
 * value" layout; we run its detection and recognition models ourselves and recognise every box on its own.
 */
async function loadModels() {
  const started = performance.now()
  await import('@gutenye/ocr-node') // registers the Node backend (sharp images, onnxruntime-node sessions)
  const require = createRequire(import.meta.url)
  const commonDir = path.dirname(require.resolve('@gutenye/ocr-common'))
  const { Detection, Recognition } = await import(pathToFileURL(path.join(commonDir, 'models', 'index.js')).href)
  const onnxOptions = { intraOpNumThreads: 2, interOpNumThreads: 1, graphOptimizationLevel: 'all' }
  const detection = await Detection.create({ onnxOptions })
  const recognition = await Recognition.create({ onnxOptions })
  return { detection, recognition, loadMs: performance.now() - started }
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
  const { detection, recognition } = await modelsPromise
  const started = performance.now()
  // Flatten transparency onto white and drop EXIF rotation before shrinking; PNG at level 0 is a cheap handover.
  const input = sharp(Buffer.from(bytes), { limitInputPixels: 40_000_000 }).rotate().flatten({ background: '#ffffff' })
  const meta = await input.metadata()
  const pixels = (meta.width ?? 0) * (meta.height ?? 0)
  const scale = pixels > MAX_PIXELS ? Math.sqrt(MAX_PIXELS / pixels) : 1
  const resized = scale < 1 ? input.resize({ width: Math.round((meta.width ?? 0) * scale) }) : input
  const { data: png, info } = await resized.png({ compressionLevel: 0 }).toBuffer({ resolveWithObject: true })
  const lineImages = await detection.run(png)
  const boxes = []
  for (const lineImage of lineImages) {
    const [line] = await recognition.run([lineImage])
    if (!line || line.mean < MIN_SCORE || !line.text.trim()) continue
    boxes.push({ text: line.text, score: Number(line.mean.toFixed(3)), ...geometry(lineImage.box) })
  }
  return { boxes, width: info.width, height: info.height, loadMs, ms: performance.now() - started }
}

parentPort.on('message', async ({ id, bytes }) => {
  try {
    parentPort.postMessage({ id, ok: true, result: await recognise(bytes) })
  } catch (err) {
    parentPort.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) })
  }
})
