import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startMock, type RunningMock } from '../support/servers'
import { send, solvedCaptcha } from './support/candidates'

/**
 * With --data an answer waits until the changes made while its request ran are on disk (app.ts). A refusal by
 * admission control (the waiting room's 503 LOGIN_QUEUE, a rate limit's 429) reads and changes nothing, so it leaves
 * at once even while others' writes are pending: under a peak it waited a second or more for them, though its point
 * is to come at once. Here the disk never answers, and the refusals still do.
 */
describe('admission refusals do not wait for the disk', () => {
  let dir: string
  let mock: RunningMock
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mock-refusal-'))
    mock = await startMock({
      dataFile: path.join(dir, 'state.json'),
      rateLimits: { captcha: { limit: 1, windowMs: 60_000 } },
    })
  })
  afterAll(async () => {
    await mock.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }, 30_000)

  test('a 503 LOGIN_QUEUE and a 429 RATE_LIMITED answer while every write is pending forever', async () => {
    const captcha = await solvedCaptcha(mock)
    await mock.qaApi('setLoginQueue', { capacity: 0 })
    const store = mock.app.store
    const { durable } = store
    let version = store.currentVersion
    // From here, something changes during every request, and the disk never confirms a write.
    Object.defineProperty(store, 'currentVersion', { get: () => ++version, configurable: true })
    const held: Array<() => void> = []
    store.durable = () => new Promise<void>((resolve) => held.push(resolve))
    try {
      const queued = await send(
        mock,
        'POST',
        '/api/account/login',
        { username: 'nobody01', password: 'Abcdef12', ...captcha },
        {},
      )
      expect(queued.status).toBe(503)
      expect((queued.body as { error: { code: string } }).error.code).toBe('LOGIN_QUEUE')
      // The captcha limit is 1 a minute, taken by the solved captcha above.
      const limited = await send(mock, 'GET', '/api/captcha')
      expect(limited.status).toBe(429)
    } finally {
      delete (store as unknown as { currentVersion?: number }).currentVersion
      store.durable = durable
      // Anything that waited for the disk is let go, so the server closes.
      for (const resolve of held) resolve()
    }
  }, 30_000)
})
