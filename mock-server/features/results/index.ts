import type { Feature } from '../../core/feature'
import type { RateLimits } from '../../core/rate-limit'
import { resultsQaRoutes } from './qa'
// The ticket's printing-window reminder joins the process feature's reminders (registered at import).
import './reminders'
import { resultsRoutes } from './routes'

/** After the exam (issue 15, docs/results.md): admission ticket, scores with the rolling rule, certificate. */
export const resultsFeature: Feature<{ publicBaseUrl: () => string; limits: RateLimits }> = async (
  app,
  { store, qa, publicBaseUrl, limits },
) => {
  await resultsRoutes(app, store, publicBaseUrl, limits)
  if (qa) resultsQaRoutes(app, store)
}
