import type { Feature } from '../../core/feature'
import { publicQaRoutes } from './qa'
import { publicRoutes } from './routes'

/** Health and the captcha: what anyone may call before logging in. */
export const publicFeature: Feature = async (app, { store, qa }) => {
  publicRoutes(app, store, { qa })
  if (qa) publicQaRoutes(app, store)
}
