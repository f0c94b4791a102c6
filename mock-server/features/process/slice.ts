import type { StateSlice } from '../../core/store'
import { emptyProcessState, processBlobIds, reviveProcessState, type ProcessState } from './state'

declare module '../../core/store' {
  interface State {
    /** After submission: orders, materials, subscriptions, reminders. */
    process: ProcessState
  }
}

export const processSlice: StateSlice = {
  empty: () => ({ process: emptyProcessState() }),
  revive: (json) => ({ process: reviveProcessState(json.process) }),
  blobIds: (state) => processBlobIds(state.process),
}
