import type { Feature } from '../../core/feature'
import { applicationQaRoutes } from './qa'
import { applicationRoutes } from './routes'

/** The online application (issue 13, docs/application.md): exams, dictionaries, applications and their QA API. */
export const applicationFeature: Feature = async (app, { store, qa }) => {
  await applicationRoutes(app, store)
  if (qa) applicationQaRoutes(app, store)
}
