import type { FaceOutcome, PayOutcome, SubscribeOutcome } from '../../../types/platform-sim'
import { fieldsOf } from '../../core/persist'

/** The simulated platform abilities' slice of the state: what each answers next (set by QA). */
export interface SimState {
  face: FaceOutcome
  pay: PayOutcome
  subscribe: SubscribeOutcome
}

export function emptySimState(): SimState {
  // Face: nobody finishes a verification until QA says how it goes (`npm start` sets pass).
  return { face: 'pending', pay: 'success', subscribe: 'accept' }
}

export function reviveSimState(raw: unknown): SimState {
  const json = fieldsOf(raw) as Partial<SimState>
  const empty = emptySimState()
  return {
    face: json.face ?? empty.face,
    pay: json.pay ?? empty.pay,
    subscribe: json.subscribe ?? empty.subscribe,
  }
}
