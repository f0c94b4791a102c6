import type { FaceStartResponse } from '@contract/account'
import { ApiError, messageOf } from '../api'
import { platform } from '../platform/platform'

/** How a face login or face recovery attempt ended, for the page to act on. */
export type FaceAttempt<T> =
  /** The platform confirmed it to the server: the session or the reset token. */
  | { kind: 'passed'; value: T }
  /** The candidate left the face screen: back to the form, nothing lost. */
  | { kind: 'cancelled'; message: string }
  /** This phone cannot do it: offer the other way. */
  | { kind: 'unsupported'; message: string }
  /** The platform says it was not them, or the capture was unusable: the reason, retry or the other way. */
  | { kind: 'failed'; message: string }
  /** Anything else (captcha, too many tries, expired, network): a message by the form, fields as the server named. */
  | { kind: 'error'; message: string; fields: Record<string, string> }

const CANCELLED = '您已取消人脸识别，可修改信息后重新开始'
const UNSUPPORTED = '当前手机不支持人脸识别'

/**
 * One face verification, the same for login and recovery on every platform: the server opens it (start), the
 * platform's face screen runs (platform.verifyFace), the server asks the platform for the result (finish).
 */
export async function attemptFace<T>(
  start: (context: Awaited<ReturnType<typeof platform.faceStartContext>>) => Promise<FaceStartResponse>,
  finish: (verifyId: string) => Promise<T>,
): Promise<FaceAttempt<T>> {
  try {
    const opened = await start(await platform.faceStartContext())
    const screen = await platform.verifyFace({ verifyId: opened.verifyId, certifyUrl: opened.certifyUrl })
    if (screen === 'cancel') return { kind: 'cancelled', message: CANCELLED }
    if (screen === 'unsupported') return { kind: 'unsupported', message: UNSUPPORTED }
    // Finished or failed on the phone: the server's answer, from the platform, is the one that counts.
    return { kind: 'passed', value: await finish(opened.verifyId) }
  } catch (err) {
    if (err instanceof ApiError) {
      if (err.code === 'FACE_VERIFY_FAILED') return { kind: 'failed', message: err.message }
      if (err.code === 'FACE_VERIFY_CANCELLED') return { kind: 'cancelled', message: CANCELLED }
      if (err.code === 'FACE_VERIFY_UNSUPPORTED') return { kind: 'unsupported', message: UNSUPPORTED }
      return { kind: 'error', message: err.message, fields: err.fields }
    }
    if (err instanceof Error && err.name === 'UnsupportedOnPlatform')
      return { kind: 'unsupported', message: UNSUPPORTED }
    return { kind: 'error', message: messageOf(err), fields: {} }
  }
}
