// The OCR worker thread: one reader (models loaded on the first image, kept for the life of the thread), images read
// one at a time in the order they come. Settings from the environment, and any the engine gives (workerData).
import { parentPort, workerData } from 'node:worker_threads'
import { createReader, settingsFromEnv } from './pipeline.mjs'

const reader = createReader({ ...settingsFromEnv(), ...workerData?.settings })

parentPort.on('message', async ({ id, bytes, lexicon }) => {
  try {
    parentPort.postMessage({ id, ok: true, result: await reader.recognise(bytes, lexicon) })
  } catch (err) {
    const modelsFailed = err?.modelsFailed === true
    parentPort.postMessage({ id, ok: false, modelsFailed, error: err instanceof Error ? err.message : String(err) })
    // Models that did not load end the thread: the next image starts a new one, which loads them again.
    if (modelsFailed) process.exit(1)
  }
})
