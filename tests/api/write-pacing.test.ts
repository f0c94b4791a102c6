import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Store, WRITE_SHARE } from '../../mock-server/core/store'
import { FEATURES } from '../../mock-server/features'

/**
 * Whole-state writes under a stream of changes (core/store.ts): the state is serialized whole on the event loop, so
 * written back to back a big state took most of the loop and every request queued behind it. The next write waits
 * five times the last one's serialization (WRITE_SHARE), group commit gathering the changes made meanwhile, and every
 * acknowledged change is still on disk.
 */
describe('state writes are paced', () => {
  let dir: string
  let store: Store
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mock-pacing-'))
    store = new Store(
      FEATURES.flatMap((f) => (f.slice ? [f.slice] : [])),
      path.join(dir, 'state.json'),
    )
  })
  afterEach(async () => {
    await store.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  test(`a stream of changes to a state of a few MB: serializing takes at most ${WRITE_SHARE * 100} % of the time`, async () => {
    // About 1 MB of replies, as a load run leaves them.
    const at = new Date().toISOString()
    for (let i = 0; i < 5_000; i++)
      store.state.idempotency.set(`account:${i} POST /api/profile/records/education key-${i}`, {
        status: 200,
        body: {
          id: `r${i}`,
          school: '首都医科大学',
          major: '护理学',
          certificateNo: `1${String(i).padStart(11, '0')}`,
        },
        at,
        hash: 'h'.repeat(64),
      })
    store.save()
    await store.durable()
    store.resetWriteFigures()

    // Twenty clients change the state and wait for it to be on disk, as requests do, for three seconds.
    const started = performance.now()
    let acknowledged = 0
    await Promise.all(
      Array.from({ length: 20 }, async (_v, c) => {
        for (let n = 0; performance.now() - started < 3000; n++) {
          store.state.idempotency.set(`client-${c}-${n}`, { status: 200, body: null, at })
          store.save()
          await store.durable()
          acknowledged++
        }
      }),
    )
    const elapsed = performance.now() - started
    const f = store.writeFigures()
    expect(acknowledged).toBeGreaterThan(0)
    expect(f.writes).toBeGreaterThan(1)
    // The share of the time spent serializing, allowing the write under way when the stream ended.
    expect(f.serializeMs - f.maxSerializeMs).toBeLessThanOrEqual(WRITE_SHARE * elapsed * 1.25)

    // Every acknowledged change is on disk.
    const onDisk = JSON.parse(fs.readFileSync(path.join(dir, 'state.json'), 'utf8')) as { idempotency: unknown[] }
    expect(onDisk.idempotency.length).toBeGreaterThanOrEqual(5_000 + acknowledged)
  }, 60_000)
})
