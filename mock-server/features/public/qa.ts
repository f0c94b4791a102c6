import type { FastifyInstance } from 'fastify'
import { notFound } from '../../core/errors'
import type { Store } from '../../core/store'

/** QA control API for the captcha (only with --qa): the answer of the captcha issued last. */
export function publicQaRoutes(app: FastifyInstance, store: Store): void {
  app.get('/__qa/captcha/last', async () => {
    const id = store.state.lastCaptchaId
    const captcha = id ? store.state.captchas.get(id) : undefined
    if (!captcha) throw notFound('NOT_FOUND', '还没有发出验证码，或已被使用')
    return { captchaId: captcha.id, answer: captcha.answer }
  })
}
