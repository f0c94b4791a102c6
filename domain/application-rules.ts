/**
 * The application form's field rules (SPEC 3, step by step). Pure and dependency-free: the contract's schemas
 * (types/application.ts) use them for the forms and the server alike, and the server calls the ones that need
 * dictionaries or dates with its own (the clock's today, the exam date, the candidate's verified records).
 * Each function answers null when the value is acceptable, otherwise the Chinese sentence to show under the field.
 */

import { OTHER } from './glossary'

/** 执业类别 meaning "not a registered practitioner": 首次注册年月 is then not asked. */
export const PRACTICE_NONE = '无'
/** The 单位名称 entry for a unit not in the list (其他, the glossary's word; a contract value, the same on both sides): the typed name goes in otherUnitName and 单位类别 is required. */
export const OTHER_UNIT = OTHER
/** 证件有效截止日期 of a card valid for life. */
export const ID_VALID_LONG_TERM = '长期'

function isRealDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const check = new Date(Date.UTC(y, mo - 1, d))
  return check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d
}

/** YYYY-MM with a real month, from 1950 on. */
export function yearMonthProblem(value: string, label: string): string | null {
  const m = /^(\d{4})-(\d{2})$/.exec(value)
  if (!m) return `${label}格式应为 年-月`
  const [y, mo] = [Number(m[1]), Number(m[2])]
  if (mo < 1 || mo > 12) return `${label}的月份不正确`
  if (y < 1950) return `${label}不能早于1950年`
  return null
}

// --- 联系方式 ---------------------------------------------------------------------------------------------------

/** Mainland mobile numbers: 11 digits, 1 then 3-9 (13x … 19x). Spaces and dashes a candidate types are allowed. */
export function normaliseMobile(value: string): string {
  return value.replace(/[\s-]/g, '')
}

export function mobileProblem(value: string): string | null {
  const n = normaliseMobile(value)
  if (!n) return '请填写手机号码'
  if (!/^\d+$/.test(n)) return '手机号码只能是数字'
  if (n.length !== 11) return '手机号码应为11位'
  if (!/^1[3-9]/.test(n)) return '手机号码应以13-19开头'
  return null
}

/** A postal address: 5 to 60 characters with Chinese in it (a province, city or street name), no markup. */
export const ADDRESS_MIN = 5
export const ADDRESS_MAX = 60
export function addressProblem(value: string): string | null {
  const a = value.trim()
  if (!a) return '请填写通讯地址'
  if (a.length < ADDRESS_MIN) return `通讯地址太短，请写到街道门牌（至少${ADDRESS_MIN}个字）`
  if (a.length > ADDRESS_MAX) return `通讯地址不能超过${ADDRESS_MAX}个字`
  if (!/[\u4e00-\u9fff]/.test(a)) return '通讯地址应包含省、市、街道等中文地名'
  // Control characters and markup never belong in an address (they would break the printed form).
  // eslint-disable-next-line no-control-regex
  if (/[<>{}\\\u0000-\u001f]/.test(a)) return '通讯地址含有不允许的字符'
  return null
}

/** 邮政编码: six digits; mainland codes start 0-8 (内蒙古 010xxx … 新疆 8xxxxx), never 000000. */
export function postcodeProblem(value: string): string | null {
  const p = value.trim()
  if (!p) return '请填写邮政编码'
  if (!/^\d{6}$/.test(p)) return '邮政编码应为6位数字'
  if (p[0] === '9' || /^00/.test(p)) return '邮政编码不正确'
  return null
}

// --- 基本信息 ---------------------------------------------------------------------------------------------------

/** 证件有效截止日期: a real date or 长期. */
export function idValidUntilProblem(value: string): string | null {
  if (!value) return '请填写证件有效截止日期'
  if (value === ID_VALID_LONG_TERM) return null
  return isRealDate(value) ? null : '证件有效截止日期应为 年-月-日 或 长期'
}

/**
 * 长期 is a 居民身份证's alone: it is issued for life from 46 (《居民身份证法》第五条). Every other document a candidate
 * registers with has an end date — 港澳台居民居住证 five years, 港澳居民来往内地通行证 and 护照 ten (five under 16 or
 * 18), 台湾居民来往大陆通行证 five, 外国人永久居留身份证 ten (five under 18) — and a 长期 there would silence the warning
 * of a document that lapses before the exam (issue 24). `idType` as registered (domain/id-documents.ts).
 */
export function idLongTermProblem(idType: string, validUntil: string): string | null {
  if (validUntil !== ID_VALID_LONG_TERM || idType === 'resident-id') return null
  return '只有居民身份证可以长期有效，请选择证件有效截止日期'
}

/**
 * 证件有效截止日期 earlier than the exam date: a warning, never a refusal (the seed: 系统会有提示，但不影响报名). The
 * card is still valid on the exam day itself, so the same day does not warn.
 */
export function idExpiryWarning(validUntil: string, examDate: string): string | null {
  if (!isRealDate(validUntil) || validUntil >= examDate) return null
  return `您的证件将于${validUntil}到期，早于考试日期${examDate}。不影响报名，请及时换领有效证件，以免影响参加考试`
}

// --- 报考信息 ---------------------------------------------------------------------------------------------------

/** 首次注册年月 is required unless 执业类别 is 无. */
export function firstRegistrationRequired(practiceCategory: string): boolean {
  return !!practiceCategory && practiceCategory !== PRACTICE_NONE
}

export function firstRegistrationProblem(practiceCategory: string, firstRegistration: string, today: string) {
  if (!firstRegistrationRequired(practiceCategory)) return null
  if (!firstRegistration) return '执业类别不为“无”时，请填写首次注册年月'
  return yearMonthProblem(firstRegistration, '首次注册年月') ?? notFutureMonth(firstRegistration, today, '首次注册年月')
}

/** 住培合格证书发证年月 is required of holders (以证书落款时间为准). */
export function residencyCertProblem(holder: boolean, certDate: string, today: string): string | null {
  if (!holder) return null
  if (!certDate) return '已取得住培合格证书的，请填写住培合格证书发证年月'
  return yearMonthProblem(certDate, '住培合格证书发证年月') ?? notFutureMonth(certDate, today, '住培合格证书发证年月')
}

function notFutureMonth(month: string, today: string, label: string): string | null {
  return month > today.slice(0, 7) ? `${label}不能晚于本月` : null
}

/** 执业类别 must be one of those the 专业类别 allows (from the dictionary). */
export function practiceCategoryProblem(practiceCategory: string, allowed: readonly string[]): string | null {
  if (!practiceCategory) return '请选择执业类别'
  return allowed.includes(practiceCategory) ? null : '所选执业类别与专业类别不符，请重新选择'
}

/** 报考科目: at least one, each offered by the speciality, no repeats. */
export function subjectsProblem(subjects: readonly string[], offered: readonly string[]): string | null {
  if (subjects.length === 0) return '请至少选择一个报考科目'
  if (new Set(subjects).size !== subjects.length) return '报考科目有重复'
  return subjects.every((s) => offered.includes(s)) ? null : '报考科目不属于所选专业'
}

// --- 工作情况 ---------------------------------------------------------------------------------------------------

/** 单位类别 is required when 单位名称 is 其他 (and then the unit's name is typed). */
export function unitTypeRequired(unitName: string): boolean {
  return unitName === OTHER_UNIT
}

/**
 * 参加工作时间 (YYYY-MM): not in the future, and not before the graduation of the earliest education the candidate
 * chose (a candidate who studied while working chooses the earlier qualification too). `graduationDates` are the
 * chosen records' dates (YYYY-MM-DD); empty when none is known yet.
 */
export function workStartProblem(workStart: string, today: string, graduationDates: readonly string[]): string | null {
  if (!workStart) return '请选择参加工作时间'
  const format = yearMonthProblem(workStart, '参加工作时间')
  if (format) return format
  if (workStart > today.slice(0, 7)) return '参加工作时间不能晚于本月'
  const earliest = [...graduationDates].sort()[0]
  if (earliest && workStart < earliest.slice(0, 7)) return `参加工作时间不能早于毕业时间（${earliest.slice(0, 7)}）`
  return null
}

/** 从事本专业工作年限: whole years, no more than the years since the work start. */
export function specialityYearsProblem(years: number, workStart: string, today: string): string | null {
  if (!Number.isInteger(years) || years < 0) return '从事本专业工作年限应为0或正整数'
  // A malformed or future work start is reported on its own field; the years are judged against a valid one.
  if (!/^\d{4}-\d{2}$/.test(workStart) || workStart > today.slice(0, 7)) return null
  const [wy, wm] = workStart.split('-').map(Number)
  const [ty, tm] = today.slice(0, 7).split('-').map(Number)
  const worked = Math.floor((ty * 12 + tm - (wy * 12 + wm)) / 12)
  return years > Math.max(0, worked) ? `从事本专业工作年限不能超过参加工作以来的年数（${Math.max(0, worked)}年）` : null
}
