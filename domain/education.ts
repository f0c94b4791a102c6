/**
 * Rules of the hub's education (学历) and degree (学位) records (SPEC 2). Pure: the forms and the mock server share them.
 */

import { RecordKind, type RecordState } from './states'
import { chinaToday } from './today'
import { VERIFICATION } from './glossary'
export type { RecordKind, RecordState }
export const RECORD_KINDS: readonly RecordKind[] = RecordKind.options
export const RECORD_KIND_NAMES: Record<RecordKind, string> = { education: '学历信息', degree: '学位信息' }

/** At most this many records of each kind. */
export const MAX_RECORDS_PER_KIND = 5

/** 待核验 → 核验通过 / 核验未通过, decided by the server (QA in the mock); the words are the glossary's. */
export const RECORD_STATE_NAMES: Record<RecordState, string> = {
  unverified: VERIFICATION.pending,
  verified: VERIFICATION.passed,
  rejected: VERIFICATION.failed,
}

/** The entries chosen when the school or major is not in the list; the typed name then goes in otherSchool/otherMajor. */
export const OTHER_SCHOOL = '其他学校'
export const OTHER_MAJOR = '其他专业'

/** 学历层次. */
export const EDUCATION_LEVELS = ['中专', '大专', '本科', '硕士研究生', '博士研究生'] as const
/** 学位 records carry the degree instead of the education level. */
export const DEGREE_LEVELS = ['学士', '硕士', '博士'] as const
/** 培养方式 (how the candidate studied). */
export const STUDY_MODES = ['全日制', '非全日制', '成人教育', '自学考试', '网络教育', '开放教育'] as const

export function levelsFor(kind: RecordKind): readonly string[] {
  return kind === 'education' ? EDUCATION_LEVELS : DEGREE_LEVELS
}

export function levelLabel(kind: RecordKind): string {
  return kind === 'education' ? '学历层次' : '学位'
}

/** The record form's fields. */
export type RecordField = 'certificateNo' | 'school' | 'graduationDate' | 'major' | 'level' | 'studyMode'

/**
 * The fields each kind of record has, in form order: a degree (学位) has no 培养方式 (the 学信网 degree page and the
 * degree certificate show none), so the degree form neither asks for it nor reports it missing after a scan.
 */
export const RECORD_FIELDS: Record<RecordKind, readonly RecordField[]> = {
  education: ['certificateNo', 'school', 'graduationDate', 'major', 'level', 'studyMode'],
  degree: ['certificateNo', 'school', 'graduationDate', 'major', 'level'],
}

/** The form's labels per kind: a degree is named as its own certificate and the 学信网 degree page name it. */
export const RECORD_FIELD_LABELS: Record<RecordKind, Record<RecordField, string>> = {
  education: {
    certificateNo: '证书编号',
    school: '毕业院校',
    graduationDate: '毕业时间',
    major: '所学专业',
    level: '学历层次',
    studyMode: '培养方式',
  },
  degree: {
    certificateNo: '学位证书编号',
    school: '学位授予单位',
    graduationDate: '获学位日期',
    major: '所学专业',
    level: '学位',
    studyMode: '培养方式',
  },
}

/**
 * A rule's message (worded with the education labels, shared by the form and the server) in the kind's own labels:
 * 请选择毕业时间 on the degree form reads 请选择获学位日期.
 */
export function recordMessage(kind: RecordKind, field: RecordField, message: string): string
export function recordMessage(kind: RecordKind, field: RecordField, message: string | undefined): string | undefined
export function recordMessage(kind: RecordKind, field: RecordField, message: string | undefined): string | undefined {
  if (!message || kind === 'education') return message
  return message.split(RECORD_FIELD_LABELS.education[field]).join(RECORD_FIELD_LABELS[kind][field])
}

/** Earliest graduation date accepted: anything before is a typing mistake. */
export const EARLIEST_GRADUATION = '1950-01-01'

/** Null when the graduation date (YYYY-MM-DD) is acceptable, otherwise the Chinese reason. */
export function graduationDateProblem(date: string, today: string = chinaToday()): string | null {
  if (!date) return '请选择毕业时间'
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return '毕业时间格式应为 年-月-日'
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const check = new Date(Date.UTC(y, mo - 1, d))
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d)
    return '毕业时间不是有效的日期'
  if (date > today) return '毕业时间不能晚于今天'
  if (date < EARLIEST_GRADUATION) return '毕业时间不能早于1950年'
  return null
}

/** Whether one more record of a kind may be added. */
export function canAddRecord(existing: number): boolean {
  return existing < MAX_RECORDS_PER_KIND
}

export function recordLimitMessage(kind: RecordKind): string {
  return `${RECORD_KIND_NAMES[kind]}最多添加 ${MAX_RECORDS_PER_KIND} 条`
}

/** A verified record stays (an application may use it); a wrong one is fixed by adding a correct one. */
export function canDeleteRecord(state: RecordState): boolean {
  return state !== 'verified'
}

export interface RecordNames {
  school: string
  otherSchool?: string | null
  major: string
  otherMajor?: string | null
}

/** The school and major as shown: the typed name when 其他学校/其他专业 was chosen. */
export function displayNames(r: RecordNames): { school: string; major: string } {
  return {
    school: r.school === OTHER_SCHOOL ? (r.otherSchool ?? '').trim() : r.school,
    major: r.major === OTHER_MAJOR ? (r.otherMajor ?? '').trim() : r.major,
  }
}

/**
 * Problems with the school/major pair: a name typed under 其他学校/其他专业 is required there, and (when the list is
 * known, i.e. on the server) a chosen name must be in it. Field name → Chinese message.
 */
export function recordNameProblems(
  r: RecordNames,
  lists?: { isKnownSchool: (name: string) => boolean; isKnownMajor: (name: string) => boolean },
): Record<string, string> {
  const problems: Record<string, string> = {}
  if (r.school === OTHER_SCHOOL) {
    if (!(r.otherSchool ?? '').trim()) problems.otherSchool = '请填写学校名称'
  } else if (lists && !lists.isKnownSchool(r.school)) {
    problems.school = '未找到该学校，请从搜索结果中选择，或选择“其他学校”后填写'
  }
  if (r.major === OTHER_MAJOR) {
    if (!(r.otherMajor ?? '').trim()) problems.otherMajor = '请填写专业名称'
  } else if (lists && !lists.isKnownMajor(r.major)) {
    problems.major = '请从列表中选择专业，或选择“其他专业”后填写'
  }
  return problems
}
