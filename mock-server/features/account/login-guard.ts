import type { State } from '../../core/store'
import { hashPassword, verifyPassword } from './passwords'
import type { Account, LoginGuard } from './state'

/**
 * A password login answers alike whether or not the account exists: unknown names get a guard of their own (the
 * same remaining-attempts count and lock) and their password is checked against a dummy scrypt hash (the same time).
 * Unknown names' guards are kept in memory, by the name as typed (normalised), capped so a flood of names cannot
 * grow them without bound.
 */
const MAX_PHANTOM_GUARDS = 10_000
const phantomGuards = new Map<string, LoginGuard>()
const dummy = hashPassword('not-a-password-of-anyone')

/** The account's guard, or for an unknown name a stand-in that behaves the same. */
export function loginGuardFor(state: State, account: Account | undefined, login: string): LoginGuard {
  if (account) {
    const guards = state.accountFlows.loginGuards
    const guard = guards.get(account.id) ?? { failures: 0, lockedUntil: null }
    guards.set(account.id, guard)
    return guard
  }
  const key = login.trim().toLowerCase()
  let guard = phantomGuards.get(key)
  if (!guard) {
    if (phantomGuards.size >= MAX_PHANTOM_GUARDS) phantomGuards.delete(phantomGuards.keys().next().value as string)
    guard = { failures: 0, lockedUntil: null }
    phantomGuards.set(key, guard)
  }
  return guard
}

/** The password check, with the same scrypt work when there is no account. */
export async function passwordMatches(account: Account | undefined, password: string): Promise<boolean> {
  if (!account) {
    await verifyPassword(password, dummy.salt, dummy.hash)
    return false
  }
  return verifyPassword(password, account.passwordSalt, account.passwordHash)
}
