import type { FastifyInstance, FastifyRequest } from 'fastify'
import { endpoints, isStateChanging, type EndpointName } from '../../types/api'
import type { CallCounts } from '../../types/qa'

/**
 * Which state-changing calls of the contract the server answered (issue 11, item 7), by endpoint name: how many came
 * cross-origin (an Origin header other than the server's own, as the H5 app's requests do when `npm start` serves it
 * on its own port) and how many of those were answered 2xx. Only names and counts: nothing a candidate sent. The
 * test harness reads it through the QA API (`calls`) to check that the browser and automator specs together call
 * every state-changing endpoint the way the app does (scripts/check-call-coverage.ts).
 */
export class CallLog {
  private readonly counts = new Map<EndpointName, CallCounts>()

  record(name: EndpointName, crossOrigin: boolean, status: number): void {
    const c = this.counts.get(name) ?? { calls: 0, crossOrigin: 0, crossOriginOk: 0 }
    c.calls++
    if (crossOrigin) {
      c.crossOrigin++
      if (status >= 200 && status < 300) c.crossOriginOk++
    }
    this.counts.set(name, c)
  }

  snapshot(): Record<string, CallCounts> {
    return Object.fromEntries([...this.counts].map(([name, c]) => [name, { ...c }]))
  }

  clear(): void {
    this.counts.clear()
  }
}

/** `METHOD /route/:pattern` → the endpoint's name, for the state-changing endpoints of the contract. */
const STATE_CHANGING = new Map<string, EndpointName>(
  (Object.entries(endpoints) as Array<[EndpointName, (typeof endpoints)[EndpointName]]>)
    .filter(([, e]) => isStateChanging(e.method))
    .map(([name, e]) => [`${e.method} ${e.path}`, name]),
)

/** A request is cross-origin when it carries an Origin that is not the server's own (scheme and Host it was sent to). */
export function isCrossOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin
  if (typeof origin !== 'string' || origin === '') return false
  return origin !== `${req.protocol}://${req.headers.host ?? ''}`
}

/** Records every answered state-changing contract call into `log`. */
export function recordCalls(app: FastifyInstance, log: CallLog): void {
  app.addHook('onResponse', async (req, reply) => {
    const name = STATE_CHANGING.get(`${req.method} ${req.routeOptions.url ?? ''}`)
    if (name) log.record(name, isCrossOrigin(req), reply.statusCode)
  })
}
