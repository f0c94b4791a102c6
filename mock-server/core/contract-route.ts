import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import * as v from 'valibot'
import { IDEMPOTENCY_HEADER, isStateChanging, type Endpoint } from '../types/api'
import { issuesToFieldErrors } from '../types/validate'
import { HttpError } from './errors'
import type { Account, Store } from './state'
import { accountFromRequest } from './sessions'

export interface RouteContext {
  req: FastifyRequest
  reply: FastifyReply
  store: Store
  /** The logged-in candidate, present when the endpoint has `auth: true`. */
  account: Account | null
}

/**
 * Registers one endpoint of the contract: validates the request against the shared schema (a 400 with a code and
 * per-field Chinese messages, never a 500), checks the session, replays repeated idempotency keys, and sends the
 * handler's typed result.
 */
export function contractRoute<E extends Endpoint>(
  app: FastifyInstance,
  store: Store,
  endpoint: E,
  handler: (input: v.InferOutput<E['request']>, ctx: RouteContext) => Promise<v.InferOutput<E['response']>>,
): void {
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    handler: async (req, reply) => {
      const account = endpoint.auth ? accountFromRequest(store, req) : null
      const raw = {
        ...(endpoint.method === 'GET' || endpoint.method === 'DELETE' ? (req.query as object) : {}),
        ...(req.body && typeof req.body === 'object' ? (req.body as object) : {}),
        ...(req.params as object),
      }
      const parsed = v.safeParse(endpoint.request, raw)
      if (!parsed.success) throw validationError(parsed.issues)

      const key = idempotencyKey(req, endpoint, account)
      if (key) {
        const seen = store.state.idempotency[key]
        if (seen) return reply.code(seen.status).header('idempotent-replay', 'true').send(seen.body)
      }
      const result = await handler(parsed.output, { req, reply, store, account })
      if (key) {
        store.state.idempotency[key] = { status: reply.statusCode, body: result, at: new Date().toISOString() }
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
