import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { endpoints, isStateChanging, type EndpointName } from '../../types/api'
import type { CallCounts } from '../../types/qa'

/**
 * Call coverage (issue 11, item 7): every state-changing endpoint of the contract is called at least once end to end
 * by the browser or automator specs, from the app on its own origin. Each mock server a spec run starts records what
 * it answered (QA `calls`, mock-server/core/call-log.ts); when CALL_COVERAGE_DIR is set, the test harness saves that
 * record into the folder as the server closes (tests/support/servers.ts), and scripts/check-call-coverage.ts checks the
 * union once the browser and h5 automator stages have run (`npm test` does both).
 */
export const CALL_COVERAGE_ENV = 'CALL_COVERAGE_DIR'

/** The endpoints the app changes state with: every non-GET of types/api.ts but the platform simulations. */
export function stateChangingEndpoints(): EndpointName[] {
  return (Object.keys(endpoints) as EndpointName[]).filter(
    (name) => isStateChanging(endpoints[name].method) && !endpoints[name].path.startsWith('/api/sim/'),
  )
}

/** True when this run records calls (CALL_COVERAGE_DIR is set). */
export function recordingCalls(): boolean {
  return !!process.env[CALL_COVERAGE_ENV]
}

/** Saves one server's record of calls (QA `calls`) into CALL_COVERAGE_DIR, one file per server. */
export function saveCallRecord(calls: Record<string, CallCounts>): void {
  const dir = process.env[CALL_COVERAGE_ENV]
  if (!dir) return
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, `calls-${process.pid}-${crypto.randomUUID()}.json`), JSON.stringify(calls))
}

/** The records in a folder, summed by endpoint name. */
export function readCallRecords(dir: string): Map<string, CallCounts> {
  const sum = new Map<string, CallCounts>()
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : []
  for (const file of files) {
    const calls = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, CallCounts>
    for (const [name, c] of Object.entries(calls)) {
      const s = sum.get(name) ?? { calls: 0, crossOrigin: 0, crossOriginOk: 0 }
      sum.set(name, {
        calls: s.calls + c.calls,
        crossOrigin: s.crossOrigin + c.crossOrigin,
        crossOriginOk: s.crossOriginOk + c.crossOriginOk,
      })
    }
  }
  return sum
}

export interface CallCoverage {
  /** Never called cross-origin. */
  missing: string[]
  /** Called cross-origin, but never answered 2xx there: only refusals were exercised. */
  neverSucceeded: string[]
}

/** What of the contract's state-changing endpoints the records do not cover. */
export function callCoverage(records: Map<string, CallCounts>): CallCoverage {
  const missing: string[] = []
  const neverSucceeded: string[] = []
  for (const name of stateChangingEndpoints()) {
    const c = records.get(name)
    if (!c?.crossOrigin) missing.push(name)
    else if (!c.crossOriginOk) neverSucceeded.push(name)
  }
  return { missing, neverSucceeded }
}

/** `name (METHOD /path)`, as the check prints an endpoint. */
export function describeEndpoint(name: string): string {
  const e = endpoints[name as EndpointName]
  return e ? `${name} (${e.method} ${e.path})` : name
}
