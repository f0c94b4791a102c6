import type { FastifyInstance } from 'fastify'
import { qaEndpoints } from '../../../types/qa'
import { contractRoute } from '../../core/contract-route'
import { badRequest, conflict, notFound } from '../../core/errors'
import type { Store } from '../../core/store'
import { findByExactUsername } from '../account'
import { centresOf, dictionaryOf, examOf, provinceOf, statusOf, type StoredApplication } from '../application'
import { announceScores } from './reminders'
import { BEIJING_CENTRE, healthResults, makeTicket, scoreYear, type TicketPlan } from './scenarios'

const DAY = 24 * 3600_000

/**
 * QA's hand on the results (with --qa only; the contract is types/qa.ts): publish a ticket with its printing window,
 * publish a year's scores, read a candidate's tickets.
 */
export function resultsQaRoutes(app: FastifyInstance, store: Store): void {
  const accountNamed = (username: string) => {
    const account = findByExactUsername(store.state, username)
    if (!account) throw notFound('NOT_FOUND', `没有这个考生：${username}`)
    return account
  }

  // A ticket for the exam year of `examAt`, replacing the candidate's ticket of that year (so it is the current one).
  contractRoute(app, store, qaEndpoints.publishTicket, async (input) => {
    const account = accountNamed(input.username)
    const now = store.clock.now()
    const opensAt = input.opensAt ? Date.parse(input.opensAt) : now
    const examAt = input.examAt ? Date.parse(input.examAt) : now + 7 * DAY
    if (examAt <= opensAt) throw badRequest('BAD_REQUEST', '考试时间须晚于打印开始时间')
    const plan = input.applicationId ? planOf(store, account.id, input.applicationId) : undefined
    const ticket = makeTicket(account.id, opensAt, examAt, store.state.results.tickets.size + 1, plan)
    for (const [id, t] of store.state.results.tickets)
      if (t.accountId === account.id && t.examYear === ticket.examYear) {
        // The candidate's subscription stays with the year's ticket, and so does whether its reminder went out.
        ticket.reminder = t.reminder
        ticket.reminderSentAt = t.reminderSentAt ?? null
        store.state.results.tickets.delete(id)
      }
    store.state.results.tickets.set(ticket.id, ticket)
    store.save()
    return { ticketId: ticket.id, ticketNo: ticket.ticketNo, opensAt: ticket.opensAt, closesAt: ticket.closesAt }
  })

  // One exam year's scores (replacing that year's, if any); pass mark 60.
  contractRoute(app, store, qaEndpoints.publishScores, async (input) => {
    const account = accountNamed(input.username)
    const year = scoreYear(input.year, input.scores as Record<string, number>)
    const results = store.state.results.byAccount.get(account.id) ?? healthResults([])
    const corrected = results.years.some((y) => y.year === input.year)
    results.years = [year, ...results.years.filter((y) => y.year !== input.year)].sort((a, b) => b.year - a.year)
    results.examName = results.years[0].examName
    store.state.results.byAccount.set(account.id, results)
    announceScores(store, account.id, year.examName, corrected)
    store.save()
    return { ok: true as const, years: results.years.map((y) => y.year) }
  })

  contractRoute(app, store, qaEndpoints.candidateTickets, async ({ username }) => {
    const account = accountNamed(username)
    const tickets = [...store.state.results.tickets.values()].filter((t) => t.accountId === account.id)
    return {
      tickets: tickets.map((t) => ({
        ticketId: t.id,
        ticketNo: t.ticketNo,
        opensAt: t.opensAt,
        closesAt: t.closesAt,
        reminder: t.reminder,
        reminderSentAt: t.reminderSentAt ?? null,
      })),
    }
  })
}

/**
 * The ticket an application earns: its exam, speciality, subjects and test centre. Only the candidate's own
 * application, and only once it has succeeded (报名成功: confirmed, reviewed, paid where the province takes payment):
 * the authority issues tickets to those alone.
 */
function planOf(store: Store, accountId: string, applicationId: string): TicketPlan {
  const a: StoredApplication | undefined = store.state.application.byId.get(applicationId)
  if (!a || a.accountId !== accountId) throw notFound('NOT_FOUND', '没有这个考生的这个报名')
  const exam = examOf(store, a.examId)!
  const province = provinceOf(a.province)!
  if (statusOf(a, province) !== 'succeeded') throw conflict('APPLICATION_STATE', '报名尚未成功，不能发放准考证')
  const dict = dictionaryOf(exam.kind)
  const info = a.steps.examInfo!
  const speciality = dict.specialities.find((s) => s.code === info.speciality)
  const level = dict.levels.find((l) => l.code === info.level)
  const centreCode = a.steps.centre!.centre
  const centre = centresOf(a.province).find((c) => c.code === centreCode)
  return {
    examName: exam.name,
    kind: exam.kind,
    speciality: speciality ? `${speciality.name}（${level?.name ?? ''}）` : info.speciality,
    subjects: [...info.subjects],
    centreCode,
    // The mock knows one centre's address and position (北京 东城区); the others are named, with no map.
    centre:
      centreCode === '1101'
        ? BEIJING_CENTRE
        : {
            name: `${province.name}${centre?.name ?? '考点'}`,
            address: `${province.name}${centre?.name ?? ''}`,
            location: null,
          },
  }
}
