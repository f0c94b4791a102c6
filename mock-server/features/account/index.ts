import type { Feature, FeaturePlugin } from '../../core/feature'
import { faceServiceOf } from '../face'
import { accountQaRoutes } from './qa'
import { accountRoutes } from './routes'
import { accountScenarios } from './scenarios'
import { accountIdentity } from './sessions'
import { accountSlice } from './slice'

/** The account feature (issue 4, docs/account.md): registration, logins, recovery, session, cancellation. */
const plugin: FeaturePlugin = async (app, { store, qa }) => {
  // Core asks this feature who is calling (the candidate scopes, the idempotency ledger).
  store.identity = accountIdentity(store)
  await accountRoutes(app, store, faceServiceOf(store, qa))
  if (qa) accountQaRoutes(app, store)
}

export const accountFeature: Feature = { name: 'account', plugin, slice: accountSlice, scenarios: accountScenarios }

// What other features use of this one.
export {
  accountErasers,
  applicationDataChecks,
  findByExactUsername,
  hasApplicationData,
  setSecurityAnswer,
} from './rules'
export { DEMO_CANDIDATE, makeAccount, makeIdNumber, accountScenarios } from './scenarios'
export type { Account } from './state'
