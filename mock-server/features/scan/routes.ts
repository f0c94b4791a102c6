import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { detectImageFormat } from '../../../domain/photo'
import { compareWithCandidate, extractXuexin } from '../../../domain/xuexin-extract'
import { endpoints } from '../../../types/api'
import { SCAN_MAX_BYTES, SCAN_UPLOAD_FIELD, type ScanEducationResponse } from '../../../types/scan'
import { candidateScope } from '../../core/candidate-scope'
import { HttpError } from '../../core/errors'
import { decodeImage, readUploadedFile } from '../../core/uploads'
import type { Store } from '../../core/store'
import type { Account } from '../account'
import { OcrUnavailableError, sharedOcrEngine, type OcrEngine } from './ocr/engine'

export interface ScanRoutesOptions {
  store: Store
  /** The OCR engine; the process's shared one (models loaded once, on first use) unless a test brings its own. */
  engine?: OcrEngine
  /** More screenshots than this waiting for the OCR and the next one is told to come back later (503). */
  maxQueue?: number
}

const ACCEPTED = new Set(['jpeg', 'png', 'webp'])
/** A phone screenshot is a few megapixels; a long scrolling capture stays well under this. */
const SCAN_MAX_PIXELS = 30_000_000

/**
 * POST /api/scan/education (issue 6): a 学信网 result screenshot in, the recognised education or degree fields out.
 * Nothing is stored: the candidate checks the fields in the form and saves them through the records endpoint.
 * One candidate scope, with its multipart parser inside it.
 */
export async function scanRoutes(app: FastifyInstance, opts: ScanRoutesOptions): Promise<void> {
  const { store } = opts
  const engine = opts.engine ?? sharedOcrEngine()
  const maxQueue = opts.maxQueue ?? 8
  await candidateScope(app, store, async (scope) => {
    await scope.app.register(multipart, { limits: { fileSize: SCAN_MAX_BYTES, files: 1, fields: 5, parts: 6 } })
    scope.app.post(endpoints.scanEducation.path, async (req) => scanEducation(req, scope.candidateOf(req)))
  })

  /** The shorter side a screenshot must have for the OCR to read its text (the smallest phones are 320 px wide). */
  const SCAN_MIN_SIDE = 200

  async function scanEducation(req: FastifyRequest, account: Account): Promise<ScanEducationResponse> {
    const bytes = await readUploadedFile(req, SCAN_UPLOAD_FIELD, {
      notMultipart: '请以图片文件上传截图',
      missing: '没有收到截图文件',
      tooLarge: new HttpError(413, 'PAYLOAD_TOO_LARGE', '截图不能超过 8 MB'),
    })
    // The bytes decide, not the file name or the declared type.
    if (!ACCEPTED.has(detectImageFormat(bytes.subarray(0, 16))))
      throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', '请上传 JPG、PNG 或 WebP 格式的截图')
    // Decoded whole under a pixel limit before the OCR sees it: a bomb or a truncated file stops here.
    const decoded = await decodeImage(bytes, SCAN_MAX_PIXELS)
    if (!decoded) throw new HttpError(422, 'SCAN_UNREADABLE')
    // A phone screenshot is hundreds of pixels each way; a thumbnail-sized image holds no readable 学信网 page.
    if (Math.min(decoded.width, decoded.height) < SCAN_MIN_SIDE)
      throw new HttpError(422, 'SCAN_UNREADABLE', '图片太小，无法识别，请上传手机截图原图')
    if (engine.queued >= maxQueue) throw new HttpError(503, 'SERVICE_BUSY')

    let boxes
    try {
      boxes = (await engine.recognise(bytes)).boxes
    } catch (err) {
      // The reading thread could not start or died while reading: the server's fault, not the image's (503; the
      // next scan starts a new thread, and the form stays for typing).
      if (err instanceof OcrUnavailableError) throw new HttpError(503, 'SCAN_UNAVAILABLE')
      // Magic bytes right but the image does not decode (truncated, corrupt).
      throw new HttpError(422, 'SCAN_UNREADABLE')
    }
    const extraction = extractXuexin(boxes)
    return {
      kind: extraction.kind,
      recognised: extraction.fields,
      missing: extraction.missing,
      notXuexin: extraction.notXuexin,
      unsure: extraction.unsure,
      mismatch: compareWithCandidate(extraction.fields, account),
    }
  }
}
