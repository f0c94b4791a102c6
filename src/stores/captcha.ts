import { api, messageOf } from '../api'

/** A fresh image captcha, or the Chinese sentence saying why none came. */
export type CaptchaAnswer = { image: string; captchaId: string } | { error: string }

/**
 * The image captcha of the login, register and recovery forms (components/captcha-field): each call asks the server
 * for a new one, as a used or unreadable one is never asked again.
 */
export async function newCaptcha(): Promise<CaptchaAnswer> {
  try {
    const { image, captchaId } = await api.captcha()
    return { image, captchaId }
  } catch (err) {
    return { error: messageOf(err) }
  }
}
