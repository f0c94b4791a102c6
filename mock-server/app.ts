import cors from '@fastify/cors'
import Fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify'
import { endpoints, SERVER_TIME_HEADER } from '../types/api'
import { ERROR_MESSAGES, type ErrorCode } from '../types/errors'
import { HttpError } from './core/errors'
import { faultInjection } from './core/faults'
import { wireFaults, type WireFaultsConfig } from './core/wire-faults'
import { qaRoutes } from './core/qa-routes'
import { CallLog, recordCalls } from './core/call-log'
import { Store } from './core/store'
import { FEATURES, SCENARIOS } from './features'
import { configureLoginQueue, type LoginQueueOptions } from './features/account'
import type { OcrEngine } from './features/scan/ocr/engine'
import type { FaceOutcome } from '../types/platform-sim'
import { wireErrorOptions } from './core/wire-errors'
import { serverLoadQaRoutes } from './core/server-load'
import { RateLimits, retryAfterHeader, type RateLimitsConfig } from './core/rate-limit'

export interface MockServerOptions {
  /** Enables the QA control API under /__qa. */
  qa?: boolean
  /** Persist state to this file (atomic writes); in memory when absent. */
  dataFile?: string
  /** Start from this named scenario (ignored when dataFile already holds state). */
  scenario?: string
  /** Structured logs; off in tests. */
  logger?: boolean | { level: string }
  /** Where logs go (tests read them to check no personal data leaks); stdout by default. */
  logStream?: NodeJS.WritableStream
  /** The face outcome the simulated platforms report until QA sets another (`npm start`: pass). */
  faceOutcome?: FaceOutcome
  /** The screenshot OCR; the process's shared engine (models loaded once, on first scan) by default. */
  ocr?: OcrEngine
  /** Faults on the wire (core/wire-faults.ts): a share of requests busy, rate-limited, delayed or dropped. Off by default. */
  faults?: WireFaultsConfig
  /**
   * Where the server's own links start (the certificate's verification URL and its QR), e.g.
   * `https://exam.example.cn`: a deployment sets it (`--public-base-url`). By default the address the server listens
   * on. Never taken from a request (Host, X-Forwarded-*): a caller must not choose where another's QR points.
   */
  publicBaseUrl?: string
  /**
   * Per-client limits on captcha issuance and the public certificate check (core/rate-limit.ts; the defaults are
   * DEFAULT_RATE_LIMITS). A load run from one machine raises them (`--captcha-rate`).
   */
  rateLimits?: Partial<RateLimitsConfig>
  /** The login waiting room's budget and limits (features/account/login-queue.ts); the defaults otherwise. */
  loginQueue?: LoginQueueOptions
}

export type MockServer = FastifyInstance & {
  store: Store
  /** Every route registered (method and pattern), for tests that walk them. */
  routeTable: ReadonlyArray<{ method: string; url: string }>
}

/** Builds the mock backend; tests call this and listen on port 0. */
export async function buildMockServer(opts: MockServerOptions = {}): Promise<MockServer> {
  const store = new Store(
    FEATURES.flatMap((f) => (f.slice ? [f.slice] : [])),
    opts.dataFile,
  )
  if (opts.scenario) {
    const make = SCENARIOS.get(opts.scenario)
    if (!make) throw new Error(`unknown scenario: ${opts.scenario}`)
    if (!opts.dataFile || store.state.accounts.size === 0)
      store.replace(make({ now: store.clock.now(), blobs: store.blobs, empty: () => store.empty() }))
  }

  configureLoginQueue(store, opts.loginQueue)

  const app = Fastify({
    logger: opts.logger
      ? {
          level: opts.logger === true ? 'info' : opts.logger.level,
          redact: REDACT,
          ...(opts.logStream ? { stream: opts.logStream } : {}),
        }
      : false,
    // We log one line per request ourselves, without query strings or bodies (they may hold personal data).
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    trustProxy: false,
    // Router and HTTP-parser refusals answer with the contract's error body too.
    ...wireErrorOptions,
  })

  const routeTable: Array<{ method: string; url: string }> = []
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeTable.push({ method, url: route.url })
  })

  await app.register(cors, {
    origin: (origin, cb) => cb(null, !origin || /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(origin)),
    // Every method the contract uses (DELETE: a record, the binding), so the H5 app on its own origin can call them.
    methods: CORS_METHODS,
    allowedHeaders: ['content-type', 'authorization', 'idempotency-key'],
    // Retry-After too: the H5 app waits as long as the server asks.
    exposedHeaders: ['idempotent-replay', SERVER_TIME_HEADER, 'retry-after'],
  })

  // The server's time on every answer (errors included), from its one clock, so the app can learn its offset.
  app.addHook('onSend', async (_req, reply) => {
    const now = store.clock.date()
    reply.header(SERVER_TIME_HEADER, now.toISOString()).header('date', now.toUTCString())
  })

  // Durability: an answer leaves only once every change made while its request ran is on disk (the store writes in
  // batches, off the request path; see core/store.ts). Requests during which nothing changed never wait.
  const versionAtStart = new WeakMap<object, number>()
  app.addHook('onRequest', async (req) => {
    versionAtStart.set(req, store.currentVersion)
  })
  app.addHook('onSend', async (req, reply, payload) => {
    const start = versionAtStart.get(req)
    if (start === undefined || store.currentVersion <= start) return payload
    // A refusal by admission control (the waiting room, the captcha gate, a rate limit) comes before anything is read
    // or changed: it shows nobody's unwritten change, so it leaves at once instead of waiting for others' writes
    // (under a peak, a second or more for an answer whose point is to come at once).
    if (ADMISSION_REFUSALS.has((reply as unknown as { errorCode?: string }).errorCode ?? '')) return payload
    try {
      await store.durable()
      return payload
    } catch (err) {
      // Not on disk, so not acknowledged: the answer becomes the contract's 500.
      req.log.error({ code: 'INTERNAL', err: { type: (err as Error).name, message: (err as Error).message } })
      ;(reply as unknown as { errorCode?: string }).errorCode = 'INTERNAL'
      reply.code(500).header('content-type', 'application/json; charset=utf-8')
      return JSON.stringify(new HttpError(500, 'INTERNAL').toBody())
    }
  })
  app.addHook('onClose', async () => store.close())

  app.addHook('onResponse', async (req, reply) => {
    req.log.info(
      {
        method: req.method,
        // The route pattern, not the URL: ids and query strings stay out of the logs.
        route: req.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        code: (reply as unknown as { errorCode?: string }).errorCode,
      },
      'request',
    )
  })

  app.setErrorHandler((err: FastifyError | HttpError, req, reply) => {
    const mapped = err instanceof HttpError ? err : mapFrameworkError(err as FastifyError)
    ;(reply as unknown as { errorCode?: string }).errorCode = mapped.code
    // A 429 or 503 that knows the wait says it in Retry-After too (the app waits that long: src/api).
    retryAfterHeader(mapped, reply)
    if (mapped.status >= 500) req.log.error({ code: mapped.code, err: { type: err.name, message: err.message } })
    return reply.code(mapped.status).send(mapped.toBody())
  })

  app.setNotFoundHandler((req, reply) => {
    const code: ErrorCode = req.url.startsWith('/__qa') && !opts.qa ? 'QA_DISABLED' : 'NOT_FOUND'
    ;(reply as unknown as { errorCode?: string }).errorCode = code
    return reply.code(404).send(new HttpError(404, code).toBody())
  })

  const qa = !!opts.qa
  const limits = new RateLimits(opts.rateLimits)
  faultInjection(app, { qa })
  wireFaults(app, { qa, initial: opts.faults })
  if (qa) {
    // With QA on, the server notes which state-changing endpoints were called, and from where (QA `calls`).
    const calls = new CallLog()
    recordCalls(app, calls)
    qaRoutes(app, store, calls, SCENARIOS, () => limits.clear())
    serverLoadQaRoutes(app, store, limits)
  }
  // Each feature is a plugin (features/<feature>/index.ts): its routes, its candidate scope, its QA routes.
  const publicBase = opts.publicBaseUrl ? publicBaseUrlOf(opts.publicBaseUrl) : null
  const featureOptions = {
    store,
    qa,
    ocr: opts.ocr,
    faceOutcome: opts.faceOutcome,
    limits,
    publicBaseUrl: () => publicBase ?? listeningBase(app),
  }
  for (const feature of FEATURES) {
    feature.hooks?.(app, featureOptions)
    await app.register(feature.plugin, featureOptions)
  }

  const server = app as unknown as MockServer
  server.store = store
  server.routeTable = routeTable
  return server
}

/** A configured public base URL, checked once at start: http(s), no path, query or fragment; no trailing slash. */
export function publicBaseUrlOf(raw: string): string {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error(`publicBaseUrl is not a URL: ${raw}`)
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash || url.username || url.password)
    throw new Error(`publicBaseUrl must be an http(s) origin with an optional path: ${raw}`)
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

/** The address the server listens on (the socket it bound, never a request's header), as a base URL. */
function listeningBase(app: FastifyInstance): string {
  const address = app.server.address()
  if (!address || typeof address === 'string') return 'http://127.0.0.1'
  const host = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`
}

/** Error codes of refusals made before a request reads or changes any state (see the durability hook). */
const ADMISSION_REFUSALS = new Set<string>(['LOGIN_QUEUE', 'RATE_LIMITED'])

/** The methods CORS allows: every one the contract's endpoints use, plus HEAD. */
export const CORS_METHODS = [
  ...new Set<string>(['GET', 'HEAD', 'POST', ...Object.values(endpoints).map((e) => e.method)]),
]

/** Errors fastify raises itself (bad JSON, wrong content type, too large) become 4xx with a contract code. */
function mapFrameworkError(err: FastifyError): HttpError {
  const status = err.statusCode ?? 500
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new HttpError(413, 'PAYLOAD_TOO_LARGE')
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE')
  if (status === 400 || err.code?.startsWith('FST_ERR_CTP'))
    return new HttpError(400, 'BAD_REQUEST', ERROR_MESSAGES.BAD_REQUEST)
  if (status >= 400 && status < 500) return new HttpError(status, 'BAD_REQUEST')
  return new HttpError(500, 'INTERNAL')
}

/** Belt and braces: should a handler ever log a body, these fields are censored. */
const REDACT = {
  paths: [
    'req.headers.authorization',
    '*.password',
    '*.newPassword',
    '*.idNumber',
    '*.name',
    '*.phone',
    '*.mobile',
    '*.answer',
    '*.securityAnswer',
  ],
  censor: '[redacted]',
}
