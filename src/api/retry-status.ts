import type { QueuePlace } from '@contract/login-queue'

/**
 * What the API client is waiting for: a call that met a busy server or a broken connection and will try again.
 * The app shows it as a calm banner (src/components/network-banner) instead of an error; null when nothing waits.
 */
export interface RetryStatus {
  /** The try about to be made (2 = the first retry). */
  attempt: number
  /** The most tries this call makes. */
  of: number
  /** How long until the next try, in ms. */
  waitMs: number
  /**
   * Why it waits, when the server said: `queue` (the login waiting room, 503 LOGIN_QUEUE, with the place in line when
   * known) or `rate-limit` (429 with Retry-After). Absent: a network retry.
   */
  reason?: 'queue' | 'rate-limit'
  queue?: QueuePlace
}

type Listener = (status: RetryStatus | null) => void
const listeners = new Set<Listener>()
/** Calls retrying now, so the banner stays while any one of them waits. */
const waiting = new Map<symbol, RetryStatus>()

export function onRetryStatus(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** A call reports that it waits (status) or that it is done waiting (null). */
export function reportRetry(call: symbol, status: RetryStatus | null): void {
  if (status) waiting.set(call, status)
  else if (!waiting.delete(call)) return
  const latest = [...waiting.values()].pop() ?? null
  for (const listener of listeners) listener(latest)
}
