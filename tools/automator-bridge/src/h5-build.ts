import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildIsStale } from '../../../scripts/lib/build-state'

const ROOT = path.join(__dirname, '..', '..', '..')
const DIST_H5 = path.join(ROOT, 'dist', 'h5')

/** The lock every H5 build in this work tree takes (others build into the same dist/h5). */
export const H5_BUILD_LOCK = path.join(os.tmpdir(), 'build-h5.lock')

function hasFlock(): boolean {
  return spawnSync('flock', ['--version'], { stdio: 'ignore' }).status === 0
}

/**
 * Runs `fn` while holding an flock(1) lock on `lockPath`: a child `flock` holds it until we close its stdin.
 * Without flock (macOS), runs unlocked.
 */
export async function withFileLock<T>(lockPath: string, fn: () => Promise<T> | T): Promise<T> {
  if (!hasFlock()) return fn()
  const holder = spawn('flock', [lockPath, 'sh', '-c', 'echo locked; cat >/dev/null'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    holder.once('error', reject)
    holder.once('exit', (code) => reject(new Error(`flock exited (${code}) before taking ${lockPath}`)))
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

/** A development bundle (watch mode, or built with NODE_ENV=test) needs the dev server's refresh runtime. */
export function isProductionBuild(root = DIST_H5): boolean {
  const js = path.join(root, 'js')
  if (!fs.existsSync(js)) return false
  return fs
    .readdirSync(js)
    .filter((f) => f.endsWith('.js'))
    .every((f) => !fs.readFileSync(path.join(js, f), 'utf8').includes('$RefreshReg$'))
}

export interface H5Snapshot {
  /** A private copy of dist/h5, so a parallel build cannot change the files under a running test. */
  root: string
  built: boolean
  dispose: () => void
}

/**
 * Builds dist/h5 when it is missing or older than its sources (under the shared build lock), then copies it to a
 * private folder while still holding the lock.
 */
export async function prepareH5Snapshot(options: { log?: (line: string) => void } = {}): Promise<H5Snapshot> {
  const log = options.log ?? (() => undefined)
  return withFileLock(H5_BUILD_LOCK, () => {
    let built = false
    const stale = buildIsStale('h5')
    if (stale || !isProductionBuild()) {
      log(`dist/h5 is ${stale ? 'missing or stale' : 'a development build'}: building it (taro build --type h5)`)
      // Never with jest's NODE_ENV=test: Taro would then emit a development bundle (react-refresh hooks).
      const env = { ...process.env }
      delete env.NODE_ENV
      const res = spawnSync('npx', ['taro', 'build', '--type', 'h5'], {
        cwd: ROOT,
        stdio: 'pipe',
        encoding: 'utf8',
        env,
      })
      if (res.status !== 0) throw new Error(`taro build --type h5 failed:\n${res.stdout}\n${res.stderr}`)
      built = true
    }
    if (!fs.existsSync(path.join(DIST_H5, 'index.html')))
      throw new Error('dist/h5/index.html is missing after the build')
    if (!isProductionBuild()) throw new Error('dist/h5 is still a development build after building it')
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'automator-h5-'))
    fs.cpSync(DIST_H5, root, { recursive: true })
    return { root, built, dispose: () => fs.rmSync(root, { recursive: true, force: true }) }
  })
}
