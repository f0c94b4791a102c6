import type { Feature } from '../../core/feature'
import type { FaceService } from '../face/flows'
import { loginQueueQaRoutes } from './login-queue'
import { accountQaRoutes } from './qa'
import { accountRoutes } from './routes'

/** The account feature (issue 4, docs/account.md): registration, logins, recovery, session, cancellation. */
export const accountFeature: Feature<{ face: FaceService }> = async (app, { store, qa, face }) => {
  await accountRoutes(app, store, face)
  if (qa) accountQaRoutes(app, store)
  if (qa) loginQueueQaRoutes(app, store)
}
