import sharp from 'sharp'

/**
 * A JPG as the contract stores it (issue 20): decoded and encoded again, so what is kept and served is pixels only.
 * `.rotate()` without an angle turns the pixels by the EXIF orientation (the stored picture is upright and carries no
 * orientation tag); sharp writes no metadata unless asked (no EXIF, GPS, XMP, comments); and anything after the
 * image (an HTML tail, a second file) is not part of the pixels, so it is gone. Decoded under the same pixel limit
 * as the check before it. https://sharp.pixelplumbing.com/api-operation#rotate
 * https://sharp.pixelplumbing.com/api-output#keepmetadata (metadata is stripped by default)
 */
export async function reencodeJpeg(bytes: Uint8Array, maxPixels: number): Promise<Buffer> {
  return sharp(bytes, { limitInputPixels: maxPixels, failOn: 'truncated' })
    .rotate()
    .jpeg({ quality: 90, chromaSubsampling: '4:4:4' })
    .toBuffer()
}
