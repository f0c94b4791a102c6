import type { Feature } from '../../core/feature'
import { simQaRoutes } from './qa'
import { simRoutes, type SimHooks } from './routes'

/**
 * The H5 stand-ins for the platforms' payment and subscription dialogs, and QA's outcomes for them and for face
 * verification (features/face). Registered only with the QA API. The features that use
 * them are given as hooks (the app wires them), so this feature imports none of them.
 */
export const simFeature: Feature<{ hooks: SimHooks }> = async (app, { store, qa, hooks }) => {
  simRoutes(app, store, hooks)
  if (qa) simQaRoutes(app, store)
}
