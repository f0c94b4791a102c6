import { ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import WebSocket from 'ws'
import { STAND_IN_CLI } from './env'
import type { RunningMock } from '../../support/servers'
import { takeRun } from './run-state'

/**
 * launch() gives no handle on the CLI it spawned, and when that process exits it starts a 15 s timer of its own,
 * which would keep jest alive after the run. Drop that listener on the stand-in's process first.
 */
function forgetStandInExit(): void {
  const handles = (process as unknown as { _getActiveHandles?: () => unknown[] })._getActiveHandles?.() ?? []
  for (const handle of handles) {
    if (handle instanceof ChildProcess && handle.spawnfile === STAND_IN_CLI) handle.removeAllListeners('exit')
  }
}

/** Closes what the global setup launched: the app (App.exit, Tool.close), the mock server, the H5 copy. */
/**
 * `npm run bench` asks for the mini-program host's experience-score figures (AUTOMATOR_METRICS_FILE): fetched through
 * the host's own Host.metrics before the app closes.
 */
async function saveHostMetrics(file: string): Promise<void> {
  const endpoint = process.env.AUTOMATOR_WS_ENDPOINT
  if (!endpoint) return
  const metrics = await new Promise<unknown>((resolve) => {
    const ws = new WebSocket(endpoint)
    const timer = setTimeout(() => (ws.close(), resolve(null)), 5000)
    ws.once('error', () => resolve(null))
    ws.once('open', () => ws.send(JSON.stringify({ id: 'metrics', method: 'Host.metrics', params: {} })))
    ws.on('message', (data) => {
      const reply = JSON.parse(String(data)) as { id?: string; result?: unknown }
      if (reply.id !== 'metrics') return
      clearTimeout(timer)
      ws.close()
      resolve(reply.result ?? null)
    })
  })
  if (metrics) fs.writeFileSync(file, JSON.stringify(metrics))
}

export default async function globalTeardown(): Promise<void> {
  if (process.env.AUTOMATOR_METRICS_FILE) await saveHostMetrics(process.env.AUTOMATOR_METRICS_FILE)
  const run = takeRun()
  if (run.miniProgram) {
    if (run.logFile) forgetStandInExit()
    // close() waits for a Tool.close reply; a bridge that already died must not hang the run.
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise((r) => (timer = setTimeout(r, 5000)))
    await Promise.race([run.miniProgram.close().catch(() => undefined), timeout])
    clearTimeout(timer)
  }
  // launch() keeps a handle on the stand-in CLI: wait for it to log that it closed, so jest can exit at once.
  if (run.logFile) {
    const deadline = Date.now() + 10_000
    while (
      Date.now() < deadline &&
      !(fs.existsSync(run.logFile) && fs.readFileSync(run.logFile, 'utf8').includes(' closed'))
    ) {
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  const captchas = run.mock ? await captchaFigures(run.mock) : null
  await run.mock?.close()
  run.snapshot?.dispose()
  if (run.logFile && fs.existsSync(run.logFile)) fs.rmSync(run.logFile, { force: true })
  // Every spec asks for captchas from one address (127.0.0.1), as candidates behind one carrier NAT do: the run must
  // stay under the per-client limit, or a spec fails for a reason it does not name.
  if (captchas && captchas.refused > 0)
    throw new Error(
      `the specs hit the captcha rate limit (${captchas.refused} refused, ${captchas.limit} a minute per client): ` +
        'a spec asks for far more captchas than a person would',
    )
}

/** The run's captcha figures (QA serverLoad), logged: how close the specs came to the per-client limit. */
async function captchaFigures(mock: RunningMock) {
  try {
    const { captcha } = (await mock.qaApi('serverLoad')).rateLimits
    process.stderr.write(
      `[automator] captchas: ${captcha.allowed} issued; the most from one client within ${captcha.windowMs / 1000} s: ` +
        `${captcha.peak} (limit ${captcha.limit}); refused ${captcha.refused}\n`,
    )
    return captcha
  } catch {
    return null
  }
}
