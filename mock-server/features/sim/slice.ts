import { sliceOf } from '../../core/store'
import { emptySimState, reviveSimState, type SimState } from './state'

// What the simulated platform abilities answer next; set by QA.
declare module '../../core/store' {
  interface State {
    sim: SimState
  }
}

export const simSlice = sliceOf('sim', { empty: emptySimState, revive: reviveSimState })
