import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ensureBrowserPackages } from './lib/browser-packages'
import { buildTarget, logTail, seconds, TARGETS } from '../devkit/taro-build'

/**
 * `npm test`: every check the project has, in order, ending with one line `N passed, N failed`.
 * Typecheck, lint and each build count as one test each; jest projects count their own tests.
 */
const ROOT = path.join(__dirname, '..')
/** Where the automator specs run; each target is its own line in the summary. */
const AUTOMATOR_TARGETS = ['h5', 'weapp', 'alipay', 'swan'] as const
const results: { stage: string; passed: number; failed: number; skipped: number; ms?: number }[] = []
/** When the running stage began: the summary gives each stage's time, to keep the whole run within its budget. */
let stageStart = Date.now()

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } })
  return r.status ?? 1
}

function stage(name: string, cmd: string, args: string[], env?: NodeJS.ProcessEnv): boolean {
  console.log(`\n=== ${name}`)
  stageStart = Date.now()
  const ok = run(cmd, args, env) === 0
  results.push({ stage: name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, ms: Date.now() - stageStart })
  return ok
}

interface JestJson {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numRuntimeErrorTestSuites: number
  numFailedTestSuites: number
}

function jestStage(project: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}, label = project): void {
  console.log(`\n=== jest: ${label}`)
  stageStart = Date.now()
  const out = path.join(os.tmpdir(), `jest-${project}-${process.pid}.json`)
  const code = run(
    'npx',
    ['jest', '--selectProjects', project, '--ci', '--passWithNoTests', `--outputFile=${out}`, '--json', ...extra],
    env,
  )
  let passed = 0
  let failed = 0
  let skipped = 0
  if (fs.existsSync(out)) {
    const json = JSON.parse(fs.readFileSync(out, 'utf8')) as JestJson
    fs.rmSync(out)
    passed = json.numPassedTests
    skipped = json.numPendingTests
    // A suite that failed to run at all (syntax error, setup crash) counts as one failure too.
    failed = json.numFailedTests + json.numRuntimeErrorTestSuites
  }
  if (code !== 0 && failed === 0) failed = 1
  results.push({ stage: `jest ${label}`, passed, failed, skipped, ms: Date.now() - stageStart })
}

async function buildStage(target: (typeof TARGETS)[number]): Promise<void> {
  console.log(`\n=== build ${target}`)
  stageStart = Date.now()
  // The test run's builds talk to the mock server on this machine: QA builds, loopback declared.
  const result = await buildTarget(target, { loopback: true })
  console.log(result.ok ? `built dist/${target} in ${seconds(result.ms)}` : logTail(result.log))
  results.push({
    stage: `build ${target}`,
    passed: result.ok ? 1 : 0,
    failed: result.ok ? 0 : 1,
    skipped: 0,
    ms: Date.now() - stageStart,
  })
}

async function main(): Promise<void> {
  const began = Date.now()
  const browserReady = ensureBrowserPackages()
  results.push({ stage: 'browser packages', passed: browserReady ? 1 : 0, failed: browserReady ? 0 : 1, skipped: 0 })

  stage('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])
  stage('eslint', 'npx', ['eslint', '.'])
  stage('prettier', 'npx', ['prettier', '--check', '.'])

  jestStage('unit')
  jestStage('api', ['--runInBand'])

  for (const target of TARGETS) await buildStage(target)

  // The browser and h5 automator stages leave their mock servers' call records here, for the call-coverage check.
  const callRecords = fs.mkdtempSync(path.join(os.tmpdir(), 'call-coverage-'))
  const recording = { CALL_COVERAGE_DIR: callRecords }

  jestStage('mini', ['--runInBand'])
  jestStage('host', ['--runInBand'])
  if (browserReady) {
    jestStage('browser', ['--runInBand'], recording)
    jestStage('bridge', ['--runInBand'])
  }
  // The same automator specs on each build: H5 in Chromium (needs the browser), the mini-programs in the host.
  for (const target of AUTOMATOR_TARGETS) {
    if (target === 'h5' && !browserReady) continue
    const env = { AUTOMATOR_TARGET: target, ...(target === 'h5' ? recording : {}) }
    jestStage('automator', ['--runInBand'], env, `automator (${target})`)
  }
  // Every state-changing endpoint was called end to end from the app on its own origin (browser + h5 automator).
  if (browserReady) stage('call coverage', 'npx', ['tsx', 'scripts/check-call-coverage.ts', callRecords])
  fs.rmSync(callRecords, { recursive: true, force: true })

  console.log('\n=== summary')
  for (const r of results) {
    console.log(
      `  ${r.failed ? 'FAIL' : 'ok  '} ${r.stage}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}${r.ms === undefined ? '' : ` (${Math.round(r.ms / 1000)} s)`}`,
    )
  }
  const passed = results.reduce((n, r) => n + r.passed, 0)
  const failed = results.reduce((n, r) => n + r.failed, 0)
  const skipped = results.reduce((n, r) => n + r.skipped, 0)
  console.log(`  whole run: ${Math.round((Date.now() - began) / 1000)} s`)
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
  process.exit(failed ? 1 : 0)
}

void main()
