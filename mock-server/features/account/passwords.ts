import crypto from 'node:crypto'
import { promisify } from 'node:util'

const scrypt = promisify(crypto.scrypt) as (password: string, salt: string, keylen: number) => Promise<Buffer>

/**
 * At most this many checks run at once; the rest wait their turn here. libuv's pool has 4 threads, shared with
 * captcha images, uploads and file reads: a login peak must not fill all of them, or a captcha waits behind every
 * queued login.
 */
const MAX_CONCURRENT_CHECKS = 2
let running = 0
const queue: Array<() => void> = []

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  // A waiter is handed the finishing check's slot, so `running` never exceeds the limit.
  if (running >= MAX_CONCURRENT_CHECKS) await new Promise<void>((resolve) => queue.push(resolve))
  else running++
  try {
    return await work()
  } finally {
    const next = queue.shift()
    if (next) next()
    else running--
  }
}

/** scrypt with a random salt per password; the hash is compared in constant time. */
export function hashPassword(password: string): { salt: string; hash: string } {
  const salt = crypto.randomBytes(16).toString('hex')
  const hash = crypto.scryptSync(password, salt, 32).toString('hex')
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
