import crypto from 'node:crypto'
import type { Scenario, ScenarioContext } from '../../core/feature'
import { examYearOf } from '../../../domain/results'
import type { State } from '../../core/store'
import type { ExamKind } from '../../../types/states'
import { setSecurityAnswer, accountScenarios, DEMO_CANDIDATE, makeAccount, makeIdNumber } from '../account'
import { completeHub } from '../profile'
import type { CandidateResults, StoredScoreYear, StoredTicket } from './state'

const DAY = 24 * 3600_000
const HOUR = 3600_000
export const HEALTH_EXAM = (year: number) => `${year}年度卫生专业技术资格考试`
export const HEALTH_SPECIALITY = '内科护理（中级）'
/** 卫生专业技术资格: every subject out of 100, pass mark 60. */
export const PASS_MARK = 60

/** A partly passed historical candidate (results scenario). */
export const RESULTS_HISTORICAL = {
  username: 'history2026r',
  password: 'Exam@2026pass',
  name: '李明',
  idNumber: makeIdNumber('110102', '19870215', '273'),
}
/** A candidate whose ticket printing has not opened yet (results scenario). */
export const RESULTS_WAITING = {
  username: 'ticket2026w',
  password: 'Exam@2026pass',
  name: '赵敏',
  idNumber: makeIdNumber('110106', '19920918', '184'),
}

/**
 * Where 北京市第五十五中学 (东城区新中街甲 1 号, by 东直门外) is, in GCJ-02 as Chinese maps give it (the datum the
 * platforms' openLocation takes; types/results.ts GeoPoint).
 */
export const CENTRE_LOCATION = { latitude: 39.93736, longitude: 116.43771 }

/** What a ticket is for: the exam (null: the health exam of the sitting's year), speciality, subjects, centre. */
export interface TicketPlan {
  examName: string | null
  kind?: ExamKind
  speciality: string
  subjects: string[]
  /** The test centre's code (4 digits: province and centre), the 准考证号's middle. */
  centreCode: string
  centre: { name: string; address: string; location: { latitude: number; longitude: number } | null }
}

/** The 东城区 centre (1101), the one whose address and position the mock knows. */
export const BEIJING_CENTRE: TicketPlan['centre'] = {
  name: '北京市东城区考点（北京市第五十五中学）',
  address: '北京市东城区新中街甲 1 号',
  location: CENTRE_LOCATION,
}

const BEIJING_PLAN: TicketPlan = {
  examName: null,
  speciality: HEALTH_SPECIALITY,
  subjects: ['1', '2', '3', '4'],
  centreCode: '1101',
  centre: BEIJING_CENTRE,
}

/**
 * A ticket whose first sitting starts at `examAt`: the plan's subjects two a day (morning and afternoon), printing
 * from `opensAt` until the last sitting ends. By default the 北京 health ticket (four subjects, 内科护理（中级））;
 * QA's publishTicket with an application gives that application's plan (qa.ts).
 */
export function makeTicket(
  accountId: string,
  opensAt: number,
  examAt: number,
  seq: number,
  plan: TicketPlan = BEIJING_PLAN,
): StoredTicket {
  const year = examYearOf(examAt)
  const sittings = plan.subjects.map((subjectCode, i) => {
    const start = examAt + Math.floor(i / 2) * DAY + (i % 2) * 5 * HOUR
    return {
      subjectCode,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 1.5 * HOUR).toISOString(),
      centre: plan.centre.name,
      address: plan.centre.address,
      location: plan.centre.location,
      room: `第 ${String(12 + i).padStart(2, '0')} 考场`,
      seat: String(seq % 30 || 30).padStart(2, '0'),
    }
  })
  return {
    id: crypto.randomBytes(12).toString('base64url'),
    accountId,
    ticketNo: `${year}${plan.centreCode}${String(seq).padStart(6, '0')}`,
    examName: plan.examName ?? HEALTH_EXAM(year),
    examYear: year,
    ...(plan.kind ? { kind: plan.kind } : {}),
    speciality: plan.speciality,
    opensAt: new Date(opensAt).toISOString(),
    closesAt: sittings[sittings.length - 1].endsAt,
    sittings,
    reminder: false,
    reminderSentAt: null,
  }
}

/** One year's published scores: subject code → score. */
export function scoreYear(year: number, scores: Record<string, number>): StoredScoreYear {
  return {
    year,
    examName: HEALTH_EXAM(year),
    scores: Object.entries(scores).map(([code, score]) => ({ code, score, passMark: PASS_MARK })),
  }
}

export function healthResults(years: StoredScoreYear[]): CandidateResults {
  return {
    kind: 'health',
    examName: HEALTH_EXAM(years[0]?.year ?? 0),
    speciality: HEALTH_SPECIALITY,
    years,
    certificateNo: null,
  }
}

/** 08:30 China time on the day of `ms` (sittings start on the half hour, as the real timetable does). */
function morningOf(ms: number): number {
  const chinaMidnight = Math.floor((ms + 8 * HOUR) / DAY) * DAY - 8 * HOUR
  return chinaMidnight + 8.5 * HOUR
}

function addCandidate(state: State, who: typeof RESULTS_HISTORICAL, ctx: ScenarioContext): string {
  const account = makeAccount(who, ctx.now)
  state.accounts.set(account.id, account)
  setSecurityAnswer(state, account.id, DEMO_CANDIDATE.questionId, DEMO_CANDIDATE.answer)
  completeHub(state, account.id, ctx)
  return account.id
}

/** The results feature's scenarios (the registry is mock-server/scenarios.ts). */
export const resultsScenarios = {
  /**
   * Three candidates after the exam (docs/results.md):
   * - demo2026: passed all — 基础知识 and 相关专业知识 last year, 专业知识 and 专业实践能力 this year: the certificate;
   *   this year's ticket is past its exam (no longer printable);
   * - history2026r: partly passed — last year 基础知识 and 相关专业知识 (count through this year), the year before
   *   专业知识 (lapsed), 专业实践能力 never; this year's ticket is printable now, the exam in 5 days;
   * - ticket2026w: this year's ticket opens in 3 days, the exam in 10; no scores yet.
   */
  results: (ctx: ScenarioContext) => {
    const { now } = ctx
    const state = accountScenarios.demo(ctx)
    const year = examYearOf(now)
    const demo = [...state.accounts.keys()][0]
    completeHub(state, demo, ctx)
    state.results.byAccount.set(
      demo,
      healthResults([
        scoreYear(year, { '3': 71, '4': 66 }),
        scoreYear(year - 1, { '1': 68, '2': 75, '3': 52, '4': 57 }),
      ]),
    )
    const pastTicket = makeTicket(demo, morningOf(now - 40 * DAY), morningOf(now - 30 * DAY), 1)
    state.results.tickets.set(pastTicket.id, pastTicket)

    const historical = addCandidate(state, RESULTS_HISTORICAL, ctx)
    state.results.byAccount.set(
      historical,
      healthResults([
        scoreYear(year - 1, { '1': 64, '2': 60, '3': 55, '4': 48 }),
        scoreYear(year - 2, { '1': 58, '2': 59, '3': 61, '4': 50 }),
      ]),
    )
    const open = makeTicket(historical, morningOf(now - 2 * DAY), morningOf(now + 5 * DAY), 2)
    state.results.tickets.set(open.id, open)

    const waiting = addCandidate(state, RESULTS_WAITING, ctx)
    const later = makeTicket(waiting, morningOf(now + 3 * DAY), morningOf(now + 10 * DAY), 3)
    state.results.tickets.set(later.id, later)
    return state
  },
} satisfies Record<string, Scenario>
