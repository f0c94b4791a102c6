import type { State } from '../../core/store'
import type { Scenario, ScenarioContext } from '../../core/feature'
import { accountScenarios, DEMO_CANDIDATE, makeAccount, makeIdNumber, setSecurityAnswer } from '../account'
import { completeHub } from '../profile'
import { makeCalendar } from './data/calendar'
import type { LastYearApplication, Steps } from './state'

/** The second historical candidate: last year they applied with another ID number (成绩合并 notice). */
export const HISTORICAL_ID_CHANGED = {
  username: 'history2026b',
  password: 'Exam@2026pass',
  name: '王芳',
  idNumber: makeIdNumber('110105', '19880512', '362'),
  /** The number on last year's application. */
  lastYearIdNumber: makeIdNumber('110105', '19880512', '341'),
}

/**
 * The third historical candidate (issue 24): a Taiwan resident on a 港澳台居民居住证 this year, who applied with the
 * 台湾居民来往大陆通行证 last year: another ID type, the 成绩合并 notice.
 */
export const HISTORICAL_TYPE_CHANGED = {
  username: 'history2026c',
  password: 'Exam@2026pass',
  name: '陈美玲',
  idType: 'residence-permit' as const,
  idNumber: makeIdNumber('830000', '19900315', '226'),
  lastYear: { idType: 'tw-permit' as const, idNumber: '12345678' },
}

/** `apply-open`'s base: the demo candidate with the hub complete and this year's windows open. */
function applyOpen(ctx: ScenarioContext): State {
  const state = accountScenarios.demo(ctx)
  completeHub(state, [...state.accounts.keys()][0], ctx)
  state.application.calendar = makeCalendar(ctx.now)
  return state
}

/** Last year's data of a candidate whose hub completeHub() filled: 北京, 东城区考点, 中级 内科护理. */
function lastYearSteps(state: State, accountId: string): Steps {
  const records = state.profile.byAccount.get(accountId)?.records ?? []
  const edu = records.find((r) => r.kind === 'education')!
  const deg = records.find((r) => r.kind === 'degree') ?? null
  const saved = (r: typeof edu) => ({
    id: r.id,
    certificateNo: r.certificateNo,
    school: r.school,
    graduationDate: r.graduationDate,
    major: r.major,
    level: r.level,
    studyMode: r.studyMode,
  })
  return {
    centre: { centre: '1101', enrolPoint: '' },
    basic: { idValidUntil: '2035-06-30', ethnicity: '汉族' },
    contact: { mobile: '13812345678', address: '北京市东城区东单北大街1号', postcode: '100005', email: '' },
    examInfo: {
      category: 'nursing',
      level: '3',
      speciality: '368',
      practiceCategory: '护士',
      firstRegistration: '2012-09',
      residencyHolder: false,
      residencyCertDate: '',
      subjects: ['1', '2', '3', '4'],
    },
    education: {
      educationRecordId: edu.id,
      degreeRecordId: deg?.id ?? null,
      records: { education: saved(edu), degree: deg ? saved(deg) : null },
    },
    work: {
      unitName: '北京协和医院',
      otherUnitName: '',
      unitType: '',
      workStart: '2012-08',
      specialityYears: 13,
    },
  }
}

function lastYear(
  state: State,
  accountId: string,
  idNumber: string,
  idType: LastYearApplication['idType'] = 'resident-id',
): LastYearApplication {
  const calendar = state.application.calendar!
  return {
    examId: calendar.find((e) => e.kind === 'health' && e.applyClosesAt < calendar[0].applyOpensAt)!.id,
    province: '11',
    idType,
    idNumber,
    steps: lastYearSteps(state, accountId),
    // 成绩滚动管理: 基础知识 and 相关专业知识 passed last year; 专业知识 and 专业实践能力 to sit again.
    passed: ['1', '2'],
  }
}

/** The application feature's scenarios (the registry is mock-server/scenarios.ts). */
export const applicationScenarios = {
  /** The demo candidate with a complete hub; this year's 卫生 and 护士 application windows open. */
  'apply-open': applyOpen,
  /**
   * Historical candidates (SPEC 3.1), both with a complete hub and last year's 卫生专业技术资格 application in 北京
   * (中级 内科护理, 基础知识 and 相关专业知识 passed): the demo candidate (same ID as last year), history2026b
   * (another ID number last year: the 成绩合并 notice) and history2026c (a 港澳台居民居住证 now, a 台胞证 last year:
   * the notice too).
   */
  historical: (ctx: ScenarioContext) => {
    const state = applyOpen(ctx)
    const demo = [...state.accounts.values()].find((a) => a.username === DEMO_CANDIDATE.username)!
    state.application.history.set(demo.id, lastYear(state, demo.id, demo.idNumber))

    const other = makeAccount(HISTORICAL_ID_CHANGED, ctx.now)
    state.accounts.set(other.id, other)
    setSecurityAnswer(state, other.id, DEMO_CANDIDATE.questionId, DEMO_CANDIDATE.answer)
    completeHub(state, other.id, ctx)
    state.application.history.set(other.id, lastYear(state, other.id, HISTORICAL_ID_CHANGED.lastYearIdNumber))
    const third = makeAccount(HISTORICAL_TYPE_CHANGED, ctx.now)
    state.accounts.set(third.id, third)
    setSecurityAnswer(state, third.id, DEMO_CANDIDATE.questionId, DEMO_CANDIDATE.answer)
    completeHub(state, third.id, ctx)
    const { idType, idNumber } = HISTORICAL_TYPE_CHANGED.lastYear
    state.application.history.set(third.id, lastYear(state, third.id, idNumber, idType))
    return state
  },
} satisfies Record<string, Scenario>
