import sharp from 'sharp'

/**
 * Real JPEG (and other) images for the photo rules, made with sharp. Noise keeps the file large, as a camera
 * photo is; `bytes` pads the file after its end-of-image marker to an exact size (readers stop at EOI).
 */
export async function makeJpeg(opts: {
  width: number
  height: number
  bytes?: number
  noise?: boolean
}): Promise<Buffer> {
  const noise = opts.noise ?? true
  const image = sharp({
    create: {
      width: opts.width,
      height: opts.height,
      channels: 3,
      background: { r: 245, g: 245, b: 245 },
      ...(noise ? { noise: { type: 'gaussian' as const, mean: 200, sigma: 40 } } : {}),
    },
  })
  const jpeg = await image.jpeg({ quality: 92 }).toBuffer()
  if (opts.bytes === undefined) return jpeg
  if (jpeg.length > opts.bytes) throw new Error(`JPEG is ${jpeg.length} bytes, more than the ${opts.bytes} asked`)
  return Buffer.concat([jpeg, Buffer.alloc(opts.bytes - jpeg.length)])
}

export async function makePng(width: number, height: number): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 3, background: '#ffffff', noise: { type: 'gaussian', mean: 200, sigma: 40 } },
  })
    .png()
    .toBuffer()
}
