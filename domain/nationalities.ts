import { NATIONALITIES_PACKED } from './nationalities.generated'

/**
 * 国籍/地区: the countries and regions of ISO 3166-1, which GB/T 2659 (世界各国和地区名称代码) follows, by their
 * letter code (alpha-3, what an account stores) and their number. The 2017 外国人永久居留身份证 number starts with
 * the holder's letter code, the 2023 one carries the number (domain/id-documents.ts); a passport's holder chooses.
 * Table: domain/nationalities.generated.ts (scripts/gen-nationalities.ts).
 */
export interface Nationality {
  /** ISO 3166-1 alpha-3, e.g. CHN. */
  code: string
  /** ISO 3166-1 numeric, 3 digits, e.g. 156. */
  numeric: string
  /** The Chinese name, e.g. 中国. */
  name: string
}

/** 中国 first, then in pinyin order (the picker's order). */
export const NATIONALITIES: readonly Nationality[] = NATIONALITIES_PACKED.split('|').map((row) => ({
  code: row.slice(0, 3),
  numeric: row.slice(3, 6),
  name: row.slice(8),
}))

const BY_CODE = new Map(NATIONALITIES.map((n) => [n.code, n]))
const BY_NUMERIC = new Map(NATIONALITIES.map((n) => [n.numeric, n]))

/** The holders of the four Chinese documents (resident ID, the permits, the residence permit) are China's. */
export const CHINA = 'CHN'

export function isNationality(code: string): boolean {
  return BY_CODE.has(code)
}

/** The Chinese name of a letter code; '' for none or an unknown one. */
export function nationalityName(code: string | undefined): string {
  return (code && BY_CODE.get(code)?.name) || ''
}

/** The letter code of a numeric one (the 2023 permanent-residence number's); null when there is none. */
export function nationalityOfNumeric(numeric: string): string | null {
  return BY_NUMERIC.get(numeric)?.code ?? null
}
