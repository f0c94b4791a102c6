import { fieldsOf, mapFrom, setFrom } from '../../core/persist'
import type { Gender } from '../../../domain/id-card'
import type { IdType } from '../../../domain/id-documents'

/**
 * The account feature's part of the mock state (issue 4): the accounts (State.accounts) and the flows around them,
 * kept in one field of State (`accountFlows`) so other features' collections stay apart. Every collection is a Map
 * keyed by an id (account id, verify id, recovery id, reset token).
 */
export interface Account {
  id: string
  username: string
  name: string
  /** One of the six documents (domain/id-documents.ts); an account is unique by (idType, idNumber). */
  idType: IdType
  /** Normalised (domain/id-documents.ts, normaliseDocumentNumber). */
  idNumber: string
  /**
   * From the number where it carries them (resident ID, residence permit; the 2023 permanent-residence card's birth
   * date), else as the candidate gave them at registration. Absent in data saved before issue 24: read them with
   * `holderOf` (rules.ts), which derives them from a resident ID number.
   */
  gender?: Gender
  birthDate?: string
  /**
   * 国籍/地区, an ISO 3166-1 letter code (domain/nationalities.ts): China's for the Chinese documents, the
   * permanent-residence number's own, a passport holder's as given. Absent in data saved before it was asked.
   */
  nationality?: string
  /** scrypt: salt and hash, hex. */
  passwordSalt: string
  passwordHash: string
  createdAt: string
}

export interface SecurityAnswerRecord {
  questionId: string
  /** scrypt of the normalised answer. */
  salt: string
  hash: string
}

export interface LoginGuard {
  /** Wrong passwords since the last success or lock. */
  failures: number
  /** ISO time until which password login is refused. */
  lockedUntil: string | null
}

export interface QuestionRecovery {
  recoveryId: string
  accountId: string
  attemptsLeft: number
  expiresAt: string
}

export interface ResetToken {
  token: string
  accountId: string
  expiresAt: string
}

export interface AccountFlowsState {
  /** By account id. */
  security: Map<string, SecurityAnswerRecord>
  /** By account id. */
  loginGuards: Map<string, LoginGuard>
  /** By verify id. */
  /** By recovery id. */
  questionRecoveries: Map<string, QuestionRecovery>
  /** By reset token. */
  resetTokens: Map<string, ResetToken>
  /**
   * Accounts QA marked as having application data (until the application feature stores its own); consulted by
   * hasApplicationData().
   */
  qaApplicationData: Set<string>
}

export function emptyAccountFlows(): AccountFlowsState {
  return {
    security: new Map(),
    loginGuards: new Map(),
    questionRecoveries: new Map(),
    resetTokens: new Map(),
    qaApplicationData: new Set(),
  }
}

export function reviveAccountFlows(raw: unknown): AccountFlowsState {
  const json = fieldsOf(raw)
  return {
    security: mapFrom(json.security),
    loginGuards: mapFrom(json.loginGuards),
    questionRecoveries: mapFrom(json.questionRecoveries),
    resetTokens: mapFrom(json.resetTokens),
    qaApplicationData: setFrom(json.qaApplicationData),
  }
}

/** Drops the flows whose time is up (question recoveries, reset tokens); how many went. */
export function pruneAccountFlows(flows: AccountFlowsState, now: number): number {
  let removed = 0
  for (const map of [flows.questionRecoveries, flows.resetTokens]) {
    for (const [key, entry] of map) {
      if (Date.parse(entry.expiresAt) > now) continue
      map.delete(key)
      removed++
    }
  }
  return removed
}
