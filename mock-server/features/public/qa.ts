import type { FastifyInstance } from 'fastify'
import { qaEndpoints } from '../../../types/qa'
import { contractRoute } from '../../core/contract-route'
import { notFound } from '../../core/errors'
import type { Store } from '../../core/store'
import { captchaImageHash } from './captcha'

/** QA control API for the captcha (only with --qa): the answer of the captcha issued last, or of a given one. */
export function publicQaRoutes(app: FastifyInstance, store: Store): void {
  contractRoute(app, store, qaEndpoints.lastCaptcha, async () => {
    const id = store.state.lastCaptchaId
    const captcha = id ? store.state.captchas.get(id) : undefined
    if (!captcha) throw notFound('NOT_FOUND', '还没有发出验证码，或已被使用')
    return { captchaId: captcha.id, answer: captcha.answer }
  })

  // By the image a page shows: a page that fetched two captchas (two forms, a refresh) is answered for the one on
  // screen, whichever the server issued last.
  contractRoute(app, store, qaEndpoints.shownCaptcha, async ({ image }) => {
    const hash = captchaImageHash(image)
    for (const captcha of store.state.captchas.values()) {
      if (captcha.imageHash === hash) return { captchaId: captcha.id, answer: captcha.answer }
    }
    throw notFound('NOT_FOUND', '没有这张验证码图片，或已被使用')
  })

  // By id: many clients at once (a load run) each read their own captcha's answer.
  contractRoute(app, store, qaEndpoints.captchaAnswer, async ({ captchaId }) => {
    const captcha = store.state.captchas.get(captchaId)
    if (!captcha) throw notFound('NOT_FOUND', '没有这个验证码，或已被使用')
    return { captchaId: captcha.id, answer: captcha.answer }
  })
}
