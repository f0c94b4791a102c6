import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import * as v from 'valibot'
import { parseBody } from './contract-route'
import { HttpError } from './errors'
import { WIRE_FAULT_KINDS, WireFaults } from '../../types/qa'

/**
 * Faults on the wire, as a crowded exam-registration day brings them: a share of API requests is answered 503
 * (busy) or 429 (too many) with Retry-After, held back for seconds, or cut off mid-response after the server did
 * the work (the client's retry must then be answered from the idempotency reply, not done twice). Off unless
 * switched on: `npm run mock -- --faults 0.3`, buildMockServer({ faults }), or QA's POST /__qa/faults/wire.
 */
export type WireFaultKind = (typeof WIRE_FAULT_KINDS)[number]
export type WireFaultsConfig = v.InferInput<typeof WireFaults>

declare module 'fastify' {
  interface FastifyRequest {
    /** Set when this request is to be cut off mid-response. */
    dropResponse?: boolean
  }
}

export function wireFaults(app: FastifyInstance, options: { qa: boolean; initial?: WireFaultsConfig }): void {
  let config: v.InferOutput<typeof WireFaults> | null = options.initial ? v.parse(WireFaults, options.initial) : null
  const counts: Record<WireFaultKind, number> = { busy: 0, 'rate-limit': 0, delay: 0, drop: 0 }

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!config || req.method === 'OPTIONS' || !req.url.startsWith(config.path)) return
    if (Math.random() >= config.rate) return
    const kind = config.kinds[Math.floor(Math.random() * config.kinds.length)]
    counts[kind]++
    if (kind === 'busy' || kind === 'rate-limit') {
      reply.header('retry-after', String(config.retryAfterSeconds))
      throw kind === 'busy' ? new HttpError(503, 'SERVICE_BUSY') : new HttpError(429, 'RATE_LIMITED')
    }
    if (kind === 'delay') await new Promise((resolve) => setTimeout(resolve, config?.delayMs ?? 0))
    if (kind === 'drop') req.dropResponse = true
  })

  // The work is done and the answer ready: send half of it and cut the connection.
  app.addHook('onSend', async (req, reply, payload) => {
    if (!req.dropResponse) return payload
    const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString() : ''
    const socket = reply.raw.socket
    if (socket && !socket.destroyed) {
      socket.write(
        `HTTP/1.1 ${reply.statusCode} OK\r\ncontent-type: application/json\r\n` +
          `content-length: ${Buffer.byteLength(text) + 16}\r\n\r\n${text.slice(0, Math.floor(text.length / 2))}`,
      )
      socket.destroy()
    }
    return payload
  })

  if (!options.qa) return
  app.post('/__qa/faults/wire', async (req) => {
    config = parseBody(WireFaults, req.body)
    for (const k of WIRE_FAULT_KINDS) counts[k] = 0
    return { ok: true, config }
  })
  app.get('/__qa/faults/wire', async () => ({ config, counts }))
  app.delete('/__qa/faults/wire', async () => {
    config = null
    return { ok: true, counts }
  })
}
