import type { Feature, FeaturePlugin } from '../../core/feature'
import { profileQaRoutes } from './qa'
import { profileRoutes } from './routes'
import { profileScenarios } from './scenarios'
import { profileSlice } from './slice'

/** The personal-info hub (issue 5, docs/hub.md). */
const plugin: FeaturePlugin = async (app, opts) => {
  await profileRoutes(app, opts)
  if (opts.qa) profileQaRoutes(app, opts.store)
}

export const profileFeature: Feature = { name: 'profile', plugin, slice: profileSlice, scenarios: profileScenarios }

// What other features use of this one.
export { photoTicket, profileOf, summaryOf } from './rules'
export { completeHub } from './scenarios'
