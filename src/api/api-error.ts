import { ERROR_MESSAGES, isErrorCode, type ErrorCode } from '@contract/errors'

/** The one error type every API call rejects with: a contract code and the Chinese message to show. */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly status: number
  readonly fields: Record<string, string>
  readonly details: Record<string, string | number | boolean>
  /** The server's Retry-After, in ms, when it sent one (429, 503). */
  readonly retryAfterMs: number | null

  constructor(init: {
    code: ErrorCode
    status: number
    message?: string
    fields?: Record<string, string>
    details?: Record<string, string | number | boolean>
    retryAfterMs?: number | null
  }) {
    super(init.message ?? ERROR_MESSAGES[init.code])
    this.name = 'ApiError'
    this.code = init.code
    this.status = init.status
    this.fields = init.fields ?? {}
    this.details = init.details ?? {}
    this.retryAfterMs = init.retryAfterMs ?? null
  }

  /** True when nothing reached the server (or its answer never came back). */
  get isNetwork(): boolean {
    return this.code === 'NETWORK_ERROR' || this.code === 'TIMEOUT'
  }

  /** Builds an ApiError from an HTTP answer, whatever its body looks like. */
  static fromResponse(status: number, body: unknown, retryAfterMs: number | null = null): ApiError {
    const error = (body as { error?: { code?: unknown; message?: unknown; fields?: unknown; details?: unknown } })
      ?.error
    const code: ErrorCode = isErrorCode(error?.code)
      ? error.code
      : status === 503
        ? 'SERVICE_BUSY'
        : status === 429
          ? 'RATE_LIMITED'
          : status >= 500
            ? 'INTERNAL'
            : 'BAD_REQUEST'
    return new ApiError({
      code,
      status,
      message: typeof error?.message === 'string' ? error.message : undefined,
      fields: isStringRecord(error?.fields) ? error.fields : undefined,
      details: typeof error?.details === 'object' && error.details ? (error.details as ApiError['details']) : undefined,
      retryAfterMs,
    })
  }
}

function isStringRecord(x: unknown): x is Record<string, string> {
  return typeof x === 'object' && x !== null && Object.values(x).every((v) => typeof v === 'string')
}

/** The message to show for any thrown thing: an ApiError's own, or a generic one. */
export function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.message
  return ERROR_MESSAGES.INTERNAL
}
