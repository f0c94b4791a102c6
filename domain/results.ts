import { chinaYear } from './china-time'
import type { ExamKind, TicketWindowState } from './states'

/**
 * 成绩滚动管理 (the rolling rule for exam scores), pure: the app shows it, the mock server computes the certificate
 * with it. No Taro, no src/ imports.
 *
 * 卫生专业技术资格考试: four subjects, a two-year cycle — a subject passed in exam year Y still counts in year Y+1;
 * in Y+2 it has lapsed and must be sat again. Whoever passes every subject within two consecutive exam years earns
 * the 成绩合格证明. 护士执业资格考试: both subjects in one sitting (a one-year window).
 */

export interface ExamSubject {
  code: string
  name: string
}

/** The subjects of each exam, in the order the ticket and the score sheet list them. */
export const EXAM_SUBJECTS: Record<ExamKind, readonly ExamSubject[]> = {
  health: [
    { code: '1', name: '基础知识' },
    { code: '2', name: '相关专业知识' },
    { code: '3', name: '专业知识' },
    { code: '4', name: '专业实践能力' },
  ],
  nurse: [
    { code: '1', name: '专业实务' },
    { code: '2', name: '实践能力' },
  ],
}

/** How many consecutive exam years a passed subject counts for. */
export const ROLLING_YEARS: Record<ExamKind, number> = { health: 2, nurse: 1 }

export function subjectName(kind: ExamKind, code: string): string {
  return EXAM_SUBJECTS[kind].find((s) => s.code === code)?.name ?? `科目${code}`
}

/** One subject's published score in one exam year. */
export interface SubjectScore {
  year: number
  code: string
  score: number
  passMark: number
}

export function isPassed(s: Pick<SubjectScore, 'score' | 'passMark'>): boolean {
  return s.score >= s.passMark
}

/** The last exam year in which a pass from `passYear` still counts. */
export function countsThrough(passYear: number, rollingYears: number): number {
  return passYear + rollingYears - 1
}

/**
 * A subject's place in the cycle as of an exam year:
 * - `counts`: passed, still counts (through `countsThrough`);
 * - `lapsed`: passed once, but the cycle moved past it: sit it again;
 * - `retake`: never passed (failed or not yet sat).
 */
export type SubjectStanding =
  | { code: string; state: 'counts'; passedYear: number; countsThrough: number }
  | { code: string; state: 'lapsed'; passedYear: number; countsThrough: number }
  | { code: string; state: 'retake' }

export interface RollingStanding {
  asOfYear: number
  subjects: SubjectStanding[]
  /** Every subject passed within one window: the years of that window (the certificate's), else null. */
  completed: { fromYear: number; toYear: number } | null
}

/** The latest year, up to `year`, in which the subject was passed. */
function lastPass(scores: readonly SubjectScore[], code: string, year: number): number | null {
  let best: number | null = null
  for (const s of scores)
    if (s.code === code && s.year <= year && isPassed(s) && (best === null || s.year > best)) best = s.year
  return best
}

/**
 * The first exam year (up to `asOfYear`) by which every subject had a pass inside one window of `rollingYears`
 * consecutive years ending that year; null while none.
 */
export function completionYear(
  codes: readonly string[],
  scores: readonly SubjectScore[],
  asOfYear: number,
  rollingYears: number,
): number | null {
  const years = [...new Set(scores.map((s) => s.year))].filter((y) => y <= asOfYear).sort((a, b) => a - b)
  for (const year of years) {
    const from = year - rollingYears + 1
    const all = codes.every((code) =>
      scores.some((s) => s.code === code && s.year >= from && s.year <= year && isPassed(s)),
    )
    if (all) return year
  }
  return null
}

/**
 * Where a candidate stands as of an exam year: which passes still count and until when, which lapsed, what must be
 * sat (again). Once the certificate is earned the cycle is over and every subject counts for good.
 */
export function rollingStanding(
  kind: ExamKind,
  scores: readonly SubjectScore[],
  asOfYear: number,
  codes: readonly string[] = EXAM_SUBJECTS[kind].map((s) => s.code),
): RollingStanding {
  const rolling = ROLLING_YEARS[kind]
  const done = completionYear(codes, scores, asOfYear, rolling)
  if (done !== null) {
    const from = done - rolling + 1
    return {
      asOfYear,
      completed: { fromYear: Math.min(...codes.map((c) => firstPassIn(scores, c, from, done))), toYear: done },
      subjects: codes.map((code) => {
        const passedYear = lastPass(scores, code, done)!
        return { code, state: 'counts', passedYear, countsThrough: countsThrough(passedYear, rolling) }
      }),
    }
  }
  return {
    asOfYear,
    completed: null,
    subjects: codes.map((code): SubjectStanding => {
      const passedYear = lastPass(scores, code, asOfYear)
      if (passedYear === null) return { code, state: 'retake' }
      const through = countsThrough(passedYear, rolling)
      return { code, state: through >= asOfYear ? 'counts' : 'lapsed', passedYear, countsThrough: through }
    }),
  }
}

function firstPassIn(scores: readonly SubjectScore[], code: string, from: number, to: number): number {
  const years = scores
    .filter((s) => s.code === code && s.year >= from && s.year <= to && isPassed(s))
    .map((s) => s.year)
  return Math.min(...years)
}

/** What must be sat in `asOfYear`: every subject whose pass does not count (the application preselects these). */
export function subjectsToSit(standing: RollingStanding): string[] {
  if (standing.completed) return []
  return standing.subjects.filter((s) => s.state !== 'counts').map((s) => s.code)
}

/** The exam year of an instant: the calendar year in China (UTC+8, no daylight saving). */
export function examYearOf(ms: number): number {
  return chinaYear(ms)
}

export function ticketWindowState(now: number, opensAt: string, closesAt: string): TicketWindowState {
  if (now < Date.parse(opensAt)) return 'not-open'
  if (now >= Date.parse(closesAt)) return 'closed'
  return 'open'
}
