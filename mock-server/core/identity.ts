import type { FastifyRequest } from 'fastify'
import { unauthorized } from './errors'

/**
 * The caller a candidate-scoped route serves. Core knows only its id; the account feature, which keeps the accounts,
 * makes it its Account (`declare module '../../core/identity'`).
 */
export interface Candidate {
  id: string
}

/**
 * Who is calling, as core needs to know it (the candidate scope's hook, the idempotency ledger). The account feature
 * answers (features/account/sessions.ts); until it is registered, nobody is anybody.
 */
export interface Identity {
  /** The candidate behind the request's session: 401 UNAUTHORIZED without one, SESSION_EXPIRED for a stale one. */
  authenticate(req: FastifyRequest): Candidate
  /** The candidate behind a valid session, without touching it (no renewal, no 401): rate limits key on it. */
  callerOf(req: FastifyRequest): string | undefined
  /** The account a session token belongs to. */
  accountOfToken(token: string): string | undefined
  /** Whether the account exists (a cancelled one does not). */
  exists(accountId: string): boolean
}

export const NOBODY: Identity = {
  authenticate: () => {
    throw unauthorized('UNAUTHORIZED')
  },
  callerOf: () => undefined,
  accountOfToken: () => undefined,
  exists: () => false,
}
