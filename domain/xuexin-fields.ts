import * as v from 'valibot'
import { RecordKind } from './states'

/**
 * The fields of a 学信网 (chsi.com.cn) query result the scanner reads (domain/xuexin-extract.ts) and the record form
 * fills in (domain/xuexin-fill.ts). The contract (types/scan.ts) hands them on.
 */

/** The fields the scanner reads, in form order. Dates are YYYY-MM-DD. */
export const SCAN_FIELDS = [
  'name',
  'gender',
  'birthDate',
  'admissionDate',
  'graduationDate',
  'school',
  'major',
  'level',
  'studyMode',
  'certificateNumber',
] as const
export type ScanField = (typeof SCAN_FIELDS)[number]

/** 学历 (education record) or 学位 (degree record): a degree page has no 入学日期 or 学习形式. */
export const ScanKind = RecordKind
export type ScanKind = RecordKind

/** The fields each kind of page is expected to show; `missing` lists those not found. */
export const SCAN_FIELDS_BY_KIND: Record<ScanKind, readonly ScanField[]> = {
  education: SCAN_FIELDS,
  degree: ['name', 'gender', 'birthDate', 'graduationDate', 'school', 'major', 'level', 'certificateNumber'],
}

// Built without Object.fromEntries (iOS 12.1 and Chrome 72 lack it, config/engines.ts): this runs at module load.
const recognisedEntries = {} as Record<ScanField, v.OptionalSchema<v.StringSchema<undefined>, undefined>>
for (const f of SCAN_FIELDS) recognisedEntries[f] = v.optional(v.string())
export const ScanRecognised = v.object(recognisedEntries)
export type ScanRecognised = v.InferOutput<typeof ScanRecognised>
