import { chinaDateOf } from '@domain/today'
import { getApiBase, serverNow } from '../api'

/**
 * What pages take from the server side besides a store's data, so that no page imports `src/api` (lint keeps that
 * wall): the words of what a store action threw, an image's address under the API base, the server's clock.
 */

/** The Chinese sentence to show for what a store action threw (an ApiError's own message, else a general one). */
export { messageOf } from '../api'

/** The server's clock (learnt from every answer): countdowns and "today" read it, never the phone's. */
export { serverNow } from '../api'

/** China's today by the server's clock: the forms' date checks use it, as the server does. */
export function serverToday(): string {
  return chinaDateOf(serverNow())
}

/** The address of an image the server serves (a ticketed path such as a material's or the ticket's photo). */
export function serverImageSrc(path: string): string {
  return `${getApiBase()}${path}`
}
