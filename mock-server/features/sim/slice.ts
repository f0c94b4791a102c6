import type { StateSlice } from '../../core/store'
import { emptySimState, reviveSimState, type SimState } from './state'

declare module '../../core/store' {
  interface State {
    /** What the simulated platform abilities answer next; set by QA. */
    sim: SimState
  }
}

export const simSlice: StateSlice = {
  empty: () => ({ sim: emptySimState() }),
  revive: (json) => ({ sim: reviveSimState(json.sim) }),
}
