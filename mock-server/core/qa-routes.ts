import type { FastifyInstance } from 'fastify'
import { qaEndpoints } from '../../types/qa'
import type { CallLog } from './call-log'
import { HttpError } from './errors'
import { contractRoute } from './contract-route'
import type { Scenario } from './feature'
import type { Store } from './store'

/**
 * The core of the QA control API (types/qa.ts), registered only when the server starts with --qa: reset, scenarios
 * and the clock. Each feature adds its own QA routes (features/<feature>/qa.ts). It lets a test or a QA engineer put
 * the backend in a known state and decide what real people and platforms would decide.
 */
export function qaRoutes(
  app: FastifyInstance,
  store: Store,
  calls: CallLog,
  scenarios: ReadonlyMap<string, Scenario>,
  /** What else a reset or a scenario starts afresh (the rate limits' counts). */
  onReset: () => void = () => {},
): void {
  contractRoute(app, store, qaEndpoints.reset, async () => {
    store.replace(store.empty())
    store.clock.reset()
    onReset()
    return { ok: true as const }
  })

  // What the specs exercised: every state-changing call answered, by endpoint, cross-origin or not (core/call-log.ts).
  contractRoute(app, store, qaEndpoints.calls, async () => ({ calls: calls.snapshot() }))

  contractRoute(app, store, qaEndpoints.scenarios, async () => ({ scenarios: [...scenarios.keys()] }))

  contractRoute(app, store, qaEndpoints.loadScenario, async ({ name }) => {
    const make = scenarios.get(name)
    if (!make) throw new HttpError(404, 'SCENARIO_UNKNOWN', `没有这个场景：${name}`)
    store.replace(make({ now: store.clock.now(), blobs: store.blobs, empty: () => store.empty() }))
    onReset()
    return { ok: true as const, scenario: name }
  })

  // The server's clock: read it, set it ({ now: ISO }), advance it ({ advanceMs }), or return to real time
  // ({ real: true }). Deadlines, expiry and countdowns follow it.
  const clockView = () => ({ now: store.clock.iso(), offsetMs: store.clock.offset })
  contractRoute(app, store, qaEndpoints.clock, async () => clockView())
  contractRoute(app, store, qaEndpoints.setClock, async (input) => {
    if (input.real) store.clock.reset()
    if (input.now !== undefined) store.clock.set(Date.parse(input.now))
    if (input.advanceMs !== undefined) store.clock.advance(input.advanceMs)
    // What has expired at the new time goes now, as it would have had the time passed.
    store.prune()
    return clockView()
  })
}
