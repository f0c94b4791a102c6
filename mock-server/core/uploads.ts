import type { FastifyRequest } from 'fastify'
import sharp from 'sharp'
import { checkPhoto, uprightSize, type PhotoProblemCode } from '../../domain/photo'
import type { ErrorCode } from '../../types/errors'
import { HttpError, badRequest } from './errors'
import { foreignInImage } from './file-check/polyglot'

/**
 * Uploads are read and decoded before anything trusts them. A multipart body that breaks off, lacks its boundary or
 * is otherwise malformed is a 400 with the contract's body (busboy's own errors would be 500s); an image is decoded
 * whole, under a pixel limit, so a truncated file, a header followed by zeros, a header declaring 30000×30000 or a
 * decompression bomb is refused instead of stored.
 */

/** The one file of a multipart upload, as bytes. `tooLarge` is the answer when it exceeds the plugin's fileSize. */
export async function readUploadedFile(req: FastifyRequest, field: string, messages: UploadMessages): Promise<Buffer> {
  if (!req.isMultipart()) throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', messages.notMultipart)
  try {
    const file = await req.file()
    if (!file || file.fieldname !== field) throw badRequest('BAD_REQUEST', messages.missing)
    const bytes = await file.toBuffer()
    // busboy marks a file cut off at the size limit instead of failing when it is the last part.
    if (file.file.truncated) throw messages.tooLarge
    return bytes
  } catch (err) {
    if (err instanceof HttpError) throw err
    const code = (err as { code?: string }).code
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw messages.tooLarge
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw badRequest('BAD_REQUEST', '一次只能上传一个文件')
    }
    throw badRequest('BAD_REQUEST', '上传的内容不完整或格式不正确，请重新上传')
  }
}

export interface UploadMessages {
  notMultipart: string
  missing: string
  tooLarge: HttpError
}

export interface DecodedImage {
  format: string
  /** The size as the image is meant to be seen: after its EXIF orientation. */
  width: number
  height: number
}

/**
 * Decodes the whole image (shrunk on load, so a large one costs little memory) and returns its upright size; null
 * when it does not decode: too many pixels, truncated, corrupt. `maxPixels` is checked from the header, before
 * any decoding. https://sharp.pixelplumbing.com/api-constructor (limitInputPixels, failOn)
 * An image that also carries a PDF or an HTML page (a polyglot, core/file-check/polyglot.ts) is refused first, 400
 * `UPLOAD_POLYGLOT`, for every image upload alike.
 */
export async function decodeImage(bytes: Buffer, maxPixels: number): Promise<DecodedImage | null> {
  refusePolyglot(bytes)
  try {
    const image = sharp(bytes, { limitInputPixels: maxPixels, failOn: 'truncated', sequentialRead: true })
    const meta = await image.metadata()
    if (!meta.format || !meta.width || !meta.height) return null
    if (meta.format === 'jpeg' && !endsAfterScan(bytes)) return null
    if (!(await scanCoversImage(bytes, maxPixels))) return null
    await image.resize(32, 32, { fit: 'inside' }).raw().toBuffer()
    const upright = uprightSize({ width: meta.width, height: meta.height }, meta.orientation)
    return { format: meta.format, ...upright }
  } catch {
    return null
  }
}

/** 400 `UPLOAD_POLYGLOT` for an image that is also a PDF or an HTML page. */
export function refusePolyglot(bytes: Buffer): void {
  const other = foreignInImage(bytes)
  if (other) {
    throw new HttpError(400, 'UPLOAD_POLYGLOT', undefined, undefined, { found: other })
  }
}

/**
 * A JPEG whose header declares more rows than its scan holds decodes silently under failOn 'truncated': libjpeg meets
 * the end-of-image marker early, warns "premature end of data segment" and paints the missing rows grey. That
 * warning is read from a decode at failOn 'warning' and refused; any other warning (extraneous bytes before a
 * marker, which some phone cameras write) is tolerated, as a phone's own gallery does. The decode is at full size
 * (a shrink-on-load decode stops short of the last rows and misses a few missing ones), streamed through stats() so
 * its memory stays small; the pixel limit was checked from the header before.
 * https://sharp.pixelplumbing.com/api-constructor (failOn: 'none' | 'truncated' | 'error' | 'warning')
 * https://sharp.pixelplumbing.com/api-input#stats
 */
async function scanCoversImage(bytes: Buffer, maxPixels: number): Promise<boolean> {
  try {
    await sharp(bytes, { limitInputPixels: maxPixels, failOn: 'warning', sequentialRead: true }).stats()
    return true
  } catch (err) {
    return !/premature end/i.test(err instanceof Error ? err.message : String(err))
  }
}

/**
 * A JPEG whose scan data is cut off and padded (with zeros, say) still decodes: the padding reads as pixels. A whole
 * file has its end-of-image marker after the last start-of-scan (FF D9 after FF DA; neither can occur inside the
 * entropy-coded data, where FF is always followed by 00 or a restart marker).
 */
function endsAfterScan(bytes: Buffer): boolean {
  const scan = bytes.lastIndexOf(Buffer.from([0xff, 0xda]))
  return scan > 0 && bytes.lastIndexOf(Buffer.from([0xff, 0xd9])) > scan
}

const PHOTO_ERROR: Record<PhotoProblemCode, ErrorCode> = {
  format: 'PHOTO_FORMAT',
  'file-too-small': 'PHOTO_FILE_TOO_SMALL',
  'file-too-large': 'PHOTO_FILE_TOO_LARGE',
  'pixels-too-few': 'PHOTO_PIXELS_TOO_FEW',
  unreadable: 'PHOTO_FORMAT',
}

/**
 * The photo rules (domain/photo, the same the phone runs) on an uploaded photo's bytes and the size its decoding
 * found (none: it did not decode, so it is unreadable). A photo that breaks one is refused: the first problem's code
 * and message (413 for a file too large, otherwise 400), every problem's message under the `photo` field.
 */
export function refuseBadPhoto(bytes: Buffer, size: { width: number; height: number } | null | undefined): void {
  const problems = photoProblems(bytes, size)
  if (problems.length) {
    const first = problems[0]
    throw new HttpError(photoRefusalStatus(first), PHOTO_ERROR[first.code], first.message, {
      photo: problems.map((p) => p.message).join('；'),
    })
  }
}

/** The photo rules on an upload's bytes and decoded size (none: it did not decode), for refusals of their own. */
export function photoProblems(bytes: Buffer, size: { width: number; height: number } | null | undefined) {
  return checkPhoto({ head: bytes.subarray(0, 16), size: bytes.length, width: size?.width, height: size?.height })
}

/** 413 for a file too large, otherwise 400. */
export function photoRefusalStatus(problem: { code: string }): 400 | 413 {
  return problem.code === 'file-too-large' ? 413 : 400
}
