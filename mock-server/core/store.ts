import fs from 'node:fs'
import path from 'node:path'
import { FileBlobStore, MemoryBlobStore, type BlobStore } from './blobs'
import { FileWriter } from './file-writer'
import { Clock } from './clock'
import { NOBODY, type Identity } from './identity'
import { fieldsOf, mapFrom, stateToJson } from './persist'

/**
 * Everything the mock backend knows, so a restart with `--data` loses nothing. Core holds the idempotency replies;
 * each feature adds its slice (its slice.ts: `declare module '../../core/store' { interface State { … } }`) and the
 * store puts the slices together. Every collection keyed by a caller's id is a Map (never a plain object: an id like
 * `__proto__` or `constructor` must be just a key).
 */
export interface StoredReply {
  status: number
  body: unknown
  at: string
  /** The request's hash (core/idempotency.ts): the same key with another request is a conflict. */
  hash?: string
  /** The account the reply concerns (erased with it on cancellation). */
  owner?: string
}

export interface State {
  /** Replies to state-changing calls, by idempotency key, so a retried call is answered, not done twice. */
  idempotency: Map<string, StoredReply>
}

/**
 * A feature's part of the state (its slice.ts): its collections, which it adds to `State`
 * (`declare module '../../core/store'`), how they start, how they come back from the state file, what expires in them
 * and which stored files (blobs) they refer to.
 */
export interface StateSlice {
  /** The slice's collections when nothing is stored yet. */
  empty(): Partial<State>
  /** Rebuilds them from the state file's JSON: this version's files and older ones. */
  revive(json: Record<string, unknown>, blobs: BlobStore): Partial<State>
  /** Drops what has expired by the clock; how many entries went. */
  prune?(state: State, now: number): number
  /** The blobs the slice refers to (the rest are swept). */
  blobIds?(state: State): Iterable<string>
}

/** A slice that is one field of State (most are), from functions of that field alone. */
export function sliceOf<K extends keyof State>(
  key: K,
  field: {
    empty(): State[K]
    revive(json: unknown, blobs: BlobStore): State[K]
    prune?(value: State[K], now: number): number
    blobIds?(value: State[K]): Iterable<string>
  },
): StateSlice {
  const { prune, blobIds } = field
  return {
    empty: () => ({ [key]: field.empty() }) as Partial<State>,
    revive: (json, blobs) => ({ [key]: field.revive(json[key], blobs) }) as Partial<State>,
    ...(prune ? { prune: (state: State, now: number) => prune(state[key], now) } : {}),
    ...(blobIds ? { blobIds: (state: State) => blobIds(state[key]) } : {}),
  }
}

/** The state with every slice's collections empty. */
export function emptyState(slices: readonly StateSlice[]): State {
  return Object.assign({ idempotency: new Map() }, ...slices.map((s) => s.empty())) as State
}

/**
 * Rebuilds the state from its JSON. Reads this version's files (Maps as entry lists) and older ones (Maps written as
 * plain objects, photos inside the state, collections missing because a feature came later).
 */
export function reviveState(raw: unknown, blobs: BlobStore, slices: readonly StateSlice[]): State {
  const json = fieldsOf(raw)
  return Object.assign(
    { idempotency: mapFrom<StoredReply>(json.idempotency) },
    ...slices.map((s) => s.revive(json, blobs)),
  ) as State
}

/** A stored reply to a state-changing call is kept this long (a retry comes within seconds or minutes). */
export const IDEMPOTENCY_TTL_MS = 60 * 60 * 1000
/** How often expired entries are pruned and unreferenced blobs swept, besides before writes and on clock moves. */
const MAINTENANCE_MS = 30 * 1000
/** A blob younger than this is never swept: its upload may not have reached the state yet. */
const BLOB_GRACE_MS = 60 * 1000
/**
 * The most of the event loop's time whole-state writes may take under a stream of changes: after a write whose
 * serialization held the loop S ms, the next one starts no sooner than S / WRITE_SHARE after it began (group commit
 * gathers what changes meanwhile). The state is serialized whole, so S grows with it (tens of ms at a few MB); written
 * back to back, writes took 40 % of the loop in a 500-candidate load run and requests queued behind them.
 */
export const WRITE_SHARE = 0.2
/** However long serialization takes, an acknowledgement never waits more than this for its write to start. */
const MAX_WRITE_GAP_MS = 1000

/** What the state writes cost the event loop (QA `serverLoad`): main-thread wall time of serializing and handing over. */
export interface WriteFigures {
  writes: number
  /** Size of the last write, and of all, in bytes (UTF-16 code units of the JSON: close to bytes for ASCII). */
  lastChars: number
  totalChars: number
  /** Event-loop time spent serializing the state and handing it to the writer thread, in ms. */
  serializeMs: number
  /** The longest one write held the event loop, in ms. */
  maxSerializeMs: number
  /** Answers held until their changes were on disk (durable()), and how long they waited in all and at most, in ms. */
  durableWaits: number
  durableWaitMs: number
  maxDurableWaitMs: number
}

const NO_WRITES: WriteFigures = {
  writes: 0,
  lastChars: 0,
  totalChars: 0,
  serializeMs: 0,
  maxSerializeMs: 0,
  durableWaits: 0,
  durableWaitMs: 0,
  maxDurableWaitMs: 0,
}

/**
 * Holds the state, the server's clock and the uploaded files. With a file (`--data`), changes are written in
 * batches off the request path, and an answer waits until what it depends on is on disk:
 *
 * - save() after a change only marks the state changed and schedules a write; it never blocks the request.
 * - One write at a time: the whole state as JSON to a temp file, fsync, rename over the file, fsync the directory,
 *   on a thread of its own (core/file-writer.ts), so writes never wait behind password hashing in libuv's pool.
 *   Changes made while a write runs go in the next one (group commit), so a burst of requests costs a few writes.
 * - The guarantee: a response is sent only once every change made before it is on disk (durable()), so an
 *   acknowledged write survives SIGKILL or a power cut; a change whose answer never came may be lost. Uploaded
 *   files are on disk (core/blobs.ts) before the state refers to them.
 * - A temp file left by a killed process is removed at start; expired idempotency replies, and what each slice says
 *   has expired (captchas, sessions, verifications, recoveries, reset tokens), are pruned by the clock; unreferenced
 *   blobs are swept.
 */
export class Store {
  state: State
  /** The server's one clock: every "now" in the mock server comes from here (QA moves it with /__qa/clock). */
  readonly clock = new Clock()
  /** Uploaded files (photos), beside the state file (`<file>.blobs/`), or in memory. */
  readonly blobs: BlobStore
  /** Who is calling (core/identity.ts): the account feature provides it when it is registered. */
  identity: Identity = NOBODY

  /** Bumped by every save(); `written` is the last version on disk. */
  private version = 0
  private written = 0
  private writing: Promise<void> | null = null
  private waiters: Array<{ version: number; resolve: () => void; reject: (err: Error) => void }> = []
  private lastPrune = 0
  private readonly maintenance: NodeJS.Timeout
  /** When the last write's serialization started and how long it held the loop (the write pacing). */
  private lastWrite = { startedAt: 0, serializeMs: 0 }
  private figures: WriteFigures = { ...NO_WRITES }

  /** Durable atomic writes on a thread of their own (with a file). */
  private readonly writer = new FileWriter()

  /** The features' slices (mock-server/features/index.ts), and the state file, if any. */
  constructor(
    readonly slices: readonly StateSlice[],
    private readonly file?: string,
  ) {
    this.blobs = file ? new FileBlobStore(`${file}.blobs`, this.writer) : new MemoryBlobStore()
    if (file) removeStrayTemps(file)
    this.state = file && fs.existsSync(file) ? this.revive(JSON.parse(fs.readFileSync(file, 'utf8'))) : this.empty()
    this.maintenance = setInterval(() => void this.maintain(), MAINTENANCE_MS)
    this.maintenance.unref()
  }

  /** The state with every slice's collections empty. */
  empty(): State {
    return emptyState(this.slices)
  }

  /** The state from its JSON (a state file's). */
  revive(raw: unknown): State {
    return reviveState(raw, this.blobs, this.slices)
  }

  /** Replace the whole state (reset, scenario) and save. */
  replace(next: State): void {
    this.state = next
    this.save()
  }

  /** Call after every mutation: the change is written soon, in a batch (see durable()). */
  save(): void {
    if (!this.file) return
    this.version++
    this.startWriting()
  }

  /** Starts the write loop unless it runs (on the next turn, so the changes of this turn go in one write). */
  private startWriting(): void {
    if (!this.writing) this.writing = new Promise((resolve) => setImmediate(resolve)).then(() => this.writeLoop())
  }

  /** The version of the state right now; durable(version) waits until it is on disk. */
  get currentVersion(): number {
    return this.version
  }

  /** Resolves once every change made up to `version` (all so far by default) is on disk; rejects if a write failed. */
  durable(version = this.version): Promise<void> {
    if (!this.file || this.written >= version) return Promise.resolve()
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ version, resolve, reject }))
    // After a failed write nothing may be running: try again rather than wait forever.
    this.startWriting()
    const asked = performance.now()
    const figures = this.figures
    return done.finally(() => {
      const ms = performance.now() - asked
      figures.durableWaits++
      figures.durableWaitMs += ms
      figures.maxDurableWaitMs = Math.max(figures.maxDurableWaitMs, ms)
    })
  }

  /** Drops what has expired by the clock; how many entries went. */
  prune(): number {
    const now = this.clock.now()
    const s = this.state
    let removed = 0
    for (const slice of this.slices) removed += slice.prune?.(s, now) ?? 0
    for (const [key, reply] of s.idempotency) {
      if (Date.parse(reply.at) + IDEMPOTENCY_TTL_MS > now) continue
      s.idempotency.delete(key)
      removed++
    }
    // Machine time on purpose: how often to prune is housekeeping, not business time (what expires reads the clock).
    this.lastPrune = Date.now()
    if (removed) this.save()
    return removed
  }

  /** Writes what is pending and stops the timers (the server's close). */
  async close(): Promise<void> {
    clearInterval(this.maintenance)
    while (this.writing) await this.writing
    await this.writer.close()
  }

  private async maintain(): Promise<void> {
    this.prune()
    await this.blobs.sweep(this.blobIds(), BLOB_GRACE_MS).catch(() => 0)
  }

  private blobIds(): Set<string> {
    return new Set(this.slices.flatMap((slice) => [...(slice.blobIds?.(this.state) ?? [])]))
  }

  /** What the writes have cost the event loop so far (QA `serverLoad`). */
  writeFigures(): WriteFigures {
    return { ...this.figures }
  }

  /** Starts the write figures afresh (QA `resetServerLoad`). */
  resetWriteFigures(): void {
    this.figures = { ...NO_WRITES }
  }

  /**
   * Waits until the loop may serialize again: at most WRITE_SHARE of its time goes to writes (see WRITE_SHARE).
   * Machine time, as pacing is about the machine's work, not business time.
   */
  private async paced(): Promise<void> {
    const { startedAt, serializeMs } = this.lastWrite
    const gap = Math.min(MAX_WRITE_GAP_MS, serializeMs / WRITE_SHARE) - (performance.now() - startedAt)
    if (gap > 0) await new Promise((resolve) => setTimeout(resolve, gap))
  }

  private async writeLoop(): Promise<void> {
    try {
      while (this.written < this.version) {
        await this.paced()
        if (Date.now() - this.lastPrune > 1000) this.prune() // housekeeping pace: machine time, as above
        const version = this.version
        const file = this.file as string
        const tmp = path.join(path.dirname(file), `${tempPrefix(file)}${process.pid}.tmp`)
        const startedAt = performance.now()
        const json = stateToJson(this.state)
        const written = this.writer.write(file, tmp, json)
        const serializeMs = performance.now() - startedAt
        this.lastWrite = { startedAt, serializeMs }
        const f = this.figures
        f.writes++
        f.lastChars = json.length
        f.totalChars += json.length
        f.serializeMs += serializeMs
        f.maxSerializeMs = Math.max(f.maxSerializeMs, serializeMs)
        await written
        this.written = version
        this.settle((w) => w.version <= version, null)
      }
    } catch (err) {
      // Nothing pending is acknowledged (those answers become errors); the next save() or durable() tries again.
      this.settle(() => true, err as Error)
    } finally {
      this.writing = null
    }
  }

  private settle(which: (w: { version: number }) => boolean, err: Error | null): void {
    const done = this.waiters.filter(which)
    this.waiters = this.waiters.filter((w) => !which(w))
    for (const w of done) {
      if (err) w.reject(err)
      else w.resolve()
    }
  }
}

const tempPrefix = (file: string) => `.${path.basename(file)}.`

/** A temp file is only ever a write that did not finish (a killed process): it is not the state, and it goes. */
function removeStrayTemps(file: string): void {
  const dir = path.dirname(file)
  if (!fs.existsSync(dir)) return
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith(tempPrefix(file)) && name.endsWith('.tmp')) fs.rmSync(path.join(dir, name), { force: true })
  }
}
