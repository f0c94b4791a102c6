import type { FastifyInstance } from 'fastify'
import { endpoints } from '../../../types/api'
import { contractRoute } from '../../core/contract-route'
import type { Store } from '../../core/store'

/**
 * The H5 build's stand-ins for the platforms' face verification, payment and subscription dialogs. Each answers
 * with the outcome QA set (POST /__qa/sim/...). Features that use them (login by face, payment) record the outcome
 * on their own server-side sessions: the server never trusts a client's word for it.
 */
export function simRoutes(app: FastifyInstance, store: Store, hooks: SimHooks): void {
  contractRoute(app, store, endpoints.simFaceRun, async ({ verifyId }) => {
    const outcome = store.state.sim.face
    hooks.onFace(verifyId, outcome)
    return { verifyId, outcome }
  })
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
  onFace: (verifyId: string, outcome: 'pass' | 'fail' | 'cancel') => void
  onPay: (orderId: string, outcome: 'success' | 'fail' | 'cancel') => void
}
