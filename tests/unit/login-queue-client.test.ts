import { ApiError } from '../../src/api/api-error'
import { MAX_QUEUE_WAIT_MS, withRetry } from '../../src/api/request'
import { onRetryStatus, type RetryStatus } from '../../src/api/retry-status'
import { bannerText } from '../../src/components/network-banner'

/**
 * The app's side of the login waiting room and of rate limits (issue 20): what the client does with a 503
 * LOGIN_QUEUE or a 429 with Retry-After, and what the banner says. The server side: tests/api/login-queue.test.ts.
 */
const queued = (retryAfterMs: number, position: number | null = 4, waitSeconds = 12) =>
  ApiError.fromResponse(
    503,
    { error: { code: 'LOGIN_QUEUE', message: '排队人数较多', queue: { position, waitSeconds } } },
    retryAfterMs,
  )

describe('the client in the waiting room', () => {
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())

  test('waits each Retry-After without using up its retries, even for a call without a key, and reports the place', async () => {
    const seen: Array<RetryStatus | null> = []
    const stop = onRetryStatus((s) => seen.push(s))
    let tries = 0
    const result = withRetry(
      async () => {
        tries++
        if (tries <= 3) throw queued(2000, 5 - tries)
        return 'in'
      },
      { safe: false, retry: { retries: 0 } },
    )
    await jest.advanceTimersByTimeAsync(6000)
    await expect(result).resolves.toBe('in')
    stop()
    expect(tries).toBe(4)
    expect(seen).toEqual([
      { attempt: 2, of: 1, waitMs: 2000, reason: 'queue', queue: { position: 4, waitSeconds: 12 } },
      { attempt: 2, of: 1, waitMs: 2000, reason: 'queue', queue: { position: 3, waitSeconds: 12 } },
      { attempt: 2, of: 1, waitMs: 2000, reason: 'queue', queue: { position: 2, waitSeconds: 12 } },
      null,
    ])
  })

  test('gives up, showing the waiting room message, once the wait in line would pass the longest wait', async () => {
    let tries = 0
    const result = withRetry(
      async () => {
        tries++
        throw queued(20_000)
      },
      { safe: true, retry: { retries: 0 } },
    ).catch((e: unknown) => e as ApiError)
    await jest.advanceTimersByTimeAsync(MAX_QUEUE_WAIT_MS + 60_000)
    const err = await result
    expect(err.code).toBe('LOGIN_QUEUE')
    expect(tries).toBe(MAX_QUEUE_WAIT_MS / 20_000 + 1)
  })

  test('a rate limit with Retry-After is waited out on a safe call and reported as such', async () => {
    const seen: Array<RetryStatus | null> = []
    const stop = onRetryStatus((s) => seen.push(s))
    let tries = 0
    const limited = ApiError.fromResponse(
      429,
      { error: { code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试' } },
      3000,
    )
    const result = withRetry(
      async () => {
        if (tries++ === 0) throw limited
        return 'ok'
      },
      { safe: true },
    )
    await jest.advanceTimersByTimeAsync(3000)
    await expect(result).resolves.toBe('ok')
    stop()
    expect(seen[0]).toEqual({ attempt: 2, of: 6, waitMs: 3000, reason: 'rate-limit' })
  })

  test('a rate limit longer than the client waits, or on an unsafe call, is shown with its wait', async () => {
    const long = ApiError.fromResponse(
      429,
      { error: { code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试' } },
      150_000,
    )
    await expect(withRetry(() => Promise.reject(long), { safe: true })).rejects.toBe(long)
    expect(long.message).toBe('操作过于频繁，请 3 分钟后再试')
    const short = ApiError.fromResponse(429, { error: { code: 'RATE_LIMITED' } }, 8000)
    await expect(withRetry(() => Promise.reject(short), { safe: false })).rejects.toBe(short)
    expect(short.message).toBe('操作过于频繁，请 8 秒后再试')
    // The server's own sentence is kept when it says more than the default.
    const own = ApiError.fromResponse(
      429,
      { error: { code: 'RATE_LIMITED', message: '人脸识别次数过多，请 1 小时后再试' } },
      3_600_000,
    )
    expect(own.message).toBe('人脸识别次数过多，请 1 小时后再试')
  })

  test('the place is read from the contract body only when it is well formed', () => {
    expect(queued(1000).queue).toEqual({ position: 4, waitSeconds: 12 })
    expect(queued(1000, null).queue).toEqual({ position: null, waitSeconds: 12 })
    const bad = ApiError.fromResponse(503, { error: { code: 'LOGIN_QUEUE', queue: { position: -1 } } }, 1000)
    expect(bad.queue).toBeNull()
    expect(bad.message).toBe('排队人数较多，请稍候，将自动重试')
  })
})

describe('what the banner says', () => {
  const status = (over: Partial<RetryStatus>): RetryStatus => ({ attempt: 2, of: 6, waitMs: 5000, ...over })

  test('the waiting room: the place and the estimated wait, counting down', () => {
    const retry = status({ reason: 'queue', queue: { position: 37, waitSeconds: 12 } })
    expect(bannerText(retry, 0)).toBe('排队人数较多，您排在第 37 位，预计等待约 12 秒，将自动继续')
    expect(bannerText(retry, 4200)).toBe('排队人数较多，您排在第 37 位，预计等待约 8 秒，将自动继续')
    // Never 0 while it still waits.
    expect(bannerText(retry, 60_000)).toBe('排队人数较多，您排在第 37 位，预计等待约 1 秒，将自动继续')
    expect(bannerText(status({ reason: 'queue', queue: { position: null, waitSeconds: 30 } }), 0)).toBe(
      '排队人数较多，预计等待约 30 秒，将自动继续',
    )
    // No body: the Retry-After is the wait.
    expect(bannerText(status({ reason: 'queue' }), 1000)).toBe('排队人数较多，预计等待约 4 秒，将自动继续')
  })

  test('a rate limit: the seconds left; a network retry: the try count', () => {
    expect(bannerText(status({ reason: 'rate-limit', waitMs: 9000 }), 2500)).toBe(
      '操作过于频繁，请 7 秒后再试（将自动重试）',
    )
    expect(bannerText(status({ attempt: 3 }), 0)).toBe('网络不稳定，正在重试（第 2/5 次）')
  })
})
