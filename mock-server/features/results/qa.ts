import type { FastifyInstance } from 'fastify'
import * as v from 'valibot'
import { EXAM_SUBJECTS } from '../../../domain/results'
import { parseBody } from '../../core/contract-route'
import { badRequest, notFound } from '../../core/errors'
import type { Store } from '../../core/store'
import { findByExactUsername } from '../account/rules'
import { healthResults, makeTicket, PASS_MARK, scoreYear } from './scenarios'

const DAY = 24 * 3600_000
const Username = v.pipe(v.string(), v.minLength(1), v.maxLength(64))
const Iso = v.pipe(v.string(), v.isoTimestamp())
const SubjectCode = v.picklist(EXAM_SUBJECTS.health.map((s) => s.code))

/**
 * QA's hand on the results (with --qa only): publish a ticket with its printing window, publish a year's scores,
 * read a candidate's ticket id.
 */
export function resultsQaRoutes(app: FastifyInstance, store: Store): void {
  const accountNamed = (username: string) => {
    const account = findByExactUsername(store.state, username)
    if (!account) throw notFound('NOT_FOUND', `没有这个考生：${username}`)
    return account
  }

  // A ticket for the exam year of `examAt`, replacing the candidate's ticket of that year (so it is the current one).
  // Defaults: printing opens now, the exam in 7 days.
  app.post('/__qa/results/tickets', async (req) => {
    const input = parseBody(
      v.object({ username: Username, opensAt: v.optional(Iso), examAt: v.optional(Iso) }),
      req.body,
    )
    const account = accountNamed(input.username)
    const now = store.clock.now()
    const opensAt = input.opensAt ? Date.parse(input.opensAt) : now
    const examAt = input.examAt ? Date.parse(input.examAt) : now + 7 * DAY
    if (examAt <= opensAt) throw badRequest('BAD_REQUEST', '考试时间须晚于打印开始时间')
    const seq = store.state.results.tickets.size + 1
    const ticket = makeTicket(account.id, opensAt, examAt, seq)
    // One ticket per candidate and exam year: a new one replaces that year's.
    for (const [id, t] of store.state.results.tickets)
      if (t.accountId === account.id && t.examYear === ticket.examYear) store.state.results.tickets.delete(id)
    store.state.results.tickets.set(ticket.id, ticket)
    store.save()
    return { ticketId: ticket.id, ticketNo: ticket.ticketNo, opensAt: ticket.opensAt, closesAt: ticket.closesAt }
  })

  // One exam year's scores for a candidate (replacing that year's, if any); pass mark 60 unless given.
  app.post('/__qa/results/scores', async (req) => {
    const input = parseBody(
      v.object({
        username: Username,
        year: v.pipe(v.number(), v.integer(), v.minValue(2000), v.maxValue(2100)),
        scores: v.record(SubjectCode, v.pipe(v.number(), v.minValue(0), v.maxValue(100))),
      }),
      req.body,
    )
    const account = accountNamed(input.username)
    const year = scoreYear(input.year, input.scores as Record<string, number>)
    year.scores.forEach((s) => (s.passMark = PASS_MARK))
    const existing = store.state.results.byAccount.get(account.id)
    const results = existing ?? healthResults([])
    results.years = [year, ...results.years.filter((y) => y.year !== input.year)].sort((a, b) => b.year - a.year)
    results.examName = results.years[0].examName
    store.state.results.byAccount.set(account.id, results)
    store.save()
    return { ok: true, years: results.years.map((y) => y.year) }
  })

  app.get('/__qa/results/tickets/:username', async (req) => {
    const account = accountNamed((req.params as { username: string }).username)
    const tickets = [...store.state.results.tickets.values()].filter((t) => t.accountId === account.id)
    return {
      tickets: tickets.map((t) => ({
        ticketId: t.id,
        ticketNo: t.ticketNo,
        opensAt: t.opensAt,
        closesAt: t.closesAt,
        reminder: t.reminder,
      })),
    }
  })
}
