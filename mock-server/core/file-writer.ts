import path from 'node:path'
import { Worker } from 'node:worker_threads'

/**
 * Writes files atomically and durably (temp file, fsync, rename, fsync of the directory) on one worker thread
 * (file-writer.worker.mjs). Off the request path, and off libuv's thread pool, where a login peak's password hashing
 * would otherwise make every write wait. The worker starts on the first write and never keeps the process alive.
 */
export class FileWriter {
  private worker: Worker | null = null
  private seq = 0
  private readonly pending = new Map<number, { resolve: () => void; reject: (err: Error) => void }>()

  /** Resolves once `data` is in `file` on disk; `tmp` is the temp name to write first (same directory). */
  write(file: string, tmp: string, data: string | Uint8Array): Promise<void> {
    const worker = this.ensureWorker()
    const id = ++this.seq
    worker.ref()
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      worker.postMessage({ id, file, tmp, data })
    })
  }

  async close(): Promise<void> {
    const worker = this.worker
    this.worker = null
    if (worker) await worker.terminate()
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker
    const worker = new Worker(path.join(__dirname, 'file-writer.worker.mjs'))
    worker.on('message', ({ id, error }: { id: number; error?: string }) => {
      const waiter = this.pending.get(id)
      this.pending.delete(id)
      if (this.pending.size === 0) worker.unref()
      if (error) waiter?.reject(new Error(error))
      else waiter?.resolve()
    })
    const fail = (err: Error) => {
      for (const waiter of this.pending.values()) waiter.reject(err)
      this.pending.clear()
      if (this.worker === worker) this.worker = null
    }
    worker.on('error', fail)
    worker.on('exit', (code) => fail(new Error(`file writer exited (${code})`)))
    worker.unref()
    this.worker = worker
    return worker
  }
}
