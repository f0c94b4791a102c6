import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { EXPERIENCE_LIMITS as L, breaches, experienceFigures } from '../tools/miniprogram-host/src/metrics'
import type { PageMetrics } from '../tools/miniprogram-host/src/host'

/**
 * WeChat's experience-score figures (体验评分) on every page the automator specs reach: the specs run on the weapp
 * bundle in the mini-program host, which records setData calls and payloads, the render tree and handler times.
 * Figures beside their limits, never a failure. `npx tsx scripts/bench-experience.ts [weapp|alipay|swan]`.
 */
const ROOT = path.join(__dirname, '..')
const target = process.argv[2] ?? 'weapp'
const file = path.join(os.tmpdir(), `experience-${process.pid}.json`)
console.log(`running the automator specs on ${target} in the mini-program host to measure …`)
const run = spawnSync('npx', ['jest', '--selectProjects', 'automator', '--runInBand', '--silent'], {
  cwd: ROOT,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, AUTOMATOR_TARGET: target, AUTOMATOR_METRICS_FILE: file },
})
if (!fs.existsSync(file)) {
  console.log(`no figures: the spec run ended with ${run.status} before the host reported`)
  process.exit(0)
}
const data = JSON.parse(fs.readFileSync(file, 'utf8')) as {
  pages: Record<string, PageMetrics & { tree: { nodes: number; depth: number; maxChildren: number } }>
}
fs.rmSync(file)
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
const header = [
  'page',
  'setData/s',
  'largest setData',
  'nodes',
  'depth',
  'max children',
  'longest handler',
  'over a limit',
]
const rows = Object.entries(data.pages)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([route, m]) => {
    const f = experienceFigures(m)
    return [
      route,
      String(f.setDataPerSecond),
      kb(f.largestPayloadBytes),
      String(f.nodes),
      String(f.depth),
      String(f.maxChildren),
      `${f.longestHandlerMs} ms`,
      breaches(f).join('; ') || '-',
    ]
  })
const limits = [
  'limit',
  `≤ ${L.setDataPerSecond}`,
  `≤ 256 KB (aim ≤ 50 KB)`,
  `< ${L.nodesBelow}`,
  `< ${L.depthBelow}`,
  `≤ ${L.childrenAtMost}`,
  '≤ 1000 ms',
  '',
]
const all = [header, limits, ...rows]
const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)))
console.log(`\nWeChat experience-score figures, ${target} bundle in the mini-program host (specs: tests/automator)\n`)
for (const r of all) console.log(r.map((c, i) => c.padEnd(widths[i] as number)).join('  '))
if (run.status !== 0) console.log(`\n(the spec run itself failed with ${run.status}: figures cover the pages reached)`)
