import crypto from 'node:crypto'
import { HttpError } from './errors'
import { IDEMPOTENCY_TTL_MS, type Store } from './store'

/**
 * Replies to state-changing calls, so a retried call is answered, not done twice. A reply belongs to one caller and
 * one request: its scope is the caller (the session's account, or for anonymous calls the request's own secret such
 * as the captcha id, the verification id, the recovery id or the reset token) plus the endpoint and the key, and it
 * remembers a hash of the request. So a login's or a recovery's answer is never handed to another caller, a replay
 * needs the very captcha id and answer the first call solved, and the same key with another body is a 409
 * IDEMPOTENCY_CONFLICT. Calls that arrive while the first is still running wait for its answer (one effect, identical
 * answers). Finished replies live in the store (state.idempotency, persisted); running ones in memory.
 */

/** Request fields that only the caller who made the first request knows; they name an anonymous caller. */
const ANONYMOUS_IDENTITY_FIELDS = ['captchaId', 'verifyId', 'recoveryId', 'resetToken', 'orderId'] as const

export type Outcome = { ok: true; status: number; body: unknown } | { ok: false; error: HttpError }

const conflict = () => new HttpError(409, 'IDEMPOTENCY_CONFLICT', '同一个请求标识已用于另一份内容，请刷新后重新提交')

export class IdempotencyLedger {
  private readonly running = new Map<string, { hash: string; outcome: Promise<Outcome> }>()

  constructor(private readonly store: Store) {}

  /**
   * Runs `action` once per scope: a repeat with the same request gets the first outcome (waiting for it if still
   * running); a repeat with another request is refused.
   */
  async run(scope: string, request: unknown, action: () => Promise<Outcome>): Promise<Outcome & { replay: boolean }> {
    const hash = requestHash(request)
    const running = this.running.get(scope)
    if (running) {
      if (running.hash !== hash) throw conflict()
      return { ...(await running.outcome), replay: true }
    }
    const done = this.store.state.idempotency.get(scope)
    // A reply lives as long as the store keeps it (pruned after IDEMPOTENCY_TTL_MS); one older is not honoured.
    if (done && this.store.clock.now() - Date.parse(done.at) < IDEMPOTENCY_TTL_MS) {
      // Replies written before requests were hashed have no hash: they match.
      if (done.hash !== undefined && done.hash !== hash) throw conflict()
      return { ok: true, status: done.status, body: done.body, replay: true }
    }
    const outcome = action()
    this.running.set(scope, { hash, outcome })
    let settled: Outcome
    try {
      settled = await outcome
    } finally {
      this.running.delete(scope)
    }
    // Only a success is kept for later retries; a refusal is shared with the calls that waited, then forgotten,
    // so a corrected retry is judged afresh.
    if (settled.ok && !this.ownerGone(scope)) {
      const owner = this.accountOfReply(scope, settled.body)
      this.store.state.idempotency.set(scope, {
        status: settled.status,
        body: settled.body,
        at: this.store.clock.iso(),
        hash,
        ...(owner ? { owner } : {}),
      })
      this.store.save()
    }
    return { ...settled, replay: false }
  }

  /** The scope's account was cancelled by this very call: its reply is not kept either. */
  private ownerGone(scope: string): boolean {
    const owner = /^account:(\S+) /.exec(scope)?.[1]
    return owner !== undefined && !this.store.identity.exists(owner)
  }

  /**
   * The account a reply concerns: the session's, or for an anonymous call that signed someone in (registration, a
   * login, a face login) the account of the session its answer carries, since that answer holds their name.
   */
  private accountOfReply(scope: string, body: unknown): string | undefined {
    const owner = /^account:(\S+) /.exec(scope)?.[1]
    if (owner) return owner
    const token = body && typeof body === 'object' ? (body as { token?: unknown }).token : undefined
    return typeof token === 'string' ? this.store.identity.accountOfToken(token) : undefined
  }

  /** Drops every reply of a cancelled account, the anonymous ones that signed it in included. */
  forgetAccount(accountId: string): void {
    const prefix = `account:${accountId} `
    for (const [scope, reply] of this.store.state.idempotency)
      if (scope.startsWith(prefix) || reply.owner === accountId) this.store.state.idempotency.delete(scope)
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
