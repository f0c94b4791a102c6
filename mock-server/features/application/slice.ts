import { sliceOf } from '../../core/store'
import { applicationBlobIds, emptyApplicationState, reviveApplicationState, type ApplicationState } from './state'

// Online application: applications, last year's applications, the exam calendar.
declare module '../../core/store' {
  interface State {
    application: ApplicationState
  }
}

export const applicationSlice = sliceOf('application', {
  empty: emptyApplicationState,
  revive: reviveApplicationState,
  blobIds: applicationBlobIds,
})
