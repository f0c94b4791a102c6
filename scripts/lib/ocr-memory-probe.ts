/**
 * One fresh process reading images through the server's OCR engine (a reading thread, its line helpers), for the
 * scanner bench's memory figures (scripts/bench-ocr.ts): a process's resident memory only grows, so each setting is
 * measured in its own process. Prints one JSON line: the peak RSS of the process (the kernel's own count, every thread
 * included) before the first image and after each image, and each image's result.
 *
 *   OCR_REC_WORKERS=1 npx tsx scripts/lib/ocr-memory-probe.ts a.jpg a.jpg b.jpg
 */
import fs from 'node:fs'
import { OcrEngine } from '../../mock-server/features/scan/ocr/engine'

/** The process's peak resident memory so far, in bytes (getrusage: every thread, sampled by the kernel). */
const peakRss = () => process.resourceUsage().maxRSS * 1024

async function main(): Promise<void> {
  const engine = new OcrEngine()
  const before = peakRss()
  const images = []
  for (const file of process.argv.slice(2)) {
    const result = await engine.recognise(fs.readFileSync(file))
    images.push({ file, peakRss: peakRss(), ...result })
  }
  await engine.close()
  console.log(JSON.stringify({ before, images }))
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
