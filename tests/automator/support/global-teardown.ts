import fs from 'node:fs'
import { takeRun } from './run-state'

/** Closes what the global setup launched: the app (App.exit, Tool.close), the mock server, the H5 copy. */
export default async function globalTeardown(): Promise<void> {
  const run = takeRun()
  if (run.miniProgram) {
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
  await run.mock?.close()
  run.snapshot?.dispose()
  if (run.logFile && fs.existsSync(run.logFile)) fs.rmSync(run.logFile, { force: true })
}
