import type { FaceOutcome, SimPayOutcome, SubscribeAnswer } from '../../../types/platform-sim'
import { fieldsOf } from '../../core/persist'

/** The simulated platform abilities' slice of the state: what each answers next (set by QA). */
export interface SimState {
  face: FaceOutcome
  pay: SimPayOutcome
  /** Every template's answer, unless `subscribeAnswers` names the template. */
  subscribe: SubscribeAnswer
  subscribeAnswers: Record<string, SubscribeAnswer>
}

export function emptySimState(): SimState {
  // Face: nobody finishes a verification until QA says how it goes (`npm start` sets pass).
  return { face: 'pending', pay: 'success', subscribe: 'accept', subscribeAnswers: {} }
}

export function reviveSimState(raw: unknown): SimState {
  const json = fieldsOf(raw) as Partial<SimState>
  const empty = emptySimState()
  return {
    face: json.face ?? empty.face,
    pay: json.pay ?? empty.pay,
    subscribe: json.subscribe ?? empty.subscribe,
    subscribeAnswers: json.subscribeAnswers ?? empty.subscribeAnswers,
  }
}
