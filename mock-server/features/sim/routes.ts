import type { FastifyInstance } from 'fastify'
import { endpoints } from '../../../types/api'
import type { PayOutcome } from '../../../types/states'
import { contractRoute } from '../../core/contract-route'
import type { Store } from '../../core/store'
import { outcomeOf } from '../../../domain/subscribe'
import { isIssuedTemplate } from '../process'

/** WeChat's dialog takes at most three templates (its typings say five; its pages and Alipay's say three). */
export const MAX_TEMPLATES_PER_REQUEST = 3

/**
 * The H5 build's stand-ins for the platforms' payment and subscription dialogs (face verification has its own, in
 * features/face/qa.ts). Each answers with the outcome QA set (POST /__qa/sim/...). Features that use them (payment)
 * record the outcome on their own server-side sessions: the server never trusts a client's word for it.
 */
export function simRoutes(app: FastifyInstance, store: Store, hooks: SimHooks): void {
  // The cashier: QA's outcome, unless the account that opened it is not the order's payer (then it fails, as the
  // platform fails an order created for another user); `pending` tells the server nothing yet.
  contractRoute(app, store, endpoints.simPayRun, async ({ orderId, payer }) => {
    const refused = hooks.payerMismatch(orderId, payer) ? ('payer-mismatch' as const) : null
    const outcome = refused ? 'fail' : store.state.sim.pay
    if (outcome !== 'pending') hooks.onPay(orderId, outcome)
    return { orderId, outcome, refused }
  })
  // The platform's dialog: refused for an id its console did not issue or more than three ids (the host answers the
  // platform's own code), else each template answered as QA set.
  contractRoute(app, store, endpoints.simSubscribe, async ({ templateIds, platform }) => {
    const refused =
      templateIds.length > MAX_TEMPLATES_PER_REQUEST
        ? ('too-many' as const)
        : templateIds.some((id) => !isIssuedTemplate(platform, id))
          ? ('unknown-template' as const)
          : null
    const { subscribe, subscribeAnswers } = store.state.sim
    const answers = refused ? {} : Object.fromEntries(templateIds.map((id) => [id, subscribeAnswers[id] ?? subscribe]))
    return { outcome: outcomeOf(answers), templateIds, answers, refused }
  })
}

/** Where features plug in to hear a simulated outcome for one of their own sessions. */
export interface SimHooks {
  onPay: (orderId: string, outcome: PayOutcome) => void
  /** Whether the platform account `payer` (absent on H5) is not the one the order was created for. */
  payerMismatch: (orderId: string, payer: string | undefined) => boolean
}
