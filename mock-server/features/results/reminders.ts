import { chinaDateTime } from '../../../domain/china-time'
import { ticketWindowState } from '../../../domain/results'
import type { Store } from '../../core/store'
import { addReminder, reminderSources } from '../process'

/**
 * 开放打印时提醒我: a candidate who subscribed on the ticket page (the platform's subscription accepted, then
 * `ticketReminder`) gets one reminder in the message list when the printing window opens — found, like every
 * reminder, after any answer of the server, so the clock moved by QA or a ticket published inside its window sends
 * it. `reminderSentAt` makes it once per subscription; a window that has already closed sends nothing.
 */
export function queueTicketReminders(store: Store): void {
  const now = store.clock.now()
  for (const t of store.state.results.tickets.values()) {
    if (!t.reminder || t.reminderSentAt || ticketWindowState(now, t.opensAt, t.closesAt) !== 'open') continue
    const sent = addReminder(store, t.accountId, {
      applicationId: null,
      kind: 'ticket-open',
      title: '准考证已开放打印',
      body: `${t.examName}准考证已开放打印，请在${chinaDateTime(t.closesAt)}前打印，考试结束后不再提供打印`,
      // Only an accepted platform subscription records the reminder, so it goes through the platform too.
      pushed: true,
    })
    t.reminderSentAt = sent.at
  }
}

reminderSources.push(queueTicketReminders)
