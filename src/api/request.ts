import Taro from '@tarojs/taro'
import {
  CLIENT_TIMEOUT_MS,
  IDEMPOTENCY_HEADER,
  SESSION_HEADER,
  isStateChanging,
  requestTarget,
  type Route,
  type UploadSpec,
} from '@contract/api-routes'
import { platform } from '../platform/platform'
import { ApiError } from './api-error'
import { reportRetry, type RetryStatus } from './retry-status'
import { learnServerTime } from './server-clock'
import { getSessionToken, notifySessionExpired } from './session-token'

declare const API_BASE: string

/**
 * Where the backend is: set at build time (config/index.ts, API_BASE). An H5 deployment may override it at run time
 * with `window.__API_BASE__` in its index.html (the test server does), so one H5 build serves any backend port.
 * That read sits behind the build-time TARO_ENV switch, so the mini-program bundles do not carry it: Alipay's JS
 * engine has neither `globalThis` nor `global` and reading either throws while this module loads
 * (Taro issue https://github.com/NervJS/taro/issues/18140).
 */
function initialBase(): string {
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') {
    const runtime = (window as { __API_BASE__?: unknown }).__API_BASE__
    if (typeof runtime === 'string' && runtime) return runtime
  }
  return typeof API_BASE === 'string' ? API_BASE : 'http://127.0.0.1:3100'
}
let baseUrl: string = initialBase()
export function setApiBase(url: string): void {
  baseUrl = url.replace(/\/$/, '')
}
export function getApiBase(): string {
  return baseUrl
}

export interface RetryPolicy {
  /** Further tries after the first. */
  retries: number
  /** First wait, doubled each time, with up to the same again of random jitter (so a crowd does not retry in step). */
  baseDelayMs: number
  maxDelayMs: number
}

/** Five retries: in a busy peak a call rides out a dozen seconds of refusals before the page shows an error. */
export const DEFAULT_RETRY: RetryPolicy = { retries: 5, baseDelayMs: 400, maxDelayMs: 5000 }

export interface CallOptions {
  retry?: Partial<RetryPolicy>
  /** Reuse a key to make a resubmission of the same action idempotent (e.g. a form's submit). */
  idempotencyKey?: string
}

/** A fresh idempotency key. Random enough to never collide within one candidate's calls. */
export function newIdempotencyKey(): string {
  const rand = () =>
    Math.floor(Math.random() * 0x100000000)
      .toString(16)
      .padStart(8, '0')
  return `${Date.now().toString(36)}-${rand()}${rand()}`
}

/** The full URL (path parameters and query in place, `requestTarget` of the contract) and the JSON body, if any. */
export function buildUrl(
  endpoint: Pick<Route, 'method' | 'path'>,
  input: Record<string, unknown>,
): { url: string; body?: Record<string, unknown> } {
  const { path, body } = requestTarget(endpoint, input)
  return body ? { url: `${baseUrl}${path}`, body } : { url: `${baseUrl}${path}` }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

function backoff(attempt: number, policy: RetryPolicy): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt)
  return exp / 2 + Math.random() * (exp / 2)
}

/** Longest wait a server's Retry-After may ask for and still be waited out (longer: the error is shown). */
const MAX_RETRY_AFTER_MS = 30000
/**
 * The login waiting room (503 LOGIN_QUEUE, types/login-queue.ts): its answers do not use up the call's retries (the
 * server did nothing and keeps the place by the idempotency key), up to this long in all; then the error is shown.
 * A captcha lives five minutes, so a longer wait would end in 验证码已过期 anyway.
 */
export const MAX_QUEUE_WAIT_MS = 5 * 60 * 1000

/**
 * A failure worth another try: nothing came back, or the server said busy (429, 502-504). Only safe calls are
 * retried: reads, and changes that carry an idempotency key (the server answers a repeat from the first reply).
 */
function isRetryable(err: ApiError, safe: boolean): boolean {
  // The waiting room turned the call away before doing anything: always safe to send again, at the time it says.
  if (isQueued(err)) return true
  if (!safe) return false
  // Too many requests: retried only when the server says how soon (a limit of minutes is the candidate's to read).
  if (err.status === 429) return err.retryAfterMs !== null && err.retryAfterMs <= MAX_RETRY_AFTER_MS
  return err.isNetwork || err.status === 503 || err.status === 502 || err.status === 504
}

/** A 503 from the login waiting room that says when to come back. */
function isQueued(err: ApiError): boolean {
  return err.status === 503 && err.code === 'LOGIN_QUEUE' && err.retryAfterMs !== null
}

/** The server's Retry-After (seconds or an HTTP date), in ms; null when absent or unreadable. */
export function retryAfterMs(header: Record<string, unknown> | undefined, now = Date.now()): number | null {
  const raw = header && Object.entries(header).find(([k]) => k.toLowerCase() === 'retry-after')?.[1]
  if (typeof raw !== 'string' && typeof raw !== 'number') return null
  const text = String(raw).trim()
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text) - now
  return Number.isFinite(ms) ? Math.max(0, ms) : null
}

/** What the banner says about a wait: the place in line, the server's rate limit, or (nothing) a network retry. */
function retryReason(err: ApiError): Pick<RetryStatus, 'reason' | 'queue'> {
  if (isQueued(err)) return { reason: 'queue', ...(err.queue ? { queue: err.queue } : {}) }
  if (err.status === 429) return { reason: 'rate-limit' }
  return {}
}

/**
 * Runs one exchange with retries: the wait is the server's Retry-After when it sent one, else backoff with jitter;
 * while it waits, the app shows a calm banner (retry-status.ts). `safe` says whether a retry may repeat the call.
 */
export async function withRetry<T>(
  attemptOnce: () => Promise<T>,
  options: { safe: boolean; retry?: Partial<RetryPolicy>; onFailure?: (err: ApiError) => void },
): Promise<T> {
  const policy = { ...DEFAULT_RETRY, ...options.retry }
  const call = Symbol('call')
  let queuedMs = 0
  try {
    for (let attempt = 0; ;) {
      try {
        return await attemptOnce()
      } catch (err) {
        const apiError = err as ApiError
        options.onFailure?.(apiError)
        // In the waiting room the call keeps its retries (up to MAX_QUEUE_WAIT_MS in line); anything else uses one.
        const queued = isQueued(apiError) && queuedMs + (apiError.retryAfterMs ?? 0) <= MAX_QUEUE_WAIT_MS
        if (!queued && (attempt >= policy.retries || !isRetryable(apiError, options.safe))) throw apiError
        const waitMs = apiError.retryAfterMs ?? backoff(attempt, policy)
        if (queued) queuedMs += waitMs
        reportRetry(call, { attempt: attempt + 2, of: policy.retries + 1, waitMs, ...retryReason(apiError) })
        await sleep(waitMs)
        if (!queued) attempt++
      }
    }
  } finally {
    reportRetry(call, null)
  }
}

/** What one HTTP exchange brought back, whatever carried it (Taro.request or the platform's upload). */
interface Answer {
  statusCode: number
  data: unknown
  header?: Record<string, unknown>
}

/** One exchange: resolves with the body of a 2xx, rejects with an ApiError otherwise; learns the server's time. */
async function exchange(send: () => Promise<Answer>): Promise<unknown> {
  const sentAt = Date.now()
  let res: Answer
  try {
    res = await send()
  } catch (err) {
    const msg = String((err as { errMsg?: string })?.errMsg ?? err)
    throw new ApiError({ code: /timeout/i.test(msg) ? 'TIMEOUT' : 'NETWORK_ERROR', status: 0 })
  }
  learnServerTime(res.header, sentAt)
  const data = typeof res.data === 'string' && res.data ? safeJson(res.data) : res.data
  if (res.statusCode >= 200 && res.statusCode < 300) return data
  throw ApiError.fromResponse(res.statusCode, data, retryAfterMs(res.header as Record<string, unknown> | undefined))
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/**
 * The one way every call reaches the server: the session token, an idempotency key on state-changing calls (the
 * same key on every retry, so the server does the action once), retries of network errors, 429 and 502-504
 * (honouring Retry-After, else backoff with jitter; only calls safe to repeat) while the app shows it is retrying,
 * the login waiting room's 503 LOGIN_QUEUE waited out with the same key (it keeps the place in line), and an
 * expired session reported to the app.
 */
async function send<Res>(
  endpoint: Route,
  options: CallOptions,
  baseHeaders: Record<string, string>,
  transport: (headers: Record<string, string>) => Promise<Answer>,
): Promise<Res> {
  const headers: Record<string, string> = { ...baseHeaders }
  const token = getSessionToken()
  if (token) headers[SESSION_HEADER] = `Bearer ${token}`
  if (isStateChanging(endpoint.method)) headers[IDEMPOTENCY_HEADER] = options.idempotencyKey ?? newIdempotencyKey()
  const safe = !isStateChanging(endpoint.method) || !!headers[IDEMPOTENCY_HEADER]

  return withRetry(() => exchange(() => transport(headers)) as Promise<Res>, {
    safe,
    retry: options.retry,
    onFailure: (err) => {
      if (err.status === 401 && endpoint.auth) notifySessionExpired()
    },
  })
}

/** Calls one JSON endpoint of the contract through Taro.request. */
export function callEndpoint<Res>(endpoint: Route, input: object, options: CallOptions = {}): Promise<Res> {
  const { url, body } = buildUrl(endpoint, input as Record<string, unknown>)
  // A JSON content type without a body (GET, DELETE) is refused by the server as an empty JSON body.
  const contentType: Record<string, string> = body ? { 'content-type': 'application/json' } : {}
  return send<Res>(endpoint, options, contentType, (header) =>
    Taro.request({
      url,
      method: endpoint.method,
      data: body,
      header,
      timeout: CLIENT_TIMEOUT_MS,
      dataType: 'json',
      responseType: 'text',
    }),
  )
}

export interface UploadCallOptions extends CallOptions {
  /** 0-100 as the file goes up. */
  onProgress?: (percent: number) => void
}

/** Sends a file to one upload endpoint of the contract through the platform's upload (multipart). */
export function uploadEndpoint<Res>(
  endpoint: Route & { upload: UploadSpec },
  filePath: string,
  fields: Record<string, string> = {},
  options: UploadCallOptions = {},
): Promise<Res> {
  // `:name` path parameters come from the fields (an application's id); the rest travel as form fields.
  const { url, body } = buildUrl({ method: 'POST', path: endpoint.path }, fields)
  return send<Res>(endpoint, options, {}, (headers) =>
    platform.uploadFile({
      url,
      filePath,
      name: endpoint.upload.field,
      formData: body as Record<string, string>,
      headers,
      onProgress: options.onProgress,
    }),
  )
}
