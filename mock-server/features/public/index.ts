import type { Feature } from '../../core/feature'
import type { RateLimits } from '../../core/rate-limit'
import { publicQaRoutes } from './qa'
import { publicRoutes } from './routes'

/** Health and the captcha: what anyone may call before logging in. */
export const publicFeature: Feature<{ limits: RateLimits }> = async (app, { store, qa, limits }) => {
  publicRoutes(app, store, { qa, limits })
  if (qa) publicQaRoutes(app, store)
}
