import type { FastifyInstance } from 'fastify'
import * as v from 'valibot'
import { SecurityQuestionId } from '../../../types/account'
import { parseBody } from '../../core/contract-route'
import { notFound } from '../../core/errors'
import { createSession } from '../../core/sessions'
import type { Store } from '../../core/store'
import { findByExactUsername, findByUsername, setSecurityAnswer } from './rules'
import { makeAccount } from './scenarios'

/**
 * QA control API for the account feature (only with --qa): create and look up candidates, open a session without the
 * login form, expire a candidate's sessions, lift a lockout, and mark a candidate as having application data (so
 * cancellation is refused) until the application feature exists.
 */
export function accountQaRoutes(app: FastifyInstance, store: Store): void {
  const named = (username: string) => findByExactUsername(store.state, username)
  const account = (username: string) => {
    const a = findByUsername(store.state, username)
    if (!a) throw notFound('NOT_FOUND', '没有这个考生')
    return a
  }

  app.post('/__qa/candidates', async (req, reply) => {
    const input = parseBody(
      v.object({
        username: v.string(),
        password: v.string(),
        name: v.string(),
        idNumber: v.string(),
        // Account feature: the password-recovery question and answer (optional).
        questionId: v.optional(SecurityQuestionId),
        answer: v.optional(v.string()),
      }),
      req.body,
    )
    const created = makeAccount(input, store.clock.now())
    store.state.accounts.set(created.id, created)
    if (input.questionId && input.answer) setSecurityAnswer(store.state, created.id, input.questionId, input.answer)
    store.save()
    reply.code(201)
    return { id: created.id, username: created.username }
  })

  app.get('/__qa/candidates/:username', async (req) => {
    const { username } = req.params as { username: string }
    const found = named(username)
    if (!found) throw notFound()
    return { id: found.id, username: found.username, name: found.name, idNumber: found.idNumber }
  })

  // A session for a candidate without going through the login form.
  app.post('/__qa/sessions', async (req) => {
    const { username } = parseBody(v.object({ username: v.pipe(v.string(), v.minLength(1)) }), req.body)
    const found = named(username)
    if (!found) throw notFound('NOT_FOUND', `没有这个考生：${username}`)
    const session = createSession(store, found.id)
    return { token: session.token, expiresAt: session.expiresAt }
  })

  app.post('/__qa/candidates/:username/expire-sessions', async (req) => {
    const { id } = account((req.params as { username: string }).username)
    let expired = 0
    for (const s of store.state.sessions.values()) {
      if (s.accountId !== id) continue
      s.expiresAt = new Date(store.clock.now() - 1000).toISOString()
      expired++
    }
    store.save()
    return { ok: true, expired }
  })

  app.post('/__qa/candidates/:username/unlock', async (req) => {
    const { id } = account((req.params as { username: string }).username)
    store.state.accountFlows.loginGuards.delete(id)
    store.save()
    return { ok: true }
  })

  app.get('/__qa/candidates/:username/login-guard', async (req) => {
    const { id } = account((req.params as { username: string }).username)
    const guard = store.state.accountFlows.loginGuards.get(id)
    return { failures: guard?.failures ?? 0, lockedUntil: guard?.lockedUntil ?? null }
  })

  app.post('/__qa/candidates/:username/application-data', async (req) => {
    const { id } = account((req.params as { username: string }).username)
    const { present } = parseBody(v.object({ present: v.optional(v.boolean(), true) }), req.body)
    if (present) store.state.accountFlows.qaApplicationData.add(id)
    else store.state.accountFlows.qaApplicationData.delete(id)
    store.save()
    return { ok: true, present }
  })
}
