import type { FastifyInstance } from 'fastify'
import * as v from 'valibot'
import { parseBody } from '../../core/contract-route'
import { conflict, notFound } from '../../core/errors'
import type { Store } from '../../core/store'
import { findByExactUsername } from '../account/rules'
import { applicationsOf, calendarOf, codeOf, viewOf } from './rules'
import type { StoredApplication } from './state'

const Reason = v.pipe(v.string(), v.trim(), v.minLength(1, '请给出原因'), v.maxLength(200))
const Iso = v.pipe(v.string(), v.isoTimestamp('须是 ISO 时间，如 2026-03-01T08:00:00.000Z'))
const Day = v.pipe(v.string(), v.isoDate('须是日期，如 2026-04-12'))

/**
 * QA control API of the online application (only with --qa): what test centres and provinces decide in real life.
 * List a candidate's applications; confirm or refuse a submission (报名确认); pass or fail each review stage
 * (考点审核, then 考区审核); move an exam's windows.
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

  app.get('/__qa/applications/:username', async (req) => {
    const account = findByExactUsername(store.state, (req.params as { username: string }).username)
    if (!account) throw notFound('NOT_FOUND', '没有这个考生')
    return { applications: applicationsOf(store.state, account.id).map(qaView) }
  })

  // 报名确认 by the test centre (or, in an online-confirmation province, by the province after the materials).
  app.post('/__qa/applications/:id/confirm', async (req) => {
    const a = application((req.params as { id: string }).id)
    if (!a.submittedAt || a.confirmation === 'confirmed')
      throw conflict('APPLICATION_STATE', '只有已提交、尚未确认的报名才能确认')
    a.confirmation = 'confirmed'
    a.confirmationReason = null
    return decided(a)
  })

  app.post('/__qa/applications/:id/reject-confirmation', async (req) => {
    const a = application((req.params as { id: string }).id)
    const { reason } = parseBody(v.object({ reason: Reason }), req.body)
    if (!a.submittedAt || a.confirmation !== 'none')
      throw conflict('APPLICATION_STATE', '只有已提交、等待确认的报名才能确认不通过')
    a.confirmation = 'rejected'
    a.confirmationReason = reason
    return decided(a)
  })

  // 资格审核: 考点审核 first, then 考区审核; a failure carries its reason.
  app.post('/__qa/applications/:id/review', async (req) => {
    const a = application((req.params as { id: string }).id)
    const input = parseBody(
      v.object({
        stage: v.picklist(['centre', 'region'], 'stage 须是 centre（考点审核）或 region（考区审核）'),
        outcome: v.picklist(['pass', 'fail'], 'outcome 须是 pass 或 fail'),
        reason: v.optional(Reason),
      }),
      req.body,
    )
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
  app.get('/__qa/application/calendar', async () => ({ exams: calendarOf(store) }))
  app.post('/__qa/application/calendar', async (req) => {
    const input = parseBody(
      v.object({
        examId: v.string(),
        examDate: v.optional(Day),
        applyOpensAt: v.optional(Iso),
        applyClosesAt: v.optional(Iso),
        confirmClosesAt: v.optional(Iso),
        payClosesAt: v.optional(Iso),
      }),
      req.body,
    )
    const exam = calendarOf(store).find((e) => e.id === input.examId)
    if (!exam) throw notFound('NOT_FOUND', `没有这个考试：${input.examId}`)
    const { examId: _id, ...changes } = input
    for (const [k, value] of Object.entries(changes)) if (value !== undefined) Object.assign(exam, { [k]: value })
    store.save()
    return { exam }
  })
}
