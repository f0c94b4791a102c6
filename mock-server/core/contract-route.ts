import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import * as v from 'valibot'
import { atRulesTime } from '../../domain/today'
import { IDEMPOTENCY_HEADER, isStateChanging, type Endpoint } from '../../types/api'
import { issuesToFieldErrors } from '../../types/validate'
import { HttpError } from './errors'
import { callerScope, IdempotencyLedger } from './idempotency'
import type { Candidate } from './identity'
import type { Store } from './store'

export interface RouteContext {
  req: FastifyRequest
  reply: FastifyReply
  store: Store
}

/**
 * Registers one public endpoint of the contract (`auth: false`). Endpoints that need a candidate are registered in
 * their feature's candidate scope (core/candidate-scope.ts), whose hook authenticates.
 */
export function contractRoute<E extends Endpoint>(
  app: FastifyInstance,
  store: Store,
  endpoint: E,
  handler: (input: v.InferOutput<E['request']>, ctx: RouteContext) => Promise<v.InferOutput<E['response']>>,
): void {
  if (endpoint.auth) throw new Error(`${endpoint.method} ${endpoint.path} needs a candidate: register it in a scope`)
  serveEndpoint(app, store, endpoint, () => null, handler)
}

/**
 * Serves one endpoint: validates the request against the shared schema (a 400 with a code and per-field Chinese
 * messages, never a 500), replays repeated idempotency keys, and sends the handler's typed result. The schema's date
 * rules (no birth or graduation after today) run at this server's clock (domain/today.ts), not the machine's.
 */
export function serveEndpoint<E extends Endpoint>(
  app: FastifyInstance,
  store: Store,
  endpoint: E,
  candidateOf: (req: FastifyRequest) => Candidate | null,
  handler: (input: v.InferOutput<E['request']>, ctx: RouteContext) => Promise<v.InferOutput<E['response']>>,
): void {
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    handler: async (req, reply) => {
      const account = candidateOf(req)
      const raw = {
        ...(endpoint.method === 'GET' || endpoint.method === 'DELETE' ? (req.query as object) : {}),
        ...(req.body && typeof req.body === 'object' ? (req.body as object) : {}),
        ...(req.params as object),
      }
      const parsed = atRulesTime(store.clock.now(), () => v.safeParse(endpoint.request, raw))
      if (!parsed.success) throw validationError(parsed.issues)

      const scope = idempotencyScope(req, endpoint, account, raw)
      if (!scope) return handler(parsed.output, { req, reply, store })
      const outcome = await ledgerOf(store).run(scope, raw, async () => {
        try {
          const body = await handler(parsed.output, { req, reply, store })
          return { ok: true, status: reply.statusCode, body }
        } catch (err) {
          if (err instanceof HttpError) return { ok: false, error: err }
          throw err
        }
      })
      if (!outcome.ok) throw outcome.error
      if (outcome.replay) reply.code(outcome.status).header('idempotent-replay', 'true')
      return outcome.body as v.InferOutput<E['response']>
    },
  })
}

const ledgers = new WeakMap<Store, IdempotencyLedger>()

/** The server's idempotency replies (one ledger per store, so each test server has its own). */
export function ledgerOf(store: Store): IdempotencyLedger {
  let ledger = ledgers.get(store)
  if (!ledger) ledgers.set(store, (ledger = new IdempotencyLedger(store)))
  return ledger
}

/** The reply's scope (caller, endpoint, key) for a state-changing call that carries a key; null otherwise. */
function idempotencyScope(req: FastifyRequest, endpoint: Endpoint, account: Candidate | null, input: unknown) {
  if (!isStateChanging(endpoint.method)) return null
  const header = req.headers[IDEMPOTENCY_HEADER]
  if (typeof header !== 'string' || header.length === 0 || header.length > 128) return null
  return `${callerScope(account?.id ?? null, input)} ${endpoint.method} ${endpoint.path} ${header}`
}

/** Turns schema issues into one 400 with a Chinese message per field (the same messages the forms show). */
export function validationError(issues: v.BaseIssue<unknown>[]): HttpError {
  const fields = issuesToFieldErrors(issues)
  return new HttpError(400, 'VALIDATION_FAILED', Object.values(fields)[0], fields)
}

/** A request body checked against a schema, or the same 400 a contract route answers (QA routes use this). */
export function parseBody<S extends v.GenericSchema>(schema: S, body: unknown): v.InferOutput<S> {
  const r = v.safeParse(schema, body ?? {})
  if (!r.success) throw validationError(r.issues)
  return r.output
}
