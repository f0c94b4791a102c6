import * as v from 'valibot'
import { atRulesTime, chinaDateOf, chinaToday, rulesNow, setRulesClock } from '../../domain/today'
import { makeIdNumber } from '../../mock-server/scenarios'
import { IdNumber } from '../../types/account'
import { AddRecordRequest } from '../../types/profile'

/** The shared rules' one "today" (domain/today.ts): the app points it at the server's time, the server per request. */
describe('the rules clock', () => {
  const at = (iso: string) => Date.parse(iso)
  afterEach(() => setRulesClock(() => Date.now()))

  test("China's date: 16:00 UTC is already the next day in Beijing", () => {
    expect(chinaDateOf(at('2026-01-01T15:59:59Z'))).toBe('2026-01-01')
    expect(chinaDateOf(at('2026-01-01T16:00:00Z'))).toBe('2026-01-02')
  })

  test('the machine clock unless told otherwise; setRulesClock points it elsewhere (the app: serverNow)', () => {
    expect(Math.abs(rulesNow() - Date.now())).toBeLessThan(1000)
    setRulesClock(() => at('2030-06-30T20:00:00Z'))
    expect(chinaToday()).toBe('2030-07-01')
  })

  test('atRulesTime fixes the moment for one synchronous check, nests, and restores it even when the check throws', () => {
    setRulesClock(() => at('2030-01-01T00:00:00Z'))
    const seen = atRulesTime(at('2020-05-05T00:00:00Z'), () => [
      chinaToday(),
      atRulesTime(at('2010-05-05T00:00:00Z'), () => chinaToday()),
      chinaToday(),
    ])
    expect(seen).toEqual(['2020-05-05', '2010-05-05', '2020-05-05'])
    expect(() =>
      atRulesTime(at('2020-05-05T00:00:00Z'), () => {
        throw new Error('bad input')
      }),
    ).toThrow('bad input')
    expect(chinaToday()).toBe('2030-01-01')
  })

  test("the contract's birth-date and graduation checks follow it", () => {
    const bornMay2026 = makeIdNumber('110101', '20260505', '123')
    const record = {
      kind: 'education',
      certificateNo: 'CERT000001',
      school: '首都医科大学',
      graduationDate: '2026-05-05',
      major: '护理学',
      level: '本科',
      studyMode: '全日制',
    }
    atRulesTime(at('2026-05-04T12:00:00Z'), () => {
      expect(v.is(IdNumber, bornMay2026)).toBe(false)
      expect(v.is(AddRecordRequest, record)).toBe(false)
    })
    atRulesTime(at('2026-05-04T16:00:00Z'), () => {
      expect(v.is(IdNumber, bornMay2026)).toBe(true)
      expect(v.is(AddRecordRequest, record)).toBe(true)
    })
  })
})
