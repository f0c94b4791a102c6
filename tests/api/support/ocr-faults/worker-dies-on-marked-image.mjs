// The OCR reading thread (ocr/worker.mjs), except that it dies while reading an image that carries the marker below
// (in a JPEG comment): tests/api/scan-faults.test.ts gives it to the OCR engine in place of ocr/worker.mjs. The real
// worker is imported first, so it has its listener and starts reading the image; this one then ends the thread.
import '../../../../mock-server/features/scan/ocr/worker.mjs'
import { parentPort } from 'node:worker_threads'

const MARKER = Buffer.from('ocr-fault: die while reading')

parentPort.on('message', ({ bytes }) => {
  if (Buffer.from(bytes).includes(MARKER)) process.exit(70)
})
