import { chinaInstant } from '../../../../domain/china-time'
import { chinaDateOf } from '../../../../domain/today'
import type { ExamKind } from '../../../../types/application'
import type { WindowState } from '../../../../types/states'

/**
 * The exam calendar: each exam's dates and its application, confirmation and payment windows. It is built from the
 * server's clock when a state starts (so `apply-open` always has open windows) and kept in the state, so the clock
 * moving on closes the windows and QA can set any window (POST /__qa/application/calendar).
 */
export interface ExamEntry {
  id: string
  kind: ExamKind
  name: string
  /** First and last exam day, YYYY-MM-DD (China). */
  examDate: string
  examEndDate: string
  applyOpensAt: string
  applyClosesAt: string
  confirmOpensAt: string
  confirmClosesAt: string
  payClosesAt: string
}

const DAY = 24 * 3600 * 1000

/** 00:00 China time of the day `days` from now, ISO. */
function dayStart(now: number, days: number): string {
  const d = chinaDateOf(now + days * DAY)
  return chinaInstant(d, '00:00')
}
/** 17:00 China time of the day `days` from now, ISO (the offices close). */
function dayEnd(now: number, days: number): string {
  const d = chinaDateOf(now + days * DAY)
  return chinaInstant(d, '17:00')
}

export function examName(kind: ExamKind, year: number): string {
  return kind === 'health' ? `${year}年度卫生专业技术资格考试` : `${year}年护士执业资格考试`
}

/**
 * This year's 卫生专业技术资格考试 and 护士执业资格考试 with their windows open now, and last year's 卫生专业技术资格考试
 * (closed, with its dates: the historical scenario's candidates sat it). The exam year is the year of the exam day.
 */
export function makeCalendar(now: number): ExamEntry[] {
  const healthExam = chinaDateOf(now + 150 * DAY)
  const year = Number(healthExam.slice(0, 4))
  return [
    {
      id: `health-${year}`,
      kind: 'health',
      name: examName('health', year),
      examDate: healthExam,
      examEndDate: chinaDateOf(now + 153 * DAY),
      applyOpensAt: dayStart(now, -3),
      applyClosesAt: dayEnd(now, 25),
      confirmOpensAt: dayStart(now, -3),
      confirmClosesAt: dayEnd(now, 35),
      payClosesAt: dayEnd(now, 60),
    },
    {
      id: `nurse-${year}`,
      kind: 'nurse',
      name: examName('nurse', year),
      examDate: chinaDateOf(now + 120 * DAY),
      examEndDate: chinaDateOf(now + 120 * DAY),
      applyOpensAt: dayStart(now, -1),
      applyClosesAt: dayEnd(now, 14),
      confirmOpensAt: dayStart(now, -1),
      confirmClosesAt: dayEnd(now, 20),
      payClosesAt: dayEnd(now, 40),
    },
    {
      id: `health-${year - 1}`,
      kind: 'health',
      name: examName('health', year - 1),
      examDate: chinaDateOf(now - 215 * DAY),
      examEndDate: chinaDateOf(now - 212 * DAY),
      applyOpensAt: dayStart(now, -368),
      applyClosesAt: dayEnd(now, -340),
      confirmOpensAt: dayStart(now, -368),
      confirmClosesAt: dayEnd(now, -330),
      payClosesAt: dayEnd(now, -305),
    },
  ]
}

/** Whether a window [opensAt, closesAt) holds the moment `now`. */
export function windowState(opensAt: string, closesAt: string, now: number): WindowState {
  if (now < Date.parse(opensAt)) return 'upcoming'
  return now < Date.parse(closesAt) ? 'open' : 'closed'
}
