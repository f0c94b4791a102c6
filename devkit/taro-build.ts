import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * The one place that builds a target: every production build of the team (scripts, test setups, the automator
 * bridge) goes through here, so all take the same per-target lock and the same NODE_ENV.
 */

export const ROOT = path.join(__dirname, '..')
export const TARGETS = ['weapp', 'swan', 'alipay', 'h5'] as const
export type Target = (typeof TARGETS)[number]

export function isTarget(value: string): value is Target {
  return (TARGETS as readonly string[]).includes(value)
}

/** The targets named on the command line, or all four (in build order) when none is. */
export function targetsFromArgs(args: string[]): Target[] {
  const named = args.filter((a) => !a.startsWith('-'))
  const unknown = named.filter((a) => !isTarget(a))
  if (unknown.length) throw new Error(`unknown target ${unknown.join(', ')}: choose from ${TARGETS.join(', ')}`)
  return named.length ? (named as Target[]) : [...TARGETS]
}

export const distOf = (target: Target) => path.join(ROOT, 'dist', target)

// ---- the lock ----

const flockAvailable = spawnSync('flock', ['--version'], { stdio: 'ignore' }).status === 0

/**
 * Runs `fn` holding the per-target build lock every build of the team takes (several people and test runs build into
 * the same dist/<target>). A child flock(1) holds it until we close its stdin. Without flock (macOS), runs unlocked.
 */
export async function withBuildLock<T>(target: Target, fn: () => Promise<T> | T): Promise<T> {
  if (!flockAvailable) return fn()
  const lock = path.join(os.tmpdir(), `build-${target}.lock`)
  const holder = spawn('flock', [lock, 'sh', '-c', 'echo locked; cat >/dev/null'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    holder.once('error', reject)
    holder.once('exit', (code) => reject(new Error(`flock exited (${code}) before taking ${lock}`)))
    holder.stdout.once('data', () => resolve())
  })
  try {
    return await fn()
  } finally {
    holder.removeAllListeners('exit')
    holder.stdin.end()
    await new Promise((resolve) => holder.once('close', resolve))
  }
}

// ---- building ----

export interface BuildResult {
  target: Target
  ok: boolean
  ms: number
  /** The build's output, kept for a failure report. */
  log: string
}

/**
 * `taro build` for one target; the caller holds the lock. `loopback`: a QA/test build that talks to the mock server
 * on this machine over http (API_LOOPBACK=1, config/network.ts); without it the build is a production one and needs
 * an https API_BASE in the environment.
 */
function runTaroBuild(target: Target, echo: boolean, loopback: boolean): Promise<Omit<BuildResult, 'ms'>> {
  return new Promise((resolve) => {
    // Always production: Taro keeps a NODE_ENV it finds, and under jest's `test` it would emit a development bundle
    // (react-refresh hooks on H5) and Babel would aim at Node, not at phones.
    const child = spawn('npx', ['taro', 'build', '--type', target], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production', ...(loopback ? { API_LOOPBACK: '1' } : {}) },
    })
    let log = ''
    const take = (chunk: Buffer) => {
      log += chunk.toString()
      if (echo) process.stdout.write(chunk)
    }
    child.stdout.on('data', take)
    child.stderr.on('data', take)
    child.on('error', (err) => {
      log += String(err)
    })
    child.on('close', (code) => resolve({ target, ok: code === 0, log }))
  })
}

/**
 * One production build of one target into dist/<target>. The time includes waiting for the lock, if any.
 * `loopback`: a QA build against the local mock server (tests, bench, `npm run build -- --qa`).
 */
export async function buildTarget(
  target: Target,
  options: { echo?: boolean; loopback?: boolean } = {},
): Promise<BuildResult> {
  const started = performance.now()
  const result = await withBuildLock(target, () =>
    runTaroBuild(target, options.echo ?? false, options.loopback ?? false),
  )
  return { ...result, ms: performance.now() - started }
}

// ---- is dist/<target> fit to use? ----

// Everything the bundles are built from: the app imports domain/ as well as types/ (a rule edited there must rebuild).
const INPUTS = ['src', 'types', 'domain', 'config', 'package.json', 'babel.config.js']

function newestMtime(p: string): number {
  const stat = fs.statSync(p)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)))
  return newest
}

/** True when dist/<target> is missing or older than any source it is built from. */
export function buildIsStale(target: Target): boolean {
  const marker = path.join(distOf(target), target === 'h5' ? 'index.html' : 'app.json')
  if (!fs.existsSync(marker)) return true
  const built = fs.statSync(marker).mtimeMs
  return INPUTS.some((input) => fs.existsSync(path.join(ROOT, input)) && newestMtime(path.join(ROOT, input)) > built)
}

/**
 * True for an H5 development bundle (watch mode, or built with NODE_ENV=test): it needs the dev server's refresh
 * runtime, so it does not run when served as files. Only H5 carries that mark; mini outputs answer false.
 */
export function isDevelopmentBundle(target: Target, root = distOf(target)): boolean {
  if (target !== 'h5') return false
  const js = path.join(root, 'js')
  if (!fs.existsSync(js)) return false
  return fs
    .readdirSync(js)
    .filter((f) => f.endsWith('.js'))
    .some((f) => fs.readFileSync(path.join(js, f), 'utf8').includes('$RefreshReg$'))
}

export const needsBuild = (target: Target) => buildIsStale(target) || isDevelopmentBundle(target)

/**
 * Builds dist/<target> when it is stale or a development bundle; checked under the lock, so two runs that find it
 * stale at once build it only once. Returns whether it built.
 */
async function buildIfNeededLocked(target: Target, log: (line: string) => void): Promise<boolean> {
  if (!needsBuild(target)) return false
  log(`dist/${target} is ${buildIsStale(target) ? 'missing or stale' : 'a development build'}: building it`)
  // Test setups and npm start build for the mock server on this machine: a QA build, loopback declared.
  const result = await runTaroBuild(target, false, true)
  if (!result.ok) throw new Error(`taro build --type ${target} failed:\n${logTail(result.log)}`)
  if (needsBuild(target)) throw new Error(`dist/${target} is still stale or a development build after building it`)
  return true
}

/** Builds dist/<target> under the lock when it is stale or a development bundle (`npm start`, test setups). */
export function ensureBuilt(target: Target, options: { log?: (line: string) => void } = {}): Promise<boolean> {
  return withBuildLock(target, () => buildIfNeededLocked(target, options.log ?? (() => undefined)))
}

export interface OutputSnapshot {
  /** A private copy of dist/<target>, so a build someone starts meanwhile cannot change files under a running test. */
  root: string
  /** Whether dist/<target> was built first. */
  built: boolean
  dispose: () => void
}

/** Builds dist/<target> if needed, then copies it to a private temp folder, both under the lock. */
export function snapshotOutput(
  target: Target,
  options: { log?: (line: string) => void } = {},
): Promise<OutputSnapshot> {
  return withBuildLock(target, async () => {
    const built = await buildIfNeededLocked(target, options.log ?? (() => undefined))
    const root = fs.mkdtempSync(path.join(os.tmpdir(), `snapshot-${target}-`))
    fs.cpSync(distOf(target), root, { recursive: true })
    return { root, built, dispose: () => fs.rmSync(root, { recursive: true, force: true }) }
  })
}

// ---- reporting ----

/** The end of a build log without its progress-bar noise, for a failure report. */
export function logTail(log: string, lines = 40): string {
  return log
    .replace(/\x1b\[[0-9;]*[A-Za-z]/g, '') // eslint-disable-line no-control-regex
    .split(/\r?\n/)
    .filter((l) => l.trim() && !/^●\s*Webpack|^\s*(sealing|building|setup)\b/.test(l.trim()))
    .slice(-lines)
    .join('\n')
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
