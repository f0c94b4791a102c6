import type { Feature } from '../../core/feature'
import type { FaceService } from './flows'
import { faceQaRoutes } from './qa'

/**
 * Face verification (issue 12, docs/account.md): the platforms' server sides (flows.ts, platforms.ts) that the account
 * feature's face login and face recovery use, and, only with the QA API, the H5 simulated face screen and QA's
 * handles. The FaceService is made once by the app and shared with the account feature.
 */
export const faceFeature: Feature<{ face: FaceService }> = async (app, { store, qa, face }) => {
  if (qa) faceQaRoutes(app, store, face)
}
