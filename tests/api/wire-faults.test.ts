import { ApiError, call, setSessionToken } from '../../src/api'
import { withRetry } from '../../src/api/request'
import { onRetryStatus, type RetryStatus } from '../../src/api/retry-status'
import type { QaRequestOf } from '../../types/qa'
import { clientAgainstMock } from './support/client-mock'
import { registerCandidate } from './support/candidates'

/**
 * Faults on the wire (mock-server/core/wire-faults.ts) met by the app's own client: Retry-After honoured, only safe
 * calls retried, a dropped answer's retry answered from the first reply, the waiting reported for the banner.
 */
describe('wire faults and the client', () => {
  const mock = clientAgainstMock()
  const faults = (config: QaRequestOf<'setWireFaults'>) => mock.qaApi('setWireFaults', config)
  afterEach(async () => {
    await mock.qaApi('clearWireFaults')
    setSessionToken(null)
  })

  test('faults are off by default', async () => {
    const res = await mock.qaApi('wireFaults')
    expect(res.config).toBeNull()
  })

  test.each([
    ['busy', 503, 'SERVICE_BUSY'],
    ['rate-limit', 429, 'RATE_LIMITED'],
  ] as const)(
    'a %s answer carries Retry-After, and the client waits that long before retrying',
    async (kind, status, code) => {
      await faults({ rate: 1, kinds: [kind], path: '/api/health', retryAfterSeconds: 1 })
      const raw = await fetch(`${mock.url}/api/health`)
      expect(raw.status).toBe(status)
      expect(raw.headers.get('retry-after')).toBe('1')
      expect(((await raw.json()) as { error: { code: string } }).error.code).toBe(code)

      const seen: Array<RetryStatus | null> = []
      const stop = onRetryStatus((s) => seen.push(s))
      const started = Date.now()
      const err = (await call('health', {}, { retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 1 } }).catch(
        (e: unknown) => e,
      )) as ApiError
      stop()
      expect(err.code).toBe(code)
      // Backoff alone would have waited 1 ms.
      expect(Date.now() - started).toBeGreaterThanOrEqual(950)
      // A rate limit is told apart, so the banner says 操作过于频繁 with the wait (issue 20).
      const reason = kind === 'rate-limit' ? { reason: 'rate-limit' } : {}
      expect(seen).toEqual([{ attempt: 2, of: 2, waitMs: 1000, ...reason }, null])
    },
  )

  test('a dropped answer: the work was done once, and the retry with the same key is answered from it', async () => {
    const c = await registerCandidate(mock)
    const body = JSON.stringify({
      certificateNo: 'DROP-0001',
      school: '首都医科大学',
      graduationDate: '2020-07-01',
      major: '护理学',
      level: '本科',
      studyMode: '全日制',
    })
    const headers = {
      'content-type': 'application/json',
      authorization: `Bearer ${c.token}`,
      'idempotency-key': 'k-drop',
    }
    await faults({ rate: 1, kinds: ['drop'], path: '/api/profile/records' })
    // The headers may arrive; the body breaks off.
    await expect(
      fetch(`${mock.url}/api/profile/records/education`, { method: 'POST', headers, body }).then((r) => r.text()),
    ).rejects.toThrow()
    await mock.qaApi('clearWireFaults')
    const retry = await fetch(`${mock.url}/api/profile/records/education`, { method: 'POST', headers, body })
    expect(retry.status).toBe(201)
    expect(retry.headers.get('idempotent-replay')).toBe('true')
    setSessionToken(c.token)
    const list = await call('listRecords', { kind: 'education' })
    expect(list.records).toHaveLength(1)
  })

  test('with a fifth of requests faulty (every kind), reads and keyed saves all succeed, each saved once', async () => {
    const c = await registerCandidate(mock)
    setSessionToken(c.token)
    await faults({ rate: 0.2, retryAfterSeconds: 0, delayMs: 50 })
    const fast = { retry: { baseDelayMs: 5, maxDelayMs: 20 } }
    for (let i = 0; i < 5; i++) {
      await call('profileSummary', {}, fast)
      await call(
        'addRecord',
        {
          kind: 'degree',
          certificateNo: `FAULT-000${i}`,
          school: '首都医科大学',
          graduationDate: '2020-07-01',
          major: '护理学',
          level: '学士',
          studyMode: '全日制',
        },
        fast,
      ).catch((e: unknown) => {
        // Five degrees are the limit; anything else is a failure.
        if (!(e instanceof ApiError && e.code === 'RECORD_LIMIT')) throw e
      })
    }
    await mock.qaApi('clearWireFaults')
    const list = await call('listRecords', { kind: 'degree' })
    expect(list.records.map((r) => r.certificateNo).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `FAULT-000${i}`))
  })

  test('a call that is not safe to repeat is tried once', async () => {
    let tries = 0
    const busy = new ApiError({ code: 'SERVICE_BUSY', status: 503 })
    await expect(
      withRetry(
        async () => {
          tries++
          throw busy
        },
        { safe: false, retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 1 } },
      ),
    ).rejects.toBe(busy)
    expect(tries).toBe(1)
  })
})
