import type { FastifyReply, FastifyRequest } from 'fastify'
import { HttpError } from './errors'
import type { Store } from './store'

/**
 * Per-client rate limits for what anyone may call without limit otherwise: captcha issuance and the public
 * certificate check (face starts keep their own, per ID number too, in features/face/flows.ts). Over the limit the
 * answer is 429 RATE_LIMITED with `Retry-After` (seconds) and the contract's body (code, Chinese message,
 * `details.retryAfterSeconds`); the app waits that long (src/api).
 *
 * A client is the candidate behind a valid session when the request carries one, else the request's address
 * (`req.ip`; behind a proxy the deployment sets fastify's trustProxy so it is the caller's, not the proxy's). Counts
 * are fixed windows in a Map per limit: bounded (`maxClients`; past it, windows that ended go first, then the oldest)
 * and pruned as they end. They live in memory: a restart forgets them, and QA's reset clears them.
 *
 * Windows run on the machine's monotonic time (performance.now()), never on the business clock (store.clock): a rate
 * is about real seconds between real requests. On the QA clock, a clock moved forward and then back left windows
 * ending hours or days ahead (a client refused with a Retry-After of a day), and moving it forward emptied every
 * window at once (a flood let through). QA's clock moves neither.
 */
export interface RateRule {
  /** Requests allowed per client per window. */
  limit: number
  windowMs: number
}

export interface RateLimitsConfig {
  /** GET /api/captcha. */
  captcha: RateRule
  /** GET /api/results/verify/:number (public). */
  certificateCheck: RateRule
}

/**
 * The defaults. Generous per address, since candidates share addresses (carrier-grade NAT on mobile networks, a
 * hospital's or school's network): a person needs a captcha per form and a few refreshes, a certificate is checked
 * now and then; a script asking hundreds a second is what is refused.
 */
export const DEFAULT_RATE_LIMITS: RateLimitsConfig = {
  captcha: { limit: 100, windowMs: 60_000 },
  certificateCheck: { limit: 30, windowMs: 60_000 },
}

/** How many clients one limit remembers at most. */
const MAX_CLIENTS = 20_000

/** Monotonic milliseconds: the machine's, unaffected by wall-clock changes and by the QA clock. */
export const monotonicNow = (): number => performance.now()

export class RateLimiter {
  private readonly windows = new Map<string, { count: number; endsAt: number }>()
  /**
   * The same counts for the figures (QA `serverLoad`), which QA's reset does not clear: a run that resets the server
   * between tests is still measured whole. `peak` is the most one client was let through within one window.
   */
  private readonly tallies = new Map<string, { count: number; endsAt: number }>()
  private peakCount = 0
  private refusedCount = 0
  private allowedCount = 0

  constructor(
    readonly rule: RateRule,
    private readonly maxClients = MAX_CLIENTS,
  ) {}

  /**
   * Counts one request of `client` at monotonic time `now` (ms); 0 when allowed, else the seconds until its window
   * ends (not counted).
   */
  take(client: string, now: number = monotonicNow()): number {
    const w = this.windowOf(this.windows, client, now)
    if (w.count >= this.rule.limit) {
      this.refusedCount++
      return Math.max(1, Math.ceil((w.endsAt - now) / 1000))
    }
    w.count++
    this.allowedCount++
    const tally = this.windowOf(this.tallies, client, now)
    tally.count++
    this.peakCount = Math.max(this.peakCount, tally.count)
    return 0
  }

  get size(): number {
    return this.windows.size
  }

  /** Forgets every count (QA reset); the figures stay. */
  clear(): void {
    this.windows.clear()
  }

  /**
   * The rule, the most one client was let through within one window since the start (or `resetFigures`), and the
   * requests let through and refused in all. Windows are fixed and start at a client's first request, so within any sliding window of the
   * same length one client may have had up to twice `peak`.
   */
  figures(): { limit: number; windowMs: number; peak: number; allowed: number; refused: number } {
    return {
      limit: this.rule.limit,
      windowMs: this.rule.windowMs,
      peak: this.peakCount,
      allowed: this.allowedCount,
      refused: this.refusedCount,
    }
  }

  resetFigures(): void {
    this.tallies.clear()
    this.peakCount = 0
    this.refusedCount = 0
    this.allowedCount = 0
  }

  /** The client's current window in `map` (a new one when it had none or it ended), making room when full. */
  private windowOf(
    map: Map<string, { count: number; endsAt: number }>,
    client: string,
    now: number,
  ): { count: number; endsAt: number } {
    let w = map.get(client)
    if (w && w.endsAt <= now) {
      map.delete(client)
      w = undefined
    }
    if (!w) {
      if (map.size >= this.maxClients) this.makeRoom(map, now)
      w = { count: 0, endsAt: now + this.rule.windowMs }
      map.set(client, w)
    }
    return w
  }

  private makeRoom(map: Map<string, { count: number; endsAt: number }>, now: number): void {
    for (const [k, w] of map) if (w.endsAt <= now) map.delete(k)
    // Still full: the oldest window goes (Maps keep insertion order).
    while (map.size >= this.maxClients) map.delete(map.keys().next().value as string)
  }
}

/** The server's limits, one limiter each (made by app.ts from MockServerOptions.rateLimits). */
export class RateLimits {
  readonly captcha: RateLimiter
  readonly certificateCheck: RateLimiter

  constructor(config: Partial<RateLimitsConfig> = {}) {
    const c = { ...DEFAULT_RATE_LIMITS, ...config }
    this.captcha = new RateLimiter(c.captcha)
    this.certificateCheck = new RateLimiter(c.certificateCheck)
  }

  clear(): void {
    this.captcha.clear()
    this.certificateCheck.clear()
  }

  resetFigures(): void {
    this.captcha.resetFigures()
    this.certificateCheck.resetFigures()
  }
}

/** Who is asking: the candidate of a valid session, else the address. Never throws (a bad token is just no session). */
export function clientOf(store: Store, req: FastifyRequest): string {
  const account = store.identity.callerOf(req)
  return account ? `account:${account}` : `ip:${req.ip}`
}

/** 429 with the contract's body; app.ts's error handler turns `retryAfterSeconds` into the Retry-After header. */
export function rateLimited(seconds: number, message?: string): HttpError {
  return new HttpError(429, 'RATE_LIMITED', message, undefined, { retryAfterSeconds: seconds })
}

/** Counts the request against `limiter` for its client; throws the 429 when over. */
export function checkRate(store: Store, limiter: RateLimiter, req: FastifyRequest, message?: string): void {
  // Real time, not store.clock (see the top of this file).
  const wait = limiter.take(clientOf(store, req))
  if (wait > 0) throw rateLimited(wait, message)
}

/** Sets Retry-After on a refusal that says how long to wait (429, 503). */
export function retryAfterHeader(err: HttpError, reply: FastifyReply): void {
  const seconds = err.details?.retryAfterSeconds
  if ((err.status === 429 || err.status === 503) && typeof seconds === 'number' && seconds > 0)
    reply.header('retry-after', String(Math.ceil(seconds)))
}
