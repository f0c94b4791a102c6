import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { educationRecordInput } from '../mock-server/scenarios'
import { CLIENT_TIMEOUT_MS, IDEMPOTENCY_HEADER } from '../types/api'
import { qaClient, qaRequestUrl } from './lib/qa-client'

/**
 * The mock server under a registration peak (issue 11 item 6, issue 20), on loopback only and bounded in time:
 * `--candidates` simulated candidates at once (500 and then 2,000 by default; a comma-separated list, one run each
 * against a fresh server), each: captcha → login → for `--seconds` after its login, hub reads (summary, record
 * list) and record saves (add with distinct data, then delete, each with an idempotency key, as the app sends) →
 * logout. Each client behaves as the app's does (src/api/request.ts): it gives up on an answer after the app's
 * timeout (CLIENT_TIMEOUT_MS) and sends it again with the same idempotency key, and it honours Retry-After, so a
 * login the waiting room turns away (503 LOGIN_QUEUE) comes back with the same key and body when told. The server
 * runs as its own process with `--data` (batched durable writes), so its memory is its own. Prints throughput,
 * p50/p99 latency per step, answers slower than the app's timeout (target 0), errors (target 0), how many
 * candidates got in and how long the last one waited, and the server's peak memory. Figures only: it never fails.
 *
 *   npx tsx scripts/bench-load.ts [--candidates 500,2000] [--seconds 20]
 */
const ROOT = path.join(__dirname, '..')
const { values } = parseArgs({
  options: {
    candidates: { type: 'string', default: '500,2000' },
    seconds: { type: 'string', default: '20' },
  },
})
const RUNS = String(values.candidates)
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0)
const SECONDS = Number(values.seconds)
const PASSWORD = 'Load#2026pass'
/** The longest a candidate keeps trying to log in (the app's own limit in the waiting room: MAX_QUEUE_WAIT_MS). */
const LOGIN_SECONDS = 300
/** Requests still running this long after the last login's time is up are cut (the run is bounded). */
const GRACE_SECONDS = 60

type Step =
  | 'captcha'
  | 'qa captcha answer'
  | 'login'
  | 'login: told to wait'
  | 'captcha: told to wait'
  | 'hub summary'
  | 'record list'
  | 'record add'
  | 'record delete'
  | 'logout'
const STEPS: Step[] = [
  'captcha',
  'qa captcha answer',
  'login',
  'login: told to wait',
  'captcha: told to wait',
  'hub summary',
  'record list',
  'record add',
  'record delete',
  'logout',
]

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

/** Clock ticks per second of /proc's CPU times (USER_HZ; 100 on Linux everywhere that matters). */
const TICKS_PER_S = 100

/** CPU time (ms) a process has used, all its threads, and its main thread (the event loop) alone; null off Linux. */
function cpuOf(pid: number): { totalMs: number; mainMs: number } | null {
  const ticks = (file: string) => {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = fs.readFileSync(file, 'utf8')
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(f[11]) + Number(f[12])) * 1000) / TICKS_PER_S
  }
  try {
    return { totalMs: ticks(`/proc/${pid}/stat`), mainMs: ticks(`/proc/${pid}/task/${pid}/stat`) }
  } catch {
    return null
  }
}

/** The whole machine's CPU time used (ms, every core, every process) and elapsed per core; null off Linux. */
function machineCpu(): { busyMs: number; allMs: number } | null {
  try {
    const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number)
    const all = f.reduce((a, b) => a + b, 0)
    const idle = f[3] + (f[4] ?? 0)
    return { busyMs: ((all - idle) * 1000) / TICKS_PER_S, allMs: (all * 1000) / TICKS_PER_S }
  } catch {
    return null
  }
}

/**
 * The kernel's count of connections dropped because a listen queue was full (machine-wide; /proc/net/netstat
 * ListenOverflows): each costs its client a TCP retry 1, 3, 7 or 15 s later. Null off Linux.
 */
function listenOverflows(): number | null {
  try {
    const lines = fs.readFileSync('/proc/net/netstat', 'utf8').split('\n')
    const names = lines.find((l) => l.startsWith('TcpExt:'))?.split(' ') ?? []
    const values = lines.filter((l) => l.startsWith('TcpExt:'))[1]?.split(' ') ?? []
    const i = names.indexOf('ListenOverflows')
    return i > 0 ? Number(values[i]) : null
  } catch {
    return null
  }
}

/** This (the load client's) process's CPU time in ms. */
function ownCpuMs(): number {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

/**
 * Opens `count` keep-alive connections to the server (fetch's pool keeps them; the server keeps an idle one 72 s),
 * by as many health checks at once; retried until all answered.
 */
async function warmConnections(base: string, count: number): Promise<void> {
  await Promise.all(
    Array.from({ length: count }, async () => {
      for (let attempt = 0; attempt < 10; attempt++) {
        const ok = await fetch(`${base}/api/health`).then(
          async (r) => (await r.arrayBuffer(), r.ok),
          () => false,
        )
        if (ok) return
        await new Promise((r) => setTimeout(r, 500))
      }
    }),
  )
}

/** One kind of request's cost to the server, measured alone (one at a time), in CPU ms per request. */
interface KindCost {
  kind: string
  requests: number
  /** Every thread of the server (event loop, libuv's pool: scrypt and images, the writer thread, GC). */
  cpuMs: number
  /** The event loop's thread alone. */
  loopMs: number
}

/**
 * CPU time per request kind, measured on the server process (/proc: CPU time, not wall time, so a busy machine
 * changes it little): each kind sent one at a time, the server's CPU before and after divided by the count. A change
 * is answered only once written (--data), so its figure includes its share of a whole-state write at the state's
 * size then (the candidates, before the load). The scrypt figure is the same hash (Node's scrypt defaults, as
 * features/account/passwords.ts) timed in this process.
 */
async function perKindCpu(base: string, pid: number, usernames: string[]): Promise<KindCost[]> {
  const rows: KindCost[] = []
  const measure = async (kind: string, requests: number, one: (i: number) => Promise<unknown>) => {
    const before = cpuOf(pid)
    for (let i = 0; i < requests; i++) await one(i)
    const after = cpuOf(pid)
    if (!before || !after) return
    rows.push({
      kind,
      requests,
      cpuMs: (after.totalMs - before.totalMs) / requests,
      loopMs: (after.mainMs - before.mainMs) / requests,
    })
  }
  const get = async <T>(url: string, token?: string): Promise<T> => {
    const res = await fetch(`${base}${url}`, token ? { headers: { authorization: `Bearer ${token}` } } : {})
    if (!res.ok) throw new Error(`${url}: ${res.status}`)
    return (await res.json()) as T
  }
  const send = async <T>(method: string, url: string, body: unknown, token?: string): Promise<T> => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: {
        'content-type': 'application/json',
        [IDEMPOTENCY_HEADER]: `bench-cost-${Math.random().toString(36).slice(2)}`,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`${url}: ${res.status}`)
    return (res.status === 204 ? null : await res.json()) as T
  }
  const LOGINS = Math.min(20, usernames.length)
  const captchas: Array<{ captchaId: string; answer: string }> = []
  await measure('captcha (draw, store, write)', 40, async () => {
    const { captchaId } = await get<{ captchaId: string }>('/api/captcha')
    captchas.push({ captchaId, answer: '' })
  })
  await measure('qa captcha answer (lookup)', 200, async (i) => {
    const c = captchas[i % captchas.length]
    c.answer = (await get<{ answer: string }>(qaRequestUrl('', 'captchaAnswer', { captchaId: c.captchaId }).url)).answer
  })
  let token = ''
  await measure('login (scrypt, session, write)', LOGINS, async (i) => {
    const { captchaId, answer } = captchas[i]
    const login = await send<{ token: string }>('POST', '/api/account/login', {
      username: usernames[i],
      password: PASSWORD,
      captchaId,
      captchaCode: answer,
    })
    token = login.token
  })
  await measure('hub summary (read)', 100, () => get('/api/profile/summary', token))
  await measure('record add + delete (two changes)', 20, async (i) => {
    const record = await send<{ id: string }>(
      'POST',
      '/api/profile/records/education',
      educationRecordInput(`9${String(i).padStart(11, '0')}`),
      token,
    )
    // Deleted again, so the five-record limit never stops the count.
    const res = await fetch(`${base}/api/profile/records/education/${record.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}`, [IDEMPOTENCY_HEADER]: `bench-cost-del-${i}` },
    })
    if (!res.ok) throw new Error(`record delete: ${res.status}`)
  })
  // The hash alone, as the server runs it (Node's scrypt defaults: N 16384, r 8, p 1, 32 bytes).
  const started = ownCpuMs()
  for (let i = 0; i < 10; i++) crypto.scryptSync(PASSWORD, `salt-${i}`, 32)
  rows.push({ kind: 'scrypt alone (in this process)', requests: 10, cpuMs: (ownCpuMs() - started) / 10, loopMs: NaN })
  return rows
}

async function startServer(dataFile: string, port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    // Every simulated candidate asks for its captcha from this one machine: the per-client limit is raised.
    [
      // BENCH_SERVER_CPU_PROF=DIR: the server writes a V8 CPU profile there when it stops (where its time went).
      ...(process.env.BENCH_SERVER_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_SERVER_CPU_PROF] : []),
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

/** One answer as the load client saw it: its status, body and Retry-After (s), or null when none came in time. */
interface Answer<T> {
  status: number
  body: T | null
  retryAfter: number | null
}

async function run(CANDIDATES: number): Promise<void> {
  const latencies = new Map<Step, number[]>(STEPS.map((s) => [s, []]))
  const errors = new Map<string, number>()
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
    const qa = qaClient(base)
    const { candidates } = await qa('createCandidates', {
      prefix: 'load',
      count: CANDIDATES,
      password: PASSWORD,
    })
    const costs = await perKindCpu(
      base,
      pid,
      candidates.map((c) => c.username),
    )
    // Each candidate's connection is open before the run, as a phone's is once the app has shown its first page (and as
    // a proxy in front of the server keeps its own): 2,000 TCP handshakes in this one process at the same instant,
    // on a starved machine, made answers the server gave in milliseconds arrive after 15 s (its own times said so).
    const warm = performance.now()
    await warmConnections(base, CANDIDATES)
    console.log(
      `connections         ${CANDIDATES} opened before the run in ${((performance.now() - warm) / 1000).toFixed(1)} s`,
    )
    await qa('resetServerLoad')
    // The load client's own event loop: when it runs late, every latency it reports is late by as much.
    const clientDelay = monitorEventLoopDelay({ resolution: 10 })
    clientDelay.enable()
    const cpuAtStart = { server: cpuOf(pid), client: ownCpuMs(), machine: machineCpu() }
    const overflowsAtStart = listenOverflows()

    let keySeq = 0
    /** When (ms into the run) each answer that took the app's timeout or longer was sent. */
    const slowStarts: number[] = []
    let runStarted = performance.now()
    // The hard bound: what is still running this long after the time is up is cut and reported, not waited for.
    let cut = false
    const inFlight = new Set<AbortController>()
    let unfinished = 0
    /** Answers the client gave up on after the app's timeout (then sent again with the same key, as the app does). */
    let timedOut = 0
    const countError = (key: string) => errors.set(key, (errors.get(key) ?? 0) + 1)
    /**
     * One timed exchange, given up after the app's timeout. Any non-2xx answer counts as an error of its step, except
     * what `expected` says is part of the protocol (the waiting room's 503), which is timed under its own step.
     */
    const exchange = async <T>(
      step: Step,
      url: string,
      init: RequestInit = {},
      expected?: { step: Step; is: (status: number, body: unknown) => boolean },
    ): Promise<Answer<T> | null> => {
      if (cut) return null
      const started = performance.now()
      const abort = new AbortController()
      const timer = setTimeout(() => abort.abort('timeout'), CLIENT_TIMEOUT_MS)
      inFlight.add(abort)
      try {
        const res = await fetch(`${base}${url}`, { ...init, signal: abort.signal })
        const body = res.status === 204 ? null : ((await res.json()) as T)
        const ms = performance.now() - started
        const retryAfter = res.headers.get('retry-after')
        const answer = { status: res.status, body, retryAfter: retryAfter === null ? null : Number(retryAfter) }
        if (!res.ok && expected?.is(res.status, body)) {
          latencies.get(expected.step)!.push(ms)
          return answer
        }
        latencies.get(step)!.push(ms)
        if (ms >= CLIENT_TIMEOUT_MS) slowStarts.push(started - runStarted)
        if (!res.ok)
          countError(`${step}: ${res.status} ${(body as { error?: { code?: string } } | null)?.error?.code ?? ''}`)
        return answer
      } catch (err) {
        if (abort.signal.aborted && abort.signal.reason === 'timeout') {
          timedOut++
          slowStarts.push(started - runStarted)
          latencies.get(step)!.push(performance.now() - started)
          return null
        }
        if (abort.signal.aborted) {
          unfinished++
          return null
        }
        countError(`${step}: ${(err as Error).message}`)
        return null
      } finally {
        clearTimeout(timer)
        inFlight.delete(abort)
      }
    }
    /** A read or change that is done once (its answer, when 2xx). */
    const timed = async <T>(step: Step, url: string, init: RequestInit = {}): Promise<T | null> => {
      const answer = await exchange<T>(step, url, init)
      return answer && answer.status < 300 ? answer.body : null
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
    const waitingRoom = {
      step: 'login: told to wait' as Step,
      is: (status: number, body: unknown) =>
        status === 503 && (body as { error?: { code?: string } } | null)?.error?.code === 'LOGIN_QUEUE',
    }
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
    const captchaGate = { ...waitingRoom, step: 'captcha: told to wait' as Step }
    let captchaToldToWait = 0

    let saves = 0
    let loggedIn = 0
    let toldToWait = 0
    /** Per candidate: from its first login request to the answer that let it in, in ms. */
    const waits: number[] = []
    const candidate = async (username: string, n: number): Promise<void> => {
      // Log in as a candidate does: a captcha, its answer (read through QA, as the candidate reads the image), the
      // login, sent again with the same key and body when the waiting room says when (Retry-After) or when the
      // answer takes longer than the app waits. Once per candidate, as in a peak: log in, then work in the hub.
      let token = ''
      const firstAsked = performance.now()
      const loginDeadline = Date.now() + LOGIN_SECONDS * 1000
      // As the app: a failure waits with backoff and jitter (400 ms doubling to 5 s), a Retry-After as long as it says.
      let failures = 0
      const backoff = () => {
        const exp = Math.min(5000, 400 * 2 ** Math.min(failures++, 4))
        return sleep(exp / 2 + Math.random() * (exp / 2))
      }
      while (!token && !cut && Date.now() < loginDeadline) {
        const issued = await exchange<{ captchaId: string }>('captcha', '/api/captcha', {}, captchaGate)
        if (issued && captchaGate.is(issued.status, issued.body) && issued.retryAfter !== null) {
          captchaToldToWait++
          await sleep(issued.retryAfter * 1000)
          continue
        }
        const captcha = issued && issued.status === 200 ? issued.body : null
        if (!captcha) {
          await backoff()
          continue
        }
        const { url: answerPath } = qaRequestUrl('', 'captchaAnswer', { captchaId: captcha.captchaId })
        const answer = await timed<{ answer: string }>('qa captcha answer', answerPath)
        if (!answer) {
          await backoff()
          continue
        }
        const init = json(
          'POST',
          { username, password: PASSWORD, captchaId: captcha.captchaId, captchaCode: answer.answer },
          undefined,
          true,
        )
        for (;;) {
          // As the app: it waits in line at most MAX_QUEUE_WAIT_MS (5 minutes), then shows the message.
          if (Date.now() >= loginDeadline) break
          const login = await exchange<{ token: string }>('login', '/api/account/login', init, waitingRoom)
          if (cut) break
          if (login && login.status === 200 && login.body) {
            token = login.body.token
            break
          }
          // No answer in time: the app sends it again with the same key (answered from the first call's work).
          if (!login) {
            await backoff()
            continue
          }
          if ((login.status === 503 || login.status === 429) && login.retryAfter !== null) {
            if (waitingRoom.is(login.status, login.body)) toldToWait++
            await sleep(login.retryAfter * 1000)
            continue
          }
          await backoff()
          break // refused otherwise (counted): a new captcha
        }
      }
      if (!token) return
      loggedIn++
      waits.push(performance.now() - firstAsked)
      const deadline = Date.now() + SECONDS * 1000
      const auth = { headers: { authorization: `Bearer ${token}` } }
      let iteration = 0
      while (Date.now() < deadline && !cut) {
        await timed('hub summary', '/api/profile/summary', auth)
        await timed('record list', '/api/profile/records/education', auth)
        iteration++
        // Distinct data per candidate and save: the certificate number carries both.
        const certificateNo = `1${String(n).padStart(5, '0')}${String(iteration).padStart(6, '0')}`
        const added = await timed<{ id: string }>(
          'record add',
          '/api/profile/records/education',
          json('POST', educationRecordInput(certificateNo), token, true),
        )
        if (!added) continue
        saves++
        // Deleted again, so the five-record limit never stops the loop.
        await timed('record delete', `/api/profile/records/education/${added.id}`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${token}`, [IDEMPOTENCY_HEADER]: `bench-del-${++keySeq}` },
        })
      }
      await timed('logout', '/api/account/logout', json('POST', {}, token, true))
    }

    console.log(
      `\nload: ${CANDIDATES} simulated candidates against the mock server (--data, loopback), each: captcha, login ` +
        `(waiting as the server says), then ${SECONDS} s of hub reads and record saves, logout`,
    )
    const started = performance.now()
    runStarted = started
    const limit = setTimeout(
      () => {
        cut = true
        for (const abort of inFlight) abort.abort('cut')
      },
      (LOGIN_SECONDS + SECONDS + GRACE_SECONDS) * 1000,
    )
    await Promise.all(candidates.map((c, n) => candidate(c.username, n)))
    clearTimeout(limit)
    const elapsed = (performance.now() - started) / 1000
    const cpuAtEnd = { server: cpuOf(pid), client: ownCpuMs(), machine: machineCpu() }
    clientDelay.disable()
    const overflowsAtEnd = listenOverflows()
    const room = await qa('loginQueue').catch(() => null)
    const load = await qa('serverLoad').catch(() => null)

    const all = [...latencies.values()].flat()
    const errorCount = [...errors.values()].reduce((a, b) => a + b, 0)
    // Answers slower than the app waits: on a phone that exchange times out and is retried (a change with the same
    // idempotency key, so the server answers the retry from the first call's work, not by doing it again).
    const overTimeout = (times: number[]) => String(times.filter((t) => t >= CLIENT_TIMEOUT_MS).length)
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
    const header = ['step', 'requests', 'p50 ms', 'p99 ms', 'max ms', `>= ${CLIENT_TIMEOUT_MS / 1000} s`]
    const widths = header.map((_h, i) => Math.max(...[header, ...rows].map((r) => r[i].length)))
    const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
    console.log(`\n${line(header)}`)
    for (const r of rows) console.log(line(r))
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`
    const final = memoryOf(pid)
    const sortedWaits = [...waits].sort((a, b) => a - b)
    const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`
    console.log(`\nduration            ${elapsed.toFixed(1)} s`)
    console.log(`logged in           ${loggedIn} of ${CANDIDATES} candidates (target all), record saves ${saves}`)
    console.log(
      `waited to get in    last ${sec(sortedWaits.at(-1) ?? NaN)}, p50 ${sec(percentile(sortedWaits, 50))}, ` +
        `p99 ${sec(percentile(sortedWaits, 99))} (first login request to the answer that let it in)`,
    )
    console.log(
      `waiting room        ${toldToWait} logins and ${captchaToldToWait} captchas answered 503 LOGIN_QUEUE with ` +
        'Retry-After (at once, not errors)' +
        (room
          ? `; capacity ${room.capacity} hashes at once, budget ${room.budgetMs} ms, scrypt mean ${room.scryptMeanMs} ms, ${room.throughputPerSecond} hashes/s`
          : ''),
    )
    console.log(`throughput          ${(all.length / elapsed).toFixed(0)} requests/s`)
    console.log(`errors              ${errorCount} of ${all.length} (target 0)`)
    console.log(
      `slower than the app ${overTimeout(all)} answers took ${CLIENT_TIMEOUT_MS / 1000} s or more (target 0; ` +
        `${timedOut} given up at the app's timeout and sent again with the same key)`,
    )
    if (unfinished) console.log(`unfinished          ${unfinished} requests cut when the run's bound was reached`)
    for (const [key, count] of errors) console.log(`  ${key}: ${count}`)
    console.log(
      `server memory       idle ${idleMemory ? mb(idleMemory.rss) : '?'}, peak ${mb(Math.max(peakRss, final?.peak ?? 0))} RSS`,
    )
    console.log(`state file          ${mb(fs.statSync(dataFile).size)} after the run`)

    // Where the CPU went. CPU time, unlike wall time, changes little on a busy machine.
    const s1 = (ms: number) => `${(ms / 1000).toFixed(1)} s`
    if (cpuAtStart.server && cpuAtEnd.server) {
      const loop = cpuAtEnd.server.mainMs - cpuAtStart.server.mainMs
      const other = cpuAtEnd.server.totalMs - cpuAtStart.server.totalMs - loop
      const client = cpuAtEnd.client - cpuAtStart.client
      const machine =
        cpuAtStart.machine && cpuAtEnd.machine
          ? {
              busy: cpuAtEnd.machine.busyMs - cpuAtStart.machine.busyMs,
              all: cpuAtEnd.machine.allMs - cpuAtStart.machine.allMs,
            }
          : null
      console.log(
        `CPU in the load     server ${s1(loop + other)} (event loop ${s1(loop)}, other threads ${s1(other)}: ` +
          `scrypt, images, writer, GC), load client ${s1(client)}` +
          (machine
            ? `, rest of the machine ${s1(machine.busy - loop - other - client)}; ` +
              `machine busy ${((100 * machine.busy) / machine.all).toFixed(0)} % of ${os.cpus().length} cores`
            : ''),
      )
    }
    const msOf = (ns: number) => (ns / 1e6).toFixed(0)
    console.log(
      `client event loop   delay p50 ${msOf(clientDelay.percentile(50))} ms, p99 ${msOf(clientDelay.percentile(99))} ms, ` +
        `max ${msOf(clientDelay.max)} ms (the load client's own lateness, included in every latency above)`,
    )
    if (overflowsAtStart !== null && overflowsAtEnd !== null)
      console.log(
        `listen overflows    ${overflowsAtEnd - overflowsAtStart} connections dropped by a full listen queue during ` +
          'the run (machine-wide; each retried by TCP 1 to 15 s later)',
      )
    if (slowStarts.length) {
      const at = slowStarts.map((t) => t / 1000).sort((a, b) => a - b)
      console.log(
        `answers over ${CLIENT_TIMEOUT_MS / 1000} s  sent between ${at[0].toFixed(0)} s and ${at[at.length - 1].toFixed(0)} s ` +
          `into the run (p50 ${percentile(at, 50).toFixed(0)} s)`,
      )
    }
    if (load) {
      const el = load.eventLoop
      console.log(
        `event loop          delay p50 ${el.delayP50Ms} ms, p99 ${el.delayP99Ms} ms, max ${el.delayMaxMs} ms; ` +
          `busy ${(el.utilization * 100).toFixed(0)} % (${s1(el.busyMs)})`,
      )
      const a = load.answers
      console.log(
        `server-side times   ${a.count} answers: p50 ${a.p50Ms} ms, p99 ${a.p99Ms} ms, max ${a.maxMs} ms, ` +
          `${a.overTimeout} at ${CLIENT_TIMEOUT_MS / 1000} s or more (request read to answer sent; the rest of what ` +
          'the client measured is the network, the kernel and the client)',
      )
      const w = load.stateWrites
      console.log(
        `state writes        ${w.writes} whole-state writes, last ${w.lastKb} KB, serializing took the loop ` +
          `${s1(w.serializeMs)} (mean ${w.meanSerializeMs} ms, max ${w.maxSerializeMs} ms); ${w.durableWaits} ` +
          `answers waited for one: mean ${w.meanDurableWaitMs} ms, max ${w.maxDurableWaitMs} ms`,
      )
    }
    if (costs.length) {
      console.log('\nCPU per request kind (measured before the load, one request at a time, server process CPU)')
      const costRows = costs.map((c) => [
        c.kind,
        String(c.requests),
        c.cpuMs.toFixed(1),
        Number.isNaN(c.loopMs) ? '-' : c.loopMs.toFixed(1),
      ])
      const costHeader = ['kind', 'requests', 'CPU ms each', 'event loop ms each']
      const cw = costHeader.map((_h, i) => Math.max(...[costHeader, ...costRows].map((r) => r[i].length)))
      const cl = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(cw[i]) : c.padStart(cw[i]))).join('  ')
      console.log(cl(costHeader))
      for (const r of costRows) console.log(cl(r))
    }
  } finally {
    clearInterval(sampler)
    server.kill('SIGTERM')
    await new Promise((r) => server.once('exit', r))
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  console.log(
    `machine: ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  )
  for (const candidates of RUNS) await run(candidates)
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
