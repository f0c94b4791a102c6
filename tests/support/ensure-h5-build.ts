import { buildIsStale } from '../../scripts/lib/build-state'
import { buildTarget, logTail } from '../../scripts/lib/taro-build'

/**
 * Jest globalSetup for the projects that open the H5 app: builds dist/h5 when it is missing or older than the
 * sources (npm test builds it before, so this is for running one project on its own). The shared build helper
 * sets NODE_ENV=production: under jest's NODE_ENV=test Taro would emit a development bundle.
 */
export default async function ensureH5Build(): Promise<void> {
  if (!buildIsStale('h5')) return
  const result = await buildTarget('h5')
  if (!result.ok) throw new Error(`H5 build failed:\n${logTail(result.log)}`)
}
