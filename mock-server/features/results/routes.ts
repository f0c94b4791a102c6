import type { FastifyInstance } from 'fastify'
import { maskIdNumber } from '../../../domain/id-card'
import { ID_TYPE_LABELS } from '../../../domain/id-documents'
import { endpoints } from '../../../types/api'
import { candidateScope } from '../../core/candidate-scope'
import { contractRoute } from '../../core/contract-route'
import { HttpError, notFound } from '../../core/errors'
import { checkRate, type RateLimits } from '../../core/rate-limit'
import type { Store } from '../../core/store'
import { photoTicket } from '../profile'
import {
  certificateOf,
  certificateReady,
  currentTicket,
  maskName,
  qrOf,
  scoresView,
  ticketBrief,
  ticketView,
} from './rules'
import type { StoredTicket } from './state'

/**
 * After the exam (issue 15, docs/results.md): the summary for the hub, the ticket in its printing window, the
 * reminder for it, scores with the rolling standing, the certificate; and the public certificate check.
 */
export async function resultsRoutes(
  app: FastifyInstance,
  store: Store,
  /** Where the verification QR points: the server's configured public address (app.ts), never a request's Host. */
  publicBaseUrl: () => string,
  limits: RateLimits,
): Promise<void> {
  contractRoute(app, store, endpoints.verifyCertificate, async ({ number }, { req }) => {
    // Public, so per client (core/rate-limit.ts): a script cannot walk the certificate numbers.
    checkRate(store, limits.certificateCheck, req, '查询过于频繁，请稍后再试')
    const accountId = store.state.results.certificates.get(number)
    const account = accountId ? store.state.accounts.get(accountId) : undefined
    const results = accountId ? store.state.results.byAccount.get(accountId) : undefined
    if (!account || !results || results.certificateNo !== number)
      return { valid: false, nameMasked: null, examName: null, speciality: null, toYear: null }
    return {
      valid: true,
      nameMasked: maskName(account.name),
      examName: results.examName,
      speciality: results.speciality,
      toYear: Number(number.slice(0, 4)),
    }
  })

  await candidateScope(app, store, (scope) => {
    /** The caller's own ticket; another candidate's answers exactly like one that does not exist. */
    const ownTicket = (ticketId: string, accountId: string): StoredTicket => {
      const t = store.state.results.tickets.get(ticketId)
      if (!t || t.accountId !== accountId) throw notFound('TICKET_NOT_FOUND')
      return t
    }

    scope.route(endpoints.resultsSummary, async (_in, { candidate }) => {
      const now = store.clock.now()
      const t = currentTicket(store, candidate.id)
      const results = store.state.results.byAccount.get(candidate.id)
      return {
        ticket: t ? ticketBrief(t, now) : null,
        scoreYears: (results?.years ?? []).map((y) => y.year).sort((a, b) => b - a),
        certificate: certificateReady(results, now),
      }
    })

    scope.route(endpoints.ticket, async ({ ticketId }, { candidate }) => {
      const t = ownTicket(ticketId, candidate.id)
      const now = store.clock.now()
      const brief = ticketBrief(t, now)
      if (brief.state === 'not-open')
        throw new HttpError(409, 'TICKET_NOT_OPEN', undefined, undefined, { opensAt: t.opensAt })
      if (brief.state === 'closed')
        throw new HttpError(410, 'TICKET_CLOSED', undefined, undefined, { closedAt: t.closesAt })
      const photo = store.state.profile.byAccount.get(candidate.id)?.photo
      const kind = t.kind ?? store.state.results.byAccount.get(candidate.id)?.kind ?? 'health'
      return ticketView(
        t,
        {
          ...who(candidate),
          idTypeName: ID_TYPE_LABELS[candidate.idType] ?? ID_TYPE_LABELS['resident-id'],
          idNumber: candidate.idNumber,
          photoUrl: photo ? `/api/photo-view/${photoTicket(candidate.id, now)}` : null,
        },
        await qrOf(t.ticketNo),
        now,
        kind,
      )
    })

    scope.route(endpoints.ticketReminder, async ({ ticketId }, { candidate }) => {
      const t = ownTicket(ticketId, candidate.id)
      if (ticketBrief(t, store.clock.now()).state === 'closed') throw new HttpError(410, 'TICKET_CLOSED')
      t.reminder = true
      store.save()
      return { ok: true as const, reminder: true }
    })

    scope.route(endpoints.scores, async (_in, { candidate }) => {
      const results = store.state.results.byAccount.get(candidate.id)
      if (!results) throw notFound('NOT_FOUND', '暂无考试成绩')
      return scoresView(results, store.clock.now())
    })

    scope.route(endpoints.certificate, async (_in, { candidate }) =>
      certificateOf(store, candidate.id, who(candidate), publicBaseUrl()),
    )
  })
}

function who(candidate: { name: string; idNumber: string }) {
  return { name: candidate.name, idNumberMasked: maskIdNumber(candidate.idNumber) }
}
