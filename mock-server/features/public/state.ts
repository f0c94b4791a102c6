/**
 * The captcha's slice of the state: captchas by id (State.captchas, a Map) and the last one issued
 * (State.lastCaptchaId, for the QA API).
 */
export interface Captcha {
  id: string
  answer: string
  expiresAt: string
  /** sha256 of the image sent, so QA can answer the captcha a page shows (POST /__qa/captcha/shown). */
  imageHash?: string
}

/** Drops expired captchas; how many went. */
export function pruneCaptchas(captchas: Map<string, Captcha>, now: number): number {
  let removed = 0
  for (const [id, c] of captchas) {
    if (Date.parse(c.expiresAt) > now) continue
    captchas.delete(id)
    removed++
  }
  return removed
}
