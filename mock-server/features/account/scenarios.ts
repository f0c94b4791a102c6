import crypto from 'node:crypto'
import { idCheckChar, type Gender } from '../../../domain/id-card'
import { documentFacts, normaliseDocumentNumber, type IdType } from '../../../domain/id-documents'
import type { Scenario, ScenarioContext } from '../../core/feature'
import { setSecurityAnswer } from './rules'
import { hashPassword } from './passwords'
import type { Account } from './state'

/** Builds a candidate account straight into a state (scenarios and the QA API use this). */
export function makeAccount(
  input: {
    username: string
    password: string
    name: string
    idNumber: string
    /** The resident ID card unless given. */
    idType?: IdType
    /** Where the number does not carry them (domain/id-documents.ts, documentFacts). */
    gender?: Gender
    birthDate?: string
    /** 国籍/地区 (ISO 3166-1 letter code) where the document does not carry it: a passport's holder's. */
    nationality?: string
  },
  now: number,
  /** A hash made once for many accounts (QA's bulk creation); hashed from the password otherwise. */
  hashed: { salt: string; hash: string } = hashPassword(input.password),
): Account {
  const { salt, hash } = hashed
  const idType = input.idType ?? 'resident-id'
  const facts = documentFacts(idType, input.idNumber)
  const gender = facts.gender ?? input.gender
  const birthDate = facts.birthDate ?? input.birthDate
  const nationality = facts.nationality ?? input.nationality
  return {
    id: crypto.randomUUID(),
    username: input.username,
    name: input.name,
    idType,
    idNumber: normaliseDocumentNumber(input.idNumber),
    ...(gender ? { gender } : {}),
    ...(birthDate ? { birthDate } : {}),
    ...(nationality ? { nationality } : {}),
    passwordSalt: salt,
    passwordHash: hash,
    createdAt: new Date(now).toISOString(),
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

/** The account feature's scenarios (the registry is mock-server/scenarios.ts). */
export const accountScenarios = {
  empty: ({ empty }: ScenarioContext) => empty(),
  /** The demo candidate (DEMO_CANDIDATE), registered, nothing else. */
  demo: ({ now, empty }: ScenarioContext) => {
    const state = empty()
    const account = makeAccount(DEMO_CANDIDATE, now)
    state.accounts.set(account.id, account)
    setSecurityAnswer(state, account.id, DEMO_CANDIDATE.questionId, DEMO_CANDIDATE.answer)
    return state
  },
} satisfies Record<string, Scenario>
