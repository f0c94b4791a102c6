import { buildTarget, logTail, seconds, targetsFromArgs } from '../devkit/taro-build'

/**
 * `npm run build`: production builds of weapp, swan, alipay and h5, one after another (two cores do not gain from
 * parallel webpack runs), each into dist/<target> and timed. Stops at the first failure with its log and exit code 1.
 * `npm run build -- weapp h5` builds only those; `--verbose` shows Taro's own output. A production build needs
 * `API_BASE=https://…`; `--qa` builds against the local mock server instead (config/network.ts).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const targets = targetsFromArgs(args)
  const verbose = args.includes('--verbose')
  // --qa: builds for the mock server on this machine (API_LOOPBACK=1); without it API_BASE must be https.
  const loopback = args.includes('--qa')
  const started = performance.now()
  for (const target of targets) {
    process.stdout.write(`building ${target.padEnd(6)} → dist/${target} … `)
    const result = await buildTarget(target, { echo: verbose, loopback })
    if (!result.ok) {
      console.log(`FAILED after ${seconds(result.ms)}\n`)
      console.error(logTail(result.log))
      console.error(`\nBuild of ${target} failed (npx taro build --type ${target}).`)
      process.exit(1)
    }
    console.log(seconds(result.ms))
  }
  console.log(`all done: ${targets.join(', ')} in ${seconds(performance.now() - started)}`)
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
