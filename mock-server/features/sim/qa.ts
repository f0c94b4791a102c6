import type { FastifyInstance } from 'fastify'
import * as v from 'valibot'
import { FaceOutcome, PayOutcome, SubscribeOutcome } from '../../../types/platform-sim'
import { parseBody } from '../../core/contract-route'
import type { Store } from '../../core/store'

/** QA control API for the simulated platform abilities (only with --qa): what each answers next. */
export function simQaRoutes(app: FastifyInstance, store: Store): void {
  app.post('/__qa/sim/face', async (req) => {
    store.state.sim.face = parseBody(v.object({ outcome: FaceOutcome }), req.body).outcome
    store.save()
    return { ok: true, face: store.state.sim.face }
  })
  app.post('/__qa/sim/pay', async (req) => {
    store.state.sim.pay = parseBody(v.object({ outcome: PayOutcome }), req.body).outcome
    store.save()
    return { ok: true, pay: store.state.sim.pay }
  })
  app.post('/__qa/sim/subscribe', async (req) => {
    store.state.sim.subscribe = parseBody(v.object({ outcome: SubscribeOutcome }), req.body).outcome
    store.save()
    return { ok: true, subscribe: store.state.sim.subscribe }
  })
}
