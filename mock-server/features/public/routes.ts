import type { FastifyInstance } from 'fastify'
import { endpoints } from '../../../types/api'
import { contractRoute } from '../../core/contract-route'
import { checkRate, type RateLimits } from '../../core/rate-limit'
import type { Store } from '../../core/store'
import { issueCaptcha } from './captcha'

export const VERSION = '0.1.0'

/** The anonymous entry points: health and the captcha. */
export function publicRoutes(app: FastifyInstance, store: Store, opts: { qa: boolean; limits: RateLimits }): void {
  contractRoute(app, store, endpoints.health, async () => ({ ok: true as const, version: VERSION, qa: opts.qa }))

  contractRoute(app, store, endpoints.captcha, async (_input, { req, reply }) => {
    // Per client (core/rate-limit.ts): counted before any drawing, so a flood costs no image work.
    checkRate(store, opts.limits.captcha, req, '获取验证码过于频繁，请稍后再试')
    const { captcha, image } = await issueCaptcha(store)
    reply.header('cache-control', 'no-store')
    return { captchaId: captcha.id, image, expiresAt: captcha.expiresAt }
  })
}
