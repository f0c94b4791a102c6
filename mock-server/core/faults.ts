import type { FastifyInstance } from 'fastify'
import type * as v from 'valibot'
import { FaultRequest } from '../../types/qa'
import { parseBody } from './contract-route'
import { HttpError } from './errors'

/**
 * Injected failures, so QA and tests can see how the app behaves in the registration peak: the next `count`
 * requests whose path starts with `path` answer `status` (503 SERVICE_BUSY by default) before reaching any route.
 */
interface Fault {
  path: string
  status: v.InferOutput<typeof FaultRequest>['status']
  remaining: number
}

export function faultInjection(app: FastifyInstance, options: { qa: boolean }): void {
  const faults: Fault[] = []

  app.addHook('onRequest', async (req) => {
    if (faults.length === 0 || req.method === 'OPTIONS') return
    const fault = faults.find((f) => req.url.startsWith(f.path) && f.remaining > 0)
    if (!fault) return
    fault.remaining--
    if (fault.remaining === 0) faults.splice(faults.indexOf(fault), 1)
    throw new HttpError(fault.status, fault.status === 503 ? 'SERVICE_BUSY' : 'INTERNAL')
  })

  if (!options.qa) return
  app.post('/__qa/faults', async (req) => {
    const { path, status, count } = parseBody(FaultRequest, req.body)
    faults.push({ path, status, remaining: count })
    return { ok: true, pending: faults.map((f) => ({ path: f.path, status: f.status, remaining: f.remaining })) }
  })
  app.delete('/__qa/faults', async () => {
    faults.length = 0
    return { ok: true }
  })
}
