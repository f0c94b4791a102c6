import { chinaToday } from './today'

/**
 * Rules of the 18-digit resident ID number (GB 11643-1999). Pure: no Taro, shared by the app and the mock server.
 * The full region-code check (GB/T 2260) runs on the server, which has the data; phones check the province only.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

/** GB/T 2260 province-level codes (the first two digits), including 71 台湾, 81 香港, 82 澳门. */
export const PROVINCE_CODES: Readonly<Record<string, string>> = {
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
}

/** The check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECK_CHARS[sum % 11]
}

export type IdNumberProblem = 'empty' | 'length' | 'format' | 'province' | 'birth-date' | 'future-birth' | 'check-digit'

/** Chinese messages for each problem, as the registration form shows them. */
export const ID_NUMBER_MESSAGES: Record<IdNumberProblem, string> = {
  empty: '请输入证件号码',
  length: '身份证号码应为18位',
  format: '身份证号码只能由数字和末位X组成',
  province: '身份证号码的地区码不正确',
  'birth-date': '身份证号码中的出生日期不正确',
  'future-birth': '身份证号码中的出生日期不能晚于今天',
  'check-digit': '身份证号码校验位不正确，请核对',
}

/** Normalises what a candidate typed: trims, removes inner spaces, upper-cases x. */
export function normaliseIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase()
}

/** The birth date inside an ID number, as YYYY-MM-DD, or null when it is not a real date. */
export function birthDateOf(idNumber: string): string | null {
  const m = /^\d{6}(\d{4})(\d{2})(\d{2})/.exec(idNumber)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null
  if (y < 1900) return null
  return `${m[1]}-${m[2]}-${m[3]}`
}

/** A holder's gender, as the numbers carry it and the forms ask it. */
export const GENDERS = ['male', 'female'] as const
export type Gender = (typeof GENDERS)[number]

/** Gender from the 17th digit: odd is male. */
export function genderOf(idNumber: string): Gender {
  return Number(idNumber[16]) % 2 === 1 ? 'male' : 'female'
}

/**
 * Checks an ID number and returns the first problem, or null when it is valid.
 * `today` is YYYY-MM-DD, China's date on the rules' clock (domain/today.ts) unless given.
 */
export function checkIdNumber(raw: string, today: string = chinaToday()): IdNumberProblem | null {
  const id = normaliseIdNumber(raw)
  if (id.length === 0) return 'empty'
  if (id.length !== 18) return 'length'
  if (!/^\d{17}[\dX]$/.test(id)) return 'format'
  if (!PROVINCE_CODES[id.slice(0, 2)]) return 'province'
  const birth = birthDateOf(id)
  if (!birth) return 'birth-date'
  if (birth > today) return 'future-birth'
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return 'check-digit'
  return null
}

/**
 * Masks an ID number for display: the first and last four of an 18-character number (1101**********1234), fewer of a
 * shorter one. Every ID type (issue 24): the ends kept are at most a quarter of the number each side, so at least half
 * of any number is hidden (a 7-character passport shows G*****6, never four of its seven characters; the 2017
 * permanent-residence card's 15 shows three each side, not four) and the
 * candidate still knows it.
 */
export function maskIdNumber(idNumber: string): string {
  const keep = Math.min(4, Math.floor(idNumber.length / 4))
  return idNumber.slice(0, keep) + '*'.repeat(idNumber.length - 2 * keep) + idNumber.slice(idNumber.length - keep)
}
