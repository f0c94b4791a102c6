import type { FastifyInstance } from 'fastify'
import * as v from 'valibot'
import { validationError } from './contract-route'
import { HttpError } from './errors'

/**
 * Injected failures, so QA and tests can see how the app behaves in the registration peak: the next `count`
 * requests whose path starts with `path` answer `status` (503 SERVICE_BUSY by default) before reaching any route.
 */
interface Fault {
  path: string
  status: 502 | 503 | 504
  remaining: number
}

const FaultRequest = v.object({
  path: v.pipe(v.string(), v.startsWith('/api/', 'path 必须以 /api/ 开头')),
  status: v.optional(v.picklist([502, 503, 504]), 503),
  count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)), 1),
})

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
    const parsed = v.safeParse(FaultRequest, req.body ?? {})
    if (!parsed.success) throw validationError(parsed.issues)
    faults.push({ path: parsed.output.path, status: parsed.output.status, remaining: parsed.output.count })
    return { ok: true, pending: faults.map((f) => ({ path: f.path, status: f.status, remaining: f.remaining })) }
  })
  app.delete('/__qa/faults', async () => {
    faults.length = 0
    return { ok: true }
  })
}
