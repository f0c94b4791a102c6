import { normaliseIdNumber } from '../domain/id-card'
import { normaliseAnswer } from '../domain/security-questions'
import { sameName } from '../domain/person-name'
import { maskIdNumber } from '../domain/id-card'
import type { Me } from '../types/account'
import { hashPassword, verifyPassword } from './passwords'
import type { Account, State } from './state'

/** Wrong passwords before the lock, and how long it lasts. */
export const MAX_LOGIN_FAILURES = 5
export const LOCK_MS = 15 * 60 * 1000
export const FACE_TTL_MS = 10 * 60 * 1000
export const RECOVERY_TTL_MS = 10 * 60 * 1000
export const RECOVERY_ATTEMPTS = 3
export const RESET_TOKEN_TTL_MS = 15 * 60 * 1000

/**
 * Why an account cannot be cancelled, or null when it can. SPEC 1.4: only while no application information has
 * been filled. Features that store application data push their own check here (return a Chinese reason).
 */
export const applicationDataChecks: Array<(state: State, accountId: string) => string | null> = [
  (state, accountId) => (state.accountFlows.qaApplicationData[accountId] ? '您已填写报名信息，不能注销账号' : null),
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
  return Object.values(state.accounts).find((a) => a.idNumber === id)
}

export function findByUsername(state: State, username: string): Account | undefined {
  const u = username.trim().toLowerCase()
  return Object.values(state.accounts).find((a) => a.username.toLowerCase() === u)
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
  state.accountFlows.security[accountId] = { questionId, salt, hash }
}

export function checkSecurityAnswer(state: State, accountId: string, answer: string): boolean {
  const record = state.accountFlows.security[accountId]
  return !!record && verifyPassword(normaliseAnswer(answer), record.salt, record.hash)
}

export function setPassword(account: Account, password: string): void {
  const { salt, hash } = hashPassword(password)
  account.passwordSalt = salt
  account.passwordHash = hash
}

/** Ends every session of the account (password changed, cancelled). */
export function endSessions(state: State, accountId: string): void {
  for (const [token, s] of Object.entries(state.sessions)) if (s.accountId === accountId) delete state.sessions[token]
}

/** Removes everything the account feature keeps about an account. */
export function forgetAccount(state: State, accountId: string): void {
  endSessions(state, accountId)
  delete state.accounts[accountId]
  const flows = state.accountFlows
  delete flows.security[accountId]
  delete flows.loginGuards[accountId]
  delete flows.qaApplicationData[accountId]
  for (const [k, f] of Object.entries(flows.faceVerifications))
    if (f.accountId === accountId) delete flows.faceVerifications[k]
  for (const [k, r] of Object.entries(flows.questionRecoveries))
    if (r.accountId === accountId) delete flows.questionRecoveries[k]
  for (const [k, t] of Object.entries(flows.resetTokens)) if (t.accountId === accountId) delete flows.resetTokens[k]
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
