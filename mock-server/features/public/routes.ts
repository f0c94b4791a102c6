import type { FastifyInstance } from 'fastify'
import { endpoints } from '../../../types/api'
import { contractRoute } from '../../core/contract-route'
import type { Store } from '../../core/store'
import { issueCaptcha } from './captcha'

export const VERSION = '0.1.0'

/** The anonymous entry points: health and the captcha. */
export function publicRoutes(app: FastifyInstance, store: Store, opts: { qa: boolean }): void {
  contractRoute(app, store, endpoints.health, async () => ({ ok: true as const, version: VERSION, qa: opts.qa }))

  contractRoute(app, store, endpoints.captcha, async (_input, { reply }) => {
    const { captcha, image } = await issueCaptcha(store)
    reply.header('cache-control', 'no-store')
    return { captchaId: captcha.id, image, expiresAt: captcha.expiresAt }
  })
}
