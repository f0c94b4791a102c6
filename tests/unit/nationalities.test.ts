import { CHINA, NATIONALITIES, isNationality, nationalityName, nationalityOfNumeric } from '../../domain/nationalities'
import { holderOf } from '../../mock-server/features/account/rules'
import type { Account } from '../../mock-server/features/account/state'
import { NAMES } from '../../scripts/gen-nationalities'

/**
 * The committed table (domain/nationalities.generated.ts) against Node's ICU, without the iso-codes package the
 * generator reads: every numeric code names the same country as its row (CLDR's territory aliases), and every name
 * is CLDR's simplified Chinese one or the mainland's where they differ.
 */
describe('国籍/地区 (ISO 3166-1)', () => {
  const names = new Intl.DisplayNames(['zh-Hans-CN'], { type: 'region' })
  const alpha2Of = (numeric: string) => Intl.getCanonicalLocales(`und-${numeric}`)[0].slice(4)

  test('every row: three letters, three digits, a name; no code or name twice', () => {
    expect(NATIONALITIES.length).toBe(249)
    for (const n of NATIONALITIES) {
      expect(n.code).toMatch(/^[A-Z]{3}$/)
      expect(n.numeric).toMatch(/^\d{3}$/)
      expect(n.name.length).toBeGreaterThan(0)
    }
    for (const key of ['code', 'numeric', 'name'] as const) {
      expect(new Set(NATIONALITIES.map((n) => n[key])).size).toBe(NATIONALITIES.length)
    }
  })

  test('the names are ICU’s for the numeric code (the mainland’s where they differ)', () => {
    for (const n of NATIONALITIES) {
      const alpha2 = alpha2Of(n.numeric)
      expect(alpha2).toMatch(/^[A-Z]{2}$/)
      expect(n.name).toBe(NAMES[alpha2] ?? names.of(alpha2))
    }
  })

  test('中国 first, then pinyin order', () => {
    expect(NATIONALITIES[0]).toEqual({ code: CHINA, numeric: '156', name: '中国' })
    const collator = new Intl.Collator('zh-Hans-CN')
    const rest = NATIONALITIES.slice(1).map((n) => n.name)
    expect(rest).toEqual([...rest].sort(collator.compare))
  })

  test('look-ups', () => {
    expect(nationalityName('USA')).toBe('美国')
    expect(nationalityName('TWN')).toBe('中国台湾')
    expect(nationalityName('XYZ')).toBe('')
    expect(nationalityName(undefined)).toBe('')
    expect(nationalityOfNumeric('682')).toBe('SAU')
    expect(nationalityOfNumeric('999')).toBeNull()
    expect(isNationality('KAZ')).toBe(true)
    expect(isNationality('kaz')).toBe(false)
  })
})

describe('the application’s 国籍 (holderOf)', () => {
  const account = (over: Partial<Account>): Account => ({
    id: 'a',
    username: 'u',
    name: 'JOHN',
    idType: 'passport',
    idNumber: 'E12345678',
    passwordSalt: '',
    passwordHash: '',
    createdAt: '2026-01-01T00:00:00Z',
    ...over,
  })
  test('by name: as stored; for accounts saved before it was asked, what the document carries', () => {
    expect(holderOf(account({ nationality: 'USA' })).nationality).toBe('美国')
    expect(holderOf(account({})).nationality).toBe('')
    expect(holderOf(account({ idType: 'tw-permit', idNumber: '12345678' })).nationality).toBe('中国')
    expect(holderOf(account({ idType: 'foreign-permanent', idNumber: 'KAZ110090123105' })).nationality).toBe(
      '哈萨克斯坦',
    )
  })
})
