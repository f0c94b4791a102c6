import crypto from 'node:crypto'
import { idCheckChar } from '../domain/id-card'
import { setSecurityAnswer } from './account-rules'
import { hashPassword } from './passwords'
import { completeHub } from './profile-scenarios'
import { emptyState, type Account, type State } from './state'

/** Builds a candidate account straight into a state (scenarios and the QA API use this). */
export function makeAccount(input: { username: string; password: string; name: string; idNumber: string }): Account {
  const { salt, hash } = hashPassword(input.password)
  return {
    id: crypto.randomUUID(),
    username: input.username,
    name: input.name,
    idType: 'resident-id',
    idNumber: input.idNumber,
    passwordSalt: salt,
    passwordHash: hash,
    createdAt: new Date().toISOString(),
  }
}

/** A valid ID number from region code, birth date (YYYYMMDD) and a 3-digit sequence. */
export function makeIdNumber(region: string, birth: string, seq: string): string {
  const first17 = `${region}${birth}${seq}`
  return first17 + idCheckChar(first17)
}

/** The demo candidate of the `demo` scenario; the README shows these credentials. */
export const DEMO_CANDIDATE = {
  username: 'demo2026',
  password: 'Exam@2026pass',
  name: '张三',
  idNumber: makeIdNumber('110101', '19900307', '451'),
  questionId: 'q-birthplace',
  answer: '北京',
}

/** Named starting points for QA and tests. Later features add more. */
export const SCENARIOS: Record<string, () => State> = {
  empty: () => emptyState(),
  demo: () => {
    const state = emptyState()
    const account = makeAccount(DEMO_CANDIDATE)
    state.accounts[account.id] = account
    setSecurityAnswer(state, account.id, DEMO_CANDIDATE.questionId, DEMO_CANDIDATE.answer)
    return state
  },
  // The demo candidate with the personal-info hub complete (photo passed, verified records, bound): 网上报名 open.
  'hub-ready': () => {
    const state = SCENARIOS.demo()
    completeHub(state, Object.keys(state.accounts)[0])
    return state
  },
}

export function scenarioNames(): string[] {
  return Object.keys(SCENARIOS)
}
