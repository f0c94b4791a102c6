import { birthDateOf, checkIdNumber, genderOf, ID_NUMBER_MESSAGES, idCheckChar, type Gender } from './id-card'
import { CHINA, isNationality, nationalityOfNumeric } from './nationalities'
import { chinaToday } from './today'

/**
 * The six identity documents a candidate registers with (the PC platform's list), each with its own number rules.
 * Pure: the registration form and the mock server check with these same functions (through types/account.ts).
 *
 * Where each rule comes from:
 * - 居民身份证: GB 11643-1999 《公民身份号码》 (domain/id-card.ts).
 * - 港澳台居民居住证: 《港澳台居民居住证申领发放办法》 (国办发〔2018〕81号) 第三条: the 公民身份号码 is made by the
 *   公民身份号码 national standard, with address code 810000 (Hong Kong), 820000 (Macao), 830000 (Taiwan). So 18
 *   characters, birth date and sequence as GB 11643, and its check character.
 *   (the full text as Hong Kong's government republished it: https://www.sheto.gov.hk/sc/home/whatsnew-180819.html)
 * - 外国人永久居留身份证: 国家移民管理局, 《新版外国人永久居留身份证机读信息规则》 (2023): from 1 December 2023 the
 *   number is 18 characters (17 digits + a check character, MOD 11-2 "与公民身份号码校验方式相同"), its first digit 9;
 *   the 2017 card's number is 15 characters, "3 位拉丁字母 + 12 位数字" (the nationality's letter code, then digits).
 *   Both kinds stay valid together. The new number carries the birth date in characters 7–14 as the citizen number
 *   does (e.g. 932682198501010017: 9, 受理地 32, nationality 682, born 1985-01-01); whether its sequence carries the
 *   gender is not published, so the form asks for the gender. Both carry the nationality (GB/T 2659, ISO 3166-1):
 *   the 2017 number as its letter code (characters 1–3), the 2023 one as its number (characters 4–6); a code no
 *   country has is refused, and the form shows the country instead of asking (domain/nationalities.ts). The rules as a card-reader maker republished them:
 *   http://www.eastcoms.com/service/pro/840.html
 * - 港澳居民来往内地通行证: 公安部出入境管理局, 2010-03-10, 港澳居民来往内地通行证号码规则: 11 characters, H (Hong Kong)
 *   or M (Macao), then 8 digits (the holder's lifelong number) and 2 digits (times reissued, 00 first). The card
 *   issued since 2013 prints the 9-character lifelong part (H/M + 8 digits) as its number, the reissue count apart; both
 *   forms are accepted. No check character.
 *   https://www.chinanews.com/gn/news/2010/03-10/2162152.shtml
 * - 台湾居民来往大陆通行证: since 2008-09-25 "一人一号、终身不变", the 8-digit 台胞终身号 (国家移民管理局, 《中国出入境观察》
 *   2020年第21期 p.36; 中新社 2008-09-11). Earlier five-year permits: 8 digits + 2 digits (times issued) + the issuing
 *   office's letter or digit in brackets, e.g. 0561682001(D); from June 2006 Fujian, Jiangsu and Shanghai left the
 *   bracket out (10 digits). All three forms are accepted (brackets full- or half-width). No check character.
 *   https://www.nia.gov.cn/magazine/2020/ImmigrationObservationSeptember/files/basic-html/page36.html
 * - 护照: every country's passport. ICAO Doc 9303 gives the document number 9 characters in the machine-readable zone
 *   (longer ones overflow into the optional data), letters A–Z and digits; numbers 5–17 letters or digits are accepted,
 *   as the PC platform does. No check character that can be checked without the MRZ.
 *   https://www.icao.int/publications/Documents/9303_p4_cons_en.pdf
 */

export const ID_TYPES = [
  'resident-id',
  'hk-mo-permit',
  'tw-permit',
  'residence-permit',
  'passport',
  'foreign-permanent',
] as const
export type IdType = (typeof ID_TYPES)[number]

export const ID_TYPE_LABELS: Record<IdType, string> = {
  'resident-id': '居民身份证',
  'hk-mo-permit': '港澳居民来往内地通行证',
  'tw-permit': '台湾居民来往大陆通行证',
  'residence-permit': '港澳台居民居住证',
  passport: '护照',
  'foreign-permanent': '外国人永久居留身份证',
}

/** The types face login and face recovery take: the platforms verify faces against the resident ID only. */
export const FACE_ID_TYPES = ['resident-id'] as const satisfies readonly IdType[]

/**
 * The documents that print the holder's name in Latin letters, so the holder may register the name as printed
 * (domain/person-name.ts, the Latin rule): every passport's data page (ICAO Doc 9303, the name in the visual zone and
 * the MRZ, A–Z), and the 外国人永久居留身份证, which prints the holder's English name (and a Chinese name only when the
 * holder has one). The 港澳居民来往内地通行证, the 台湾居民来往大陆通行证
 * and the 港澳台居民居住证 are issued to Chinese citizens in their Chinese name (the 通行证 adds its pinyin or English
 * spelling under it), as is the 居民身份证: their holders register the Chinese name, as before.
 */
export const LATIN_NAME_TYPES = ['passport', 'foreign-permanent'] as const satisfies readonly IdType[]

/** Whether a holder of this document may write the name in Latin letters, as the document prints it. */
export function takesLatinName(type: IdType): boolean {
  return (LATIN_NAME_TYPES as readonly IdType[]).includes(type)
}

/** What the form says under the number field, per type. */
export const ID_NUMBER_HINTS: Record<IdType, string> = {
  'resident-id': '18位身份证号码，末位X可大写或小写',
  'hk-mo-permit': 'H或M开头，加8位数字（卡面号码）或10位数字',
  'tw-permit': '8位数字；2008年前签发的可填10位数字（含括号内代码）',
  'residence-permit': '18位，以810000、820000或830000开头',
  passport: '护照上的号码，5–17位字母或数字',
  'foreign-permanent': '2023版为9开头的18位；2017版为3位字母加12位数字',
}

export type DocumentProblem =
  | 'empty'
  | 'length'
  | 'format'
  | 'province'
  | 'prefix'
  | 'birth-date'
  | 'future-birth'
  | 'check-digit'
  | 'is-residence-permit'
  | 'nationality'

const COMMON: Record<DocumentProblem, string> = {
  empty: '请输入证件号码',
  length: '证件号码位数不正确',
  format: '证件号码格式不正确',
  province: '证件号码的地区码不正确',
  prefix: '证件号码开头不正确',
  'birth-date': '证件号码中的出生日期不正确',
  'future-birth': '证件号码中的出生日期不能晚于今天',
  'check-digit': '证件号码校验位不正确，请核对',
  'is-residence-permit': '这是港澳台居民居住证号码，请将证件类型选为“港澳台居民居住证”',
  nationality: '证件号码中的国籍代码不正确，请核对',
}

/** The Chinese message for a problem of a type's number, as the form and the server's 400 show it. */
export function documentMessage(type: IdType, problem: DocumentProblem): string {
  switch (type) {
    case 'resident-id':
      return problem === 'is-residence-permit' || problem === 'prefix' || problem === 'nationality'
        ? COMMON[problem]
        : ID_NUMBER_MESSAGES[problem]
    case 'hk-mo-permit':
      return problem === 'empty' ? COMMON.empty : '港澳居民来往内地通行证号码为H或M开头加8位或10位数字'
    case 'tw-permit':
      return problem === 'empty'
        ? COMMON.empty
        : '台湾居民来往大陆通行证号码为8位数字（2008年前签发的为10位数字，可带括号内的签发机关代码）'
    case 'passport':
      return problem === 'empty' ? COMMON.empty : '护照号码为5–17位字母或数字'
    case 'residence-permit':
      if (problem === 'length') return '港澳台居民居住证号码应为18位'
      if (problem === 'format') return '港澳台居民居住证号码只能由数字和末位X组成'
      if (problem === 'prefix') return '港澳台居民居住证号码以810000（香港）、820000（澳门）或830000（台湾）开头'
      return COMMON[problem]
    case 'foreign-permanent':
      if (problem === 'length' || problem === 'format') {
        return '外国人永久居留身份证号码为9开头的18位（2023版），或3位字母加12位数字（2017版）'
      }
      return COMMON[problem]
  }
}

/** Normalises a typed number: no spaces, upper case, full-width brackets as ASCII (old 台胞证 numbers). */
export function normaliseDocumentNumber(raw: string): string {
  return raw.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').toUpperCase()
}

const RESIDENCE_PREFIXES = ['810000', '820000', '830000']

/** An 18-character number built on GB 11643 (birth date, check character): the residence permit, the 2023 card. */
function checkGb11643Body(id: string, today: string): DocumentProblem | null {
  if (id.length !== 18) return 'length'
  if (!/^\d{17}[\dX]$/.test(id)) return 'format'
  const birth = birthDateOf(id)
  if (!birth) return 'birth-date'
  if (birth > today) return 'future-birth'
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return 'check-digit'
  return null
}

/**
 * Checks a number of the given type; the first problem, or null when it is valid. `today` is YYYY-MM-DD, China's
 * date on the rules' clock (domain/today.ts) unless given.
 */
export function checkDocumentNumber(type: IdType, raw: string, today: string = chinaToday()): DocumentProblem | null {
  const id = normaliseDocumentNumber(raw)
  if (id.length === 0) return 'empty'
  switch (type) {
    case 'resident-id':
      // Hong Kong, Macao and Taiwan residents' numbers are on the residence permit, never on a resident ID card.
      if (RESIDENCE_PREFIXES.includes(id.slice(0, 6)) && id.length === 18) return 'is-residence-permit'
      return checkIdNumber(id, today)
    case 'residence-permit':
      if (id.length === 18 && /^\d{17}[\dX]$/.test(id) && !RESIDENCE_PREFIXES.includes(id.slice(0, 6))) return 'prefix'
      return checkGb11643Body(id, today)
    case 'foreign-permanent': {
      if (id.length === 15) {
        if (!/^[A-Z]{3}\d{12}$/.test(id)) return 'format'
        return isNationality(id.slice(0, 3)) ? null : 'nationality'
      }
      if (id.length !== 18) return 'length'
      if (!id.startsWith('9')) return 'format'
      return checkGb11643Body(id, today) ?? (nationalityOfNumeric(id.slice(3, 6)) ? null : 'nationality')
    }
    case 'hk-mo-permit':
      return /^[HM](\d{8}|\d{10})$/.test(id) ? null : 'format'
    case 'tw-permit':
      return /^(\d{8}|\d{10}|\d{10}\([A-Z0-9]\))$/.test(id) ? null : 'format'
    case 'passport':
      return /^[A-Z0-9]{5,17}$/.test(id) ? null : 'format'
  }
}

/** What a valid number itself says about its holder; null where it says nothing (the form asks instead). */
export interface DocumentFacts {
  birthDate: string | null
  gender: Gender | null
  /** 国籍/地区 as its ISO 3166-1 letter code: China's for the four Chinese documents, the permanent-residence card's own. */
  nationality: string | null
}

/** The nationality a permanent-residence number carries: its first three letters (2017) or characters 4–6 (2023). */
function permanentResidentNationality(id: string): string | null {
  if (/^[A-Z]{3}\d{12}$/.test(id)) return isNationality(id.slice(0, 3)) ? id.slice(0, 3) : null
  return /^9\d{16}[\dX]$/.test(id) ? nationalityOfNumeric(id.slice(3, 6)) : null
}

export function documentFacts(type: IdType, raw: string): DocumentFacts {
  const id = normaliseDocumentNumber(raw)
  const none: DocumentFacts = { birthDate: null, gender: null, nationality: null }
  switch (type) {
    case 'resident-id':
    case 'residence-permit': {
      // GB 11643: the 17th character's parity is the gender (odd male).
      const birthDate = birthDateOf(id)
      const facts = /^\d{17}[\dX]$/.test(id) && birthDate ? { birthDate, gender: genderOf(id) } : none
      return { ...facts, nationality: CHINA }
    }
    case 'hk-mo-permit':
    case 'tw-permit':
      return { ...none, nationality: CHINA }
    case 'foreign-permanent': {
      const birthDate = /^9\d{16}[\dX]$/.test(id) ? birthDateOf(id) : null
      return { birthDate, gender: null, nationality: permanentResidentNationality(id) }
    }
    case 'passport':
      return none
  }
}

/**
 * Whether the document (and the number of this type as typed so far) carries the birth date / the gender / the
 * nationality, so the form need not ask. Only a passport leaves the nationality to the holder.
 */
export function numberCarries(
  type: IdType,
  raw: string,
): { birthDate: boolean; gender: boolean; nationality: boolean } {
  const nationality = type !== 'passport'
  if (type === 'resident-id' || type === 'residence-permit') return { birthDate: true, gender: true, nationality }
  if (type === 'foreign-permanent') {
    // The 2023 card's number (18 characters, first 9) carries the birth date; the 2017 card's does not.
    const id = normaliseDocumentNumber(raw)
    return { birthDate: id.startsWith('9'), gender: false, nationality }
  }
  return { birthDate: false, gender: false, nationality }
}

/**
 * The types whose rules accept this number. The formats overlap: a passport's (5–17 letters or digits) takes every
 * 港澳居民来往内地通行证 number (H/M + 8 or 10 digits), the 8- and 10-digit 台湾居民来往大陆通行证 numbers and the 2017
 * 外国人永久居留身份证 number (3 letters + 12 digits); the 18-character ones (resident ID, residence permit, the 2023
 * card) are told apart by their region code (810000/820000/830000 for the permit, a province for the ID, a leading 9).
 * So a number alone may name two documents: recovery asks the type (a number registered under two types is then
 * one account per type).
 */
export function typesFitting(raw: string, today: string = chinaToday()): IdType[] {
  return ID_TYPES.filter((type) => checkDocumentNumber(type, raw, today) === null)
}

export type BirthDateProblem = 'empty' | 'format' | 'future' | 'too-old'

export const BIRTH_DATE_MESSAGES: Record<BirthDateProblem, string> = {
  empty: '请选择出生日期',
  format: '出生日期不正确',
  future: '出生日期不能晚于今天',
  'too-old': '出生日期不能早于1900年',
}

/** A birth date the candidate gives (YYYY-MM-DD): a real day, from 1900 on, not after today. */
export function checkBirthDate(raw: string, today: string = chinaToday()): BirthDateProblem | null {
  if (!raw) return 'empty'
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw)
  if (!m) return 'format'
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return 'format'
  if (y < 1900) return 'too-old'
  if (raw > today) return 'future'
  return null
}

/** The one key a number is unique by: its type and its normalised form. */
export function documentKey(type: IdType, raw: string): string {
  return `${type}:${normaliseDocumentNumber(raw)}`
}
