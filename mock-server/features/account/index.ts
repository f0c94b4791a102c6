import type { Feature, FeaturePlugin } from '../../core/feature'
import { eraseFaceRecordsOf, faceServiceOf } from '../face'
import { loginQueueQaRoutes } from './login-queue'
import { accountQaRoutes } from './qa'
import { accountRoutes } from './routes'
import { accountScenarios } from './scenarios'
import { accountIdentity } from './sessions'
import { accountErasers } from './rules'
import { accountSlice } from './slice'

/** The account feature (issue 4, docs/account.md): registration, logins, recovery, session, cancellation. */
const plugin: FeaturePlugin = async (app, { store, qa }) => {
  // Core asks this feature who is calling (the candidate scopes, the idempotency ledger).
  store.identity = accountIdentity(store)
  // Wrong passwords checked, by account: counted only with the QA API on (the lockout tests read it there).
  const wrongChecked = qa ? new Map<string, number>() : null
  await accountRoutes(
    app,
    store,
    faceServiceOf(store, qa),
    wrongChecked ? (id) => wrongChecked.set(id, (wrongChecked.get(id) ?? 0) + 1) : undefined,
  )
  if (qa) accountQaRoutes(app, store, wrongChecked!)
  if (qa) loginQueueQaRoutes(app, store)
}

// Cancellation erases the face verifications naming the candidate too (the account feature already leans on face).
accountErasers.push((state, accountId) => {
  const account = state.accounts.get(accountId)
  if (account) eraseFaceRecordsOf(state.face, account)
})

export const accountFeature: Feature = { name: 'account', plugin, slice: accountSlice, scenarios: accountScenarios }

// What other features use of this one.
export {
  accountErasers,
  applicationDataChecks,
  findByExactUsername,
  hasApplicationData,
  holderOf,
  setSecurityAnswer,
} from './rules'
export { DEMO_CANDIDATE, makeAccount, makeIdNumber, accountScenarios } from './scenarios'
export type { Account } from './state'
export { behindCaptchaGate, configureLoginQueue, type LoginQueueOptions } from './login-queue'
