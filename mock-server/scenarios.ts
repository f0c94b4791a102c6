import type { Scenario } from './core/feature'
import { FEATURES } from './features'

/**
 * Named starting points for QA and tests (`--scenario NAME`, POST /__qa/scenario), gathered from the features'
 * scenarios.ts. A Map: the name comes from the caller.
 */
export const SCENARIOS: ReadonlyMap<string, Scenario> = new Map(
  FEATURES.flatMap((feature) => Object.entries(feature.scenarios ?? {})),
)

export function scenarioNames(): string[] {
  return [...SCENARIOS.keys()]
}

// Tests and scripts build candidates with these; they live in the account feature.
export { DEMO_CANDIDATE, makeAccount, makeIdNumber } from './features/account'
