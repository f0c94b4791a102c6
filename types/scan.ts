import * as v from 'valibot'
import { SCAN_FIELDS, ScanKind, ScanRecognised } from '../domain/xuexin-fields'
import { apiRoutes } from './api-routes'

/**
 * Scanning a 学信网 (chsi.com.cn) query-result screenshot: the server reads the fields, the candidate checks them in
 * the form. The upload is multipart (field `file`, a JPEG, PNG or WebP image), so the request schema is empty.
 */

export { SCAN_FIELDS, SCAN_FIELDS_BY_KIND, ScanKind, ScanRecognised, type ScanField } from '../domain/xuexin-fields'

/** The multipart field that carries the image. */
export const SCAN_UPLOAD_FIELD = apiRoutes.scanEducation.upload.field
/** Largest accepted upload (a long phone screenshot as PNG stays well below). */
export const SCAN_MAX_BYTES = 8 * 1024 * 1024

export const ScanEducationResponse = v.object({
  kind: ScanKind,
  /** What was read, normalised; absent fields were not found. */
  recognised: ScanRecognised,
  /** Fields this kind of page shows that were not found: the form leaves them empty with a note. */
  missing: v.array(v.picklist(SCAN_FIELDS)),
  /** Too few 学信网 labels: probably not a 学信网 result; the client offers the manual form. */
  notXuexin: v.boolean(),
  /**
   * Fields left empty because a character was read without confidence (a photo with glare, say): the name and the
   * certificate number are never guessed. Also listed in missing; the client asks the candidate to type them.
   */
  unsure: v.optional(v.array(v.picklist(SCAN_FIELDS)), []),
  /** true where the page disagrees with the candidate's registration (name, birth date from the ID number). */
  mismatch: v.object({ name: v.optional(v.boolean()), birthDate: v.optional(v.boolean()) }),
})
export type ScanEducationResponse = v.InferOutput<typeof ScanEducationResponse>
