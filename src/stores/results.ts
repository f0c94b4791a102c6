import { create } from 'zustand'
import type { CertificateResult, ResultsSummary, Scores, Ticket } from '@contract/results'
import { api, ApiError, messageOf } from '../api'
import { platform } from '../platform/platform'
import { recordSubscription, useReminders } from './reminders'

/**
 * After the exam (issue 15): the hub's summary, the ticket, the scores and the certificate, loaded by the results
 * pages and the hub through these actions.
 */
type Section = 'summary' | 'ticket' | 'scores' | 'certificate'

export type ReminderOutcome = 'on' | 'refused' | 'switched-off' | 'failed'

interface ResultsState {
  summary: ResultsSummary | null
  ticket: Ticket | null
  scores: Scores | null
  certificate: CertificateResult | null
  loading: Partial<Record<Section, boolean>>
  errors: Partial<Record<Section, string | null>>
  loadSummary: () => Promise<void>
  /** The summary, then the ticket itself when its window is open. */
  loadTicket: () => Promise<void>
  loadScores: () => Promise<void>
  loadCertificate: () => Promise<void>
  /** Asks the platform for the reminder subscription, then tells the server. */
  remindMe: () => Promise<ReminderOutcome>
  reset: () => void
}

async function track<T>(
  section: Section,
  set: (p: Partial<ResultsState> | ((s: ResultsState) => Partial<ResultsState>)) => void,
  work: () => Promise<T>,
): Promise<T | null> {
  set((s) => ({ loading: { ...s.loading, [section]: true }, errors: { ...s.errors, [section]: null } }))
  try {
    return await work()
  } catch (err) {
    set((s) => ({ errors: { ...s.errors, [section]: messageOf(err) } }))
    return null
  } finally {
    set((s) => ({ loading: { ...s.loading, [section]: false } }))
  }
}

export const useResults = create<ResultsState>((set, get) => ({
  summary: null,
  ticket: null,
  scores: null,
  certificate: null,
  loading: {},
  errors: {},
  loadSummary: async () => {
    await track('summary', set, async () => set({ summary: await api.resultsSummary() }))
  },
  loadTicket: async () => {
    await track('ticket', set, async () => {
      const summary = await api.resultsSummary()
      set({ summary })
      if (summary.ticket?.state !== 'open') return set({ ticket: null })
      try {
        set({ ticket: await api.ticket(summary.ticket.ticketId) })
      } catch (err) {
        // The window moved between the two calls: show the state the server has now.
        if (err instanceof ApiError && (err.code === 'TICKET_NOT_OPEN' || err.code === 'TICKET_CLOSED')) {
          set({ summary: await api.resultsSummary(), ticket: null })
        } else throw err
      }
    })
  },
  loadScores: async () => {
    await track('scores', set, async () => set({ scores: await api.scores() }))
  },
  loadCertificate: async () => {
    await track('certificate', set, async () => set({ certificate: await api.certificate() }))
  },
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
}))
