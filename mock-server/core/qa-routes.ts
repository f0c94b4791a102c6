import type { FastifyInstance } from 'fastify'
import * as v from 'valibot'
import { HttpError } from './errors'
import { parseBody } from './contract-route'
import { SCENARIOS, scenarioNames } from '../scenarios'
import { emptyState, type Store } from './store'

/**
 * The core of the QA control API, under /__qa, registered only when the server starts with --qa: reset, scenarios
 * and the clock. Each feature adds its own QA routes (features/<feature>/qa.ts). It lets a test or a QA engineer put
 * the backend in a known state and decide what real people and platforms would decide.
 */
export function qaRoutes(app: FastifyInstance, store: Store): void {
  app.post('/__qa/reset', async () => {
    store.replace(emptyState())
    store.clock.reset()
    return { ok: true }
  })

  app.get('/__qa/scenarios', async () => ({ scenarios: scenarioNames() }))

  app.post('/__qa/scenario', async (req) => {
    const { name } = parseBody(v.object({ name: v.string() }), req.body)
    const make = SCENARIOS.get(name)
    if (!make) throw new HttpError(404, 'SCENARIO_UNKNOWN', `没有这个场景：${name}`)
    store.replace(make(store.clock.now()))
    return { ok: true, scenario: name }
  })

  // The server's clock: read it, set it ({ now: ISO }), advance it ({ advanceMs }), or return to real time
  // ({ real: true }). Deadlines, expiry and countdowns follow it.
  const clockView = () => ({ now: store.clock.iso(), offsetMs: store.clock.offset })
  app.get('/__qa/clock', async () => clockView())
  app.post('/__qa/clock', async (req) => {
    const input = parseBody(ClockRequest, req.body)
    if (input.real) store.clock.reset()
    if (input.now !== undefined) store.clock.set(Date.parse(input.now))
    if (input.advanceMs !== undefined) store.clock.advance(input.advanceMs)
    return clockView()
  })
}

const MAX_SHIFT_MS = 100 * 365 * 24 * 60 * 60 * 1000
const LATEST_MS = Date.UTC(2200, 0, 1)

const ClockRequest = v.pipe(
  v.object({
    now: v.optional(
      v.pipe(
        v.string(),
        v.isoTimestamp('now 必须是 ISO 时间，如 2026-03-01T08:00:00.000Z'),
        v.check((s) => Date.parse(s) > 0 && Date.parse(s) < LATEST_MS, 'now 须在 1970 年到 2200 年之间'),
      ),
    ),
    advanceMs: v.optional(
      v.pipe(v.number(), v.integer('advanceMs 必须是整数毫秒'), v.minValue(-MAX_SHIFT_MS), v.maxValue(MAX_SHIFT_MS)),
    ),
    real: v.optional(v.boolean()),
  }),
  v.check(
    (r) => r.now !== undefined || r.advanceMs !== undefined || r.real === true,
    '请给出 now（ISO 时间）、advanceMs（毫秒）或 real: true',
  ),
)
