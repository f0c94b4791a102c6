import type { FastifyInstance } from 'fastify'
import {
  createHistogram,
  monitorEventLoopDelay,
  performance,
  type EventLoopUtilization,
  type IntervalHistogram,
  type RecordableHistogram,
} from 'node:perf_hooks'
import { CLIENT_TIMEOUT_MS } from '../../types/api'
import { qaEndpoints, type ServerLoadStatus } from '../../types/qa'
import { contractRoute } from './contract-route'
import type { RateLimits } from './rate-limit'
import type { Store } from './store'

/**
 * What a load costs the server, as QA `serverLoad` reports it (scripts/bench-load.ts prints it): how late the event
 * loop ran timers (its delay: every request waits at least that long to be looked at), how busy the loop was (event
 * loop utilization: the share of time it ran code rather than waited for I/O), how long answers took on the server
 * (beside what a client measured, this tells the server's queueing from the network's and the client's), what the
 * whole-state writes took of the loop and how long answers waited for them (core/store.ts), and the rate limits' figures (the most one client asked in a window, the refusals). Measured
 * since the server started or since the last `resetServerLoad`.
 */
export class ServerLoad {
  private readonly delay: IntervalHistogram
  private elu: EventLoopUtilization
  /** Server-side answer times (request read to answer sent), in ms. */
  private readonly answers: RecordableHistogram = createHistogram()
  private overTimeout = 0

  constructor(
    private readonly store: Store,
    private readonly limits: RateLimits,
  ) {
    // 10 ms resolution: a delay shorter than that does not matter next to a phone's 15 s timeout.
    this.delay = monitorEventLoopDelay({ resolution: 10 })
    this.delay.enable()
    this.elu = performance.eventLoopUtilization()
  }

  /** One answer took `ms` on the server (fastify's elapsedTime: from the request read to the answer sent). */
  answered(ms: number): void {
    this.answers.record(Math.max(1, Math.round(ms)))
    if (ms >= CLIENT_TIMEOUT_MS) this.overTimeout++
  }

  status(): ServerLoadStatus {
    const ms = (ns: number) => Math.round(ns / 1e4) / 100
    const elu = performance.eventLoopUtilization(this.elu)
    const writes = this.store.writeFigures()
    return {
      eventLoop: {
        delayP50Ms: ms(this.delay.percentile(50)),
        delayP99Ms: ms(this.delay.percentile(99)),
        delayMaxMs: ms(this.delay.max),
        utilization: Math.round(elu.utilization * 1000) / 1000,
        busyMs: Math.round(elu.active),
      },
      answers: {
        count: this.answers.count,
        p50Ms: this.answers.count ? this.answers.percentile(50) : 0,
        p99Ms: this.answers.count ? this.answers.percentile(99) : 0,
        maxMs: this.answers.count ? this.answers.max : 0,
        overTimeout: this.overTimeout,
      },
      stateWrites: {
        writes: writes.writes,
        lastKb: Math.round(writes.lastChars / 1024),
        serializeMs: Math.round(writes.serializeMs),
        meanSerializeMs: writes.writes ? Math.round((writes.serializeMs / writes.writes) * 10) / 10 : 0,
        maxSerializeMs: Math.round(writes.maxSerializeMs),
        durableWaits: writes.durableWaits,
        meanDurableWaitMs: writes.durableWaits ? Math.round(writes.durableWaitMs / writes.durableWaits) : 0,
        maxDurableWaitMs: Math.round(writes.maxDurableWaitMs),
      },
      rateLimits: { captcha: this.limits.captcha.figures(), certificateCheck: this.limits.certificateCheck.figures() },
    }
  }

  reset(): void {
    this.delay.reset()
    this.answers.reset()
    this.overTimeout = 0
    this.elu = performance.eventLoopUtilization()
    this.store.resetWriteFigures()
    this.limits.resetFigures()
  }

  close(): void {
    this.delay.disable()
  }
}

/** QA `serverLoad` and `resetServerLoad` (only with --qa: the monitor runs only then). */
export function serverLoadQaRoutes(app: FastifyInstance, store: Store, limits: RateLimits): void {
  const load = new ServerLoad(store, limits)
  app.addHook('onClose', async () => load.close())
  app.addHook('onResponse', async (_req, reply) => load.answered(reply.elapsedTime))
  contractRoute(app, store, qaEndpoints.serverLoad, async () => load.status())
  contractRoute(app, store, qaEndpoints.resetServerLoad, async () => {
    load.reset()
    return { ok: true as const }
  })
}
