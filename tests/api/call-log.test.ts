import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  callCoverage,
  readCallRecords,
  saveCallRecord,
  stateChangingEndpoints,
  CALL_COVERAGE_ENV,
} from '../../scripts/lib/call-coverage'
import { endpoints } from '../../types/api'
import { startMock, type RunningMock } from '../support/servers'
import { registerCandidate } from './support/candidates'

/**
 * The call record behind the call-coverage check (issue 11, item 7): the server counts each state-changing endpoint
 * it answered by name, cross-origin only when the Origin is another's; the check finds what no spec called.
 */
describe('call record (QA calls) and the call-coverage check', () => {
  let mock: RunningMock
  beforeAll(async () => {
    mock = await startMock()
  })
  afterAll(() => mock.close())

  const subscribe = (headers: Record<string, string>, token: string) =>
    fetch(`${mock.url}/api/reminders/subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: JSON.stringify({ platform: 'h5', templateIds: ['sim-process-1'], outcome: 'accept' }),
    })

  test('counts state-changing calls by endpoint name; cross-origin only with another origin; 2xx apart', async () => {
    const { token } = await registerCandidate(mock)
    const own = new URL(mock.url).origin
    const before = (await mock.qaApi('calls')).calls
    expect(before.register).toEqual({ calls: 1, crossOrigin: 0, crossOriginOk: 0 })

    expect((await subscribe({}, token)).status).toBe(200)
    expect((await subscribe({ origin: own }, token)).status).toBe(200)
    expect((await subscribe({ origin: 'http://127.0.0.1:1' }, token)).status).toBe(200)
    // Refused (no session) but answered: cross-origin, not 2xx.
    expect((await subscribe({ origin: 'http://localhost:1' }, '')).status).toBe(401)
    // Reads, QA calls and unknown paths are not recorded.
    await fetch(`${mock.url}/api/profile/binding`, {
      headers: { authorization: `Bearer ${token}`, origin: 'http://x' },
    })
    await fetch(`${mock.url}/api/nowhere`, { method: 'POST', headers: { origin: 'http://x' } })

    const { calls } = await mock.qaApi('calls')
    expect(calls.subscribeReminders).toEqual({ calls: 4, crossOrigin: 2, crossOriginOk: 1 })
    expect(Object.keys(calls).sort()).toEqual(['register', 'subscribeReminders'])
  })

  test('the check asks for every non-GET endpoint but the simulations, and names what is missing', () => {
    const required = stateChangingEndpoints()
    expect(required).toEqual(
      Object.entries(endpoints)
        .filter(([, e]) => e.method !== 'GET' && !e.path.startsWith('/api/sim/'))
        .map(([name]) => name),
    )
    expect(required).toEqual(expect.arrayContaining(['deleteRecord', 'unbind', 'uploadMaterial', 'uploadExamPhoto']))

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'call-coverage-test-'))
    const saved = process.env[CALL_COVERAGE_ENV]
    process.env[CALL_COVERAGE_ENV] = dir
    try {
      const all = Object.fromEntries(required.map((n) => [n, { calls: 1, crossOrigin: 1, crossOriginOk: 1 }]))
      saveCallRecord({ ...all, unbind: { calls: 2, crossOrigin: 0, crossOriginOk: 0 } })
      saveCallRecord({ deleteRecord: { calls: 1, crossOrigin: 0, crossOriginOk: 0 } })
      expect(readCallRecords(dir).get('deleteRecord')).toEqual({ calls: 2, crossOrigin: 1, crossOriginOk: 1 })
      saveCallRecord({
        bind: { calls: 1, crossOrigin: 1, crossOriginOk: 0 },
        logout: { calls: 1, crossOrigin: 0, crossOriginOk: 0 },
      })
      expect(callCoverage(readCallRecords(dir))).toEqual({ missing: ['unbind'], neverSucceeded: [] })
      expect(callCoverage(new Map())).toEqual({ missing: required, neverSucceeded: [] })
      expect(
        callCoverage(
          new Map([...readCallRecords(dir)].map(([n, c]) => [n, n === 'logout' ? { ...c, crossOriginOk: 0 } : c])),
        ),
      ).toEqual({ missing: ['unbind'], neverSucceeded: ['logout'] })
    } finally {
      if (saved === undefined) delete process.env[CALL_COVERAGE_ENV]
      else process.env[CALL_COVERAGE_ENV] = saved
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
