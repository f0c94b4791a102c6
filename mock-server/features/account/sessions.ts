import crypto from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { SESSION_HEADER } from '../../../types/api'
import { unauthorized } from '../../core/errors'
import type { Identity } from '../../core/identity'
import type { Store } from '../../core/store'
import type { Account } from './state'

/** A login: the bearer token the app sends, whose account, until when (State.sessions, by token). */
export interface Session {
  token: string
  accountId: string
  expiresAt: string
}

/** A session lasts this long after its last use. */
export const SESSION_TTL_MS = 2 * 60 * 60 * 1000

export function createSession(store: Store, accountId: string, now = store.clock.now()): Session {
  const session: Session = {
    token: crypto.randomBytes(24).toString('base64url'),
    accountId,
    expiresAt: new Date(now + SESSION_TTL_MS).toISOString(),
  }
  store.state.sessions.set(session.token, session)
  store.save()
  return session
}

/** The bearer token the request carries, or ''. */
export function bearerToken(req: FastifyRequest): string {
  const header = req.headers[SESSION_HEADER]
  return typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : ''
}

/** The candidate behind the request's bearer token; 401 UNAUTHORIZED without one, SESSION_EXPIRED for a stale one. */
export function accountFromRequest(store: Store, req: FastifyRequest, now = store.clock.now()): Account {
  const token = bearerToken(req)
  if (!token) throw unauthorized('UNAUTHORIZED')
  const session = store.state.sessions.get(token)
  if (!session) throw unauthorized('SESSION_EXPIRED')
  if (Date.parse(session.expiresAt) <= now) {
    store.state.sessions.delete(token)
    store.save()
    throw unauthorized('SESSION_EXPIRED')
  }
  const account = store.state.accounts.get(session.accountId)
  if (!account) throw unauthorized('SESSION_EXPIRED')
  session.expiresAt = new Date(now + SESSION_TTL_MS).toISOString()
  return account
}

/** Who is calling, as core asks it (core/identity.ts): the sessions and accounts of this feature answer. */
export function accountIdentity(store: Store): Identity {
  return {
    authenticate: (req) => accountFromRequest(store, req),
    callerOf: (req) => {
      const session = store.state.sessions.get(bearerToken(req))
      return session && Date.parse(session.expiresAt) > store.clock.now() ? session.accountId : undefined
    },
    accountOfToken: (token) => store.state.sessions.get(token)?.accountId,
    exists: (accountId) => store.state.accounts.has(accountId),
  }
}
