// A line helper thread that starts, then dies in the middle of an image holding a line: it takes the next line from the
// shared counter (as ocr/lines.mjs takeLines does) and exits before answering. tests/api/scan-faults.test.ts gives it
// to the OCR engine in place of ocr/line-helper.mjs; the line it took must still be read.
import { parentPort } from 'node:worker_threads'

parentPort.postMessage({ ready: true })
parentPort.on('message', ({ shared }) => {
  Atomics.add(shared.counter, 0, 1)
  process.exit(70)
})
