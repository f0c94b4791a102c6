import type { StateSlice } from '../../core/store'
import { applicationBlobIds, emptyApplicationState, reviveApplicationState, type ApplicationState } from './state'

declare module '../../core/store' {
  interface State {
    /** Online application: applications, last year's applications, the exam calendar. */
    application: ApplicationState
  }
}

export const applicationSlice: StateSlice = {
  empty: () => ({ application: emptyApplicationState() }),
  revive: (json) => ({ application: reviveApplicationState(json.application) }),
  blobIds: (state) => applicationBlobIds(state.application),
}
