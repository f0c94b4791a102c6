import type { FastifyInstance } from 'fastify'
import { endpoints } from '../../../types/api'
import { contractRoute } from '../../core/contract-route'
import type { Store } from '../../core/store'
import { behindCaptchaGate } from '../account/login-queue'
import { issueCaptcha } from './captcha'

export const VERSION = '0.1.0'

/** The anonymous entry points: health and the captcha. */
export function publicRoutes(app: FastifyInstance, store: Store, opts: { qa: boolean }): void {
  contractRoute(app, store, endpoints.health, async () => ({ ok: true as const, version: VERSION, qa: opts.qa }))

  // Behind the login waiting room's captcha gate: a crowd is told to come back (503 LOGIN_QUEUE, Retry-After) at once.
  contractRoute(
    app,
    store,
    endpoints.captcha,
    behindCaptchaGate(store, async (_input, { reply }) => {
      const { captcha, image } = await issueCaptcha(store)
      reply.header('cache-control', 'no-store')
      return { captchaId: captcha.id, image, expiresAt: captcha.expiresAt }
    }),
  )
}
