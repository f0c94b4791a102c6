import crypto from 'node:crypto'
import { promisify } from 'node:util'

const scrypt = promisify(crypto.scrypt) as (password: string, salt: string, keylen: number) => Promise<Buffer>

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
  const candidate = await scrypt(password, salt, 32)
  const expected = Buffer.from(hash, 'hex')
  return candidate.length === expected.length && crypto.timingSafeEqual(candidate, expected)
}
