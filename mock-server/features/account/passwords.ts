import crypto from 'node:crypto'
import { promisify } from 'node:util'

const scrypt = promisify(crypto.scrypt) as (password: string, salt: string, keylen: number) => Promise<Buffer>

/**
 * At most this many checks run at once; the rest wait their turn here. libuv's pool has 4 threads, shared with
 * captcha images, uploads and file reads: a login peak must not fill all of them, or a captcha waits behind every
 * queued login.
 */
export const MAX_CONCURRENT_CHECKS = 2
let running = 0
const queue: Array<() => void> = []

/**
 * How long recent scrypt runs took, as measured (wall time of the hash itself, not the wait for a turn): the login
 * waiting room (login-queue.ts) estimates the throughput from these, so a slower machine or a busier one admits fewer.
 */
const RECENT = 32
const recentMs: number[] = []
function measured(ms: number): void {
  recentMs.push(ms)
  if (recentMs.length > RECENT) recentMs.shift()
}

/** The recent scrypt figures: the mean duration of the last runs, how many run and how many wait for a turn. */
export function scryptStats(): { meanMs: number; running: number; waiting: number; concurrency: number } {
  const meanMs = recentMs.reduce((a, b) => a + b, 0) / Math.max(1, recentMs.length)
  return { meanMs, running, waiting: queue.length, concurrency: MAX_CONCURRENT_CHECKS }
}

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  // A waiter is handed the finishing check's slot, so `running` never exceeds the limit.
  if (running >= MAX_CONCURRENT_CHECKS) await new Promise<void>((resolve) => queue.push(resolve))
  else running++
  const started = performance.now()
  try {
    return await work()
  } finally {
    measured(performance.now() - started)
    const next = queue.shift()
    if (next) next()
    else running--
  }
}

/** scrypt with a random salt per password, at once (scenarios, QA set-up; a request uses hashPasswordInTurn). */
export function hashPassword(password: string): { salt: string; hash: string } {
  const salt = crypto.randomBytes(16).toString('hex')
  const started = performance.now()
  const hash = crypto.scryptSync(password, salt, 32).toString('hex')
  // The first figure the waiting room has, before any login ran.
  if (recentMs.length === 0) measured(performance.now() - started)
  return { salt, hash }
}

/** scrypt with a random salt per password, off the event loop and in turn with the checks (registration, reset). */
export async function hashPasswordInTurn(password: string): Promise<{ salt: string; hash: string }> {
  const salt = crypto.randomBytes(16).toString('hex')
  const hash = (await inTurn(() => scrypt(password, salt, 32))).toString('hex')
  return { salt, hash }
}

/**
 * Checks a password (or a security answer) against its hash. Asynchronous: scrypt is deliberately slow (tens of
 * milliseconds), and run on libuv's thread pool it does not hold up every other request during a login peak.
 */
export async function verifyPassword(password: string, salt: string, hash: string): Promise<boolean> {
  const candidate = await inTurn(() => scrypt(password, salt, 32))
  const expected = Buffer.from(hash, 'hex')
  return candidate.length === expected.length && crypto.timingSafeEqual(candidate, expected)
}
