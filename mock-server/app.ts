import cors from '@fastify/cors'
import Fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify'
import { ERROR_MESSAGES, type ErrorCode } from '../types/errors'
import { HttpError } from './errors'
import type { OcrEngine } from './ocr/engine'
import type { FaceOutcome } from '../types/platform-sim'
import { faultInjection } from './faults'
import { accountRoutes } from './routes/account'
import { FaceService } from './face/flows'
import { faceSimRoutes } from './face/routes'
import { accountQaRoutes } from './routes/account-qa'
import { profileRoutes } from './routes/profile'
import { profileQaRoutes } from './routes/profile-qa'
import { publicRoutes } from './routes/public'
import { qaRoutes } from './routes/qa'
import { scanRoutes } from './routes/scan'
import { simRoutes } from './routes/sim'
import { SCENARIOS } from './scenarios'
import { Store } from './state'

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
}

/** Builds the mock backend; tests call this and listen on port 0. */
export async function buildMockServer(opts: MockServerOptions = {}): Promise<FastifyInstance & { store: Store }> {
  const store = new Store(opts.dataFile)
  if (opts.scenario) {
    const make = SCENARIOS[opts.scenario]
    if (!make) throw new Error(`unknown scenario: ${opts.scenario}`)
    if (!opts.dataFile || Object.keys(store.state.accounts).length === 0) store.replace(make())
  }

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
  })

  await app.register(cors, {
    origin: (origin, cb) => cb(null, !origin || /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(origin)),
    allowedHeaders: ['content-type', 'authorization', 'idempotency-key'],
    exposedHeaders: ['idempotent-replay'],
  })

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
    if (mapped.status >= 500) req.log.error({ code: mapped.code, err: { type: err.name, message: err.message } })
    return reply.code(mapped.status).send(mapped.toBody())
  })

  app.setNotFoundHandler((req, reply) => {
    const code: ErrorCode = req.url.startsWith('/__qa') && !opts.qa ? 'QA_DISABLED' : 'NOT_FOUND'
    ;(reply as unknown as { errorCode?: string }).errorCode = code
    return reply.code(404).send(new HttpError(404, code).toBody())
  })

  faultInjection(app, { qa: !!opts.qa })
  publicRoutes(app, store, { qa: !!opts.qa })
  // Face verification (issue 12): the platforms' server sides are played here; their outcomes come only from QA.
  const face = new FaceService({ outcome: () => (opts.qa ? store.state.sim.face : null), now: () => Date.now() })
  if (opts.faceOutcome) store.state.sim.face = opts.faceOutcome
  accountRoutes(app, store, face)
  // A plugin: its multipart parser (photo upload) stays inside it.
  await app.register(profileRoutes, { store })
  // A plugin too: the scanner's multipart parser (screenshot upload) stays inside it.
  await app.register(scanRoutes, { store, engine: opts.ocr })
  // Simulations of what only a real platform does exist only with the QA API, never on a plain `npm run mock`.
  if (opts.qa) simRoutes(app, store, { onPay: () => {} })
  if (opts.qa) faceSimRoutes(app, store, face)
  if (opts.qa) qaRoutes(app, store)
  if (opts.qa) accountQaRoutes(app, store)
  if (opts.qa) profileQaRoutes(app, store)

  const withStore = app as unknown as FastifyInstance & { store: Store }
  withStore.store = store
  return withStore
}

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
