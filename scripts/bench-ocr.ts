/**
 * The scanner's benchmark: real OCR and field extraction on every fixture under tests/fixtures/xuexin/, with the
 * figures beside the targets of issue 6. Prints a table; never fails on a missed target (it reports).
 *
 *   npx tsx scripts/bench-ocr.ts            # the table
 *   npx tsx scripts/bench-ocr.ts --record   # also writes each fixture's OCR boxes to tests/fixtures/xuexin/boxes/
 *   npx tsx scripts/bench-ocr.ts --json out.json
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { OcrEngine } from '../mock-server/features/scan/ocr/engine'
import { extractXuexin } from '../domain/xuexin-extract'
import type { ScanField } from '../types/scan'
import type { FixtureExpectation } from './gen-xuexin-fixtures'

const DIR = path.join(__dirname, '..', 'tests', 'fixtures', 'xuexin')
const WARM_RUNS = 3
const GiB = 1024 ** 3

interface Row {
  id: string
  size: string
  degraded: boolean
  right: number
  present: number
  wrong: string[]
  verdictOk: boolean
  ms: number
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const record = args.includes('--record')
  const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null

  let peakRss = process.memoryUsage().rss
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
  }, 20)

  const ids = fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.jpg'))
    .map((f) => f.slice(0, -4))
    .sort()
  const engine = new OcrEngine()
  const rows: Row[] = []
  let loadMs = 0
  let firstMs = 0
  const warm: number[] = []
  const warmPhone: number[] = []
  const warmPhoneCpu: number[] = []

  for (const [index, id] of ids.entries()) {
    const expected = JSON.parse(fs.readFileSync(path.join(DIR, `${id}.json`), 'utf8')) as FixtureExpectation
    const image = fs.readFileSync(path.join(DIR, `${id}.jpg`))
    const started = performance.now()
    const result = await engine.recognise(image)
    const wall = performance.now() - started
    if (index === 0) {
      loadMs = result.loadMs
      firstMs = result.ms
    } else warm.push(result.ms)
    if (record) {
      fs.mkdirSync(path.join(DIR, 'boxes'), { recursive: true })
      const recorded = { fixture: id, width: result.width, height: result.height, boxes: result.boxes }
      fs.writeFileSync(path.join(DIR, 'boxes', `${id}.json`), `${JSON.stringify(recorded, null, 1)}\n`)
    }
    const got = extractXuexin(result.boxes)
    const wantFields = Object.entries(expected.fields) as [ScanField, string][]
    const wrong = wantFields.filter(([f, v]) => got.fields[f] !== v).map(([f]) => `${f}=${got.fields[f] ?? '∅'}`)
    rows.push({
      id,
      size: `${expected.width}×${expected.height}`,
      degraded: expected.degraded,
      right: wantFields.length - wrong.length,
      present: wantFields.length,
      wrong,
      verdictOk:
        got.notXuexin === (expected.kind === 'none') && (expected.kind === 'none' || got.kind === expected.kind),
      ms: wall,
    })
  }

  // Warm timing of the target size: the same 750×1334 screenshot a few more times.
  const phone = ids.find((id) => id === 'phone-750-wang')
  if (phone) {
    const image = fs.readFileSync(path.join(DIR, `${phone}.jpg`))
    for (let i = 0; i < WARM_RUNS; i++) {
      const r = await engine.recognise(image)
      warmPhone.push(r.ms)
      warmPhoneCpu.push(r.cpuMs)
    }
  }
  await engine.close()
  clearInterval(sampler)
  peakRss = Math.max(peakRss, process.memoryUsage().rss)

  const sum = (rs: Row[]) =>
    rs.reduce((a, r) => ({ right: a.right + r.right, present: a.present + r.present }), { right: 0, present: 0 })
  const clean = sum(rows.filter((r) => !r.degraded))
  const degraded = sum(rows.filter((r) => r.degraded))
  const pct = (t: { right: number; present: number }) => (t.present ? (100 * t.right) / t.present : 100)

  const lines: string[] = []
  lines.push('## OCR scanner (tests/fixtures/xuexin)', '')
  lines.push('| fixture | size | fields right | verdict | time ms | wrong |', '| --- | --- | --- | --- | --- | --- |')
  for (const r of rows) {
    const name = `${r.id}${r.degraded ? ' (degraded)' : ''}`
    lines.push(
      `| ${name} | ${r.size} | ${r.right}/${r.present} | ${r.verdictOk ? 'ok' : 'WRONG'} | ${Math.round(r.ms)} | ${r.wrong.join(', ')} |`,
    )
  }
  const phoneMedian = warmPhone.length ? median(warmPhone) : NaN
  lines.push('', '| figure | measured | target |', '| --- | --- | --- |')
  lines.push(`| fields right, clean | ${clean.right}/${clean.present} (${pct(clean).toFixed(1)}%) | 100% |`)
  lines.push(
    `| fields right, degraded | ${degraded.right}/${degraded.present} (${pct(degraded).toFixed(1)}%) | ≥ 95% |`,
  )
  lines.push(`| model load | ${Math.round(loadMs)} ms | |`)
  lines.push(`| first image | ${Math.round(firstMs)} ms | |`)
  lines.push(`| warm median, all fixtures | ${Math.round(median(warm))} ms | |`)
  lines.push(`| warm median, 750×1334 (${warmPhone.length} runs) | ${Math.round(phoneMedian)} ms | < 2500 ms |`)
  lines.push(`| CPU time per 750×1334 image (all threads, median) | ${Math.round(median(warmPhoneCpu))} ms | |`)
  lines.push(
    `| machine load average (1 min) at the end | ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores | |`,
  )
  lines.push(`| peak RSS of the process | ${(peakRss / GiB).toFixed(2)} GiB | < 1.2 GiB |`)
  console.log(lines.join('\n'))

  if (jsonOut) {
    const figures = { rows, clean, degraded, loadMs, firstMs, warmMedianMs: median(warm), phoneMedian, peakRss }
    fs.writeFileSync(jsonOut, `${JSON.stringify(figures, null, 2)}\n`)
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
