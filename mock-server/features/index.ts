import type { Feature, Scenario } from '../core/feature'
import { accountFeature } from './account'
import { applicationFeature } from './application'
import { faceFeature } from './face'
import { processFeature } from './process'
import { profileFeature } from './profile'
import { publicFeature } from './public'
import { resultsFeature } from './results'
import { scanFeature } from './scan'
import { simFeature } from './sim'

/**
 * The mock server's features, in the order they are registered: each brings its routes, QA routes, state slice,
 * pruning, blobs and scenarios (core/feature.ts). Adding a feature is one line here.
 */
export const FEATURES: readonly Feature[] = [
  publicFeature,
  accountFeature,
  faceFeature,
  profileFeature,
  applicationFeature,
  processFeature,
  scanFeature,
  resultsFeature,
  simFeature,
]

/**
 * Named starting points for QA and tests (`--scenario NAME`, POST /__qa/scenario), gathered from the features. A Map:
 * the name comes from the caller.
 */
export const SCENARIOS: ReadonlyMap<string, Scenario> = new Map(
  FEATURES.flatMap((feature) => Object.entries(feature.scenarios ?? {})),
)
