import crypto from 'node:crypto'
import sharp from 'sharp'
import svgCaptcha from 'svg-captcha'
import { badRequest } from '../../core/errors'
import type { Store } from '../../core/store'
import type { Captcha } from './state'

/** How long a captcha may be answered. */
export const CAPTCHA_TTL_MS = 5 * 60 * 1000

/**
 * Issues a real captcha image: svg-captcha draws the characters as paths with noise, sharp rasterises it to PNG
 * (Baidu's <image> may not show SVG). Characters that are easy to confuse are left out.
 */
export async function issueCaptcha(
  store: Store,
  now = store.clock.now(),
): Promise<{ captcha: Captcha; image: string }> {
  const drawn = svgCaptcha.create({
    size: 4,
    noise: 2,
    color: true,
    background: '#eef3fb',
    width: 120,
    height: 44,
    fontSize: 46,
    ignoreChars: '0oO1ilIL',
  })
  const png = await sharp(Buffer.from(drawn.data)).png().toBuffer()
  const image = `data:image/png;base64,${png.toString('base64')}`
  const captcha: Captcha = {
    id: crypto.randomUUID(),
    answer: drawn.text,
    expiresAt: new Date(now + CAPTCHA_TTL_MS).toISOString(),
    imageHash: captchaImageHash(image),
  }
  pruneExpired(store, now)
  store.state.captchas.set(captcha.id, captcha)
  store.state.lastCaptchaId = captcha.id
  store.save()
  return { captcha, image }
}

/** The fingerprint of a captcha image as the client received it (its data URL). */
export function captchaImageHash(image: string): string {
  return crypto.createHash('sha256').update(image).digest('hex')
}

/**
 * Checks an answer and uses the captcha up, right or wrong, so it cannot be tried twice.
 * Case does not matter (candidates type on phones).
 */
export function consumeCaptcha(store: Store, captchaId: string, code: string, now = store.clock.now()): void {
  const captcha = store.state.captchas.get(captchaId)
  if (!captcha) throw badRequest('CAPTCHA_EXPIRED', undefined, { captchaCode: '验证码已失效，请点击图片刷新' })
  store.state.captchas.delete(captchaId)
  store.save()
  if (Date.parse(captcha.expiresAt) <= now) {
    throw badRequest('CAPTCHA_EXPIRED', undefined, { captchaCode: '验证码已过期，请点击图片刷新' })
  }
  if (captcha.answer.toLowerCase() !== code.trim().toLowerCase()) {
    throw badRequest('CAPTCHA_INVALID', undefined, { captchaCode: '验证码不正确' })
  }
}

function pruneExpired(store: Store, now: number): void {
  for (const [id, c] of store.state.captchas) {
    if (Date.parse(c.expiresAt) <= now) store.state.captchas.delete(id)
  }
}
