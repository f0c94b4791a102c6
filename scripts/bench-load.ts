import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { CLIENT_TIMEOUT_MS, IDEMPOTENCY_HEADER } from '../types/api'
import { qaClient, qaRequestUrl } from './lib/qa-client'

/**
 * The mock server under a registration peak (issue 11 item 6), on loopback only and bounded in time:
 * `--candidates` simulated candidates at once (500 by default), each: captcha → login → until the time is up, hub
 * reads (summary, record list) and record saves (add with distinct data, then delete, each with an idempotency key,
 * as the app sends) → logout. The server runs as its own process with `--data` (batched durable writes), so its
 * memory is its own. Prints throughput, p50/p99 latency per step, errors (the target is 0) and the server's peak
 * memory. Figures only: it never fails on them.
 *
 *   npx tsx scripts/bench-load.ts [--candidates 500] [--seconds 20]
 */
const ROOT = path.join(__dirname, '..')
const { values } = parseArgs({
  options: {
    candidates: { type: 'string', default: '500' },
    seconds: { type: 'string', default: '20' },
  },
})
const CANDIDATES = Number(values.candidates)
const SECONDS = Number(values.seconds)
const PASSWORD = 'Load#2026pass'
/** Requests still running this long after the time is up are cut (the run is bounded). */
const GRACE_SECONDS = 60

type Step = 'captcha' | 'qa captcha answer' | 'login' | 'hub summary' | 'record list' | 'record add' | 'record delete'
const STEPS: Step[] = [
  'captcha',
  'qa captcha answer',
  'login',
  'hub summary',
  'record list',
  'record add',
  'record delete',
]
STEPS.push('logout' as Step)

const latencies = new Map<string, number[]>(STEPS.map((s) => [s, []]))
const errors = new Map<string, number>()

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/** The server's resident memory now and at its peak (Linux /proc; VmHWM is the high-water mark). */
function memoryOf(pid: number): { rss: number; peak: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024
    return { rss: kb('VmRSS'), peak: kb('VmHWM') }
  } catch {
    return null
  }
}

async function startServer(dataFile: string, port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    // Every simulated candidate asks for its captcha from this one machine: the per-client limit is raised.
    [
      '--import',
      'tsx',
      'mock-server/cli.ts',
      '--port',
      String(port),
      '--qa',
      '--quiet',
      '--data',
      dataFile,
      '--captcha-rate',
      '1000000',
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  )
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('the mock server exited')
    const up = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (up) return child
    await new Promise((r) => setTimeout(r, 200))
  }
  child.kill('SIGKILL')
  throw new Error('the mock server did not start')
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-load-'))
  const dataFile = path.join(dir, 'state.json')
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const server = await startServer(dataFile, port)
  const pid = server.pid as number
  let peakRss = 0
  const sampler = setInterval(() => {
    const m = memoryOf(pid)
    if (m) peakRss = Math.max(peakRss, m.rss)
  }, 100)
  const idleMemory = memoryOf(pid)

  try {
    const { candidates } = await qaClient(base)('createCandidates', {
      prefix: 'load',
      count: CANDIDATES,
      password: PASSWORD,
    })

    let keySeq = 0
    // The hard bound: what is still running this long after the time is up is cut and reported, not waited for.
    let cut = false
    const inFlight = new Set<AbortController>()
    let unfinished = 0
    /** One timed request; any non-2xx answer or network failure counts as an error of its step. */
    const timed = async <T>(step: Step | 'logout', url: string, init: RequestInit = {}): Promise<T | null> => {
      if (cut) return null
      const started = performance.now()
      const abort = new AbortController()
      inFlight.add(abort)
      try {
        const res = await fetch(`${base}${url}`, { ...init, signal: abort.signal })
        const body = res.status === 204 ? null : ((await res.json()) as T)
        latencies.get(step)!.push(performance.now() - started)
        if (!res.ok) {
          const code = (body as { error?: { code?: string } } | null)?.error?.code ?? ''
          const key = `${step}: ${res.status} ${code}`
          errors.set(key, (errors.get(key) ?? 0) + 1)
          return null
        }
        return body
      } catch (err) {
        if (abort.signal.aborted) {
          unfinished++
          return null
        }
        const key = `${step}: ${(err as Error).message}`
        errors.set(key, (errors.get(key) ?? 0) + 1)
        return null
      } finally {
        inFlight.delete(abort)
      }
    }
    const json = (method: string, body: unknown, token?: string, key = false): RequestInit => ({
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(key ? { [IDEMPOTENCY_HEADER]: `bench-${process.pid}-${++keySeq}` } : {}),
      },
      body: JSON.stringify(body),
    })

    const deadline = Date.now() + SECONDS * 1000
    let saves = 0
    const candidate = async (username: string, n: number): Promise<void> => {
      // Log in as a candidate does: a captcha, its answer (read through QA, as the candidate reads the image), the
      // login. Once per candidate, as in a peak: log in, then work in the hub.
      let token = ''
      while (!token && Date.now() < deadline) {
        const captcha = await timed<{ captchaId: string }>('captcha', '/api/captcha')
        if (!captcha) continue
        const { url: answerPath } = qaRequestUrl('', 'captchaAnswer', { captchaId: captcha.captchaId })
        const answer = await timed<{ answer: string }>('qa captcha answer', answerPath)
        if (!answer) continue
        const login = await timed<{ token: string }>(
          'login',
          '/api/account/login',
          json('POST', { username, password: PASSWORD, captchaId: captcha.captchaId, captchaCode: answer.answer }),
        )
        token = login?.token ?? ''
      }
      const auth = { headers: { authorization: `Bearer ${token}` } }
      let iteration = 0
      while (token && Date.now() < deadline) {
        await timed('hub summary', '/api/profile/summary', auth)
        await timed('record list', '/api/profile/records/education', auth)
        iteration++
        // Distinct data per candidate and save: the certificate number carries both.
        const certificateNo = `1${String(n).padStart(5, '0')}${String(iteration).padStart(6, '0')}`
        const added = await timed<{ id: string }>(
          'record add',
          '/api/profile/records/education',
          json(
            'POST',
            {
              certificateNo,
              school: '首都医科大学',
              graduationDate: '2020-07-01',
              major: '护理学',
              level: '本科',
              studyMode: '全日制',
            },
            token,
            true,
          ),
        )
        if (!added) continue
        saves++
        // Deleted again, so the five-record limit never stops the loop.
        await timed('record delete', `/api/profile/records/education/${added.id}`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${token}`, [IDEMPOTENCY_HEADER]: `bench-del-${++keySeq}` },
        })
      }
      if (token) await timed('logout', '/api/account/logout', json('POST', {}, token, true))
    }

    console.log(
      `load: ${CANDIDATES} simulated candidates for ${SECONDS} s against the mock server (--data, loopback), ` +
        'each: captcha, login, then hub reads and record saves until the time is up, logout',
    )
    const started = performance.now()
    const limit = setTimeout(
      () => {
        cut = true
        for (const abort of inFlight) abort.abort()
      },
      (SECONDS + GRACE_SECONDS) * 1000,
    )
    await Promise.all(candidates.map((c, n) => candidate(c.username, n)))
    clearTimeout(limit)
    const elapsed = (performance.now() - started) / 1000

    const all = [...latencies.values()].flat()
    const errorCount = [...errors.values()].reduce((a, b) => a + b, 0)
    // Answers slower than the app waits: on a phone that exchange times out and is retried (a change with the same
    // idempotency key, so the server answers the retry from the first call's work, not by doing it again).
    const overTimeout = (times: number[]) => String(times.filter((t) => t > CLIENT_TIMEOUT_MS).length)
    const rows = [...latencies].map(([step, times]) => {
      const sorted = [...times].sort((a, b) => a - b)
      return [
        step,
        String(times.length),
        percentile(sorted, 50).toFixed(1),
        percentile(sorted, 99).toFixed(1),
        (sorted[sorted.length - 1] ?? NaN).toFixed(1),
        overTimeout(times),
      ]
    })
    const sortedAll = [...all].sort((a, b) => a - b)
    rows.push([
      'all requests',
      String(all.length),
      percentile(sortedAll, 50).toFixed(1),
      percentile(sortedAll, 99).toFixed(1),
      (sortedAll[sortedAll.length - 1] ?? NaN).toFixed(1),
      overTimeout(all),
    ])
    const header = ['step', 'requests', 'p50 ms', 'p99 ms', 'max ms', `> ${CLIENT_TIMEOUT_MS / 1000} s`]
    const widths = header.map((_h, i) => Math.max(...[header, ...rows].map((r) => r[i].length)))
    const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
    console.log(`\n${line(header)}`)
    for (const r of rows) console.log(line(r))
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`
    const final = memoryOf(pid)
    console.log(
      `\nduration            ${elapsed.toFixed(1)} s (requests running when the time is up finish, up to ${GRACE_SECONDS} s)`,
    )
    console.log(`logins              ${latencies.get('login')!.length}, record saves ${saves}`)
    console.log(`throughput          ${(all.length / elapsed).toFixed(0)} requests/s`)
    console.log(`errors              ${errorCount} of ${all.length} (target 0)`)
    console.log(
      `slower than the app  ${overTimeout(all)} answers took over its ${CLIENT_TIMEOUT_MS / 1000} s timeout ` +
        '(the phone retries those; a change with its idempotency key is answered from the first call)',
    )
    if (unfinished)
      console.log(`unfinished          ${unfinished} requests cut ${GRACE_SECONDS} s after the time was up`)
    for (const [key, count] of errors) console.log(`  ${key}: ${count}`)
    console.log(
      `server memory       idle ${idleMemory ? mb(idleMemory.rss) : '?'}, peak ${mb(Math.max(peakRss, final?.peak ?? 0))} RSS`,
    )
    console.log(`state file          ${mb(fs.statSync(dataFile).size)} after the run`)
  } finally {
    clearInterval(sampler)
    server.kill('SIGTERM')
    await new Promise((r) => server.once('exit', r))
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
