// Bilinear sampling of packed RGB pixels, the one sampler of the OCR: cutting the page out of a photo (page.mjs,
// rectifyPage) and cutting each text line into the recogniser's input (pipeline.mjs, cutLine) both read through it.
// Plain ESM JavaScript beside the modules that use it; pure (no I/O, no dependencies).

/**
 * Adds the bilinear sample of RGB pixels (`width` × `height`, 3 bytes a pixel) at (px, py) to acc[0..2] (R, G, B).
 * Pixel centres are at integer coordinates (the caller subtracts 0.5 from a pixel-edge coordinate); a point off the
 * image is clamped to its edge. Accumulating lets a caller average several samples per output pixel without an array
 * per sample (this runs millions of times per image).
 */
export function addBilinear(rgb, width, height, px, py, acc) {
  const maxX = width - 1
  const maxY = height - 1
  px = px < 0 ? 0 : px > maxX ? maxX : px
  py = py < 0 ? 0 : py > maxY ? maxY : py
  const x0 = px | 0
  const y0 = py | 0
  const x1 = x0 < maxX ? x0 + 1 : x0
  const y1 = y0 < maxY ? y0 + 1 : y0
  const wx = px - x0
  const wy = py - y0
  const i00 = (y0 * width + x0) * 3
  const i01 = (y0 * width + x1) * 3
  const i10 = (y1 * width + x0) * 3
  const i11 = (y1 * width + x1) * 3
  const w00 = (1 - wx) * (1 - wy)
  const w01 = wx * (1 - wy)
  const w10 = (1 - wx) * wy
  const w11 = wx * wy
  acc[0] += rgb[i00] * w00 + rgb[i01] * w01 + rgb[i10] * w10 + rgb[i11] * w11
  acc[1] += rgb[i00 + 1] * w00 + rgb[i01 + 1] * w01 + rgb[i10 + 1] * w10 + rgb[i11 + 1] * w11
  acc[2] += rgb[i00 + 2] * w00 + rgb[i01 + 2] * w01 + rgb[i10 + 2] * w10 + rgb[i11 + 2] * w11
}
