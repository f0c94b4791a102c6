import { makeCalendar, windowState } from '../../mock-server/features/application/data/calendar'
import { centresOf, PROVINCES, unitsOf } from '../../mock-server/features/application/data/provinces'
import { dictionaryOf, ETHNICITIES, UNIT_TYPES } from '../../mock-server/features/application/data/specialities'

/** The dictionaries shipped with the mock server hold together (issue 13 item 3). */
describe('application dictionaries', () => {
  test('32 考区 with unique codes, each with test centres and units ending with 其他', () => {
    expect(PROVINCES).toHaveLength(32)
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(32)
    for (const p of PROVINCES) {
      const centres = centresOf(p.code)
      expect(centres.length).toBeGreaterThanOrEqual(3)
      expect(new Set(centres.map((c) => c.code)).size).toBe(centres.length)
      for (const c of centres) expect(c.code.startsWith(p.code)).toBe(true)
      expect(centres.every((c) => c.enrolPoints.length > 0)).toBe(p.onlineConfirmation)
      expect(unitsOf(p.code).at(-1)).toBe('其他')
      if (!p.onlinePayment) expect(p.mobilePayment).toBe(false)
    }
    expect(centresOf('99')).toEqual([])
  })

  test('every speciality belongs to a known category and level and has its subjects; codes are unique', () => {
    for (const kind of ['health', 'nurse'] as const) {
      const d = dictionaryOf(kind)
      expect(new Set(d.specialities.map((s) => s.code)).size).toBe(d.specialities.length)
      for (const s of d.specialities) {
        expect(d.categories.map((c) => c.code)).toContain(s.category)
        expect(d.levels.map((l) => l.code)).toContain(s.level)
        expect(s.subjects.length).toBeGreaterThanOrEqual(2)
      }
      for (const c of d.categories) expect(c.practiceCategories.at(-1)).toBe('无')
    }
    const health = dictionaryOf('health')
    for (const name of ['内科护理', '药学(师)', '临床医学检验技术(师)'])
      expect(health.specialities.map((s) => s.name)).toContain(name)
    expect(UNIT_TYPES.length).toBeGreaterThan(5)
    expect(ETHNICITIES).toHaveLength(58)
  })

  test('the calendar from the clock: this year open, last year closed; windows follow the clock', () => {
    const now = Date.parse('2026-11-30T02:00:00.000Z')
    const [health, nurse, last] = makeCalendar(now)
    expect(health).toMatchObject({ id: 'health-2027', name: '2027年度卫生专业技术资格考试' })
    expect(nurse).toMatchObject({ id: 'nurse-2027', name: '2027年护士执业资格考试' })
    expect(last).toMatchObject({ id: 'health-2026', name: '2026年度卫生专业技术资格考试' })
    expect(windowState(health.applyOpensAt, health.applyClosesAt, now)).toBe('open')
    expect(windowState(last.applyOpensAt, last.applyClosesAt, now)).toBe('closed')
    expect(windowState(health.applyOpensAt, health.applyClosesAt, Date.parse(health.applyClosesAt))).toBe('closed')
    expect(windowState(health.applyOpensAt, health.applyClosesAt, Date.parse(health.applyOpensAt) - 1)).toBe('upcoming')
    for (const e of [health, nurse, last]) {
      expect(e.applyClosesAt <= e.confirmClosesAt && e.confirmClosesAt <= e.payClosesAt).toBe(true)
      expect(e.payClosesAt.slice(0, 10) < e.examDate).toBe(true)
    }
    // Windows end at 17:00 Beijing time.
    expect(health.applyClosesAt.slice(11)).toBe('09:00:00.000Z')
  })
})
