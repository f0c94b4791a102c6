import { spawn, spawnSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'

export const ROOT = path.join(__dirname, '..', '..')
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

const flockAvailable = spawnSync('flock', ['--version'], { stdio: 'ignore' }).status === 0

/**
 * The command for one production build, under the per-target lock every build of the team takes (several people
 * and test runs build into the same dist/<target>).
 */
function buildCommand(target: Target): [string, string[]] {
  const taro = ['npx', 'taro', 'build', '--type', target]
  if (!flockAvailable) return [taro[0] as string, taro.slice(1)]
  return ['flock', [path.join(os.tmpdir(), `build-${target}.lock`), ...taro]]
}

export interface BuildResult {
  target: Target
  ok: boolean
  ms: number
  /** The build's output, kept for a failure report. */
  log: string
}

/** One production build of one target into dist/<target>. The time includes waiting for the lock, if any. */
export function buildTarget(target: Target, options: { echo?: boolean } = {}): Promise<BuildResult> {
  const [cmd, args] = buildCommand(target)
  const started = performance.now()
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' } })
    let log = ''
    const take = (chunk: Buffer) => {
      log += chunk.toString()
      if (options.echo) process.stdout.write(chunk)
    }
    child.stdout.on('data', take)
    child.stderr.on('data', take)
    child.on('error', (err) => {
      log += String(err)
    })
    child.on('close', (code) => resolve({ target, ok: code === 0, ms: performance.now() - started, log }))
  })
}

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
