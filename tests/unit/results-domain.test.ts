import {
  completionYear,
  countsThrough,
  examYearOf,
  rollingStanding,
  subjectsToSit,
  ticketWindowState,
  type SubjectScore,
} from '@domain/results'

const PASS = 60
const sat = (year: number, scores: Record<string, number>): SubjectScore[] =>
  Object.entries(scores).map(([code, score]) => ({ year, code, score, passMark: PASS }))

describe('成绩滚动管理: two consecutive exam years (卫生专业技术资格)', () => {
  test('a pass counts in its year and the next, not the one after', () => {
    expect(countsThrough(2025, 2)).toBe(2026)
    const scores = sat(2025, { '1': 60, '2': 59, '3': 0, '4': 100 })
    const in2026 = rollingStanding('health', scores, 2026)
    expect(in2026.subjects).toEqual([
      { code: '1', state: 'counts', passedYear: 2025, countsThrough: 2026 },
      { code: '2', state: 'retake' },
      { code: '3', state: 'retake' },
      { code: '4', state: 'counts', passedYear: 2025, countsThrough: 2026 },
    ])
    const in2027 = rollingStanding('health', scores, 2027)
    expect(in2027.subjects[0]).toEqual({ code: '1', state: 'lapsed', passedYear: 2025, countsThrough: 2026 })
    expect(subjectsToSit(in2027)).toEqual(['1', '2', '3', '4'])
    expect(subjectsToSit(in2026)).toEqual(['2', '3'])
  })

  test('the pass mark itself passes; one point under does not', () => {
    expect(rollingStanding('health', sat(2026, { '1': 60 }), 2026).subjects[0].state).toBe('counts')
    expect(rollingStanding('health', sat(2026, { '1': 59.5 }), 2026).subjects[0].state).toBe('retake')
  })

  test('all four within two consecutive years: the certificate, with its window', () => {
    const scores = [...sat(2025, { '1': 70, '2': 61, '3': 40, '4': 50 }), ...sat(2026, { '3': 60, '4': 88 })]
    expect(completionYear(['1', '2', '3', '4'], scores, 2026, 2)).toBe(2026)
    const standing = rollingStanding('health', scores, 2026)
    expect(standing.completed).toEqual({ fromYear: 2025, toYear: 2026 })
    expect(subjectsToSit(standing)).toEqual([])
    // The certificate does not lapse: years later it still stands.
    expect(rollingStanding('health', scores, 2030).completed).toEqual({ fromYear: 2025, toYear: 2026 })
  })

  test('three years apart is not one window: the oldest pass lapsed, the certificate waits', () => {
    const scores = [...sat(2024, { '1': 70, '2': 70 }), ...sat(2025, { '3': 70 }), ...sat(2026, { '4': 70 })]
    const standing = rollingStanding('health', scores, 2026)
    expect(standing.completed).toBeNull()
    expect(standing.subjects.map((s) => s.state)).toEqual(['lapsed', 'lapsed', 'counts', 'counts'])
    expect(subjectsToSit(standing)).toEqual(['1', '2'])
    // Passing 1 and 2 again in 2027 is not enough: 3 (2025) lapsed by then.
    const later = [...scores, ...sat(2027, { '1': 65, '2': 65 })]
    expect(rollingStanding('health', later, 2027).completed).toBeNull()
    expect(subjectsToSit(rollingStanding('health', later, 2027))).toEqual(['3'])
    // In 2028, 4 (2026) has lapsed too: 3 alone does not finish it, 3 and 4 do.
    expect(subjectsToSit(rollingStanding('health', [...later, ...sat(2028, { '3': 61 })], 2028))).toEqual(['4'])
    expect(rollingStanding('health', [...later, ...sat(2028, { '3': 61, '4': 60 })], 2028).completed).toEqual({
      fromYear: 2027,
      toYear: 2028,
    })
  })

  test('a retaken pass renews the subject: the latest pass counts', () => {
    const scores = [...sat(2024, { '1': 70 }), ...sat(2025, { '1': 62 })]
    expect(rollingStanding('health', scores, 2026).subjects[0]).toEqual({
      code: '1',
      state: 'counts',
      passedYear: 2025,
      countsThrough: 2026,
    })
  })

  test('scores of a later year are not judged in an earlier one', () => {
    const scores = sat(2027, { '1': 90, '2': 90, '3': 90, '4': 90 })
    expect(rollingStanding('health', scores, 2026).completed).toBeNull()
    expect(rollingStanding('health', scores, 2026).subjects[0].state).toBe('retake')
  })
})

describe('护士执业资格考试: both subjects in one sitting', () => {
  test('passes from two years never combine', () => {
    const scores = [...sat(2025, { '1': 70, '2': 40 }), ...sat(2026, { '1': 40, '2': 70 })]
    const standing = rollingStanding('nurse', scores, 2026)
    expect(standing.completed).toBeNull()
    expect(standing.subjects[0]).toEqual({ code: '1', state: 'lapsed', passedYear: 2025, countsThrough: 2025 })
    expect(rollingStanding('nurse', sat(2026, { '1': 60, '2': 60 }), 2026).completed).toEqual({
      fromYear: 2026,
      toYear: 2026,
    })
  })
})

describe('exam year and the ticket window', () => {
  test('the exam year is China time: 31 Dec 16:00 UTC is already the next year', () => {
    expect(examYearOf(Date.parse('2025-12-31T15:59:59.999Z'))).toBe(2025)
    expect(examYearOf(Date.parse('2025-12-31T16:00:00.000Z'))).toBe(2026)
  })

  test('opens on its first millisecond, closes when the last sitting ends', () => {
    const opens = '2026-05-01T00:00:00.000Z'
    const closes = '2026-05-20T09:30:00.000Z'
    expect(ticketWindowState(Date.parse(opens) - 1, opens, closes)).toBe('not-open')
    expect(ticketWindowState(Date.parse(opens), opens, closes)).toBe('open')
    expect(ticketWindowState(Date.parse(closes) - 1, opens, closes)).toBe('open')
    expect(ticketWindowState(Date.parse(closes), opens, closes)).toBe('closed')
  })
})
