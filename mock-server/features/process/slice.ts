import { sliceOf } from '../../core/store'
import { emptyProcessState, processBlobIds, reviveProcessState, type ProcessState } from './state'

// After submission: orders, materials, subscriptions, reminders.
declare module '../../core/store' {
  interface State {
    process: ProcessState
  }
}

export const processSlice = sliceOf('process', {
  empty: emptyProcessState,
  revive: reviveProcessState,
  blobIds: processBlobIds,
})
