import type { StateSlice } from '../../core/store'
import { emptyFaceState, pruneFaceState, reviveFaceState, type FaceState } from './state'

declare module '../../core/store' {
  interface State {
    /** Face verification: open verifications, rate limits, the platform stand-ins' records. */
    face: FaceState
  }
}

export const faceSlice: StateSlice = {
  empty: () => ({ face: emptyFaceState() }),
  revive: (json) => ({ face: reviveFaceState(json.face) }),
  prune: (state, now) => pruneFaceState(state.face, now),
}
