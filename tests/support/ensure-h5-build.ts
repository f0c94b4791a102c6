import { ensureBuilt } from '../../devkit/taro-build'

/**
 * Jest globalSetup for the projects that open the H5 app: builds dist/h5 when it is missing, older than the sources
 * or a development build (npm test builds it before, so this is for running one project on its own).
 */
export default async function ensureH5Build(): Promise<void> {
  await ensureBuilt('h5', { log: (line) => process.stderr.write(`${line}\n`) })
}
