import type { FastifyInstance } from 'fastify'
import type * as v from 'valibot'
import { CLIENT_TIMEOUT_MS, type Endpoint } from '../../../types/api'
import { ERROR_MESSAGES } from '../../../types/errors'
import { LOGIN_QUEUE_CODE, type LoginQueueErrorBody, type QueuePlace } from '../../../types/login-queue'
import { qaEndpoints } from '../../../types/qa'
import { contractRoute, type RouteContext } from '../../core/contract-route'
import { HttpError } from '../../core/errors'
import { callerScope } from '../../core/idempotency'
import type { Store } from '../../core/store'
import { scryptStats } from './passwords'

/**
 * The login waiting room (issue 20). Every request that hashes a password (registration, password login, the
 * security-answer check, the password reset) asks it first. It lets a request in only while everything already let
 * in, plus this one, can be hashed within the budget by the throughput measured from recent scrypt runs
 * (passwords.ts: mean duration of the last runs, two at a time); otherwise it answers AT ONCE with 503, Retry-After
 * and the place in line, instead of a request that waits past the app's timeout. While a line has stood for a whole
 * window, the throughput is also measured end to end by Little's law (how many admitted requests ran at once over how
 * long each took, disk writes and a busy event loop included) and the lower of the two counts, so a server slowed by
 * more than hashing admits fewer. (Not "finished per second": that counts demand, not capacity, and a long
 * Retry-After that leaves the room idle would lower it further, down to nothing.)
 *
 * Fairness: a refused request gets a ticket, kept by the request's own secret (the captcha it solved, the recovery id
 * or the reset token: the app's retry sends the same body with the same idempotency key), so one solved captcha holds
 * one place however many requests carry it. The tickets form a line in the order they were first refused. A request is let in only when the room left covers the
 * tickets ahead of it as well as itself, so those who waited longer get in first and a newcomer cannot overtake a
 * ticket that is due back. A ticket not back within its Retry-After plus a grace loses its place (an abandoned phone
 * holds no room for long). A request that would be refused before any hash (a wrong or used captcha, an unknown
 * recovery or reset token) never queues: it is answered at once, so nobody takes a place without a solved captcha.
 * Time here is the machine's, not the QA clock: throughput is about real seconds.
 */
export interface LoginQueueOptions {
  /** The longest an admitted request may take by the estimate, in ms (default a third of the app's timeout). */
  budgetMs?: number
  /** How long after its Retry-After a ticket keeps its place (default 10 s). */
  graceMs?: number
  /** The longest Retry-After sent, in s (the app comes back, keeps its place and reads a fresh estimate). */
  maxRetryAfterSeconds?: number
  /** Most tickets kept; past it a refusal carries no place (default 50,000). */
  maxTickets?: number
  /**
   * Where the proven limit starts (ProvenLimit; default 2, one registration): it grows as admitted requests finish
   * within the budget. The arithmetic's unit tests start it high to isolate the measured capacity.
   */
  initialLimit?: number
}

/** How long a line must stand before the end-to-end throughput counts. */
const WINDOW_MS = 10_000

/**
 * Throughput by Little's law over the last finished jobs: the mean of how many units were in at once during each
 * job's life (the integral of the units in over time), over the mean time a job took. Independent of how many ask.
 */
class LittleMeter {
  private inFlight = 0
  private area = 0
  private lastChange: number
  private readonly recent: Array<{ ms: number; together: number }> = []

  constructor(private readonly now: () => number) {
    this.lastChange = now()
  }

  private tick(): number {
    const now = this.now()
    this.area += this.inFlight * (now - this.lastChange)
    this.lastChange = now
    return now
  }

  /** A job of `units` starts; call the answer when it ends. */
  start(units: number): () => void {
    const started = this.tick()
    this.inFlight += units
    const areaAtStart = this.area
    return () => {
      const ms = this.tick() - started
      const together = ms > 0 ? (this.area - areaAtStart) / ms : this.inFlight
      this.inFlight -= units
      this.recent.push({ ms, together })
      if (this.recent.length > 32) this.recent.shift()
    }
  }

  /** Units per ms, or null before any job finished. */
  throughputPerMs(): number | null {
    if (this.recent.length === 0) return null
    const ms = this.recent.reduce((s, r) => s + r.ms, 0) / this.recent.length
    const together = this.recent.reduce((s, r) => s + r.together, 0) / this.recent.length
    return together / Math.max(1, ms)
  }
}

/**
 * How many may be in at once, as proven by what finished (TCP's slow start, applied to admission): it starts small,
 * grows by one for each admitted job that finished within the budget while the limit was in use (at least half of it
 * in), so it at most doubles per round of jobs, and halves when a job took longer than the budget. A throughput
 * measured while the server was idle, or a first guess, says nothing about a crowd on a machine that other work
 * starves: 500 captchas let in at once on such a guess took 15 s to answer. The limit only lets in about twice what
 * was just seen to finish in time.
 */
export class ProvenLimit {
  private value: number

  constructor(
    private readonly min: number,
    private readonly budgetMs: number,
    start = min,
  ) {
    this.value = Math.max(min, start)
  }

  get(): number {
    return this.value
  }

  /** A job ended after `ms`, with `inFlight` jobs in (itself included). */
  finished(ms: number, inFlight: number): void {
    if (ms > this.budgetMs) this.value = Math.max(this.min, Math.floor(this.value / 2))
    else if (inFlight * 2 >= this.value) this.value++
  }
}

const DEFAULTS: Required<LoginQueueOptions> = {
  budgetMs: Math.round(CLIENT_TIMEOUT_MS / 3),
  graceMs: 10_000,
  maxRetryAfterSeconds: 20,
  maxTickets: 50_000,
  initialLimit: 2,
}

interface Ticket {
  cost: number
  /** When it was first refused (for the longest-wait figure). */
  since: number
  /** When it loses its place unless it comes back. */
  expiresAt: number
}

export type Admission =
  { admitted: true; release: () => void } | { admitted: false; place: QueuePlace; retryAfterSeconds: number }

export class LoginQueue {
  readonly options: Required<LoginQueueOptions>
  /** Hashing units admitted and not finished (a login is 1, a registration 2). */
  private inFlight = 0
  /** Tickets in the order they were first refused (a Map keeps insertion order). */
  private readonly line = new Map<string, Ticket>()
  private override: number | null = null
  private admitted = 0
  private refused = 0
  private longestWaitMs = 0
  /** Admitted requests, measured end to end. */
  private readonly meter: LittleMeter
  /** Since when the line has stood without a break (null: no line). */
  private busySince: number | null = null
  /** How many units may be in at once, as proven by admitted requests that finished within the budget. */
  private readonly proven: ProvenLimit

  constructor(
    options: LoginQueueOptions = {},
    private readonly now: () => number = Date.now,
    private readonly hashing: () => { meanMs: number; concurrency: number } = scryptStats,
  ) {
    this.options = { ...DEFAULTS, ...options }
    this.meter = new LittleMeter(now)
    this.proven = new ProvenLimit(2, this.options.budgetMs, this.options.initialLimit)
  }

  /**
   * Hashing units per ms: from the recent scrypt runs as measured, or, once a line has stood a whole window, what
   * the admitted requests really finished in it when that is less.
   */
  private throughputPerMs(): number {
    const { meanMs, concurrency } = this.hashing()
    const byHashes = concurrency / Math.max(1, meanMs)
    const endToEnd = this.meter.throughputPerMs()
    if (endToEnd === null || this.busySince === null || this.now() - this.busySince < WINDOW_MS) return byHashes
    return Math.min(byHashes, endToEnd)
  }

  /**
   * What the budget allows at the measured throughput (at least one registration's worth), and no more than the
   * proven limit (ProvenLimit: what recently finished within the budget, at most doubled).
   */
  measuredCapacity(): number {
    return Math.min(this.proven.get(), Math.max(2, Math.floor(this.options.budgetMs * this.throughputPerMs())))
  }

  capacity(): number {
    return this.override ?? this.measuredCapacity()
  }

  /** QA: a fixed capacity (0 = nobody is let in), or null for the measured one. */
  setCapacity(capacity: number | null): void {
    this.override = capacity
  }

  /**
   * Lets a request of `cost` hashing units in (call `release` when it is done), or tells it its place and how long to
   * wait. `key` names the caller's ticket (route and idempotency key); null: no place can be kept.
   */
  admit(key: string | null, cost: number): Admission {
    const now = this.now()
    for (const [k, t] of this.line) if (t.expiresAt <= now) this.line.delete(k)
    if (this.line.size === 0) this.busySince = null
    const ticket = key === null ? undefined : this.line.get(key)
    let aheadUnits = 0
    let ahead = 0
    for (const t of this.line.values()) {
      if (t === ticket) break
      aheadUnits += t.cost
      ahead++
    }
    const capacity = this.capacity()
    if (this.inFlight + aheadUnits + cost <= capacity) {
      if (ticket && key !== null) {
        this.line.delete(key)
        this.longestWaitMs = Math.max(this.longestWaitMs, now - ticket.since)
      }
      this.inFlight += cost
      this.admitted++
      const finished = this.meter.start(cost)
      const startedAt = now
      let released = false
      return {
        admitted: true,
        release: () => {
          if (released) return
          released = true
          this.proven.finished(this.now() - startedAt, this.inFlight)
          this.inFlight -= cost
          finished()
        },
      }
    }
    this.refused++
    // The line drains at the measured throughput: this one's turn comes once what is in and ahead of it is through.
    const waitMs = Math.max(0, this.inFlight + aheadUnits + cost - capacity) / this.throughputPerMs()
    const retryAfterSeconds = Math.min(this.options.maxRetryAfterSeconds, Math.max(1, Math.ceil(waitMs / 1000)))
    let held = ticket
    if (!held && key !== null && this.line.size < this.options.maxTickets) {
      held = { cost, since: now, expiresAt: 0 }
      this.line.set(key, held)
      this.busySince ??= now
    }
    if (held) held.expiresAt = now + retryAfterSeconds * 1000 + this.options.graceMs
    return {
      admitted: false,
      place: { position: held ? ahead + 1 : null, waitSeconds: Math.max(1, Math.ceil(waitMs / 1000)) },
      retryAfterSeconds,
    }
  }

  status() {
    const { meanMs, concurrency } = this.hashing()
    return {
      capacity: this.capacity(),
      measuredCapacity: this.measuredCapacity(),
      override: this.override,
      budgetMs: this.options.budgetMs,
      throughputPerSecond: Math.round(this.throughputPerMs() * 10_000) / 10,
      scryptMeanMs: Math.round(meanMs * 10) / 10,
      concurrency,
      inFlight: this.inFlight,
      waiting: this.line.size,
      admitted: this.admitted,
      refused: this.refused,
      longestWaitMs: this.longestWaitMs,
    }
  }
}

/** The 503 the waiting room answers with: the contract's error body plus the place in line. */
export class QueueRefusal extends HttpError {
  constructor(readonly place: QueuePlace) {
    super(
      503,
      LOGIN_QUEUE_CODE,
      place.position === null
        ? `${ERROR_MESSAGES.LOGIN_QUEUE}（预计等待约 ${place.waitSeconds} 秒）`
        : `排队人数较多，您排在第 ${place.position} 位，预计等待约 ${place.waitSeconds} 秒`,
    )
  }

  override toBody(): LoginQueueErrorBody {
    return { error: { code: LOGIN_QUEUE_CODE, message: this.message, queue: this.place } }
  }
}

const queues = new WeakMap<Store, LoginQueue>()

/** The server's waiting room (one per store, so each test server has its own). */
export function loginQueueOf(store: Store): LoginQueue {
  let queue = queues.get(store)
  if (!queue) queues.set(store, (queue = new LoginQueue()))
  return queue
}

/** Sets up the server's waiting room with its options (buildMockServer's `loginQueue`). */
export function configureLoginQueue(store: Store, options: LoginQueueOptions = {}): LoginQueue {
  const queue = new LoginQueue(options)
  queues.set(store, queue)
  return queue
}

/**
 * A route handler that waits in the room first: `cost` is how many password hashes it runs (a registration hashes
 * the password and the security answer: 2). Refused: 503 at once with Retry-After and the place, before anything
 * else happens (the captcha is not used up, so the retry sends the same one). `eligible` says whether the request
 * would reach a hash at all; when it would not, it is answered at once, outside the room.
 */
export function inLoginQueue<I, O>(
  store: Store,
  cost: number,
  handler: (input: I, ctx: RouteContext) => Promise<O>,
  eligible: (input: I) => boolean = () => true,
): (input: I, ctx: RouteContext) => Promise<O> {
  return async (input, ctx) => {
    if (!eligible(input)) return handler(input, ctx)
    // The place belongs to the request's own secret (callerScope: the captcha id, recovery id or reset token).
    const key = `${ctx.req.routeOptions.url ?? ''} ${callerScope(null, input)}`
    const admission = loginQueueOf(store).admit(key, cost)
    if (!admission.admitted) {
      ctx.reply.header('retry-after', String(admission.retryAfterSeconds))
      throw new QueueRefusal(admission.place)
    }
    releaseWhenAnswered(ctx, admission.release)
    return handler(input, ctx)
  }
}

/**
 * Releases an admission once the answer has left (or the connection closed): what a request costs the room ends
 * there, its durable write included (app.ts holds an answer until its changes are on disk), so the room measures
 * what the caller waits for, not just the handler.
 */
function releaseWhenAnswered(ctx: RouteContext, release: () => void): void {
  const res = ctx.reply.raw
  if (res.writableFinished || res.destroyed) release()
  else res.once('close', release)
}

/** QA: the waiting room's figures, and a fixed capacity (0 forces everyone to wait) or back to measured. */
export function loginQueueQaRoutes(app: FastifyInstance, store: Store): void {
  contractRoute(app, store, qaEndpoints.loginQueue, async () => loginQueueOf(store).status())
  contractRoute(app, store, qaEndpoints.setLoginQueue, async ({ capacity }) => {
    const queue = loginQueueOf(store)
    queue.setCapacity(capacity)
    return queue.status()
  })
}

/** contractRoute through the waiting room: `cost` is how many password hashes the handler runs. */
export function queuedRoute<E extends Endpoint>(
  app: FastifyInstance,
  store: Store,
  endpoint: E,
  cost: number,
  eligible: (input: v.InferOutput<E['request']>) => boolean,
  handler: (input: v.InferOutput<E['request']>, ctx: RouteContext) => Promise<v.InferOutput<E['response']>>,
): void {
  contractRoute(app, store, endpoint, inLoginQueue(store, cost, handler, eligible))
}

/** Whether a captcha would be accepted now (it is not used up: the handler's consumeCaptcha does that). */
export function captchaSolved(store: Store, captchaId: string, code: string): boolean {
  const captcha = store.state.captchas.get(captchaId)
  return (
    !!captcha &&
    Date.parse(captcha.expiresAt) > store.clock.now() &&
    captcha.answer.toLowerCase() === code.trim().toLowerCase()
  )
}

/**
 * The captcha, the first step of every login and registration, behind the same budget: images are drawn on libuv's
 * pool, and a crowd asking for them at once would wait past the app's timeout (then ask again, a retry storm). The
 * gate lets a request in while what is being drawn, plus it, is done within the budget at the throughput measured
 * from recent images (Little's law: how many were drawing at once over how long each took); otherwise 503
 * LOGIN_QUEUE at once with Retry-After and the wait (no place: a captcha request carries no secret to keep one by).
 */
export class CaptchaGate {
  private inFlight = 0
  private readonly meter: LittleMeter
  private readonly proven: ProvenLimit

  constructor(
    private readonly budgetMs: number,
    private readonly now: () => number = () => performance.now(),
    initialLimit = 4,
  ) {
    this.meter = new LittleMeter(now)
    this.proven = new ProvenLimit(4, budgetMs, initialLimit)
  }

  /** Images per ms, as measured (a first guess of 20 ms each, two at a time, before any was drawn). */
  private throughputPerMs(): number {
    return this.meter.throughputPerMs() ?? 2 / 20
  }

  /** What the budget allows at the measured throughput, and no more than the proven limit (ProvenLimit). */
  capacity(): number {
    return Math.min(this.proven.get(), Math.max(4, Math.floor(this.budgetMs * this.throughputPerMs())))
  }

  admit(): Admission {
    if (this.inFlight + 1 > this.capacity()) {
      const waitMs = (this.inFlight + 1 - this.capacity()) / this.throughputPerMs()
      const waitSeconds = Math.max(1, Math.ceil(waitMs / 1000))
      return { admitted: false, place: { position: null, waitSeconds }, retryAfterSeconds: Math.min(20, waitSeconds) }
    }
    this.inFlight++
    const finished = this.meter.start(1)
    const startedAt = this.now()
    let released = false
    return {
      admitted: true,
      release: () => {
        if (released) return
        released = true
        this.proven.finished(this.now() - startedAt, this.inFlight)
        this.inFlight--
        finished()
      },
    }
  }
}

const captchaGates = new WeakMap<Store, CaptchaGate>()

/** A captcha handler behind the server's captcha gate (budget: the login waiting room's). */
export function behindCaptchaGate<I, O>(
  store: Store,
  handler: (input: I, ctx: RouteContext) => Promise<O>,
): (input: I, ctx: RouteContext) => Promise<O> {
  return async (input, ctx) => {
    let gate = captchaGates.get(store)
    if (!gate) captchaGates.set(store, (gate = new CaptchaGate(loginQueueOf(store).options.budgetMs)))
    const admission = gate.admit()
    if (!admission.admitted) {
      ctx.reply.header('retry-after', String(admission.retryAfterSeconds))
      throw new QueueRefusal(admission.place)
    }
    releaseWhenAnswered(ctx, admission.release)
    return handler(input, ctx)
  }
}
