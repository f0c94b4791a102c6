import { randomUUID } from 'node:crypto'
import WebSocket from 'ws'

export interface Frame {
  id?: string
  method?: string
  params?: Record<string, unknown>
  result?: Record<string, unknown>
  error?: { message: string }
}

/** A bare protocol client: what the SDK sends, without the SDK's error swallowing. */
export class RawClient {
  readonly events: Frame[] = []
  private readonly waiting = new Map<string, (frame: Frame) => void>()

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Frame
      if (!frame.id) {
        this.events.push(frame)
        return
      }
      this.waiting.get(frame.id)?.(frame)
      this.waiting.delete(frame.id)
    })
  }

  static open(endpoint: string): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(endpoint)
      ws.once('open', () => resolve(new RawClient(ws)))
      ws.once('error', reject)
    })
  }

  /** The whole reply frame (result or error). */
  send(method: string, params: Record<string, unknown> = {}): Promise<Frame> {
    const id = randomUUID()
    return new Promise((resolve) => {
      this.waiting.set(id, resolve)
      this.ws.send(JSON.stringify({ id, method, params }))
    })
  }

  /** The result, or throws the error message. */
  async call<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const frame = await this.send(method, params)
    if (frame.error) throw new Error(frame.error.message)
    return frame.result as T
  }

  async waitForEvent(method: string, match: (params: Record<string, unknown>) => boolean, timeoutMs = 5000) {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const found = this.events.find((e) => e.method === method && match(e.params ?? {}))
      if (found) return found.params ?? {}
      if (Date.now() > deadline) throw new Error(`no ${method} event in ${timeoutMs} ms`)
      await new Promise((r) => setTimeout(r, 50))
    }
  }

  close(): void {
    this.ws.close()
  }
}
