import { sliceOf } from '../../core/store'
import { emptyProfileState, profileBlobIds, reviveProfileState, type ProfileState } from './state'

// Personal-info hub: photos, education/degree records, platform bindings.
declare module '../../core/store' {
  interface State {
    profile: ProfileState
  }
}

export const profileSlice = sliceOf('profile', {
  empty: emptyProfileState,
  revive: reviveProfileState,
  blobIds: profileBlobIds,
})
