import type { FastifyInstance } from 'fastify'
import { qaEndpoints } from '../../../types/qa'
import { contractRoute } from '../../core/contract-route'
import type { Store } from '../../core/store'

/** QA control API for the simulated platform abilities (only with --qa): what each answers next. */
export function simQaRoutes(app: FastifyInstance, store: Store): void {
  contractRoute(app, store, qaEndpoints.simFace, async ({ outcome }) => {
    store.state.sim.face = outcome
    store.save()
    return { ok: true as const, face: store.state.sim.face }
  })
  contractRoute(app, store, qaEndpoints.simPay, async ({ outcome }) => {
    store.state.sim.pay = outcome
    store.save()
    return { ok: true as const, pay: store.state.sim.pay }
  })
  contractRoute(app, store, qaEndpoints.simSubscribe, async ({ outcome, answers }) => {
    store.state.sim.subscribe = outcome
    store.state.sim.subscribeAnswers = answers
    store.save()
    return { ok: true as const, subscribe: store.state.sim.subscribe }
  })
}
