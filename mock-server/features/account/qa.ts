import type { FastifyInstance } from 'fastify'
import { qaEndpoints } from '../../../types/qa'
import { contractRoute } from '../../core/contract-route'
import { notFound } from '../../core/errors'
import { createSession } from './sessions'
import type { Store } from '../../core/store'
import { hashPassword } from './passwords'
import { findByExactUsername, findByUsername, setSecurityAnswer } from './rules'
import { makeAccount, makeIdNumber } from './scenarios'

/**
 * QA control API for the account feature (only with --qa; types/qa.ts): create and look up candidates, open a
 * session without the login form, expire a candidate's sessions, lift a lockout, and mark a candidate as having
 * application data (so cancellation is refused) until the application feature exists.
 */
export function accountQaRoutes(app: FastifyInstance, store: Store, wrongChecked: Map<string, number>): void {
  const named = (username: string) => findByExactUsername(store.state, username)
  const account = (username: string) => {
    const a = findByUsername(store.state, username)
    if (!a) throw notFound('NOT_FOUND', '没有这个考生')
    return a
  }

  contractRoute(app, store, qaEndpoints.createCandidate, async (input, { reply }) => {
    const created = makeAccount(input, store.clock.now())
    store.state.accounts.set(created.id, created)
    if (input.questionId && input.answer) setSecurityAnswer(store.state, created.id, input.questionId, input.answer)
    store.save()
    reply.code(201)
    return { id: created.id, username: created.username }
  })

  // Many at once for a load run: one password hash shared by all (hashing is deliberately slow), ID numbers made
  // from a sequence in region codes no real candidate has (99xxxx is no region; the check digit is real).
  contractRoute(app, store, qaEndpoints.createCandidates, async (input, { reply }) => {
    const { salt, hash } = hashPassword(input.password)
    const candidates: Array<{ username: string; idNumber: string }> = []
    for (let n = 0; n < input.count; n++) {
      const username = `${input.prefix}${String(n).padStart(4, '0')}`
      if (named(username)) continue
      const region = `99${String(Math.floor(n / 1000)).padStart(4, '0')}`
      const idNumber = makeIdNumber(region, '19900101', String(n % 1000).padStart(3, '0'))
      const created = makeAccount({ username, password: '', name: input.name, idNumber }, store.clock.now(), {
        salt,
        hash,
      })
      store.state.accounts.set(created.id, created)
      candidates.push({ username, idNumber })
    }
    store.save()
    reply.code(201)
    return { candidates }
  })

  contractRoute(app, store, qaEndpoints.candidate, async ({ username }) => {
    const found = named(username)
    if (!found) throw notFound()
    const { id, name, idNumber, nationality } = found
    return { id, username: found.username, name, idNumber, ...(nationality ? { nationality } : {}) }
  })

  // A session for a candidate without going through the login form.
  contractRoute(app, store, qaEndpoints.createSession, async ({ username }) => {
    const found = named(username)
    if (!found) throw notFound('NOT_FOUND', `没有这个考生：${username}`)
    const session = createSession(store, found.id)
    return { token: session.token, expiresAt: session.expiresAt }
  })

  contractRoute(app, store, qaEndpoints.expireSessions, async ({ username }) => {
    const { id } = account(username)
    let expired = 0
    for (const s of store.state.sessions.values()) {
      if (s.accountId !== id) continue
      s.expiresAt = new Date(store.clock.now() - 1000).toISOString()
      expired++
    }
    store.save()
    return { ok: true as const, expired }
  })

  contractRoute(app, store, qaEndpoints.unlock, async ({ username }) => {
    const { id } = account(username)
    store.state.accountFlows.loginGuards.delete(id)
    wrongChecked.delete(id)
    store.save()
    return { ok: true as const }
  })

  contractRoute(app, store, qaEndpoints.loginGuard, async ({ username }) => {
    const { id } = account(username)
    const guard = store.state.accountFlows.loginGuards.get(id)
    return {
      failures: guard?.failures ?? 0,
      lockedUntil: guard?.lockedUntil ?? null,
      wrongChecked: wrongChecked.get(id) ?? 0,
    }
  })

  contractRoute(app, store, qaEndpoints.applicationData, async ({ username, present }) => {
    const { id } = account(username)
    if (present) store.state.accountFlows.qaApplicationData.add(id)
    else store.state.accountFlows.qaApplicationData.delete(id)
    store.save()
    return { ok: true as const, present }
  })
}
