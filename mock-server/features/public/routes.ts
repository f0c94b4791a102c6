import type { FastifyInstance } from 'fastify'
import { endpoints } from '../../types/api'
import { issueCaptcha } from '../captcha'
import { contractRoute } from '../contract-route'
import type { Store } from '../state'

export const VERSION = '0.1.0'

export function publicRoutes(app: FastifyInstance, store: Store, opts: { qa: boolean }): void {
  contractRoute(app, store, endpoints.health, async () => ({ ok: true as const, version: VERSION, qa: opts.qa }))

  contractRoute(app, store, endpoints.captcha, async (_input, { reply }) => {
    const { captcha, image } = await issueCaptcha(store)
    reply.header('cache-control', 'no-store')
    return { captchaId: captcha.id, image, expiresAt: captcha.expiresAt }
  })
}
