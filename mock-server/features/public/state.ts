/**
 * The captcha's slice of the state: captchas by id (State.captchas, a Map) and the last one issued
 * (State.lastCaptchaId, for the QA API).
 */
export interface Captcha {
  id: string
  answer: string
  expiresAt: string
}
