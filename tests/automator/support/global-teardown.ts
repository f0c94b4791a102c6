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
  await run.mock?.close()
  run.snapshot?.dispose()
  if (run.logFile && fs.existsSync(run.logFile)) fs.rmSync(run.logFile, { force: true })
}
