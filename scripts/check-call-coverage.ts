import path from 'node:path'
import {
  CALL_COVERAGE_ENV,
  callCoverage,
  describeEndpoint,
  readCallRecords,
  stateChangingEndpoints,
} from './lib/call-coverage'

/**
 * `tsx scripts/check-call-coverage.ts [dir]` (dir: CALL_COVERAGE_DIR by default): after the browser specs and the h5
 * automator specs ran with CALL_COVERAGE_DIR set, checks that together they called every state-changing endpoint of
 * types/api.ts (uploads and DELETEs included, /api/sim/* aside) from the app on its own origin, and that each such
 * call was answered 2xx at least once. Names what is missing; exits 1 then. `npm test` runs it as its last stage.
 */
const dir = process.argv[2] ?? process.env[CALL_COVERAGE_ENV]
if (!dir) {
  console.error(`usage: tsx scripts/check-call-coverage.ts <dir> (or set ${CALL_COVERAGE_ENV})`)
  process.exit(2)
}
const records = readCallRecords(path.resolve(dir))
const { missing, neverSucceeded } = callCoverage(records)
const required = stateChangingEndpoints()
console.log(
  `call coverage: ${required.length - missing.length - neverSucceeded.length} of ${required.length} state-changing endpoints called cross-origin and answered 2xx`,
)
if (missing.length) {
  console.log(
    `never called cross-origin by a browser or automator spec:\n  ${missing.map(describeEndpoint).join('\n  ')}`,
  )
}
if (neverSucceeded.length) {
  console.log(`called cross-origin but never answered 2xx:\n  ${neverSucceeded.map(describeEndpoint).join('\n  ')}`)
}
process.exit(missing.length || neverSucceeded.length ? 1 : 0)
