import type { FastifyInstance, FastifyRequest } from 'fastify'
import type * as v from 'valibot'
import type { Endpoint } from '../../types/api'
import { serveEndpoint, type RouteContext } from './contract-route'
import { unauthorized } from './errors'
import type { Candidate } from './identity'
import type { Store } from './store'

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by a candidate scope's hook; read it through scope.candidateOf(req). */
    candidate: Candidate | null
  }
}

/** What a candidate-scoped handler receives: the request's context and the authenticated candidate. */
export interface CandidateRouteContext extends RouteContext {
  candidate: Candidate
}

/** The routes of a feature that need a logged-in candidate, registered inside one encapsulated plugin. */
export interface CandidateScope {
  /** The encapsulated instance, for routes outside the JSON contract (uploads, images). */
  app: FastifyInstance
  /** Registers a contract endpoint with `auth: true`; the handler gets the typed candidate. */
  route<E extends Endpoint>(
    endpoint: E,
    handler: (input: v.InferOutput<E['request']>, ctx: CandidateRouteContext) => Promise<v.InferOutput<E['response']>>,
  ): void
  /** The candidate the scope's hook authenticated for this request. */
  candidateOf(req: FastifyRequest): Candidate
}

/**
 * Registers a feature's candidate-scoped routes as one encapsulated fastify plugin whose onRequest hook
 * authenticates the bearer session before anything else (body parsing, validation, the handler): 401 UNAUTHORIZED
 * without a session, SESSION_EXPIRED for a stale or unknown one. Plugins the feature registers inside (multipart)
 * stay inside too.
 */
export async function candidateScope(
  app: FastifyInstance,
  store: Store,
  routes: (scope: CandidateScope) => void | Promise<void>,
): Promise<void> {
  await app.register(async (scoped) => {
    scoped.decorateRequest('candidate', null)
    scoped.addHook('onRequest', async (req) => {
      req.candidate = store.identity.authenticate(req)
    })
    const candidateOf = (req: FastifyRequest): Candidate => {
      // Only reachable for a route registered outside the scope's hook: a programming error, answered as 401.
      if (!req.candidate) throw unauthorized('UNAUTHORIZED')
      return req.candidate
    }
    await routes({
      app: scoped,
      candidateOf,
      route: (endpoint, handler) => {
        if (!endpoint.auth)
          throw new Error(`${endpoint.method} ${endpoint.path} is public: register it with contractRoute`)
        serveEndpoint(scoped, store, endpoint, candidateOf, (input, ctx) =>
          handler(input, { ...ctx, candidate: candidateOf(ctx.req) }),
        )
      },
    })
  })
}
