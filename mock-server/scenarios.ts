// Tests and scripts build candidates with these; they live in the account feature (the scenario registry, SCENARIOS,
// is features/index.ts's, beside the list of features).
export { DEMO_CANDIDATE, makeAccount, makeIdNumber } from './features/account/scenarios'
export { educationRecordInput } from './features/profile/scenarios'
