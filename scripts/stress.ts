/**
 * Keeps every CPU core busy while a command runs, to find the races a quiet machine hides (tests must pass on a
 * loaded 2-core machine: an OCR run and a build beside them).
 *
 *   npx tsx scripts/stress.ts -- npm run test:automator          # load until the command ends (at most 15 min)
 *   npx tsx scripts/stress.ts --workers 3 --max-seconds 300 -- npx jest --selectProjects bridge --runInBand
 *   npx tsx scripts/stress.ts --max-seconds 30                    # load alone for 30 s
 *
 * One busy worker thread per core (or --workers N) spins on hashing in short slices. The load always stops by
 * itself: when the command exits, at --max-seconds, or on Ctrl-C. Exits with the command's exit code.
 */
import { spawn } from 'node:child_process'
import os from 'node:os'
import { Worker } from 'node:worker_threads'

interface Options {
  workers: number
  maxSeconds: number
  command: string[]
}

export function parseArgs(argv: string[]): Options {
  const dash = argv.indexOf('--')
  const own = dash >= 0 ? argv.slice(0, dash) : argv
  const command = dash >= 0 ? argv.slice(dash + 1) : []
  const options: Options = { workers: os.availableParallelism(), maxSeconds: command.length ? 900 : 60, command }
  for (let i = 0; i < own.length; i++) {
    const flag = own[i]
    const value = Number(own[i + 1])
    if ((flag === '--workers' || flag === '--max-seconds') && Number.isFinite(value) && value > 0) {
      if (flag === '--workers') options.workers = Math.floor(value)
      else options.maxSeconds = value
      i++
    } else {
      throw new Error(`unknown or incomplete option ${flag}: use --workers N, --max-seconds S, then -- <command>`)
    }
  }
  return options
}

// Runs in each worker: hash in slices of about 50 ms until the deadline or until told to stop.
const BUSY = `
const { workerData, parentPort } = require('node:worker_threads')
const { createHash } = require('node:crypto')
let stop = false
parentPort.on('message', () => { stop = true })
const block = Buffer.alloc(64 * 1024, 7)
function slice() {
  const until = Date.now() + 50
  while (Date.now() < until) createHash('sha256').update(block).digest()
  if (!stop && Date.now() < workerData.deadline) setImmediate(slice)
  else process.exit(0)
}
slice()
`

/** Starts the load; resolves the returned stop() once every worker has ended. */
export function startLoad(workers: number, maxSeconds: number): () => Promise<void> {
  const deadline = Date.now() + maxSeconds * 1000
  const threads = Array.from({ length: workers }, () => new Worker(BUSY, { eval: true, workerData: { deadline } }))
  const ended = Promise.all(threads.map((t) => new Promise<void>((resolve) => t.once('exit', () => resolve()))))
  return async () => {
    for (const t of threads) t.postMessage('stop')
    await ended
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2))
  const what = options.command.length ? options.command.join(' ') : 'nothing (load alone)'
  console.log(
    `stress: ${options.workers} busy worker(s) on ${os.availableParallelism()} core(s), at most ${options.maxSeconds} s, while: ${what}`,
  )
  const stopLoad = startLoad(options.workers, options.maxSeconds)
  let code = 0
  if (options.command.length) {
    const [cmd, ...args] = options.command as [string, ...string[]]
    const child = spawn(cmd, args, { stdio: 'inherit' })
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal)
    process.on('SIGINT', forward('SIGINT'))
    process.on('SIGTERM', forward('SIGTERM'))
    code = await new Promise<number>((resolve) => {
      child.once('error', (err) => {
        console.error(`stress: cannot run ${cmd}: ${err.message}`)
        resolve(127)
      })
      child.once('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)))
    })
  } else {
    process.on('SIGINT', () => void stopLoad())
  }
  await stopLoad()
  console.log(`stress: load stopped; the command exited with ${code}`)
  process.exitCode = code
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`stress: ${err instanceof Error ? err.message : String(err)}`)
    process.exitCode = 2
  })
}
