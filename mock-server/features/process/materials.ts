import crypto from 'node:crypto'
import { detectImageFormat, PHOTO_MAX_PIXELS } from '../../../domain/photo'
import type { ErrorCode } from '../../../types/errors'
import { MATERIAL_LIMITS, MATERIAL_VIEW_PATH, type MaterialFormat, type MaterialsView } from '../../../types/process'
import { HttpError, conflict } from '../../core/errors'
import { reencodeJpeg } from '../../core/file-check/jpeg'
import { PdfCheckPool, type PdfProblem } from '../../core/file-check/pdf'
import { foreignInPdf } from '../../core/file-check/polyglot'
import type { Store } from '../../core/store'
import { decodeImage, photoProblems, photoRefusalStatus } from '../../core/uploads'
import {
  provinceOf,
  abilities,
  examOf,
  provinceChangeHooks,
  submitChecks,
  type StoredApplication,
} from '../application'
import { materialsOfProvince, type MaterialEntry } from './data'
import type { StoredMaterial } from './state'

/**
 * 上传材料 in the online-confirmation provinces (天津、上海、新疆兵团): each required material uploaded and checked from
 * its bytes (a JPG decoded and held to the registration photo's rules, a PDF parsed whole where the province allows it); then
 * submission; after 确认不通过 the candidate re-uploads and sends them again until the confirmation window ends.
 */

const PDF_MAGIC = '%PDF-'
export const MATERIAL_MAX_BYTES = MATERIAL_LIMITS.maxBytes

/**
 * The PDF checkers: worker threads, each check under the contract's time and memory limits (core/file-check/pdf.ts).
 * One pool for the process; its idle workers never keep it alive.
 */
const pdfChecks = new PdfCheckPool({
  timeMs: MATERIAL_LIMITS.pdfCheckMs,
  memoryMb: MATERIAL_LIMITS.pdfCheckMemoryMb,
  maxPages: MATERIAL_LIMITS.pdfMaxPages,
  maxQueue: MATERIAL_LIMITS.pdfQueue,
})

export function storedMaterials(store: Store, applicationId: string): StoredMaterial[] {
  return store.state.process.materials.get(applicationId) ?? []
}

export function materialsComplete(store: Store, a: StoredApplication): boolean {
  const have = storedMaterials(store, a.id)
  return materialsOfProvince(a.province).every((m) => have.some((h) => h.key === m.key))
}

function confirmClosed(store: Store, a: StoredApplication): boolean {
  return store.clock.now() >= Date.parse(examOf(store, a.examId)!.confirmClosesAt)
}

/** Uploads are open before submission (while the application may be edited) and after a refusal until the deadline. */
export function uploadOpen(store: Store, a: StoredApplication): boolean {
  if (!a.submittedAt) return abilities(a, examOf(store, a.examId)!, store.clock.now()).edit
  return a.confirmation === 'rejected' && !confirmClosed(store, a)
}

export function ensureUploadOpen(store: Store, a: StoredApplication): void {
  if (!provinceOf(a.province)!.onlineConfirmation) throw conflict('MATERIALS_NOT_REQUIRED')
  if (a.submittedAt && a.confirmation !== 'rejected') throw conflict('MATERIALS_LOCKED')
  if (!uploadOpen(store, a)) throw conflict('MATERIALS_CLOSED')
}

export function materialsView(store: Store, a: StoredApplication): MaterialsView {
  const have = storedMaterials(store, a.id)
  const exam = examOf(store, a.examId)!
  const open = provinceOf(a.province)!.onlineConfirmation && uploadOpen(store, a)
  const complete = materialsComplete(store, a)
  return {
    applicationId: a.id,
    required: materialsOfProvince(a.province, store.state.accounts.get(a.accountId)?.idType).map((m) => {
      const h = have.find((x) => x.key === m.key)
      const imageUrl = h?.format === 'jpeg' ? `${MATERIAL_VIEW_PATH}/${viewTicket(a.id, h, store.clock.now())}` : null
      return { ...m, uploaded: h ? { format: h.format, size: h.size, uploadedAt: h.uploadedAt, imageUrl } : null }
    }),
    complete,
    canUpload: open,
    canResubmit: open && !!a.submittedAt && a.confirmation === 'rejected' && complete,
    deadline: a.submittedAt ? exam.confirmClosesAt : exam.applyClosesAt,
    confirmation: a.confirmation,
    reason: a.confirmationReason,
    givenUp: a.confirmation !== 'confirmed' && a.everSubmitted && confirmClosed(store, a),
  }
}

/**
 * Short-lived tickets for showing an uploaded JPG on the review (an <image> cannot send the session header): random,
 * never an id, memory only, like the exam photo's. A ticket names one upload: once it is replaced, it shows nothing.
 */
const VIEW_TICKET_TTL_MS = 5 * 60 * 1000
const viewTickets = new Map<string, { applicationId: string; upload: StoredMaterial; expiresAt: number }>()

function viewTicket(applicationId: string, m: StoredMaterial, now: number): string {
  for (const [t, v] of viewTickets) if (v.expiresAt <= now) viewTickets.delete(t)
  const ticket = crypto.randomBytes(18).toString('base64url')
  viewTickets.set(ticket, { applicationId, upload: m, expiresAt: now + VIEW_TICKET_TTL_MS })
  return ticket
}

/** The JPG a fresh ticket shows, or null (unknown, expired, or the material replaced since). */
export function materialOfTicket(store: Store, ticket: string): StoredMaterial | null {
  const t = viewTickets.get(ticket)
  if (!t || t.expiresAt <= store.clock.now()) return null
  // The very upload the ticket was made for, still the application's (a replacement is a new one, same bytes or not).
  const m = storedMaterials(store, t.applicationId).find((x) => x === t.upload)
  return m && m.format === 'jpeg' ? m : null
}

/** An accepted material as it is stored: a JPG re-encoded from its pixels, a PDF as sent (checked, never rewritten). */
export interface CheckedMaterial {
  format: MaterialFormat
  bytes: Buffer
}

/**
 * Checks an uploaded material from its bytes; the file name and declared type are never trusted. A JPG is decoded
 * whole (pixel limit first) before its upright size counts, as the hub's photo is, since the review shows it back;
 * then it is re-encoded (core/file-check/jpeg.ts), so the stored and served file is its pixels, upright, without
 * metadata or anything after the image. A PDF is checked on a worker thread under the contract's limits
 * (`MATERIAL_LIMITS`): encrypted, active content, too complex, too many pages, each refused with its own code.
 */
export async function checkMaterial(entry: MaterialEntry, bytes: Buffer): Promise<CheckedMaterial> {
  if (bytes.subarray(0, PDF_MAGIC.length).toString('latin1') === PDF_MAGIC) {
    if (!entry.pdf) throw new HttpError(400, 'MATERIAL_FORMAT', `${entry.name}只能上传 JPG 图片`)
    await refuseBadPdf(entry, bytes)
    return { format: 'pdf', bytes }
  }
  if (detectImageFormat(bytes.subarray(0, 16)) !== 'jpeg')
    throw new HttpError(
      400,
      'MATERIAL_FORMAT',
      entry.pdf ? `${entry.name}只能上传 JPG 图片或 PDF 文件` : `${entry.name}只能上传 JPG 图片`,
    )
  // The registration photo's rules (format, file size, pixels); a file that does not decode has no size: unreadable.
  const size = await decodeImage(bytes, PHOTO_MAX_PIXELS)
  const [first] = photoProblems(bytes, size)
  if (first) throw new HttpError(photoRefusalStatus(first), 'MATERIAL_FORMAT', `${entry.name}：${first.message}`)
  return { format: 'jpeg', bytes: await reencodeJpeg(bytes, PHOTO_MAX_PIXELS) }
}

const PDF_REFUSAL: Record<Exclude<PdfProblem, 'busy'>, { code: ErrorCode; message: (name: string) => string }> = {
  unreadable: {
    code: 'MATERIAL_FORMAT',
    message: (name) => `${name}：PDF 文件无法读取（可能已损坏），请重新导出后上传`,
  },
  encrypted: {
    code: 'MATERIAL_PDF_ENCRYPTED',
    message: (name) => `${name}：PDF 文件已加密或设有密码，请取消加密后重新导出上传`,
  },
  'active-content': {
    code: 'MATERIAL_PDF_ACTIVE_CONTENT',
    message: (name) => `${name}：PDF 文件含有脚本、附件或自动执行的操作，请用“打印为 PDF”重新导出后上传`,
  },
  'too-complex': {
    code: 'MATERIAL_PDF_TOO_COMPLEX',
    message: (name) => `${name}：PDF 文件结构过于复杂，无法处理，请用“打印为 PDF”重新导出后上传`,
  },
  'too-many-pages': {
    code: 'MATERIAL_PDF_TOO_MANY_PAGES',
    message: (name) => `${name}：PDF 文件不能超过 ${MATERIAL_LIMITS.pdfMaxPages} 页，请只保留所需的页面后上传`,
  },
}

/**
 * A PDF is trusted only once it parses whole, as a tree of at most `pdfMaxPages` pages, unencrypted and without
 * active content, within the time and memory limits (the worker, core/file-check/pdf.worker.mjs); and carries no
 * HTML or a tail after its end (a polyglot). Refused, never rewritten: a reviewer is never served the file sent.
 */
async function refuseBadPdf(entry: MaterialEntry, bytes: Buffer): Promise<void> {
  const foreign = foreignInPdf(bytes)
  if (foreign)
    throw new HttpError(400, 'UPLOAD_POLYGLOT', `${entry.name}：${ERROR_POLYGLOT}`, undefined, { found: foreign })
  const verdict = await pdfChecks.check(bytes)
  if (verdict.ok) return
  if (verdict.problem === 'busy') throw new HttpError(503, 'SERVICE_BUSY', '当前上传的人较多，请稍后再上传')
  const refusal = PDF_REFUSAL[verdict.problem]
  throw new HttpError(400, refusal.code, refusal.message(entry.name), undefined, { reason: verdict.reason })
}
const ERROR_POLYGLOT = 'PDF 文件中夹带了网页或其他文件的内容，请重新导出后上传'

/** Keeps an uploaded material (its blob already stored): synchronous, inside the upload's commit (core/upload-commit). */
export function saveMaterial(
  store: Store,
  a: StoredApplication,
  key: string,
  format: MaterialFormat,
  size: number,
  blob: string,
): void {
  const list = storedMaterials(store, a.id).filter((m) => m.key !== key)
  list.push({ key, format, size, uploadedAt: store.clock.iso(), blob })
  store.state.process.materials.set(a.id, list)
  a.updatedAt = store.clock.iso()
  store.save()
}

// A first submission in an online-confirmation province needs every material (上传全部证明材料).
submitChecks.push((store, a) =>
  provinceOf(a.province)?.onlineConfirmation && !materialsComplete(store, a)
    ? new HttpError(409, 'MATERIALS_INCOMPLETE', '请先上传全部证明材料再提交报名信息')
    : null,
)

// A change of province (修改考区) takes the materials with it: they were checked against the old province's list and
// formats (a PDF is not a material in a JPG-only province).
provinceChangeHooks.push((store, a) => {
  store.state.process.materials.delete(a.id)
})
