import { accountScenarios, type Scenario } from './features/account/scenarios'
import { applicationScenarios } from './features/application/scenarios'
import { profileScenarios } from './features/profile/scenarios'
import { resultsScenarios } from './features/results/scenarios'

/**
 * Named starting points for QA and tests (`--scenario NAME`, POST /__qa/scenario), gathered from the features'
 * scenarios.ts. A Map: the name comes from the caller.
 */
export const SCENARIOS = new Map<string, Scenario>(
  Object.entries({ ...accountScenarios, ...profileScenarios, ...applicationScenarios, ...resultsScenarios }),
)

export function scenarioNames(): string[] {
  return [...SCENARIOS.keys()]
}

// Tests and scripts build candidates with these; they live in the account feature.
export { DEMO_CANDIDATE, makeAccount, makeIdNumber } from './features/account/scenarios'
