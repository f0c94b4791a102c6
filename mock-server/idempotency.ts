import crypto from 'node:crypto'
import { HttpError } from './errors'

/**
 * Replies to state-changing calls, so a retried call is answered, not done twice. A reply belongs to one caller and
 * one request: its scope is the caller (the session's account, or for anonymous calls the request's own secret such
 * as the captcha id, the verification id, the recovery id or the reset token) plus the endpoint and the key, and it
 * remembers a hash of the request. So a login's or a recovery's answer is never handed to another caller, a replay
 * needs the very captcha id and answer the first call solved, and the same key with another body is a 409
 * IDEMPOTENCY_CONFLICT. Calls that arrive while the first is still running wait for its answer (one effect, identical
 * answers). Kept in memory, pruned by age and count: a retry comes within minutes.
 */
export const REPLY_TTL_MS = 24 * 60 * 60 * 1000
const MAX_REPLIES = 50_000

/** Request fields that only the caller who made the first request knows; they name an anonymous caller. */
const ANONYMOUS_IDENTITY_FIELDS = ['captchaId', 'verifyId', 'recoveryId', 'resetToken', 'orderId'] as const

export type Outcome = { ok: true; status: number; body: unknown } | { ok: false; error: HttpError }

interface Entry {
  hash: string
  at: number
  /** Settles with the first call's outcome; the entry stays only when that outcome was a success. */
  outcome: Promise<Outcome>
}

export class IdempotencyLedger {
  private readonly entries = new Map<string, Entry>()

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Runs `action` once per scope: a repeat with the same request gets the first outcome (waiting for it if still
   * running); a repeat with another request is refused.
   */
  async run(scope: string, request: unknown, action: () => Promise<Outcome>): Promise<Outcome & { replay: boolean }> {
    const hash = requestHash(request)
    const seen = this.entries.get(scope)
    if (seen && this.now() - seen.at < REPLY_TTL_MS) {
      if (seen.hash !== hash) {
        throw new HttpError(409, 'IDEMPOTENCY_CONFLICT', '同一个请求标识已用于另一份内容，请刷新后重新提交')
      }
      return { ...(await seen.outcome), replay: true }
    }
    this.prune()
    const outcome = action()
    this.entries.set(scope, { hash, at: this.now(), outcome })
    let settled: Outcome
    try {
      settled = await outcome
    } catch (err) {
      this.entries.delete(scope)
      throw err
    }
    // Only a success is kept for later retries; a refusal is shared with the calls that waited, then forgotten,
    // so a corrected retry is judged afresh.
    if (!settled.ok && this.entries.get(scope)?.outcome === outcome) this.entries.delete(scope)
    return { ...settled, replay: false }
  }

  /** Drops every reply of a cancelled account. */
  forgetAccount(accountId: string): void {
    const prefix = `account:${accountId} `
    for (const scope of this.entries.keys()) if (scope.startsWith(prefix)) this.entries.delete(scope)
  }

  get size(): number {
    return this.entries.size
  }

  private prune(): void {
    const now = this.now()
    for (const [scope, entry] of this.entries) {
      // Map iteration is in insertion order: the oldest come first.
      if (now - entry.at < REPLY_TTL_MS && this.entries.size < MAX_REPLIES) break
      this.entries.delete(scope)
    }
  }
}

/**
 * Who the reply belongs to: the account behind the session, else the anonymous request's own secret, else the
 * request itself (nothing to share: only a caller sending the same bytes gets the same answer).
 */
export function callerScope(accountId: string | null, input: unknown): string {
  if (accountId) return `account:${accountId}`
  const fields = input && typeof input === 'object' ? (input as Record<string, unknown>) : {}
  for (const name of ANONYMOUS_IDENTITY_FIELDS) {
    const value = Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined
    if (typeof value === 'string' && value) return `anonymous:${name}:${sha256(value)}`
  }
  return `anonymous:request:${requestHash(input)}`
}

/** A hash of the request's content, independent of key order. */
export function requestHash(value: unknown): string {
  return sha256(canonicalJson(value))
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
    return `{${entries.join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('base64url')
}
