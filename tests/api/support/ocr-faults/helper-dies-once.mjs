// A line helper thread that dies holding a line on the first image it is given, the first time it is started
// (workerData.start 0); started again, it is the real helper (ocr/line-helper.mjs). tests/api/scan-faults.test.ts
// gives it to the OCR engine in place of ocr/line-helper.mjs, to see the pool start a dead helper again.
import { parentPort, workerData } from 'node:worker_threads'

if (workerData.start === 0) {
  parentPort.postMessage({ ready: true })
  parentPort.on('message', ({ shared }) => {
    Atomics.add(shared.counter, 0, 1)
    process.exit(70)
  })
} else {
  await import('../../../../mock-server/features/scan/ocr/line-helper.mjs')
}
