import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { buildIsStale } from '../../scripts/lib/build-state'

/**
 * Jest globalSetup for the projects that open the H5 app: builds dist/h5 when it is missing or older than the
 * sources (npm test builds it before, so this is for running one project on its own).
 */
export default async function ensureH5Build(): Promise<void> {
  if (!buildIsStale('h5')) return
  const root = path.join(__dirname, '..', '..')
  const r = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  if (r.status !== 0) throw new Error('H5 build failed')
}
