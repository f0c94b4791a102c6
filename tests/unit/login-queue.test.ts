import { CaptchaGate, LoginQueue, ProvenLimit, type Admission } from '../../mock-server/features/account/login-queue'

/**
 * The waiting room's arithmetic (mock-server/features/account/login-queue.ts) on a clock and hashing figures the test
 * sets: capacity from the measured scrypt throughput and the budget, waits from what is in and ahead, the end-to-end
 * throughput taking over when it is lower, and a ticket's place. The real server: tests/api/login-queue.test.ts.
 */
/** The arithmetic alone: the proven limit (tested below) starts out of the way. */
const UNPROVEN = 1e9

function room(meanMs = 50, options = {}) {
  let now = 1_000_000
  const hashing = { meanMs, concurrency: 2 }
  const queue = new LoginQueue(
    { budgetMs: 5000, initialLimit: UNPROVEN, ...options },
    () => now,
    () => hashing,
  )
  return {
    queue,
    hashing,
    advance: (ms: number) => (now += ms),
  }
}
const admitted = (a: Admission) => (a.admitted ? a : null)
const refused = (a: Admission) => (a.admitted ? null : a)

describe('login waiting room: the arithmetic', () => {
  test('capacity is the budget times the measured hashes per ms; slower hashing admits fewer', () => {
    // 2 at a time, 50 ms each: 40 per second, 200 in 5 s.
    expect(room(50).queue.measuredCapacity()).toBe(200)
    expect(room(500).queue.measuredCapacity()).toBe(20)
    // Never below one registration (two hashes).
    expect(room(100_000).queue.measuredCapacity()).toBe(2)
  })

  test('past capacity: refused with the place and a wait from what is in and ahead at that throughput', () => {
    const { queue } = room(500) // 4 hashes per second, capacity 20
    const inside = Array.from({ length: 20 }, (_v, i) => admitted(queue.admit(`k${i}`, 1)))
    expect(inside.every(Boolean)).toBe(true)
    const first = refused(queue.admit('late-1', 1))!
    expect(first.place).toEqual({ position: 1, waitSeconds: 1 })
    const second = refused(queue.admit('late-2', 2))!
    // 20 in + 1 ahead + 2 own - 20 = 3 hashes at 4 per second: 0.75 s, rounded up.
    expect(second.place).toEqual({ position: 2, waitSeconds: 1 })
    for (let i = 0; i < 40; i++) queue.admit(`more-${i}`, 1)
    const far = refused(queue.admit('far', 1))!
    // 20 in + 42 ahead (late-1, late-2 ×2, 40 more) - 20 + 1 = 43 hashes: 10.75 s.
    expect(far.place).toEqual({ position: 43, waitSeconds: 11 })
    expect(far.retryAfterSeconds).toBe(11)
  })

  test('Retry-After is capped; the wait in the body is not', () => {
    const { queue } = room(500, { maxRetryAfterSeconds: 5 })
    for (let i = 0; i < 20; i++) queue.admit(`in-${i}`, 1)
    for (let i = 0; i < 100; i++) queue.admit(`line-${i}`, 1)
    const last = refused(queue.admit('last', 1))!
    expect(last.place.waitSeconds).toBe(26)
    expect(last.retryAfterSeconds).toBe(5)
  })

  test('a release makes room for the front of the line, not for a newcomer', () => {
    const { queue } = room(500)
    const inside = Array.from({ length: 20 }, (_v, i) => admitted(queue.admit(`k${i}`, 1))!)
    refused(queue.admit('front', 1))
    inside[0].release()
    inside[0].release() // twice is once
    expect(refused(queue.admit('newcomer', 1))?.place.position).toBe(2)
    expect(admitted(queue.admit('front', 1))).not.toBeNull()
    expect(queue.status()).toMatchObject({ inFlight: 20, waiting: 1 })
  })

  test('once a line has stood a whole window, a slower end-to-end throughput lowers the capacity', () => {
    const { queue, advance } = room(50) // 40 hashes per second by scrypt alone
    const inside = Array.from({ length: 10 }, (_v, i) => admitted(queue.admit(`k${i}`, 1))!)
    // A line forms (QA fixes the capacity at 10 for a moment, so the ten fill it).
    queue.setCapacity(10)
    for (let i = 0; i < 100; i++) refused(queue.admit(`line-${i}`, 1))
    queue.setCapacity(null)
    // The ten took 10 s together (disk, a starved event loop): 10 at once over 10 s is 1 per second end to end.
    advance(10_000)
    for (const a of inside) a.release()
    expect(queue.status().throughputPerSecond).toBe(1)
    expect(queue.capacity()).toBe(5)
    // The line gone (its tickets never came back), the measured hashing counts again.
    advance(30_000)
    expect(admitted(queue.admit('fresh', 1))).not.toBeNull()
    expect(queue.capacity()).toBe(200)
  })

  test('a ticket keeps its place until its Retry-After and the grace have passed', () => {
    const { queue, advance } = room(500, { graceMs: 1000 })
    for (let i = 0; i < 20; i++) queue.admit(`in-${i}`, 1)
    const a = refused(queue.admit('a', 1))!
    refused(queue.admit('b', 1))
    advance(a.retryAfterSeconds * 1000 + 999)
    expect(refused(queue.admit('b', 1))?.place.position).toBe(2)
    advance(2)
    expect(refused(queue.admit('b', 1))?.place.position).toBe(1)
  })
})

describe('captcha gate: the arithmetic', () => {
  test('admits what is drawn within the budget at the measured throughput, then says how long to wait', () => {
    let now = 0
    const gate = new CaptchaGate(1000, () => now, UNPROVEN)
    // Before any image: 20 ms each, two at a time, so 100 in a second.
    expect(gate.capacity()).toBe(100)
    // Ten drawn together, each taking 500 ms: 20 per second, so 20 within the budget.
    const ten = Array.from({ length: 10 }, () => admitted(gate.admit())!)
    now += 500
    for (const a of ten) a.release()
    expect(gate.capacity()).toBe(20)
    const inside = Array.from({ length: 20 }, () => admitted(gate.admit()))
    expect(inside.every(Boolean)).toBe(true)
    const told = refused(gate.admit())!
    expect(told.place).toEqual({ position: null, waitSeconds: 1 })
    expect(told.retryAfterSeconds).toBe(1)
  })
})

describe('the proven limit: no more let in than was just seen to finish in time, at most doubled', () => {
  test('a crowd on a fresh server meets a small limit, whatever the first guess or an idle measurement says', () => {
    const now = 0
    // Hashing measured at 50 ms (idle): 200 fit the 5 s budget by that figure; the room lets 2 in.
    const queue = new LoginQueue(
      { budgetMs: 5000 },
      () => now,
      () => ({ meanMs: 50, concurrency: 2 }),
    )
    const crowd = Array.from({ length: 500 }, (_v, i) => queue.admit(`c${i}`, 1))
    expect(crowd.filter((a) => a.admitted)).toHaveLength(2)
    expect(queue.status().capacity).toBe(2)
    // The captcha gate's first guess (20 ms an image, two at a time) would let 100 in within a second; it lets 4.
    const gate = new CaptchaGate(1000, () => now)
    expect(Array.from({ length: 500 }, () => gate.admit()).filter((a) => a.admitted)).toHaveLength(4)
  })

  test('grows by one per job finished in time while in use, so at most doubles per round; halves on a slow one', () => {
    const limit = new ProvenLimit(4, 1000)
    // Four finished in time: the limit grows while at least half of it was in (4 and 3 of 4, then of 5).
    for (let i = 4; i > 0; i--) limit.finished(200, i)
    expect(limit.get()).toBe(6)
    for (let round = 0; round < 3; round++) {
      const n = limit.get()
      for (let i = n; i > 0; i--) limit.finished(200, i)
    }
    expect(limit.get()).toBeLessThanOrEqual(4 * 2 ** 4)
    const grown = limit.get()
    // One request at a time (an idle server) proves nothing about a crowd: the limit stays.
    for (let i = 0; i < 100; i++) limit.finished(10, 1)
    expect(limit.get()).toBe(grown)
    // Over the budget: halved, never below the floor.
    limit.finished(1500, grown)
    expect(limit.get()).toBe(Math.floor(grown / 2))
    for (let i = 0; i < 20; i++) limit.finished(1500, 1)
    expect(limit.get()).toBe(4)
  })

  test('the room lets more in as admitted logins finish within the budget, and fewer when they do not', () => {
    let now = 0
    const queue = new LoginQueue(
      { budgetMs: 5000 },
      () => now,
      () => ({ meanMs: 50, concurrency: 2 }),
    )
    let inside = [queue.admit('a', 1), queue.admit('b', 1)].map((a) => admitted(a)!)
    now += 300
    for (const a of inside) a.release()
    expect(queue.capacity()).toBe(3)
    inside = ['c', 'd', 'e'].map((k) => admitted(queue.admit(k, 1))!)
    expect(refused(queue.admit('f', 1))).not.toBeNull()
    now += 6000 // over the budget
    inside[0].release()
    expect(queue.capacity()).toBe(2)
  })
})
