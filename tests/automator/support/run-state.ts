import type MiniProgram from 'miniprogram-automator/out/MiniProgram'
import type { H5Snapshot } from '../../../tools/automator-bridge/src/h5-build'
import type { RunningMock } from '../../support/servers'

/** What the global setup started, for the global teardown (both run in jest's main process). */
export interface AutomatorRun {
  miniProgram?: MiniProgram
  mock?: RunningMock | null
  snapshot?: H5Snapshot | null
  logFile?: string
}

const KEY = '__automatorRun'

export function setRun(run: AutomatorRun): void {
  ;(globalThis as Record<string, unknown>)[KEY] = run
}

export function takeRun(): AutomatorRun {
  const g = globalThis as Record<string, unknown>
  const run = (g[KEY] as AutomatorRun | undefined) ?? {}
  delete g[KEY]
  return run
}
