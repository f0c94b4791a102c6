import crypto from 'node:crypto'
import { PDFDocument } from 'pdf-lib'
import { detectImageFormat, PHOTO_MAX_PIXELS } from '../../../domain/photo'
import { MATERIAL_VIEW_PATH, type MaterialFormat, type MaterialsView } from '../../../types/process'
import { HttpError, conflict } from '../../core/errors'
import type { Store } from '../../core/store'
import { decodeImage, photoProblems, photoRefusalStatus } from '../../core/uploads'
import { provinceOf, abilities, examOf, submitChecks, type StoredApplication } from '../application'
import { materialsOfProvince, type MaterialEntry } from './data'
import type { StoredMaterial } from './state'

/**
 * 上传材料 in the online-confirmation provinces (天津、上海、新疆兵团): each required material uploaded and checked from
 * its bytes (a JPG decoded and held to the registration photo's rules, a PDF parsed whole where the province allows it); then
 * submission; after 确认不通过 the candidate re-uploads and sends them again until the confirmation window ends.
 */

const PDF_MAGIC = '%PDF-'
export const MATERIAL_MAX_BYTES = 5 * 1024 * 1024

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
    required: materialsOfProvince(a.province).map((m) => {
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

/**
 * Checks an uploaded material from its bytes; the file name and declared type are never trusted. A JPG is decoded
 * whole (pixel limit first) before its upright size counts, as the hub's photo is, since the review shows it back.
 */
export async function checkMaterial(entry: MaterialEntry, bytes: Buffer): Promise<MaterialFormat> {
  if (bytes.subarray(0, PDF_MAGIC.length).toString('latin1') === PDF_MAGIC) {
    if (!entry.pdf) throw new HttpError(400, 'MATERIAL_FORMAT', `${entry.name}只能上传 JPG 图片`)
    if (!(await readablePdf(bytes)))
      throw new HttpError(
        400,
        'MATERIAL_FORMAT',
        `${entry.name}：PDF 文件无法读取（可能已损坏或加密），请重新导出后上传`,
      )
    return 'pdf'
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
  return 'jpeg'
}

/**
 * A PDF is trusted only once it parses whole and has a page: a header alone, a file cut off before its pages, or an
 * encrypted one (the reviewer could not open it) is refused. https://pdf-lib.js.org/docs/api/classes/pdfdocument#load
 */
async function readablePdf(bytes: Buffer): Promise<boolean> {
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true })
    return doc.getPageCount() > 0
  } catch {
    return false
  }
}

export async function saveMaterial(
  store: Store,
  a: StoredApplication,
  key: string,
  format: MaterialFormat,
  bytes: Buffer,
): Promise<void> {
  const blob = await store.blobs.put(bytes)
  const list = storedMaterials(store, a.id).filter((m) => m.key !== key)
  list.push({ key, format, size: bytes.length, uploadedAt: store.clock.iso(), blob })
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
