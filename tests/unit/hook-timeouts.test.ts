import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

/**
 * Every hook of the browser, automator and mini tests names its timeout (tests/support/timeouts.ts): they start
 * Chromium, mock servers and bundles, which on a machine with every core busy takes far longer than jest's 5 s.
 */
const ROOT = path.join(__dirname, '..', '..')
const DIRS = ['tests/browser', 'tests/automator', 'tests/automator/support', 'tests/mini']
const HOOKS = new Set(['beforeAll', 'afterAll', 'beforeEach', 'afterEach'])

/** `file:line hook` for each hook call with no timeout argument. */
function hooksWithoutTimeout(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const found: string[] = []
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && HOOKS.has(node.expression.text)) {
      if (node.arguments.length < 2) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart())
        found.push(`${file}:${line + 1} ${node.expression.text}`)
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

test('every browser, automator and mini hook names its timeout', () => {
  const files = DIRS.flatMap((dir) =>
    fs
      .readdirSync(path.join(ROOT, dir))
      .filter((f) => /\.(test|spec)\.ts$/.test(f) || f === 'jest-setup.ts')
      .map((f) => path.join(dir, f)),
  )
  expect(files.length).toBeGreaterThan(10)
  const missing = files.flatMap((f) => hooksWithoutTimeout(f, fs.readFileSync(path.join(ROOT, f), 'utf8')))
  expect(missing).toEqual([])
})

test('the check finds a hook without one', () => {
  expect(hooksWithoutTimeout('x.ts', 'beforeAll(async () => { await start() })\nafterAll(() => stop(), 1000)')).toEqual(
    ['x.ts:1 beforeAll'],
  )
})
