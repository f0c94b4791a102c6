import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import * as v from 'valibot'
import { IDEMPOTENCY_HEADER, isStateChanging, type Endpoint } from '../../types/api'
import { issuesToFieldErrors } from '../../types/validate'
import type { Account } from '../features/account/state'
import { HttpError } from './errors'
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
 * messages, never a 500), replays repeated idempotency keys, and sends the handler's typed result.
 */
export function serveEndpoint<E extends Endpoint>(
  app: FastifyInstance,
  store: Store,
  endpoint: E,
  candidateOf: (req: FastifyRequest) => Account | null,
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
      const parsed = v.safeParse(endpoint.request, raw)
      if (!parsed.success) throw validationError(parsed.issues)

      const key = idempotencyKey(req, endpoint, account)
      if (key) {
        const seen = store.state.idempotency.get(key)
        if (seen) return reply.code(seen.status).header('idempotent-replay', 'true').send(seen.body)
      }
      const result = await handler(parsed.output, { req, reply, store })
      if (key) {
        store.state.idempotency.set(key, { status: reply.statusCode, body: result, at: store.clock.iso() })
        store.save()
      }
      return result
    },
  })
}

function idempotencyKey(req: FastifyRequest, endpoint: Endpoint, account: Account | null): string | null {
  if (!isStateChanging(endpoint.method)) return null
  const header = req.headers[IDEMPOTENCY_HEADER]
  if (typeof header !== 'string' || header.length === 0 || header.length > 128) return null
  return `${account?.id ?? 'anon'} ${endpoint.method} ${endpoint.path} ${header}`
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
