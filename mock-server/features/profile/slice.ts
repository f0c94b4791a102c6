import type { StateSlice } from '../../core/store'
import { emptyProfileState, profileBlobIds, reviveProfileState, type ProfileState } from './state'

declare module '../../core/store' {
  interface State {
    /** Personal-info hub: photos, education/degree records, platform bindings. */
    profile: ProfileState
  }
}

export const profileSlice: StateSlice = {
  empty: () => ({ profile: emptyProfileState() }),
  revive: (json, blobs) => ({ profile: reviveProfileState(json.profile, blobs) }),
  blobIds: (state) => profileBlobIds(state.profile),
}
