import { create } from 'zustand'
import { chinaDateOf } from '@domain/today'
import type { CancelCheckResponse, RegisterRequest, SessionResponse } from '@contract/account'
import type { RequestOf, ResponseOf } from '@contract/api'
import { api, ApiError, call, serverNow } from '../api'
import { attemptFace, type FaceAttempt } from './face-verification'
import { sectionLoader, type SectionFlags } from './sections'
import { useSession } from './session'

/**
 * The account pages' calls (issue 4): registering (every ID type, issue 24), logging in (password or face),
 * recovering the password (security question or face, then a new one) and cancelling the account, with 注销账号's
 * check. The session itself is session.ts's. The
 * actions send the form kit's idempotency key (the same key when a lost answer is retried) and reject with the
 * ApiError whose message and fields the kit shows.
 */

/** What a face form sends besides what the platform adds (faceStartContext). */
export type FaceIdentity = { name: string; idNumber: string; captchaId: string; captchaCode: string }

interface AccountState extends SectionFlags<'cancelCheck'> {
  cancelCheck: CancelCheckResponse | null
  /** 注销账号's check: whether the account may be cancelled, and why not. */
  loadCancelCheck(): Promise<void>
  /** Cancels the account, then forgets it on the device with every draft and the hub's data. */
  cancelAccount(reason: string | undefined): Promise<void>

  loginPassword(input: RequestOf<'loginPassword'>, idempotencyKey: string): Promise<SessionResponse>
  /** A face login: the server opens it, the platform's face screen runs, the server confirms it with the platform. */
  loginFace(input: FaceIdentity, idempotencyKey: string): Promise<FaceAttempt<SessionResponse>>
  recoverByQuestion(
    input: RequestOf<'recoverQuestionStart'>,
    idempotencyKey: string,
  ): Promise<ResponseOf<'recoverQuestionStart'>>
  answerQuestion(recoveryId: string, answer: string, idempotencyKey: string): Promise<{ resetToken: string }>
  recoverByFace(input: FaceIdentity, idempotencyKey: string): Promise<FaceAttempt<{ resetToken: string }>>
  resetPassword(resetToken: string, newPassword: string, idempotencyKey: string): Promise<void>
}

export const useAccount = create<AccountState>((set) => {
  const { load } = sectionLoader<'cancelCheck', AccountState>(set)
  return {
    cancelCheck: null,
    loading: {},
    errors: {},

    async loadCancelCheck() {
      set({ cancelCheck: null })
      await load('cancelCheck', api.cancelCheck, (cancelCheck) => ({ cancelCheck }))
    },

    async cancelAccount(reason) {
      await api.cancelAccount(reason)
      // The stores forget this candidate's forms and lists themselves when the session ends (onCandidateLeft).
      useSession.getState().forgetAccount()
      set({ cancelCheck: null })
    },

    loginPassword: (input, idempotencyKey) => call('loginPassword', input, { idempotencyKey }),

    loginFace: ({ captchaId, captchaCode, ...identity }, idempotencyKey) =>
      attemptFace(
        (context) => call('faceLoginStart', { ...identity, ...context, captchaId, captchaCode }, { idempotencyKey }),
        (verifyId) => call('faceLoginFinish', { verifyId, ...identity }, { idempotencyKey }),
      ),

    recoverByQuestion: (input, idempotencyKey) => call('recoverQuestionStart', input, { idempotencyKey }),

    answerQuestion: (recoveryId, answer, idempotencyKey) =>
      call('recoverQuestionAnswer', { recoveryId, answer }, { idempotencyKey }),

    recoverByFace: ({ captchaId, captchaCode, ...identity }, idempotencyKey) =>
      attemptFace(
        (context) => call('recoverFaceStart', { ...identity, ...context, captchaId, captchaCode }, { idempotencyKey }),
        (verifyId) => call('recoverFaceFinish', { verifyId, ...identity }, { idempotencyKey }),
      ),

    async resetPassword(resetToken, newPassword, idempotencyKey) {
      await call('resetPassword', { resetToken, newPassword }, { idempotencyKey })
    },
  }
})

/** The server ended this recovery (too many wrong answers, or too late): the page starts again and says why. */
export function recoveryExpired(err: unknown): boolean {
  return err instanceof ApiError && err.code === 'RECOVERY_EXPIRED'
}

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
