import type { StateSlice } from '../../core/store'
import { emptyResultsState, reviveResultsState, type ResultsState } from './state'

declare module '../../core/store' {
  interface State {
    /** After the exam: tickets, scores, certificates. */
    results: ResultsState
  }
}

export const resultsSlice: StateSlice = {
  empty: () => ({ results: emptyResultsState() }),
  revive: (json) => ({ results: reviveResultsState(json.results) }),
}
