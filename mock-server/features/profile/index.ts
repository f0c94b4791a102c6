import type { Feature } from '../../core/feature'
import { profileQaRoutes } from './qa'
import { profileRoutes, type ProfileRoutesOptions } from './routes'

/** The personal-info hub (issue 5, docs/hub.md). */
export const profileFeature: Feature<Omit<ProfileRoutesOptions, 'store'>> = async (app, opts) => {
  await profileRoutes(app, opts)
  if (opts.qa) profileQaRoutes(app, opts.store)
}
