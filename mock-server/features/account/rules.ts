import { birthDateOf, genderOf, maskIdNumber, type Gender } from '../../../domain/id-card'
import { documentFacts, ID_TYPE_LABELS, normaliseDocumentNumber, type IdType } from '../../../domain/id-documents'
import { nationalityName } from '../../../domain/nationalities'
import { normaliseAnswer } from '../../../domain/security-questions'
import { sameName } from '../../../domain/person-name'
import type { Me } from '../../../types/account'
import type { State } from '../../core/store'
import { hashPassword, verifyPassword } from './passwords'
import type { Account } from './state'

/** Wrong passwords before the lock, and how long it lasts. */
export const MAX_LOGIN_FAILURES = 5
export const LOCK_MS = 15 * 60 * 1000
export const RECOVERY_TTL_MS = 10 * 60 * 1000
export const RECOVERY_ATTEMPTS = 3
export const RESET_TOKEN_TTL_MS = 15 * 60 * 1000

/**
 * Why an account cannot be cancelled, or null when it can. SPEC 1.4: only while no application information has
 * been filled. Features that store application data push their own check here (return a Chinese reason).
 */
export const applicationDataChecks: Array<(state: State, accountId: string) => string | null> = [
  (state, accountId) => (state.accountFlows.qaApplicationData.has(accountId) ? '您已填写报名信息，不能注销账号' : null),
]

export function applicationDataReason(state: State, accountId: string): string | null {
  for (const check of applicationDataChecks) {
    const reason = check(state, accountId)
    if (reason) return reason
  }
  return null
}

export function hasApplicationData(state: State, accountId: string): boolean {
  return applicationDataReason(state, accountId) !== null
}

/** The account registered with this document: accounts are unique by (type, number). */
export function findByDocument(state: State, idType: IdType, idNumber: string): Account | undefined {
  const id = normaliseDocumentNumber(idNumber)
  for (const a of state.accounts.values()) if (a.idType === idType && a.idNumber === id) return a
  return undefined
}

/** Every account with this number, whatever its type (one person may hold, say, a passport and a permit alike). */
export function findAllByIdNumber(state: State, idNumber: string): Account[] {
  const id = normaliseDocumentNumber(idNumber)
  return [...state.accounts.values()].filter((a) => a.idNumber === id)
}

/** The resident-ID account with this number (face login and recovery, which take only that document). */
export function findByIdNumber(state: State, idNumber: string): Account | undefined {
  return findByDocument(state, 'resident-id', idNumber)
}

/** Refused when a number names accounts of more than one type and nothing says which (login, question recovery). */
export class AmbiguousNumber extends Error {}

export function findByUsername(state: State, username: string): Account | undefined {
  const u = username.trim().toLowerCase()
  for (const a of state.accounts.values()) if (a.username.toLowerCase() === u) return a
  return undefined
}

/** The account with exactly this username (the QA API names candidates this way). */
export function findByExactUsername(state: State, username: string): Account | undefined {
  for (const a of state.accounts.values()) if (a.username === username) return a
  return undefined
}

/**
 * Login accepts a username or an ID number (of any type) in one field. A username is looked up first: a username
 * never looks like a resident ID number (it starts with a letter), but may equal a passport's or a permit's; that
 * holder logs in with their own username. A number registered under two types is ambiguous (AmbiguousNumber).
 */
export function findByLogin(state: State, login: string): Account | undefined {
  const byName = findByUsername(state, login)
  if (byName) return byName
  const byNumber = findAllByIdNumber(state, login)
  if (byNumber.length > 1) throw new AmbiguousNumber()
  return byNumber[0]
}

/**
 * The account whose name and ID number both match: of the given type, or of any type (question recovery; ambiguous
 * when two types match). Face login and recovery pass 'resident-id'.
 */
export function findByIdentity(state: State, name: string, idNumber: string, idType?: IdType): Account | undefined {
  const matches = (idType ? [findByDocument(state, idType, idNumber)] : findAllByIdNumber(state, idNumber)).filter(
    (a): a is Account => !!a && sameName(a.name, name),
  )
  if (matches.length > 1) throw new AmbiguousNumber()
  return matches[0]
}

/** The holder's gender and birth date as the application shows them (derived for accounts saved before issue 24). */
export function holderOf(account: Account): {
  idTypeName: string
  gender: Gender
  birthDate: string
  /** 国籍/地区 by name: 中国 for the Chinese documents, the permanent-residence number's, the passport holder's. */
  nationality: string
} {
  const derived = account.idType === 'resident-id' || account.idType === 'residence-permit'
  return {
    idTypeName: ID_TYPE_LABELS[account.idType] ?? '居民身份证',
    // Accounts saved before nationality was asked: what the document carries ('' for a passport).
    nationality: nationalityName(
      account.nationality ?? documentFacts(account.idType, account.idNumber).nationality ?? '',
    ),
    gender: account.gender ?? (derived ? genderOf(account.idNumber) : 'male'),
    birthDate: account.birthDate ?? (derived ? (birthDateOf(account.idNumber) ?? '') : ''),
  }
}

export function setSecurityAnswer(state: State, accountId: string, questionId: string, answer: string): void {
  const { salt, hash } = hashPassword(normaliseAnswer(answer))
  state.accountFlows.security.set(accountId, { questionId, salt, hash })
}

export async function checkSecurityAnswer(state: State, accountId: string, answer: string): Promise<boolean> {
  const record = state.accountFlows.security.get(accountId)
  return !!record && (await verifyPassword(normaliseAnswer(answer), record.salt, record.hash))
}

export function setPassword(account: Account, password: string): void {
  const { salt, hash } = hashPassword(password)
  account.passwordSalt = salt
  account.passwordHash = hash
}

/** Ends every session of the account (password changed, cancelled). */
export function endSessions(state: State, accountId: string): void {
  for (const [token, s] of state.sessions) if (s.accountId === accountId) state.sessions.delete(token)
}

/**
 * What other features keep about an account, erased on cancellation: each feature pushes its own eraser here (the
 * hub's photo, records and binding: mock-server/profile.ts), so nothing a cancelled candidate left stays behind.
 */
export const accountErasers: Array<(state: State, accountId: string) => void> = []

/** Removes everything kept about an account: the account feature's own records, then every feature's. */
export function forgetAccount(state: State, accountId: string): void {
  for (const erase of accountErasers) erase(state, accountId)
  endSessions(state, accountId)
  state.accounts.delete(accountId)
  const flows = state.accountFlows
  flows.security.delete(accountId)
  flows.loginGuards.delete(accountId)
  flows.qaApplicationData.delete(accountId)
  for (const [k, r] of flows.questionRecoveries) if (r.accountId === accountId) flows.questionRecoveries.delete(k)
  for (const [k, t] of flows.resetTokens) if (t.accountId === accountId) flows.resetTokens.delete(k)
}

export function toMe(account: Account): Me {
  return {
    username: account.username,
    name: account.name,
    idType: account.idType,
    idNumberMasked: maskIdNumber(account.idNumber),
    createdAt: account.createdAt,
  }
}
