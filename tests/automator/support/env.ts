/**
 * What the automator specs read from the environment. The same specs run in the WeChat devtools (QA) and through
 * the H5 bridge here; only these values differ.
 *
 * - AUTOMATOR_WS_ENDPOINT: a running automation server to connect to (the devtools' ws://127.0.0.1:<auto-port>, or a
 *   bridge). When set, nothing is launched.
 * - AUTOMATOR_CLI_PATH: the devtools `cli` to launch (macOS/Windows). Unset: the bridge's stand-in CLI.
 * - AUTOMATOR_PROJECT_PATH: the project the CLI opens (default: the repository root, whose project.config.json points
 *   at dist/weapp).
 * - MOCK_URL: the mock server the app talks to; specs use its QA API. Unset: the run starts one.
 * - AUTOMATOR_TARGET: h5 (default: the H5 build in Chromium) or weapp / alipay / swan (that bundle in the
 *   mini-program host, tools/miniprogram-host). `npm run test:automator -- --target weapp` sets it.
 */
import path from 'node:path'

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..')
export const STAND_IN_CLI = path.join(REPO_ROOT, 'tools', 'automator-bridge', 'bin', 'devtools-cli.js')

export function wsEndpoint(): string {
  const endpoint = process.env.AUTOMATOR_WS_ENDPOINT
  if (!endpoint) {
    throw new Error(
      'AUTOMATOR_WS_ENDPOINT is not set: run the specs with `npm run test:automator` (its global setup launches)',
    )
  }
  return endpoint
}

export function mockUrl(): string {
  const url = process.env.MOCK_URL
  if (!url) throw new Error('MOCK_URL is not set: run the specs with `npm run test:automator`')
  return url.replace(/\/$/, '')
}

export type AutomatorTarget = 'h5' | 'weapp' | 'alipay' | 'swan'

/** Which build the specs drive (AUTOMATOR_TARGET); h5 unless set. */
export function automatorTarget(): AutomatorTarget {
  const t = process.env.AUTOMATOR_TARGET || 'h5'
  if (t !== 'h5' && t !== 'weapp' && t !== 'alipay' && t !== 'swan') {
    throw new Error(`AUTOMATOR_TARGET=${t}: choose h5, weapp, alipay or swan`)
  }
  return t
}
