import type { Feature } from '../../core/feature'
import { accountQaRoutes } from './qa'
import { accountRoutes } from './routes'

/** The account feature (issue 4, docs/account.md): registration, logins, recovery, session, cancellation. */
export const accountFeature: Feature = async (app, { store, qa }) => {
  await accountRoutes(app, store)
  if (qa) accountQaRoutes(app, store)
}
