import type { FaceOutcome } from '../../../types/platform-sim'
import type { Feature, FeaturePlugin } from '../../core/feature'
import { notifyPayment } from '../process'
import { simQaRoutes } from './qa'
import { simRoutes } from './routes'
import { simSlice } from './slice'

declare module '../../core/feature' {
  interface FeatureOptions {
    /** The face outcome the simulated platforms report until QA sets another (`npm start`: pass). */
    faceOutcome?: FaceOutcome
  }
}

/**
 * The H5 stand-ins for the platforms' payment and subscription dialogs, and QA's outcomes for them and for face
 * verification (features/face). Simulations of what only a real platform does exist only with the QA API, never on a
 * plain `npm run mock`. A payment's outcome reaches the process feature as the platform's notification would.
 */
const plugin: FeaturePlugin = async (app, { store, qa, faceOutcome }) => {
  if (faceOutcome) store.state.sim.face = faceOutcome
  if (!qa) return
  simRoutes(app, store, { onPay: (orderId, outcome) => void notifyPayment(store, orderId, outcome) })
  simQaRoutes(app, store)
}

export const simFeature: Feature = { name: 'sim', plugin, slice: simSlice }
