import { sliceOf } from '../../core/store'
import { emptyResultsState, reviveResultsState, type ResultsState } from './state'

// After the exam: tickets, scores, certificates.
declare module '../../core/store' {
  interface State {
    results: ResultsState
  }
}

export const resultsSlice = sliceOf('results', { empty: emptyResultsState, revive: reviveResultsState })
