import { setApiBase } from '../../../src/api'
import { resetTaroStub } from '../../support/taro-node'
import { qaClient } from '../../../scripts/lib/qa-client'
import type { MockServerOptions } from '../../../mock-server/app'
import { startMock, type RunningMock } from '../../support/servers'

/**
 * For a describe block that drives the app's API client: one mock server for the block with the client pointed at
 * it, and Taro's Node stand-in reset before each test. Call it in the describe body; the returned object forwards
 * to the server once beforeAll has started it.
 */
export function clientAgainstMock(options: MockServerOptions = {}): RunningMock {
  let running: RunningMock | undefined
  const server = () => {
    if (!running) throw new Error('the mock server starts in beforeAll: use it inside hooks and tests')
    return running
  }
  beforeAll(async () => {
    running = await startMock(options)
    setApiBase(running.url)
  })
  afterAll(() => running?.close())
  beforeEach(() => resetTaroStub())
  return {
    get app() {
      return server().app
    },
    get url() {
      return server().url
    },
    qaApi: qaClient(() => server().url),
    close: () => server().close(),
  }
}
