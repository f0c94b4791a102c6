import type { FastifyInstance } from 'fastify'
import { endpoints } from '../../../types/api'
import type { PayOutcome } from '../../../types/states'
import { contractRoute } from '../../core/contract-route'
import type { Store } from '../../core/store'

/**
 * The H5 build's stand-ins for the platforms' payment and subscription dialogs (face verification has its own, in
 * features/face/qa.ts). Each answers with the outcome QA set (POST /__qa/sim/...). Features that use them (payment)
 * record the outcome on their own server-side sessions: the server never trusts a client's word for it.
 */
export function simRoutes(app: FastifyInstance, store: Store, hooks: SimHooks): void {
  contractRoute(app, store, endpoints.simPayRun, async ({ orderId }) => {
    const outcome = store.state.sim.pay
    hooks.onPay(orderId, outcome)
    return { orderId, outcome }
  })
  contractRoute(app, store, endpoints.simSubscribe, async ({ templateIds }) => ({
    outcome: store.state.sim.subscribe,
    templateIds,
  }))
}

/** Where features plug in to hear a simulated outcome for one of their own sessions. */
export interface SimHooks {
  onPay: (orderId: string, outcome: PayOutcome) => void
}
