import { spawnSync } from 'node:child_process'
import path from 'node:path'

/**
 * `npm run test:automator -- [--target h5|weapp|alipay|swan] [jest args]`: the automator specs against one target
 * (AUTOMATOR_TARGET for the jest global setup; h5 by default).
 */
const args = process.argv.slice(2)
const env = { ...process.env }
const at = args.indexOf('--target')
if (at >= 0) {
  env.AUTOMATOR_TARGET = args[at + 1]
  args.splice(at, 2)
}
const r = spawnSync('npx', ['jest', '--selectProjects', 'automator', '--runInBand', ...args], {
  cwd: path.join(__dirname, '..'),
  stdio: 'inherit',
  env,
})
process.exit(r.status ?? 1)
