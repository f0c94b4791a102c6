import type { Feature } from '../../core/feature'
import { resultsQaRoutes } from './qa'
// The ticket's printing-window reminder joins the process feature's reminders (registered at import).
import './reminders'
import { resultsRoutes } from './routes'

/** After the exam (issue 15, docs/results.md): admission ticket, scores with the rolling rule, certificate. */
export const resultsFeature: Feature<{ publicBaseUrl: () => string }> = async (app, { store, qa, publicBaseUrl }) => {
  await resultsRoutes(app, store, publicBaseUrl)
  if (qa) resultsQaRoutes(app, store)
}
