import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ensureBrowserPackages } from './lib/browser-packages'
import { checkPlan, runLanes, type PlannedStage, type StageOutcome, type StageResult } from './lib/stage-lanes'
import { buildTarget, logTail, seconds, type Target } from '../devkit/taro-build'

/**
 * `npm test`: every check the project has, ending with one line `N passed, N failed`.
 * Typecheck, lint and each build count as one test each; jest projects count their own tests.
 *
 * The stages run in two lanes side by side (scripts/lib/stage-lanes.ts), because most of them wait far more than they
 * compute (a browser, the mini-program host, the mock server, polling for what a page shows): on 2 cores one lane
 * leaves about half the machine idle. A stage that reads dist/<target> starts only after `build <target>` finished
 * (the builds also take the machine-wide per-target lock of devkit/taro-build.ts, and the automator, mini and bridge
 * stages copy the build under that lock). Each stage's output is held and printed whole when it ends, so two lanes
 * never interleave lines. TEST_LANES=1 runs every stage one after another, in the summary's order.
 */
const ROOT = path.join(__dirname, '..')

interface Ran {
  code: number
  output: string
}

/** Runs a command with its output held (both lanes run at once), resolving with its exit code and what it printed. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    const chunks: Buffer[] = []
    child.stdout.on('data', (c: Buffer) => chunks.push(c))
    child.stderr.on('data', (c: Buffer) => chunks.push(c))
    const done = (code: number) => resolve({ code, output: Buffer.concat(chunks).toString() })
    // A command that cannot start gets 'error' and maybe no 'close'; resolving twice is harmless.
    child.on('error', (err) => (chunks.push(Buffer.from(`${cmd}: ${String(err)}\n`)), done(1)))
    child.on('close', (code) => done(code ?? 1))
  })
}

/** What each stage printed, shown when it ends. */
const outputs = new Map<string, string>()

function command(name: string, cmd: string, args: string[]): PlannedStage['run'] {
  return async () => {
    const r = await run(cmd, args)
    outputs.set(name, r.output)
    return r.code === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 }
  }
}

interface JestJson {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numRuntimeErrorTestSuites: number
}

function jest(name: string, project: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}): PlannedStage['run'] {
  return async () => {
    // One file per stage: the four automator stages are one jest project.
    const out = path.join(os.tmpdir(), `jest-${name.replace(/[^a-z0-9]+/gi, '-')}-${process.pid}.json`)
    const r = await run(
      'npx',
      ['jest', '--selectProjects', project, '--ci', '--passWithNoTests', `--outputFile=${out}`, '--json', ...extra],
      env,
    )
    outputs.set(name, r.output)
    const outcome: StageOutcome = { passed: 0, failed: 0, skipped: 0 }
    if (fs.existsSync(out)) {
      const json = JSON.parse(fs.readFileSync(out, 'utf8')) as JestJson
      fs.rmSync(out)
      outcome.passed = json.numPassedTests
      outcome.skipped = json.numPendingTests
      // A suite that failed to run at all (syntax error, setup crash) counts as one failure too.
      outcome.failed = json.numFailedTests + json.numRuntimeErrorTestSuites
    }
    if (r.code !== 0 && outcome.failed === 0) outcome.failed = 1
    return outcome
  }
}

function build(target: Target): PlannedStage['run'] {
  return async () => {
    // The test run's builds talk to the mock server on this machine: QA builds, loopback declared.
    const result = await buildTarget(target, { loopback: true })
    outputs.set(`build ${target}`, result.ok ? `built dist/${target} in ${seconds(result.ms)}` : logTail(result.log))
    return result.ok ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 }
  }
}

/**
 * The plan, in the summary's order. Lane 0 does the CPU-bound checks and the builds, then the mini-program stages;
 * lane 1 starts with the API tests (which need no build) and goes on with the browser side. The lanes come out about
 * even (docs: README "Testing").
 */
export function plan(browserReady: boolean, callRecords: string): PlannedStage[] {
  // The browser and h5 automator stages leave their mock servers' call records here, for the call-coverage check.
  const recording = { CALL_COVERAGE_DIR: callRecords }
  const builds = ['build h5', 'build weapp', 'build alipay', 'build swan']
  const stages: PlannedStage[] = [
    { name: 'typecheck', lane: 0, run: command('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']) },
    { name: 'eslint', lane: 0, run: command('eslint', 'npx', ['eslint', '.']) },
    { name: 'prettier', lane: 0, run: command('prettier', 'npx', ['prettier', '--check', '.']) },
    { name: 'jest unit', lane: 0, run: jest('jest unit', 'unit') },
    { name: 'jest api', lane: 1, run: jest('jest api', 'api', ['--runInBand']) },
    // H5 first: the browser lane needs it soonest.
    { name: 'build h5', lane: 0, run: build('h5') },
    { name: 'build weapp', lane: 0, run: build('weapp') },
    { name: 'build alipay', lane: 0, run: build('alipay') },
    { name: 'build swan', lane: 0, run: build('swan') },
    {
      name: 'jest mini',
      lane: 0,
      needs: ['build weapp', 'build alipay', 'build swan'],
      run: jest('jest mini', 'mini', ['--runInBand']),
    },
    { name: 'jest host', lane: 1, run: jest('jest host', 'host', ['--runInBand']) },
  ]
  if (browserReady) {
    stages.push(
      {
        name: 'jest browser',
        lane: 1,
        needs: ['build h5'],
        run: jest('jest browser', 'browser', ['--runInBand'], recording),
      },
      // The bridge's tests drive the H5 build and the mini-program bundles through the host.
      { name: 'jest bridge', lane: 1, needs: builds, run: jest('jest bridge', 'bridge', ['--runInBand']) },
    )
  }
  // The same automator specs on each build: H5 in Chromium (needs the browser), the mini-programs in the host.
  const automator = (target: Target, lane: number, env: NodeJS.ProcessEnv = {}): PlannedStage => {
    const name = `jest automator (${target})`
    const run = jest(name, 'automator', ['--runInBand'], { AUTOMATOR_TARGET: target, ...env })
    return { name, lane, needs: [`build ${target}`], run }
  }
  if (browserReady) stages.push(automator('h5', 1, recording))
  stages.push(automator('weapp', 0), automator('alipay', 0), automator('swan', 0))
  // Every state-changing endpoint was called end to end from the app on its own origin (browser + h5 automator).
  if (browserReady) {
    stages.push({
      name: 'call coverage',
      lane: 1,
      needs: ['jest browser', 'jest automator (h5)'],
      run: command('call coverage', 'npx', ['tsx', 'scripts/check-call-coverage.ts', callRecords]),
    })
  }
  return stages
}

/**
 * `npm test -- --only 'typecheck,jest host'`: those stages alone, in their lanes (for trying the runner itself, or
 * re-running what failed); what they need that is not named is taken as done. The summary counts only them.
 */
export function only(stages: PlannedStage[], argv: string[]): PlannedStage[] {
  const at = argv.indexOf('--only')
  if (at < 0) return stages
  const names = new Set((argv[at + 1] ?? '').split(',').map((n) => n.trim()))
  const unknown = [...names].filter((n) => !stages.some((s) => s.name === n))
  if (unknown.length) throw new Error(`--only: no stage ${unknown.join(', ')} (npm test -- --plan lists them)`)
  return stages.filter((s) => names.has(s.name)).map((s) => ({ ...s, needs: s.needs?.filter((n) => names.has(n)) }))
}

function laneCount(): number {
  const asked = Number(process.env.TEST_LANES)
  if (Number.isInteger(asked) && asked >= 1) return Math.min(asked, 2)
  return os.availableParallelism() >= 2 ? 2 : 1
}

function line(r: StageResult): string {
  return `${r.failed ? 'FAIL' : 'ok  '} ${r.stage}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''} (${Math.round(r.ms / 1000)} s)`
}

async function main(): Promise<void> {
  const began = Date.now()
  const browserReady = ensureBrowserPackages()
  const callRecords = fs.mkdtempSync(path.join(os.tmpdir(), 'call-coverage-'))
  const lanes = laneCount()
  const stages = only(plan(browserReady, callRecords), process.argv)
  if (process.argv.includes('--plan')) {
    // `npm test -- --plan`: each lane's stages in order and what each waits for; runs nothing.
    const order = checkPlan(stages, lanes)
    for (const name of order) {
      const s = stages.find((x) => x.name === name) as PlannedStage
      console.log(
        `  lane ${lanes > 1 ? s.lane : 0}  ${s.name}${s.needs?.length ? `  (after ${s.needs.join(', ')})` : ''}`,
      )
    }
    fs.rmSync(callRecords, { recursive: true, force: true })
    return
  }
  console.log(`${stages.length} stages in ${lanes} lane${lanes > 1 ? 's' : ''} (TEST_LANES=1: one after another)`)
  const results = await runLanes(stages, lanes, {
    onStart: (s) => console.log(`▶ ${s.name}${lanes > 1 ? ` (lane ${s.lane})` : ''}`),
    onEnd: (r) => {
      console.log(`\n=== ${r.stage}`)
      const output = outputs.get(r.stage)
      if (output) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`)
      console.log(`=== ${line(r)}\n`)
    },
  })
  fs.rmSync(callRecords, { recursive: true, force: true })

  const all = [
    { stage: 'browser packages', passed: browserReady ? 1 : 0, failed: browserReady ? 0 : 1, skipped: 0 },
    ...results,
  ]
  console.log('\n=== summary')
  console.log(
    `  ${browserReady ? 'ok   browser packages: 1 passed, 0 failed' : 'FAIL browser packages: 0 passed, 1 failed'}`,
  )
  for (const r of results) console.log(`  ${line(r)}`)
  const passed = all.reduce((n, r) => n + r.passed, 0)
  const failed = all.reduce((n, r) => n + r.failed, 0)
  const skipped = all.reduce((n, r) => n + r.skipped, 0)
  console.log(`  whole run: ${Math.round((Date.now() - began) / 1000)} s (${lanes} lane${lanes > 1 ? 's' : ''})`)
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
  process.exit(failed ? 1 : 0)
}

// Imported by its test (tests/unit/test-lanes.test.ts) for the plan alone.
if (require.main === module) void main()
