import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { filesUnder, measurePackages, PLATFORM_LIMITS, sizeOf } from './lib/package-size'
import { ROOT, buildTarget, distOf, logTail, seconds, targetsFromArgs, type Target } from '../devkit/taro-build'

/**
 * `npm run bench`: builds each target (timed), then prints package sizes per platform beside the platform's limit
 * and this project's own budget, and for H5 the JS/CSS totals with gzipped JS. Figures only: it never fails on a
 * budget. Ends with the scanner's benchmark (scripts/bench-ocr.ts) when that exists.
 *
 *   npm run bench                     # build all four, then measure
 *   npm run bench -- --no-build       # measure what is in dist/ now
 *   npm run bench -- weapp h5         # only these targets
 *   npm run bench -- --no-ocr         # without the scanner's benchmark
 *   npm run bench -- --no-load        # without the mock server's load run (scripts/bench-load.ts)
 *   npm run bench -- --no-experience  # without the experience-score figures (scripts/bench-experience.ts)
 *   npm run bench -- --load-only      # only the load run: 500 then 2,000 candidates (--candidates 500,2000 --seconds S)
 */

const KB = 1024
const MB = 1024 * KB

/**
 * This project's stricter budgets: a main package that loads fast on hospital Wi-Fi leaves room for growth below
 * the platform's 2 MB, and the H5 first load is what a candidate's browser downloads before the login page shows.
 */
const BUDGET = {
  mainPackage: 800 * KB,
  subPackage: 500 * KB,
  h5EntryJsGzip: 150 * KB,
}

type MiniTarget = Exclude<Target, 'h5'>

const gzipOf = (files: string[]) =>
  files.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length, 0)

function human(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(2)} MB`
  return `${(bytes / KB).toFixed(1)} KB`
}

const share = (bytes: number, of: number) => `${((bytes / of) * 100).toFixed(0)}%`

interface Row {
  cells: string[]
}

function table(header: string[], rows: Row[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r.cells[i] ?? '').length)))
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => line(r.cells))].join('\n')
}

/** Main package and subpackages of one mini-program output, beside the platform's limits and the budgets. */
function measureMini(target: MiniTarget): Row[] {
  const sizes = measurePackages(distOf(target))
  const limit = PLATFORM_LIMITS[target]
  const rows: Row[] = [
    {
      cells: [
        `${target} main package`,
        human(sizes.main.bytes),
        `${human(limit.mainPackage)} (${share(sizes.main.bytes, limit.mainPackage)})`,
        `${human(BUDGET.mainPackage)} (${share(sizes.main.bytes, BUDGET.mainPackage)})`,
        String(sizes.main.files),
      ],
    },
  ]
  for (const sub of sizes.subPackages) {
    rows.push({
      cells: [
        `  subpackage ${sub.root}`,
        human(sub.bytes),
        `${human(limit.subPackage)} (${share(sub.bytes, limit.subPackage)})`,
        `${human(BUDGET.subPackage)} (${share(sub.bytes, BUDGET.subPackage)})`,
        String(sub.files),
      ],
    })
  }
  rows.push({
    cells: [
      `  ${target} total`,
      human(sizes.total.bytes),
      `${human(limit.total)} (${share(sizes.total.bytes, limit.total)})`,
      '',
      String(sizes.total.files),
    ],
  })
  return rows
}

/** H5: what index.html loads first, then everything. */
function measureH5(): Row[] {
  const dir = distOf('h5')
  const all = filesUnder(dir)
  const js = all.filter((f) => f.endsWith('.js'))
  const css = all.filter((f) => f.endsWith('.css'))
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8')
  const entry = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)]
    .map((m) => path.join(dir, (m[1] ?? '').replace(/^\//, '')))
    .filter((f) => fs.existsSync(f))
  const entryGz = gzipOf(entry)
  return [
    {
      cells: [
        'h5 entry JS (index.html)',
        `${human(sizeOf(entry))} / gz ${human(entryGz)}`,
        '',
        `gz ${human(BUDGET.h5EntryJsGzip)} (${share(entryGz, BUDGET.h5EntryJsGzip)})`,
        String(entry.length),
      ],
    },
    { cells: ['  h5 all JS', `${human(sizeOf(js))} / gz ${human(gzipOf(js))}`, '', '', String(js.length)] },
    { cells: ['  h5 all CSS', `${human(sizeOf(css))} / gz ${human(gzipOf(css))}`, '', '', String(css.length)] },
    { cells: ['  h5 total', human(sizeOf(all)), '', '', String(all.length)] },
  ]
}

/** The mock server's load run: 500 then 2,000 simulated candidates by default (scripts/bench-load.ts prints the figures). */
function loadRun(args: string[]): void {
  const passed = args.flatMap((a, i) =>
    (a === '--candidates' || a === '--seconds') && args[i + 1] ? [a, args[i + 1]] : [],
  )
  console.log('\n=== mock server under load (scripts/bench-load.ts)\n')
  spawnSync('npx', ['tsx', path.join(ROOT, 'scripts', 'bench-load.ts'), ...passed], { cwd: ROOT, stdio: 'inherit' })
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (args.includes('--load-only')) return loadRun(args)
  const targets = targetsFromArgs(args.filter((_a, i) => !['--candidates', '--seconds'].includes(args[i - 1] ?? '')))
  const times = new Map<Target, string>()

  if (!args.includes('--no-build')) {
    for (const target of targets) {
      process.stdout.write(`building ${target.padEnd(6)} … `)
      const result = await buildTarget(target, { loopback: true })
      times.set(target, result.ok ? seconds(result.ms) : 'FAILED')
      console.log(times.get(target))
      if (!result.ok) console.error(logTail(result.log, 20))
    }
  }

  const rows: Row[] = []
  for (const target of targets) {
    const marker = path.join(distOf(target), target === 'h5' ? 'index.html' : 'app.json')
    if (!fs.existsSync(marker)) {
      rows.push({ cells: [`${target}: no build in dist/${target}`, '', '', '', ''] })
      continue
    }
    rows.push(...(target === 'h5' ? measureH5() : measureMini(target)))
  }

  console.log('\nPackage sizes (1 KB = 1024 B; platform limit and project budget shown beside each figure)\n')
  console.log(table(['package', 'size', 'platform limit', 'project budget', 'files'], rows))
  if (times.size) {
    console.log('\nProduction build times (one after another, including any wait for the build lock)\n')
    console.log(
      table(
        ['target', 'build time'],
        [...times].map(([t, s]) => ({ cells: [t, s] })),
      ),
    )
  }

  if (!args.includes('--no-experience')) {
    console.log('\n=== experience score (scripts/bench-experience.ts)\n')
    spawnSync('npx', ['tsx', path.join(ROOT, 'scripts', 'bench-experience.ts'), 'weapp'], {
      cwd: ROOT,
      stdio: 'inherit',
    })
  }

  const ocrBench = path.join(ROOT, 'scripts', 'bench-ocr.ts')
  if (fs.existsSync(ocrBench) && !args.includes('--no-ocr')) {
    console.log('\n=== scanner benchmark (scripts/bench-ocr.ts)\n')
    spawnSync('npx', ['tsx', ocrBench], { cwd: ROOT, stdio: 'inherit' })
  }
  if (!args.includes('--no-load')) loadRun(args)
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
