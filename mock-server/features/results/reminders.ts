import { chinaDateTime } from '../../../domain/china-time'
import { ticketWindowState } from '../../../domain/results'
import type { Store } from '../../core/store'
import { acceptedTemplate, addReminder, reminderSources, TICKET_TEMPLATE } from '../process'

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
      examName: t.examName,
      kind: 'ticket-open',
      title: '准考证已开放打印',
      body: `${t.examName}准考证已开放打印，请在${chinaDateTime(t.closesAt)}前打印，考试结束后不再提供打印`,
      // Only an accepted platform subscription records the reminder, so it goes through the platform too.
      pushed: true,
    })
    t.reminderSentAt = sent.at
  }
}

/**
 * 成绩发布 (issue 24): publishing a year's scores puts a message in the candidate's list that opens 成绩查询, sent
 * through the platform too when the candidate accepted the scores template (asked with the ticket's, on the ticket
 * page). A correction of a year already published says so.
 */
export function announceScores(store: Store, accountId: string, examName: string, corrected: boolean): void {
  const subscriptions = store.state.process.subscriptions.get(accountId) ?? []
  addReminder(store, accountId, {
    applicationId: null,
    examName,
    kind: 'scores-published',
    title: corrected ? '考试成绩已更正' : '考试成绩已发布',
    body: corrected ? `${examName}成绩已更正，请在成绩查询中查看` : `${examName}成绩已发布，请在成绩查询中查看`,
    pushed: acceptedTemplate(subscriptions, 'ticket', TICKET_TEMPLATE.scores),
  })
}

reminderSources.push(queueTicketReminders)
