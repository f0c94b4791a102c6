import type MiniProgram from 'miniprogram-automator/out/MiniProgram'
import type { OutputSnapshot } from '../../../devkit/taro-build'
import type { RunningMock } from '../../support/servers'

/** What the global setup started, for the global teardown (both run in jest's main process). */
export interface AutomatorRun {
  miniProgram?: MiniProgram
  mock?: RunningMock | null
  snapshot?: OutputSnapshot | null
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
