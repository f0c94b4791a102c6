import fs from 'node:fs'
import path from 'node:path'
import { SCENARIOS } from '../../mock-server/features'

/**
 * The README says what the code does: its Features table names every page the app declares (src/app.config.ts) and
 * no other, and its QA table lists every scenario the server knows (tests/api/qa-api.test.ts checks the QA routes).
 */
const ROOT = path.join(__dirname, '..', '..')
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')
const APP_CONFIG = fs.readFileSync(path.join(ROOT, 'src', 'app.config.ts'), 'utf8')

/** The section under a `## ` heading, up to the next one. */
function section(heading: string): string {
  const start = README.indexOf(`\n## ${heading}\n`)
  expect(start).toBeGreaterThan(0)
  const end = README.indexOf('\n## ', start + 1)
  return README.slice(start, end < 0 ? undefined : end)
}

const quoted = (text: string) => [...text.matchAll(/'([^']+)'/g)].map((m) => m[1])
const ticked = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1])
/** A page's folder: 'basic/index' → 'basic'; a subpackage's own 'index' stays 'index'. */
const folderOf = (page: string) => (page === 'index' ? 'index' : page.replace(/\/index$/, ''))

/** The app's pages as app.config.ts declares them: main-package folders, and each subpackage's page folders. */
function declaredPages(): { main: string[]; sub: Map<string, string[]> } {
  const mainList = /pages:\s*\[([^\]]*)\]/.exec(APP_CONFIG)?.[1] ?? ''
  const main = quoted(mainList).map((p) => p.replace(/\/index$/, ''))
  const sub = new Map<string, string[]>()
  for (const m of APP_CONFIG.matchAll(/root:\s*'([^']+)',\s*pages:\s*\[([^\]]*)\]/g))
    sub.set(m[1], quoted(m[2]).map(folderOf))
  return { main, sub }
}

test('the Features table names every page of the app, and only those', () => {
  const features = section('Features')
  const { main, sub } = declaredPages()
  expect(main.length).toBeGreaterThan(3)
  expect(sub.size).toBeGreaterThan(2)

  const mainNamed = [...features.matchAll(/`(pages\/[\w-]+)`/g)].map((m) => m[1])
  expect([...new Set(mainNamed)].sort()).toEqual([...main].sort())

  const subNamed = new Map<string, string[]>()
  for (const m of features.matchAll(/subpackage `(packages\/[\w-]+)` \(([^)]*)\)/g)) subNamed.set(m[1], ticked(m[2]))
  expect([...subNamed.keys()].sort()).toEqual([...sub.keys()].sort())
  for (const [root, pages] of sub)
    expect({ root, pages: [...subNamed.get(root)!].sort() }).toEqual({ root, pages: [...pages].sort() })
})

test('the QA table lists every scenario the server knows, and only those', () => {
  const row = README.split('\n').find((line) => line.startsWith('| `loadScenario` |'))
  expect(row).toBeDefined()
  const listed = ticked(/load a scenario \(([^)]*)\)/.exec(row!)?.[1] ?? '')
  expect([...listed].sort()).toEqual([...SCENARIOS.keys()].sort())
})
