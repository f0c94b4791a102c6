import WebSocket from 'ws'
import { automatorTarget, wsEndpoint } from './env'
import { HOOK_TIMEOUT_MS } from '../../support/timeouts'

// Automator steps cross a WebSocket and a browser (or the devtools), and must pass on a loaded machine: a test may
// wait several times for the helpers' WAIT_MS (support/app.ts).
jest.setTimeout(120_000)

/**
 * On the mini-program host, a test also fails when the app broke the platform's contract during it (an API the
 * platform's table lacks, a required argument missing): the host reports those through its own Host.takeProblems.
 */
if (automatorTarget() !== 'h5' && !process.env.AUTOMATOR_CLI_PATH) {
  const take = (): Promise<string[]> =>
    new Promise((resolve) => {
      const ws = new WebSocket(wsEndpoint())
      const done = (problems: string[]) => {
        ws.close()
        resolve(problems)
      }
      ws.once('error', () => done([]))
      ws.once('open', () => ws.send(JSON.stringify({ id: 'problems', method: 'Host.takeProblems', params: {} })))
      ws.on('message', (data) => {
        const reply = JSON.parse(String(data)) as { id?: string; result?: { problems?: string[] } }
        if (reply.id === 'problems') done(reply.result?.problems ?? [])
      })
    })
  beforeEach(async () => {
    await take()
  }, HOOK_TIMEOUT_MS)
  afterEach(async () => {
    const problems = await take()
    if (problems.length) throw new Error(`the app broke the ${automatorTarget()} contract:\n- ${problems.join('\n- ')}`)
  }, HOOK_TIMEOUT_MS)
}
