import type { Feature, FeaturePlugin } from '../../core/feature'
import { resultsQaRoutes } from './qa'
// The ticket's printing-window reminder joins the process feature's reminders (registered at import).
import './reminders'
import { resultsRoutes } from './routes'
import { resultsScenarios } from './scenarios'
import { resultsSlice } from './slice'

/** After the exam (issue 15, docs/results.md): admission ticket, scores with the rolling rule, certificate. */
const plugin: FeaturePlugin = async (app, { store, qa, publicBaseUrl, limits }) => {
  await resultsRoutes(app, store, publicBaseUrl, limits)
  if (qa) resultsQaRoutes(app, store)
}

export const resultsFeature: Feature = { name: 'results', plugin, slice: resultsSlice, scenarios: resultsScenarios }
