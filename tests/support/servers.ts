import net from 'node:net'
import { buildMockServer, type MockServer, type MockServerOptions } from '../../mock-server/app'
import { recordingCalls, saveCallRecord } from '../../scripts/lib/call-coverage'
import { serveH5 } from '../../devkit/h5-server'
import { qaClient, type QaClient } from '../../scripts/lib/qa-client'

export interface RunningMock {
  app: MockServer
  url: string
  /** The QA control API by name, typed and checked against types/qa.ts. */
  qaApi: QaClient
  close: () => Promise<void>
}

/** Starts the mock server on an ephemeral port (QA API on unless told otherwise). */
export async function startMock(options: MockServerOptions = {}): Promise<RunningMock> {
  const app = await buildMockServer({ qa: true, ...options })
  const url = await app.listen({ port: 0, host: '127.0.0.1' })
  const qaApi = qaClient(url)
  const close = async () => {
    // The calls this server answered, for the call-coverage check (CALL_COVERAGE_DIR; scripts/lib/call-coverage.ts).
    try {
      if (options.qa !== false && recordingCalls()) saveCallRecord((await qaApi('calls')).calls)
    } finally {
      await app.close()
    }
  }
  return { app, url, qaApi, close }
}

/** A TCP port free right now on 127.0.0.1, for a process that must be told its port (automator.launch, the bridge). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/** Serves dist/h5 on an ephemeral port, pointed at the given mock server. */
export async function startH5(apiBase: string): Promise<{ url: string; close: () => Promise<void> }> {
  const { app, url } = await serveH5({ port: 0, apiBase })
  return { url, close: () => app.close() }
}
