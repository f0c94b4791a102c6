import type { Feature, FeaturePlugin } from '../../core/feature'
import { publicQaRoutes } from './qa'
import { publicRoutes } from './routes'
import { publicSlice } from './slice'

/** Health and the captcha: what anyone may call before logging in. */
const plugin: FeaturePlugin = async (app, { store, qa, limits }) => {
  publicRoutes(app, store, { qa, limits })
  if (qa) publicQaRoutes(app, store)
}

export const publicFeature: Feature = { name: 'public', plugin, slice: publicSlice }

// What other features use of this one.
export { consumeCaptcha } from './captcha'
