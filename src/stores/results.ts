import { create } from 'zustand'
import type { CertificateResult, ResultsSummary, Scores, Ticket } from '@contract/results'
import { api, ApiError } from '../api'
import { platform } from '../platform/platform'
import { recordSubscription, useReminders } from './reminders'
import { sectionLoader, type SectionFlags } from './sections'
import { onCandidateLeft } from './session'

/**
 * After the exam (issue 15): the hub's summary, the ticket, the scores and the certificate, loaded by the results
 * pages and the hub through these actions.
 */
type Section = 'summary' | 'ticket' | 'scores' | 'certificate'

export type ReminderOutcome = 'on' | 'refused' | 'switched-off' | 'failed'

interface ResultsState extends SectionFlags<Section> {
  summary: ResultsSummary | null
  ticket: Ticket | null
  scores: Scores | null
  certificate: CertificateResult | null
  loadSummary: () => Promise<void>
  /** The summary, then the ticket itself when its window is open. */
  loadTicket: () => Promise<void>
  loadScores: () => Promise<void>
  loadCertificate: () => Promise<void>
  /** Asks the platform for the reminder subscription, then tells the server. */
  remindMe: () => Promise<ReminderOutcome>
  reset: () => void
}

export const useResults = create<ResultsState>((set, get) => {
  const { load } = sectionLoader<Section, ResultsState>(set)
  return {
    summary: null,
    ticket: null,
    scores: null,
    certificate: null,
    loading: {},
    errors: {},
    loadSummary: async () => void (await load('summary', api.resultsSummary, (summary) => ({ summary }))),
    loadTicket: async () => {
      await load(
        'ticket',
        async () => {
          const summary = await api.resultsSummary()
          set({ summary })
          if (summary.ticket?.state !== 'open') return { ticket: null }
          try {
            return { ticket: await api.ticket(summary.ticket.ticketId) }
          } catch (err) {
            // The window moved between the two calls: show the state the server has now.
            if (err instanceof ApiError && (err.code === 'TICKET_NOT_OPEN' || err.code === 'TICKET_CLOSED'))
              return { summary: await api.resultsSummary(), ticket: null }
            throw err
          }
        },
        (value) => value,
      )
    },
    loadScores: async () => void (await load('scores', api.scores, (scores) => ({ scores }))),
    loadCertificate: async () => void (await load('certificate', api.certificate, (certificate) => ({ certificate }))),
    remindMe: async () => {
      const brief = get().summary?.ticket
      if (!brief) return 'failed'
      try {
        // Baidu asks through the SubscribeForm around the button (its answer comes with the form's submit event).
        // Asked inside the tap (no await before it), with the template the server issued for this platform; every
        // accepting answer counts (WeChat's acceptWith… too), and the answer is recorded.
        if (platform.capabilities.subscribeMessages) {
          const answer = await useReminders.getState().ask('ticket')
          await recordSubscription('ticket', answer)
          if (answer.outcome !== 'accept') return answer.failure === 'switched-off' ? 'switched-off' : 'refused'
        }
        await api.ticketReminder(brief.ticketId)
        set((s) => ({ summary: s.summary && { ...s.summary, ticket: { ...brief, reminder: true } } }))
        return 'on'
      } catch {
        return 'failed'
      }
    },
    reset: () => set({ summary: null, ticket: null, scores: null, certificate: null, loading: {}, errors: {} }),
  }
})

// Logged out, the session gone, or another candidate: nobody sees the last one's ticket or scores.
onCandidateLeft(() => useResults.getState().reset())
