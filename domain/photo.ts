/**
 * The registration photo's rules (SPEC 2): JPG/JPEG, a file larger than 45 KB, at least 295×413 px (width × height).
 * Pure: the phone checks before uploading, and the mock server checks the same again from the bytes.
 */

/** The file must be strictly larger than this: 45 KB = 46,080 bytes is refused, 46,081 bytes is accepted. */
export const PHOTO_MIN_BYTES_EXCLUSIVE = 45 * 1024
/** The upper bound the server accepts (a phone's camera original is well under this). */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024
/** The server decodes no photo with more pixels than this (a 48-megapixel camera original fits). */
export const PHOTO_MAX_PIXELS = 50_000_000
/** Both are minimums, inclusive: 295×413 passes, 294×413 and 295×412 do not. */
export const PHOTO_MIN_WIDTH = 295
export const PHOTO_MIN_HEIGHT = 413

export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'bmp' | 'unknown'

const FORMAT_NAMES: Record<ImageFormat, string> = {
  jpeg: 'JPG',
  png: 'PNG',
  gif: 'GIF',
  webp: 'WEBP',
  bmp: 'BMP',
  unknown: '无法识别的格式',
}

/** The format from the first bytes (magic numbers), never from the file name. */
export function detectImageFormat(head: Uint8Array): ImageFormat {
  const b = head
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg'
  if (b.length >= 4 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png'
  if (b.length >= 4 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38) return 'gif'
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'webp'
  if (b.length >= 2 && b[0] === 0x42 && b[1] === 0x4d) return 'bmp'
  return 'unknown'
}

function ascii(b: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...Array.from(b.subarray(from, to)))
}

/** A JPEG starts FF D8 FF (SOI, then the first marker). */
export function isJpeg(head: Uint8Array): boolean {
  return detectImageFormat(head) === 'jpeg'
}

/**
 * Pixel size from a JPEG's bytes: walks the marker segments to the first SOFn frame header (C0-CF except C4 DHT,
 * C8 JPG, CC DAC) and reads its height and width. Null when the bytes are not a readable JPEG.
 */
export function readJpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (!isJpeg(bytes)) return null
  let i = 2
  while (i + 3 < bytes.length) {
    if (bytes[i] !== 0xff) return null
    const marker = bytes[i + 1]
    // Fill bytes (FF FF ...) may pad between segments.
    if (marker === 0xff) {
      i++
      continue
    }
    // Markers without a length: TEM and RSTn; SOI again would be malformed but harmless to skip.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      i += 2
      continue
    }
    // Start of scan or end of image before any frame header: no size to read.
    if (marker === 0xda || marker === 0xd9) return null
    const length = (bytes[i + 2] << 8) | bytes[i + 3]
    if (length < 2) return null
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
    if (isSof) {
      if (i + 8 >= bytes.length) return null
      const height = (bytes[i + 5] << 8) | bytes[i + 6]
      const width = (bytes[i + 7] << 8) | bytes[i + 8]
      return width > 0 && height > 0 ? { width, height } : null
    }
    i += 2 + length
  }
  return null
}

/**
 * EXIF orientations 5-8 turn the picture a quarter: the stored width is the upright height. Takes the EXIF number
 * (the server reads it from the bytes) or a mini-program's getImageInfo `orientation` word, whose width and height
 * are the stored ones ("不考虑旋转"):
 * https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.getImageInfo.html
 * (Alipay https://opendocs.alipay.com/mini/api/media/image/my.getimageinfo, Baidu
 * https://smartprogram.baidu.com/docs/develop/api/media/image_swan-getImageInfo/ report the same words). A browser
 * reports the upright size already and no orientation.
 */
export function uprightSize(
  size: { width: number; height: number },
  orientation?: number | string | null,
): { width: number; height: number } {
  const turned =
    typeof orientation === 'number'
      ? orientation >= 5 && orientation <= 8
      : typeof orientation === 'string' && /^(left|right)(-mirrored)?$/.test(orientation)
  return turned ? { width: size.height, height: size.width } : { width: size.width, height: size.height }
}

export type PhotoProblemCode = 'format' | 'file-too-small' | 'file-too-large' | 'pixels-too-few' | 'unreadable'

export interface PhotoProblem {
  code: PhotoProblemCode
  /** The exact Chinese sentence to show: what is wrong, what is required, what this file has. */
  message: string
}

export interface PhotoFacts {
  /** The first bytes of the file, when the platform lets us read them; the format is decided from these. */
  head?: Uint8Array | null
  /** The format the platform reported (getImageInfo type), used only when the bytes cannot be read. */
  reportedType?: string | null
  /** File size in bytes. */
  size: number
  /** Pixel size, when known, as stored in the file. */
  width?: number | null
  height?: number | null
  /** EXIF orientation (number) or the platform's word for it; the size rule applies to the upright picture. */
  orientation?: number | string | null
}

/** One decimal, rounded down, so a file that fails the 45 KB rule never shows as "45.1 KB". */
export function formatKb(bytes: number): string {
  return `${(Math.floor((bytes / 1024) * 10) / 10).toFixed(1)} KB`
}

function formatFromReportedType(type: string): ImageFormat {
  const t = type.toLowerCase().replace(/^image\//, '')
  if (t === 'jpg' || t === 'jpeg') return 'jpeg'
  if (t === 'png' || t === 'gif' || t === 'webp' || t === 'bmp') return t
  return 'unknown'
}

/** Every problem of the photo, in the order the candidate should fix them; empty when it may be uploaded. */
export function checkPhoto(facts: PhotoFacts): PhotoProblem[] {
  const problems: PhotoProblem[] = []
  const format =
    facts.head && facts.head.length >= 3
      ? detectImageFormat(facts.head)
      : facts.reportedType
        ? formatFromReportedType(facts.reportedType)
        : 'unknown'
  if (format !== 'jpeg') {
    problems.push({
      code: 'format',
      message: `照片格式不符：只能上传 JPG/JPEG 格式，所选文件为 ${FORMAT_NAMES[format]}`,
    })
  }
  if (facts.size <= PHOTO_MIN_BYTES_EXCLUSIVE) {
    problems.push({
      code: 'file-too-small',
      message: `照片文件太小：须大于 45 KB，所选文件为 ${formatKb(facts.size)}（请勿压缩照片）`,
    })
  } else if (facts.size > PHOTO_MAX_BYTES) {
    problems.push({
      code: 'file-too-large',
      message: `照片文件太大：须不超过 5 MB，所选文件为 ${(facts.size / 1024 / 1024).toFixed(1)} MB`,
    })
  }
  if (facts.width && facts.height) {
    const { width, height } = uprightSize({ width: facts.width, height: facts.height }, facts.orientation)
    const short: string[] = []
    if (width < PHOTO_MIN_WIDTH) short.push(`宽度不足 ${PHOTO_MIN_WIDTH}`)
    if (height < PHOTO_MIN_HEIGHT) short.push(`高度不足 ${PHOTO_MIN_HEIGHT}`)
    if (short.length) {
      problems.push({
        code: 'pixels-too-few',
        message: `照片像素不足：须至少 ${PHOTO_MIN_WIDTH}×${PHOTO_MIN_HEIGHT}（宽×高），所选照片为 ${width}×${height}，${short.join('、')}`,
      })
    }
  } else if (format === 'jpeg') {
    problems.push({ code: 'unreadable', message: '无法读取照片的像素尺寸，请重新拍摄或选择其他照片' })
  }
  return problems
}
