import type { FastifyInstance } from 'fastify'
import * as v from 'valibot'
import { notFound } from '../errors'
import { validationError } from '../contract-route'
import { findByUsername } from '../account-rules'
import type { Store } from '../state'

/**
 * QA control API for the account feature (only with --qa): expire a candidate's sessions, lift a lockout, and mark
 * a candidate as having application data (so cancellation is refused) until the application feature exists.
 */
export function accountQaRoutes(app: FastifyInstance, store: Store): void {
  const account = (username: string) => {
    const a = findByUsername(store.state, username)
    if (!a) throw notFound('NOT_FOUND', '没有这个考生')
    return a
  }

  app.post('/__qa/candidates/:username/expire-sessions', async (req) => {
    const { id } = account((req.params as { username: string }).username)
    let expired = 0
    for (const s of Object.values(store.state.sessions)) {
      if (s.accountId !== id) continue
      s.expiresAt = new Date(Date.now() - 1000).toISOString()
      expired++
    }
    store.save()
    return { ok: true, expired }
  })

  app.post('/__qa/candidates/:username/unlock', async (req) => {
    const { id } = account((req.params as { username: string }).username)
    delete store.state.accountFlows.loginGuards[id]
    store.save()
    return { ok: true }
  })

  app.get('/__qa/candidates/:username/login-guard', async (req) => {
    const { id } = account((req.params as { username: string }).username)
    const guard = store.state.accountFlows.loginGuards[id]
    return { failures: guard?.failures ?? 0, lockedUntil: guard?.lockedUntil ?? null }
  })

  app.post('/__qa/candidates/:username/application-data', async (req) => {
    const { id } = account((req.params as { username: string }).username)
    const parsed = v.safeParse(v.object({ present: v.optional(v.boolean(), true) }), req.body ?? {})
    if (!parsed.success) throw validationError(parsed.issues)
    if (parsed.output.present) store.state.accountFlows.qaApplicationData[id] = true
    else delete store.state.accountFlows.qaApplicationData[id]
    store.save()
    return { ok: true, present: parsed.output.present }
  })
}
