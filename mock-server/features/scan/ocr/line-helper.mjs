// A second thread reading text lines (lines.mjs, createLinePool): its own single-threaded recogniser, loaded when the
// thread starts (with the pipeline's models, on the first image); for each image it takes lines from the shared
// counter until none is left (lines.mjs, takeLines).
import { parentPort, workerData } from 'node:worker_threads'
import { loadRecogniser, takeLines } from './lines.mjs'

const recogniser = await loadRecogniser(workerData)
parentPort.postMessage({ ready: true })

parentPort.on('message', async ({ id, shared, lexicon }) => {
  try {
    const timing = { lexiconMs: 0, runs: 0 }
    const results = await takeLines(recogniser, shared, lexicon, timing)
    parentPort.postMessage({ id, ok: true, results, timing })
  } catch (err) {
    parentPort.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) })
  }
})
