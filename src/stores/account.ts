import { chinaDateOf } from '@domain/today'
import type { RegisterRequest } from '@contract/account'
import { api, ApiError, serverNow } from '../api'
import { useSession } from './session'

/**
 * The account actions the registration page takes (issue 24: the page reaches src/api only through a store).
 * Login, recovery and cancellation keep theirs in the session store and their pages.
 */

/** Registers and signs in with the session the server answers; throws the server's ApiError on a refusal. */
export async function register(request: RegisterRequest, idempotencyKey: string): Promise<void> {
  const session = await api.register(request, { idempotencyKey })
  useSession.getState().signIn(session)
}

/** Whether a refusal is the taken (type, number): the page then offers 去登录 / 找回密码. */
export function isNumberTaken(err: unknown): boolean {
  return err instanceof ApiError && err.code === 'ID_NUMBER_TAKEN'
}

/** China's date on the server's clock (YYYY-MM-DD): the latest birth date the form offers. */
export function accountToday(): string {
  return chinaDateOf(serverNow())
}
