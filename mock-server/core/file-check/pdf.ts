import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'

/**
 * PDFs are checked off the request path (issue 20): on a small pool of worker threads (pdf.worker.mjs), each check
 * under a time limit (past it the worker is terminated and replaced) and a memory limit (`resourceLimits`: a worker
 * past it dies with ERR_WORKER_OUT_OF_MEMORY, the server does not). The event loop only posts the bytes and waits, so
 * a hostile file costs at most one worker for `timeMs`, never the health check or anyone's login.
 * https://nodejs.org/api/worker_threads.html#new-workerfilename-options (resourceLimits)
 * https://nodejs.org/api/worker_threads.html#workerterminate
 */

export type PdfProblem = 'unreadable' | 'encrypted' | 'active-content' | 'too-complex' | 'too-many-pages' | 'busy'
export type PdfVerdict = { ok: true; pages: number } | { ok: false; problem: PdfProblem; reason: string }

export interface PdfCheckLimits {
  /** Worker threads; by default one per core beyond the event loop's, at least one, at most two. */
  workers?: number
  timeMs: number
  memoryMb: number
  maxPages: number
  /** Checks waiting for a worker; past it the answer is `busy`. */
  maxQueue: number
  /** A worker idle this long is ended (30 s by default), so a quiet server holds no parser's memory. */
  idleMs?: number
}

interface Job {
  bytes: Uint8Array
  resolve: (v: PdfVerdict) => void
}

interface Slot {
  worker: Worker
  ready: boolean
  job: (Job & { id: number; timer: NodeJS.Timeout }) | null
  /** Ends the worker once it has been idle for `idleMs`. */
  idle: NodeJS.Timeout | null
}

/** The default size on this machine: on 2 cores, one worker (the other core stays with the event loop). */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(2, os.availableParallelism() - 1))
}

export class PdfCheckPool {
  private readonly slots: Slot[] = []
  private readonly queue: Job[] = []
  private seq = 0
  private closed = false
  private readonly size: number
  /** The most workers alive at once so far (never above the pool's size). */
  peakWorkers = 0
  /** Workers alive now. */
  get workers(): number {
    return this.slots.length
  }

  constructor(private readonly limits: PdfCheckLimits) {
    this.size = limits.workers ?? defaultWorkers()
  }

  /** The verdict on one file; never rejects. */
  check(bytes: Uint8Array): Promise<PdfVerdict> {
    if (this.closed) return Promise.resolve({ ok: false, problem: 'busy', reason: 'closed' })
    if (this.queue.length >= this.limits.maxQueue) {
      return Promise.resolve({ ok: false, problem: 'busy', reason: 'queue' })
    }
    return new Promise((resolve) => {
      this.queue.push({ bytes, resolve })
      this.pump()
    })
  }

  async close(): Promise<void> {
    this.closed = true
    for (const job of this.queue.splice(0)) job.resolve({ ok: false, problem: 'busy', reason: 'closed' })
    await Promise.all(this.slots.splice(0).map((s) => this.end(s, { ok: false, problem: 'busy', reason: 'closed' })))
  }

  /** Hands waiting checks to idle, ready workers; starts workers up to the pool's size. */
  private pump(): void {
    while (this.slots.length < this.size && this.slots.length < this.queue.length + this.busyCount()) this.spawn()
    for (const slot of this.slots) {
      if (!slot.ready || slot.job || !this.queue.length) continue
      const job = this.queue.shift()!
      const id = ++this.seq
      // Copied into a buffer of its own and moved, not cloned: the request's Buffer may share a pool.
      const copy = new Uint8Array(job.bytes)
      const timer = setTimeout(
        () => void this.end(slot, { ok: false, problem: 'too-complex', reason: 'time' }),
        this.limits.timeMs,
      )
      slot.job = { ...job, id, timer }
      if (slot.idle) clearTimeout(slot.idle)
      slot.idle = null
      slot.worker.ref()
      slot.worker.postMessage({ id, bytes: copy.buffer, maxPages: this.limits.maxPages }, [copy.buffer])
    }
  }

  private busyCount(): number {
    return this.slots.filter((s) => s.job).length
  }

  private spawn(): void {
    const worker = new Worker(path.join(__dirname, 'pdf.worker.mjs'), {
      resourceLimits: {
        maxOldGenerationSizeMb: this.limits.memoryMb,
        maxYoungGenerationSizeMb: Math.max(4, Math.round(this.limits.memoryMb / 8)),
        stackSizeMb: 4,
      },
    })
    const slot: Slot = { worker, ready: false, job: null, idle: null }
    this.slots.push(slot)
    this.peakWorkers = Math.max(this.peakWorkers, this.slots.length)
    worker.unref()
    worker.on('message', (msg: { ready?: true; id?: number; verdict?: PdfVerdict }) => {
      if (msg.ready) {
        slot.ready = true
      } else if (slot.job && msg.id === slot.job.id && msg.verdict) {
        clearTimeout(slot.job.timer)
        slot.job.resolve(msg.verdict)
        slot.job = null
        worker.unref()
      }
      this.pump()
      if (!slot.job && !slot.idle && this.slots.includes(slot)) {
        slot.idle = setTimeout(
          () => void this.end(slot, { ok: false, problem: 'busy', reason: 'idle' }),
          this.limits.idleMs ?? 30_000,
        )
        slot.idle.unref()
      }
    })
    // Out of memory (ERR_WORKER_OUT_OF_MEMORY) or any other death: the check it held is too complex, the slot goes.
    worker.on('error', (err: Error & { code?: string }) => {
      const reason = err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'worker'
      void this.end(slot, { ok: false, problem: 'too-complex', reason })
    })
    worker.on('exit', () => void this.end(slot, { ok: false, problem: 'too-complex', reason: 'worker' }))
  }

  /** Ends a worker (past its time, dead, or closing): its check gets `verdict`, the slot is freed for a new one. */
  private async end(slot: Slot, verdict: PdfVerdict): Promise<void> {
    const i = this.slots.indexOf(slot)
    if (i >= 0) this.slots.splice(i, 1)
    if (slot.idle) clearTimeout(slot.idle)
    slot.idle = null
    if (slot.job) {
      clearTimeout(slot.job.timer)
      slot.job.resolve(verdict)
      slot.job = null
    }
    if (i >= 0 && !slot.ready) {
      // It died before it could take any work (it cannot load): the waiting checks are answered, not respawned for.
      for (const job of this.queue.splice(0)) job.resolve({ ok: false, problem: 'busy', reason: 'worker-start' })
    } else if (!this.closed) this.pump()
    await slot.worker.terminate()
  }
}
