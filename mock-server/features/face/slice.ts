import { sliceOf } from '../../core/store'
import { emptyFaceState, pruneFaceState, reviveFaceState, type FaceState } from './state'

// Face verification: open verifications, rate limits, the platform stand-ins' records.
declare module '../../core/store' {
  interface State {
    face: FaceState
  }
}

export const faceSlice = sliceOf('face', { empty: emptyFaceState, revive: reviveFaceState, prune: pruneFaceState })
