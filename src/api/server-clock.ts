import { SERVER_TIME_HEADER } from '@contract/api-routes'

/**
 * The server's time as the app knows it: an offset learnt from every answer, so countdowns (a captcha's expiry, a
 * registration window, a payment deadline) follow the server's clock, not a phone set to the wrong day. The server
 * sends its clock in SERVER_TIME_HEADER (milliseconds, or an ISO time); HTTP's own `Date` header (whole seconds) is
 * the fallback.
 */
let offsetMs = 0
let precise = false

/** Milliseconds since the epoch on the server's clock, now. */
export function serverNow(): number {
  return Date.now() + offsetMs
}

/** How far the server's clock is ahead of the phone's (negative when behind). */
export function serverOffsetMs(): number {
  return offsetMs
}

/**
 * Learns the offset from one answer's headers. `sentAt`/`receivedAt` are the phone's clock around the exchange: the
 * server's stamp is taken to be from the middle of it.
 */
export function learnServerTime(
  headers: Record<string, unknown> | undefined,
  sentAt: number,
  receivedAt: number = Date.now(),
): void {
  if (!headers) return
  const exact = parseTime(headerOf(headers, SERVER_TIME_HEADER))
  // A whole-second `Date` must not overwrite an exact stamp learnt before: it would make the countdown jitter.
  const stamp = exact ?? (precise ? null : parseTime(headerOf(headers, 'date')))
  if (stamp === null) return
  if (exact !== null) precise = true
  offsetMs = Math.round(stamp - (sentAt + receivedAt) / 2)
}

/** Back to the phone's clock (tests; a new server). */
export function resetServerClock(): void {
  offsetMs = 0
  precise = false
}

/** Mini-program platforms differ in header case (`Date`, `date`): look it up case-blind. */
function headerOf(headers: Record<string, unknown>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? String(value[0]) : String(value)
  }
  return undefined
}

function parseTime(value: string | undefined): number | null {
  if (!value) return null
  const n = /^\d+$/.test(value.trim()) ? Number(value) : Date.parse(value)
  return Number.isFinite(n) && n > 0 ? n : null
}
