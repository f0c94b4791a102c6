import type { FaceOutcome } from '../types/platform-sim'

/**
 * The account feature's part of the mock state (issue 4), kept in one field of State (`accountFlows`) so other
 * features' collections stay apart.
 */
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

export interface FaceVerification {
  verifyId: string
  purpose: 'login' | 'recover'
  accountId: string
  /** What the platform's verification reported to the server (the H5 simulation, or the platform's callback). */
  outcome: FaceOutcome | 'pending'
  expiresAt: string
  used: boolean
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
  security: Record<string, SecurityAnswerRecord>
  loginGuards: Record<string, LoginGuard>
  faceVerifications: Record<string, FaceVerification>
  questionRecoveries: Record<string, QuestionRecovery>
  resetTokens: Record<string, ResetToken>
  /**
   * Accounts QA marked as having application data (until the application feature stores its own); consulted by
   * hasApplicationData().
   */
  qaApplicationData: Record<string, true>
}

export function emptyAccountFlows(): AccountFlowsState {
  return {
    security: {},
    loginGuards: {},
    faceVerifications: {},
    questionRecoveries: {},
    resetTokens: {},
    qaApplicationData: {},
  }
}
