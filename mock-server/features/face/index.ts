import type { Feature, FeaturePlugin } from '../../core/feature'
import type { Store } from '../../core/store'
import { FaceService } from './flows'
import { faceQaRoutes } from './qa'
import { faceSlice } from './slice'

/**
 * Face verification (issue 12, docs/account.md): the platforms' server sides (flows.ts, platforms.ts) that the account
 * feature's face login and face recovery use, and, only with the QA API, the H5 simulated face screen and QA's
 * handles. One FaceService per server (faceServiceOf), shared with the account feature.
 */
const plugin: FeaturePlugin = async (app, { store, qa }) => {
  if (qa) faceQaRoutes(app, store, faceServiceOf(store, qa))
}

export const faceFeature: Feature = { name: 'face', plugin, slice: faceSlice }

const services = new WeakMap<Store, FaceService>()

/**
 * The server's FaceService: what the candidate does in front of the camera comes only from QA (none without --qa, so
 * nothing ever passes there).
 */
export function faceServiceOf(store: Store, qa: boolean): FaceService {
  let face = services.get(store)
  if (!face) {
    face = new FaceService({
      outcome: () => (qa ? store.state.sim.face : null),
      now: () => store.clock.now(),
      state: () => store.state.face,
      save: () => store.save(),
    })
    services.set(store, face)
  }
  return face
}

export type { FaceService } from './flows'
export type { FacePurpose } from './state'
export { eraseFaceRecordsOf } from './state'
