// Finding the page in a phone photo of a screen, and cutting it out straight (perspective and rotation undone).
// Plain ESM JavaScript beside the worker that uses it; pure functions over raw pixels (no I/O, no dependencies but
// the OCR's one bilinear sampler, sample.mjs).
//
// Method: the screen showing a 学信网 page is the photo's large bright quadrilateral, framed by the darker bezel and
// room around it. Otsu's threshold splits bright from dark on a small greyscale copy; the largest bright connected
// region is the page; its four corners are the extremes along the two diagonals (x+y, x−y), which holds for any
// perspective a hand-held shot gives and for rotations up to about 30°. A homography from those corners to an
// upright rectangle is applied to the full-size pixels (sharp has affine transforms only, not perspective ones).
// A screenshot is left alone: its bright page runs off the image's edges instead of being framed by them.
import { addBilinear } from './sample.mjs'

/** The page region must cover at least this share of the photo. */
const MIN_PAGE_SHARE = 0.12
/** ... touch the photo's edges on at most this share of their length (a screenshot's page touches them all). */
const MAX_EDGE_CONTACT = 0.08
/** ... and fill its corners' quadrilateral to at least this share (a quadrilateral, not a blob). */
const MIN_QUAD_FILL = 0.8

/** Otsu's threshold of 8-bit grey values. */
function otsu(grey) {
  const hist = new Float64Array(256)
  for (let i = 0; i < grey.length; i++) hist[grey[i]]++
  const total = grey.length
  let sum = 0
  for (let v = 0; v < 256; v++) sum += v * hist[v]
  let sumB = 0
  let wB = 0
  let best = 0
  let threshold = 128
  for (let v = 0; v < 256; v++) {
    wB += hist[v]
    if (wB === 0) continue
    const wF = total - wB
    if (wF === 0) break
    sumB += v * hist[v]
    const mB = sumB / wB
    const mF = (sum - sumB) / wF
    const between = wB * wF * (mB - mF) * (mB - mF)
    if (between > best) {
      best = between
      threshold = v
    }
  }
  return threshold
}

/**
 * The page's corners [tl, tr, br, bl] in the grey image's pixels, or null when the image does not look like a photo
 * of a screen (a screenshot, a page filling the frame, no clear bright quadrilateral).
 */
export function findPage(grey, width, height) {
  const total = width * height
  if (total === 0) return null
  const threshold = otsu(grey)
  const label = new Int32Array(total).fill(-1)
  const queue = new Int32Array(total)
  let bestSize = 0
  let bestId = -1
  let id = 0
  for (let start = 0; start < total; start++) {
    if (label[start] !== -1 || grey[start] <= threshold) continue
    let head = 0
    let tail = 0
    queue[tail++] = start
    label[start] = id
    // (neighbours visited without allocating: this runs once per pixel of every upload)
    const visit = (q) => {
      if (label[q] !== -1 || grey[q] <= threshold) return
      label[q] = id
      queue[tail++] = q
    }
    while (head < tail) {
      const p = queue[head++]
      const x = p % width
      if (x > 0) visit(p - 1)
      if (x < width - 1) visit(p + 1)
      if (p >= width) visit(p - width)
      if (p + width < total) visit(p + width)
    }
    if (tail > bestSize) {
      bestSize = tail
      bestId = id
    }
    id++
  }
  if (bestId < 0 || bestSize < MIN_PAGE_SHARE * total) return null

  let contact = 0
  for (let x = 0; x < width; x++) {
    if (label[x] === bestId) contact++
    if (label[(height - 1) * width + x] === bestId) contact++
  }
  for (let y = 0; y < height; y++) {
    if (label[y * width] === bestId) contact++
    if (label[y * width + width - 1] === bestId) contact++
  }
  if (contact > MAX_EDGE_CONTACT * 2 * (width + height)) return null

  let tl = null
  let tr = null
  let br = null
  let bl = null
  for (let p = 0; p < total; p++) {
    if (label[p] !== bestId) continue
    const x = p % width
    const y = (p - x) / width
    if (!tl || x + y < tl[0] + tl[1]) tl = [x, y]
    if (!br || x + y > br[0] + br[1]) br = [x, y]
    if (!tr || x - y > tr[0] - tr[1]) tr = [x, y]
    if (!bl || y - x > bl[1] - bl[0]) bl = [x, y]
  }
  const corners = [tl, tr, br, bl].map(([x, y]) => [x + 0.5, y + 0.5])
  const area = quadArea(corners)
  if (!isConvex(corners) || area < MIN_PAGE_SHARE * total || bestSize < MIN_QUAD_FILL * area) return null
  return { corners, probeWidth: width }
}

function quadArea(q) {
  let a = 0
  for (let i = 0; i < 4; i++) {
    const [x1, y1] = q[i]
    const [x2, y2] = q[(i + 1) % 4]
    a += x1 * y2 - x2 * y1
  }
  return Math.abs(a) / 2
}

function isConvex(q) {
  let sign = 0
  for (let i = 0; i < 4; i++) {
    const [ax, ay] = q[i]
    const [bx, by] = q[(i + 1) % 4]
    const [cx, cy] = q[(i + 2) % 4]
    const cross = (bx - ax) * (cy - by) - (by - ay) * (cx - bx)
    if (cross === 0) return false
    if (sign === 0) sign = Math.sign(cross)
    else if (Math.sign(cross) !== sign) return false
  }
  return true
}

/**
 * The homography taking the four points `from` onto the four points `to` (3x3, row-major, h33 = 1): the 8x8 linear
 * system of the direct linear transform, solved by Gaussian elimination with partial pivoting.
 */
export function homography(from, to) {
  const a = []
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i]
    const [u, v] = to[i]
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u])
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v])
  }
  for (let c = 0; c < 8; c++) {
    let pivot = c
    for (let r = c + 1; r < 8; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r
    ;[a[c], a[pivot]] = [a[pivot], a[c]]
    if (Math.abs(a[c][c]) < 1e-12) throw new Error('degenerate quadrilateral')
    for (let r = 0; r < 8; r++) {
      if (r === c) continue
      const f = a[r][c] / a[c][c]
      for (let k = c; k < 9; k++) a[r][k] -= f * a[c][k]
    }
  }
  const h = a.map((row, i) => row[8] / row[i])
  return [...h, 1]
}

/**
 * The quadrilateral `corners` [tl, tr, br, bl] of an RGB image cut out as an upright rectangle: as wide as its longer
 * horizontal edge and as high as its longer vertical one, scaled to about `pixels`, sampled bilinearly (sample.mjs).
 */
export function rectifyPage(rgb, width, height, corners, pixels) {
  const [tl, tr, br, bl] = corners
  const len = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1])
  let outW = Math.max(len(tl, tr), len(bl, br))
  let outH = Math.max(len(tl, bl), len(tr, br))
  // To `pixels`, enlarged at most 2 times (small print reads better larger; more adds nothing).
  const shrink = Math.min(2, Math.sqrt(pixels / (outW * outH)))
  outW = Math.max(1, Math.round(outW * shrink))
  outH = Math.max(1, Math.round(outH * shrink))
  // From output pixels back to photo pixels.
  const h = homography(
    [
      [0, 0],
      [outW, 0],
      [outW, outH],
      [0, outH],
    ],
    corners,
  )
  const out = Buffer.alloc(outW * outH * 3)
  const acc = new Float64Array(3)
  for (let y = 0; y < outH; y++) {
    const fy = y + 0.5
    for (let x = 0; x < outW; x++) {
      const fx = x + 0.5
      const w = h[6] * fx + h[7] * fy + h[8]
      acc[0] = acc[1] = acc[2] = 0
      addBilinear(
        rgb,
        width,
        height,
        (h[0] * fx + h[1] * fy + h[2]) / w - 0.5,
        (h[3] * fx + h[4] * fy + h[5]) / w - 0.5,
        acc,
      )
      const o = (y * outW + x) * 3
      out[o] = acc[0] + 0.5
      out[o + 1] = acc[1] + 0.5
      out[o + 2] = acc[2] + 0.5
    }
  }
  return { data: out, width: outW, height: outH }
}

/** Width of the small grey copy the cheap photo test looks at (the page finder's shares do not depend on size). */
export const QUICK_PROBE_WIDTH = 120

/**
 * A small grey copy of RGB pixels, `probeWidth` wide: each probe pixel the mean luma (BT.709 weights) of its block of
 * source pixels, sampled on a 2×2 grid inside the block (enough for Otsu and the connected regions; no copy of the
 * image is made).
 */
export function greyProbe(rgb, width, height, probeWidth = QUICK_PROBE_WIDTH) {
  const pw = Math.max(1, Math.min(width, probeWidth))
  const ph = Math.max(1, Math.round((height * pw) / width))
  const out = new Uint8Array(pw * ph)
  const bx = width / pw
  const by = height / ph
  for (let y = 0; y < ph; y++) {
    for (let x = 0; x < pw; x++) {
      let sum = 0
      for (let sy = 0; sy < 2; sy++) {
        const py = Math.min(height - 1, ((y + (sy + 0.5) / 2) * by) | 0)
        for (let sx = 0; sx < 2; sx++) {
          const px = Math.min(width - 1, ((x + (sx + 0.5) / 2) * bx) | 0)
          const i = (py * width + px) * 3
          sum += 0.2126 * rgb[i] + 0.7152 * rgb[i + 1] + 0.0722 * rgb[i + 2]
        }
      }
      out[y * pw + x] = (sum / 4 + 0.5) | 0
    }
  }
  return { data: out, width: pw, height: ph }
}

/**
 * The cheap test of an image already decoded (RGB): could it be a phone photo of a screen? The page finder's own rules
 * (a large bright quadrilateral framed by darker surroundings, off the image's edges) on a 120-pixel-wide grey copy:
 * about 25 thousand pixels instead of the 400 thousand the corners are found on. A screenshot (its page runs off every
 * edge) answers false, and then none of the photo steps (finding the corners, cutting the page out, evening out the
 * light) run. Only a true answer pays for them; the corners are then found at 480 pixels wide (findPage).
 */
export function looksLikePhoto(rgb, width, height) {
  if (width * height === 0) return false
  const probe = greyProbe(rgb, width, height)
  return findPage(probe.data, probe.width, probe.height) !== null
}
