import type { FastifyInstance } from 'fastify'
import { qaEndpoints } from '../../../types/qa'
import { contractRoute } from '../../core/contract-route'
import { conflict, notFound } from '../../core/errors'
import type { Store } from '../../core/store'
import { findByExactUsername } from '../account'
import { applicationsOf, calendarOf, codeOf, viewOf } from './rules'
import type { StoredApplication } from './state'

/**
 * QA control API of the online application (only with --qa; described in types/qa.ts): what test centres and
 * provinces decide in real life. List a candidate's applications; confirm or refuse a submission (报名确认); pass or
 * fail each review stage (考点审核, then 考区审核); read and move an exam's windows.
 */
export function applicationQaRoutes(app: FastifyInstance, store: Store): void {
  const application = (id: string): StoredApplication => {
    const found = store.state.application.byId.get(id)
    if (!found) throw notFound('NOT_FOUND', '没有这个报名')
    return found
  }
  const qaView = (a: StoredApplication) => {
    const account = store.state.accounts.get(a.accountId)
    if (!account) throw notFound('NOT_FOUND', '没有这个考生')
    return { ...viewOf(store, a, account), code: codeOf(a) }
  }
  const decided = (a: StoredApplication) => {
    a.updatedAt = store.clock.iso()
    store.save()
    return qaView(a)
  }

  contractRoute(app, store, qaEndpoints.applications, async ({ username }) => {
    const account = findByExactUsername(store.state, username)
    if (!account) throw notFound('NOT_FOUND', '没有这个考生')
    return { applications: applicationsOf(store.state, account.id).map(qaView) }
  })

  // 报名确认 by the test centre (or, in an online-confirmation province, by the province after the materials).
  contractRoute(app, store, qaEndpoints.confirmApplication, async ({ id }) => {
    const a = application(id)
    if (!a.submittedAt || a.confirmation === 'confirmed')
      throw conflict('APPLICATION_STATE', '只有已提交、尚未确认的报名才能确认')
    a.confirmation = 'confirmed'
    a.confirmationReason = null
    return decided(a)
  })

  contractRoute(app, store, qaEndpoints.rejectConfirmation, async ({ id, reason }) => {
    const a = application(id)
    if (!a.submittedAt || a.confirmation !== 'none')
      throw conflict('APPLICATION_STATE', '只有已提交、等待确认的报名才能确认不通过')
    a.confirmation = 'rejected'
    a.confirmationReason = reason
    return decided(a)
  })

  // 资格审核: 考点审核 first, then 考区审核; a failure carries its reason.
  contractRoute(app, store, qaEndpoints.reviewStage, async (input) => {
    const a = application(input.id)
    if (a.confirmation !== 'confirmed') throw conflict('APPLICATION_STATE', '报名确认后才能进行资格审核')
    const decision = input.outcome === 'pass' ? 'passed' : 'failed'
    if (input.stage === 'centre') {
      if (a.centreReview !== 'none') throw conflict('APPLICATION_STATE', '考点审核已有结果')
      a.centreReview = decision
    } else {
      if (a.centreReview !== 'passed') throw conflict('APPLICATION_STATE', '考点审核通过后才能进行考区审核')
      if (a.regionReview !== 'none') throw conflict('APPLICATION_STATE', '考区审核已有结果')
      a.regionReview = decision
    }
    a.reviewReason = decision === 'failed' ? (input.reason ?? '资格审核未通过') : null
    return decided(a)
  })

  // An exam's dates and windows (the clock moving on closes them too).
  contractRoute(app, store, qaEndpoints.applicationCalendar, async () => ({ exams: calendarOf(store) }))
  contractRoute(app, store, qaEndpoints.setApplicationCalendar, async ({ examId, ...changes }) => {
    const exam = calendarOf(store).find((e) => e.id === examId)
    if (!exam) throw notFound('NOT_FOUND', `没有这个考试：${examId}`)
    for (const [k, value] of Object.entries(changes)) if (value !== undefined) Object.assign(exam, { [k]: value })
    store.save()
    return { exam }
  })
}
