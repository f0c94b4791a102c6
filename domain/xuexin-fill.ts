/**
 * From what the scanner read on a 学信网 page to the record form's fields (issue 6). Pure: the page's wording becomes
 * the form's options (普通全日制 → 全日制, 医学学士学位 → 学士, 专科 → 大专); the school goes through the server's
 * search in the store, so only its name is passed on here.
 */
import type { ScanRecognised } from './xuexin-fields'
import {
  DEGREE_LEVELS,
  EDUCATION_LEVELS,
  OTHER_MAJOR,
  RECORD_FIELDS,
  STUDY_MODES,
  type RecordField,
  type RecordKind,
} from './education'

/** The record form's scanned fields, by their draft names: each kind's own (a degree has no 培养方式). */
export type FormScanField = RecordField

export interface ScanFill {
  patch: {
    certificateNo: string
    graduationDate: string
    major: string
    otherMajor: string
    level: string
    studyMode: string
  }
  /** The school as the page names it; the store matches it against the school list. */
  schoolName: string
  /** Fields filled from the page: the form marks them 请核对. */
  filled: FormScanField[]
  /** Fields the page did not give (or gave in a form the form has no option for): left empty with a note. */
  missing: FormScanField[]
}

/** The page's 学历层次 or 所授学位 as one of the form's options, or '' when none fits. */
export function levelOption(kind: RecordKind, raw: string | undefined): string {
  if (!raw) return ''
  const text = raw.normalize('NFKC')
  if (kind === 'degree') return DEGREE_LEVELS.find((l) => text.includes(l)) ?? ''
  if (/博士/.test(text)) return '博士研究生'
  if (/硕士|研究生/.test(text)) return '硕士研究生'
  if (/本科/.test(text)) return '本科'
  if (/专科|大专|高职/.test(text)) return '大专'
  if (/中专|中职/.test(text)) return '中专'
  return (EDUCATION_LEVELS as readonly string[]).includes(text) ? text : ''
}

/** The page's 学习形式 / 培养方式 as one of the form's options, or '' when none fits. */
export function studyModeOption(raw: string | undefined): string {
  if (!raw) return ''
  const text = raw.normalize('NFKC')
  if (/非全日制/.test(text)) return '非全日制'
  if (/全日制|脱产/.test(text)) return '全日制'
  if (/自学考试|自考/.test(text)) return '自学考试'
  if (/网络/.test(text)) return '网络教育'
  if (/开放/.test(text)) return '开放教育'
  if (/函授|业余|成人|夜大/.test(text)) return '成人教育'
  return (STUDY_MODES as readonly string[]).includes(text) ? text : ''
}

/** The form's values from the scan; `isKnownMajor` says whether the major is in the picker's list. */
export function fillFromScan(
  kind: RecordKind,
  recognised: ScanRecognised,
  isKnownMajor: (name: string) => boolean,
): ScanFill {
  const major = recognised.major ?? ''
  const patch = {
    certificateNo: recognised.certificateNumber ?? '',
    graduationDate: recognised.graduationDate ?? '',
    major: major ? (isKnownMajor(major) ? major : OTHER_MAJOR) : '',
    otherMajor: major && !isKnownMajor(major) ? major : '',
    level: levelOption(kind, recognised.level),
    // A degree page shows no 培养方式 and the degree form has none: never filled, never reported missing.
    studyMode: RECORD_FIELDS[kind].includes('studyMode') ? studyModeOption(recognised.studyMode) : '',
  }
  const schoolName = recognised.school ?? ''
  const present: Record<FormScanField, boolean> = {
    certificateNo: !!patch.certificateNo,
    school: !!schoolName,
    graduationDate: !!patch.graduationDate,
    major: !!patch.major,
    level: !!patch.level,
    studyMode: !!patch.studyMode,
  }
  const fields = RECORD_FIELDS[kind]
  return {
    patch,
    schoolName,
    filled: fields.filter((f) => present[f]),
    missing: fields.filter((f) => !present[f]),
  }
}
