import type { Feature } from '../../core/feature'
import type { FaceService } from '../face/flows'
import { accountQaRoutes } from './qa'
import { accountRoutes } from './routes'

/** The account feature (issue 4, docs/account.md): registration, logins, recovery, session, cancellation. */
export const accountFeature: Feature<{ face: FaceService }> = async (app, { store, qa, face }) => {
  // Wrong passwords checked, by account: counted only with the QA API on (the lockout tests read it there).
  const wrongChecked = qa ? new Map<string, number>() : null
  await accountRoutes(
    app,
    store,
    face,
    wrongChecked ? (id) => wrongChecked.set(id, (wrongChecked.get(id) ?? 0) + 1) : undefined,
  )
  if (qa) accountQaRoutes(app, store, wrongChecked!)
}
