import * as v from 'valibot'
import { ERROR_MESSAGES, isErrorCode, type ErrorCode } from '@contract/errors'
import { QueuePlace } from '@contract/login-queue'

/** The one error type every API call rejects with: a contract code and the Chinese message to show. */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly status: number
  readonly fields: Record<string, string>
  readonly details: Record<string, string | number | boolean>
  /** The server's Retry-After, in ms, when it sent one (429, 503). */
  readonly retryAfterMs: number | null
  /** The place in the login waiting room (LOGIN_QUEUE), when the server gave it. */
  readonly queue: QueuePlace | null

  constructor(init: {
    code: ErrorCode
    status: number
    message?: string
    fields?: Record<string, string>
    details?: Record<string, string | number | boolean>
    retryAfterMs?: number | null
    queue?: QueuePlace | null
  }) {
    super(init.message ?? ERROR_MESSAGES[init.code])
    this.name = 'ApiError'
    this.code = init.code
    this.status = init.status
    this.fields = init.fields ?? {}
    this.details = init.details ?? {}
    this.retryAfterMs = init.retryAfterMs ?? null
    this.queue = init.queue ?? null
  }

  /** True when nothing reached the server (or its answer never came back). */
  get isNetwork(): boolean {
    return this.code === 'NETWORK_ERROR' || this.code === 'TIMEOUT'
  }

  /** Builds an ApiError from an HTTP answer, whatever its body looks like. */
  static fromResponse(status: number, body: unknown, retryAfterMs: number | null = null): ApiError {
    const error = (
      body as { error?: { code?: unknown; message?: unknown; fields?: unknown; details?: unknown; queue?: unknown } }
    )?.error
    const code: ErrorCode = isErrorCode(error?.code)
      ? error.code
      : status === 503
        ? 'SERVICE_BUSY'
        : status === 429
          ? 'RATE_LIMITED'
          : status >= 500
            ? 'INTERNAL'
            : 'BAD_REQUEST'
    const queue = code === 'LOGIN_QUEUE' ? v.safeParse(QueuePlace, error?.queue) : null
    const serverMessage = typeof error?.message === 'string' ? error.message : undefined
    return new ApiError({
      code,
      status,
      message: rateLimitMessage(code, serverMessage, retryAfterMs) ?? serverMessage,
      queue: queue?.success ? queue.output : null,
      fields: isStringRecord(error?.fields) ? error.fields : undefined,
      details: typeof error?.details === 'object' && error.details ? (error.details as ApiError['details']) : undefined,
      retryAfterMs,
    })
  }
}

/**
 * A rate limit that says how long: the server's own sentence when it is specific, else 操作过于频繁，请 N 秒后再试
 * (N from Retry-After), so the candidate reads the wait instead of 稍后.
 */
function rateLimitMessage(code: ErrorCode, message: string | undefined, retryAfterMs: number | null): string | null {
  if (code !== 'RATE_LIMITED' || retryAfterMs === null) return null
  if (message && message !== ERROR_MESSAGES.RATE_LIMITED) return null
  return `操作过于频繁，请 ${waitText(retryAfterMs)}后再试`
}

/** A wait in words: 8 秒, 2 分钟 (rounded up). */
export function waitText(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000))
  return seconds < 120 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`
}

function isStringRecord(x: unknown): x is Record<string, string> {
  return typeof x === 'object' && x !== null && Object.values(x).every((v) => typeof v === 'string')
}

/** The message to show for any thrown thing: an ApiError's own, or a generic one. */
export function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.message
  return ERROR_MESSAGES.INTERNAL
}
