import { normaliseIdNumber } from '../../../domain/id-card'
import { normaliseAnswer } from '../../../domain/security-questions'
import { sameName } from '../../../domain/person-name'
import { maskIdNumber } from '../../../domain/id-card'
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

export function findByIdNumber(state: State, idNumber: string): Account | undefined {
  const id = normaliseIdNumber(idNumber)
  for (const a of state.accounts.values()) if (a.idNumber === id) return a
  return undefined
}

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

/** Login accepts a username or an ID number in one field. */
export function findByLogin(state: State, login: string): Account | undefined {
  return (
    findByUsername(state, login) ?? (/^\d{17}[\dXx]$/.test(login.trim()) ? findByIdNumber(state, login) : undefined)
  )
}

/** The account whose name and ID number both match (face login, recovery). */
export function findByIdentity(state: State, name: string, idNumber: string): Account | undefined {
  const account = findByIdNumber(state, idNumber)
  return account && sameName(account.name, name) ? account : undefined
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
