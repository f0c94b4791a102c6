import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'

/**
 * What a backend of the automator server provides: one handler per protocol method. The H5 backend lives in
 * bridge.ts (Chromium over the H5 build); the mini-program host backend in host-backend.ts (the weapp, alipay or
 * swan bundle in Node). serveBackend() is the WebSocket side the host backend uses.
 */
export interface BackendClient {
  ws: WebSocket
  logEnabled: boolean
}

export type BackendHandler = (params: Record<string, unknown>, client: BackendClient) => Promise<unknown>

export interface Backend {
  name: string
  handlers: Record<string, BackendHandler>
  /** Why a method this backend does not serve is refused, by method. */
  unsupported?: Record<string, string>
  /** Sends events (App.logAdded ...) through this function once served. */
  attachBroadcast(send: (method: string, params: unknown, onlyLogging: boolean) => void): void
  close(): Promise<void>
}

export interface ServedBackend {
  wsEndpoint: string
  closed: Promise<void>
  close: () => Promise<void>
}

export async function serveBackend(
  backend: Backend,
  options: { port?: number; log: (line: string) => void; cleanups: (() => Promise<void> | void)[] },
): Promise<ServedBackend> {
  const clients = new Set<BackendClient>()
  const wss = new WebSocketServer({ port: options.port ?? 0, host: '127.0.0.1' })
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', () => resolve())
    wss.once('error', reject)
  })
  backend.attachBroadcast((method, params, onlyLogging) => {
    const frame = JSON.stringify({ method, params })
    for (const c of clients) {
      if (onlyLogging && !c.logEnabled) continue
      if (c.ws.readyState === c.ws.OPEN) c.ws.send(frame)
    }
  })
  let resolveClosed: () => void = () => undefined
  const closed = new Promise<void>((r) => (resolveClosed = r))
  let closing: Promise<void> | null = null
  const close = () => {
    closing ??= (async () => {
      for (const c of wss.clients) c.terminate()
      await new Promise<void>((r) => wss.close(() => r()))
      await backend.close().catch(() => undefined)
      for (const fn of options.cleanups.reverse()) await Promise.resolve(fn()).catch(() => undefined)
      resolveClosed()
    })()
    return closing
  }
  wss.on('connection', (ws) => {
    const client: BackendClient = { ws, logEnabled: false }
    clients.add(client)
    ws.on('close', () => clients.delete(client))
    ws.on('message', (data) => {
      let req: { id?: string; method?: string; params?: Record<string, unknown> }
      try {
        req = JSON.parse(String(data)) as typeof req
      } catch {
        return
      }
      const method = req.method ?? ''
      void (async () => {
        let reply: Record<string, unknown>
        try {
          const handler = backend.handlers[method]
          if (!handler) {
            const why = backend.unsupported?.[method]
            throw new Error(`${method} is not supported by the ${backend.name}${why ? `: ${why}` : ''}`)
          }
          reply = { id: req.id, result: (await handler(req.params ?? {}, client)) ?? {} }
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err)
          reply = { id: req.id, error: { message } }
          options.log(`${method} failed: ${message}`)
        }
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply))
        if (method === 'Tool.close' && !('error' in reply)) setTimeout(() => void close(), 50)
      })()
    })
  })
  const port = (wss.address() as AddressInfo).port
  return { wsEndpoint: `ws://127.0.0.1:${port}`, closed, close }
}
