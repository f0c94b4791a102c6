import type { Feature, FeaturePlugin } from '../../core/feature'
import { applicationQaRoutes } from './qa'
import { applicationRoutes } from './routes'
import { applicationScenarios } from './scenarios'
import { applicationSlice } from './slice'

/** The online application (issue 13, docs/application.md): exams, dictionaries, applications and their QA API. */
const plugin: FeaturePlugin = async (app, { store, qa }) => {
  await applicationRoutes(app, store)
  if (qa) applicationQaRoutes(app, store)
}

export const applicationFeature: Feature = {
  name: 'application',
  plugin,
  slice: applicationSlice,
  scenarios: applicationScenarios,
}

// What other features use of this one.
export {
  abilities,
  calendarOf,
  codeOf,
  examOf,
  newApplication,
  ownApplication,
  provinceChangeHooks,
  statusOf,
  submitChecks,
  viewOf,
} from './rules'
export { centresOf, provinceOf } from './data/provinces'
export { dictionaryOf } from './data/specialities'
export type { StoredApplication } from './state'
