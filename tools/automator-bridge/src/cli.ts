import fs from 'node:fs'
import { startBridge } from './bridge'

const USAGE = `usage: devtools-cli [--target h5|weapp|alipay|swan] [--mock-url <url>] [--h5-root <dir>] [--mini-root <dir>] [--log <file>] auto --project <path> --auto-port <port>
Serves the miniprogram-automator protocol over the app's H5 build, or (--target weapp|alipay|swan) over that bundle in
the mini-program host (a stand-in for the WeChat devtools CLI).
Environment (when the flags are absent): AUTOMATOR_TARGET, MOCK_URL, AUTOMATOR_H5_ROOT, AUTOMATOR_BRIDGE_LOG.`

interface CliArgs {
  command: string
  project?: string
  port?: number
  mockUrl?: string
  h5Root?: string
  logFile?: string
  target?: string
  miniRoot?: string
}

/**
 * The devtools' `auto --project <path> --auto-port <port>`, plus the bridge's own --mock-url, --h5-root and --log
 * (launch() puts its `args` before `auto`, and a spawned CLI may not see the caller's environment changes).
 */
export function parseArgs(argv: string[]): CliArgs {
  const out: CliArgs = { command: '' }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--project') out.project = argv[++i]
    else if (arg === '--auto-port') out.port = Number(argv[++i])
    else if (arg === '--mock-url') out.mockUrl = argv[++i]
    else if (arg === '--h5-root') out.h5Root = argv[++i]
    else if (arg === '--log') out.logFile = argv[++i]
    else if (arg === '--target') out.target = argv[++i]
    else if (arg === '--mini-root') out.miniRoot = argv[++i]
    else if (arg === '--auto-account' || arg === '--ticket') i++
    else if (!arg.startsWith('-') && !out.command) out.command = arg
    else if (arg === '--help' || arg === '-h') out.command ||= '--help'
    // Other devtools flags (--trust-project ...) mean nothing here.
  }
  return out
}

/** Runs the stand-in CLI; resolves with the exit code once the bridge has closed. */
export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv)
  if (args.command !== 'auto') {
    process.stderr.write(`${USAGE}\n`)
    return args.command === '--help' || args.command === '-h' ? 0 : 2
  }
  if (args.port !== undefined && !(Number.isInteger(args.port) && args.port >= 0 && args.port < 65536)) {
    process.stderr.write(`invalid --auto-port\n${USAGE}\n`)
    return 2
  }
  const logFile = args.logFile || process.env.AUTOMATOR_BRIDGE_LOG
  const log = (line: string) => {
    const stamped = `${new Date().toISOString()} ${line}\n`
    if (logFile) fs.appendFileSync(logFile, stamped)
    else process.stderr.write(stamped)
  }
  log(`starting (project ${args.project ?? '.'}, port ${args.port ?? 9420})`)
  const bridge = await startBridge({
    port: args.port ?? 9420,
    mockUrl: args.mockUrl || process.env.MOCK_URL || undefined,
    h5Root: args.h5Root || process.env.AUTOMATOR_H5_ROOT || undefined,
    log,
    target: args.target || process.env.AUTOMATOR_TARGET || undefined,
    miniRoot: args.miniRoot || undefined,
  })
  process.stdout.write(`${bridge.wsEndpoint}\n`)

  // launch() gives the caller no handle on this process: leave when the parent goes away, so none is left over.
  const parent = process.ppid
  const watch = setInterval(() => {
    if (process.ppid !== parent) {
      log('parent process gone: closing')
      void bridge.close()
    }
  }, 1000)
  const stop = () => void bridge.close()
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
  await bridge.closed
  clearInterval(watch)
  log('closed')
  return 0
}
