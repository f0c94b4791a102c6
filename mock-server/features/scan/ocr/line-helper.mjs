// A second thread reading text lines (lines.mjs, createLinePool): its own single-threaded recogniser, loaded when the
// thread starts (with the pipeline's models, on the first image), lines read as the pipeline sends them.
import { parentPort, workerData } from 'node:worker_threads'
import { loadRecogniser, readLines } from './lines.mjs'

const recogniser = await loadRecogniser(workerData)
parentPort.postMessage({ ready: true })

parentPort.on('message', async ({ id, lines, lexicon, options }) => {
  try {
    const timing = {}
    const results = await readLines(recogniser, lines, lexicon, options, timing)
    parentPort.postMessage({ id, ok: true, results, timing })
  } catch (err) {
    parentPort.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) })
  }
})
