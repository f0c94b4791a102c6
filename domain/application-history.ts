/**
 * Historical candidates (历史考生, SPEC 3.1): candidates who sat last year's exam. Pure rules: which subjects to
 * preselect (成绩滚动管理), whether a submission is confirmed automatically, whether the 成绩合并 notice applies.
 */

/**
 * The provinces that confirm a historical candidate's identical submission automatically (北京、辽宁、吉林、上海、
 * 浙江、山东、河南、贵州、云南、陕西、甘肃、新疆兵团), by province code (GB/T 2260; 66 is 新疆生产建设兵团).
 */
export const AUTO_CONFIRM_PROVINCES: readonly string[] = [
  '11',
  '21',
  '22',
  '31',
  '33',
  '37',
  '41',
  '52',
  '53',
  '61',
  '62',
  '66',
]

/** What is compared with last year: 基本信息、报考考区、考点、报考专业、报考级别、教育情况、工作情况. */
export interface ComparedApplication {
  basic: unknown
  province: string
  centre: string
  speciality: string
  level: string
  education: unknown
  work: unknown
}

export const COMPARED_NAMES: Record<keyof ComparedApplication, string> = {
  basic: '基本信息',
  province: '报考考区',
  centre: '考点',
  speciality: '报考专业',
  level: '报考级别',
  education: '教育情况',
  work: '工作情况',
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined)
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined)
  if (ka.length !== kb.length) return false
  return ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

/** The compared parts that differ from last year (names in Chinese), empty when identical. */
export function differencesFromLastYear(current: ComparedApplication, last: ComparedApplication): string[] {
  return (Object.keys(COMPARED_NAMES) as Array<keyof ComparedApplication>)
    .filter((k) => !same(current[k], last[k]))
    .map((k) => COMPARED_NAMES[k])
}

export interface AutoConfirmation {
  confirmed: boolean
  /** Why not, in Chinese; null when confirmed. */
  reason: string | null
}

/**
 * A submission is confirmed at once when the province confirms historical candidates automatically, the candidate
 * has last year's application, and nothing compared differs. Otherwise it waits for the test centre.
 */
export function autoConfirmation(
  province: string,
  current: ComparedApplication,
  last: ComparedApplication | null,
): AutoConfirmation {
  if (!AUTO_CONFIRM_PROVINCES.includes(province))
    return { confirmed: false, reason: '本考区未开通历史考生自动确认，请按考点要求进行报名确认' }
  if (!last) return { confirmed: false, reason: '没有上一年度的报名信息，请按考点要求进行报名确认' }
  const diff = differencesFromLastYear(current, last)
  if (diff.length) return { confirmed: false, reason: `${diff.join('、')}与上一年度不一致，请按考点要求进行报名确认` }
  return { confirmed: true, reason: null }
}

/**
 * 成绩滚动管理: the subjects to preselect are those not passed last year, when the candidate applies for the same
 * speciality and level; otherwise every subject of the speciality.
 */
export function subjectsToPreselect(
  offered: readonly string[],
  last: { speciality: string; level: string; passed: readonly string[] } | null,
  speciality: string,
  level: string,
): string[] {
  if (!last || last.speciality !== speciality || last.level !== level) return [...offered]
  return offered.filter((s) => !last.passed.includes(s))
}

/**
 * 成绩合并: an ID type or number different from last year's means last year's passed subjects cannot follow the
 * candidate unless they apply at the test centre.
 */
export function mergeNoticeNeeded(
  last: { idType: string; idNumber: string } | null,
  current: { idType: string; idNumber: string },
): boolean {
  if (!last) return false
  return last.idType !== current.idType || last.idNumber.toUpperCase() !== current.idNumber.toUpperCase()
}

export const MERGE_NOTICE =
  '您本次填报的证件类型或证件号码与上一年度不一致。请携带本人有效身份证件及相关证明材料到考点申请考试成绩合并；未申请的，视为放弃上一年度考试成绩，不能进行两年成绩的滚动管理。'
