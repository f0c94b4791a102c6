import type { Message } from '../../../../types/process'
import { go, routes } from '../../../routes'

/**
 * Where a message takes the candidate when tapped: an application's news to its tracker, the ticket's printing
 * window to the ticket, published scores to 成绩查询. A message about an application that has gone (withdrawn and
 * pruned) has no page to open: null.
 */
export function openMessage(m: Pick<Message, 'kind' | 'applicationId'>): Promise<unknown> | null {
  switch (m.kind) {
    case 'ticket-open':
      return go.to(routes.resultsTicket)
    case 'scores-published':
      return go.to(routes.resultsScores)
    default:
      return m.applicationId ? go.to(routes.tracker, { id: m.applicationId }) : null
  }
}
