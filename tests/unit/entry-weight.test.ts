import fs from 'node:fs'
import path from 'node:path'

/**
 * What loads when (docs/architecture.md): the H5 entry and the mini-programs' main package carry what every page
 * needs, not what a few pages use. Two imports decide most of that weight, and a single line would bring it back:
 * - the app's API client takes the routes (types/api-routes.ts), never the registry's schemas (types/api.ts: every
 *   request and response schema of every feature, with valibot) — only type imports of the registry;
 * - no platform file imports the drawing module (the 报名表/准考证/证明 layout and painter, src/platform/drawing.ts)
 *   except as types: save-image.ts, which only the pages that save images import, hands the painter over.
 * `npm run bench` shows the sizes; this keeps the imports that make them.
 */
const ROOT = path.join(__dirname, '..', '..')
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8')
const filesIn = (dir: string) =>
  fs
    .readdirSync(path.join(ROOT, dir))
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => `${dir}/${f}`)

/** The import statements of a file that bring `module` at run time (not `import type`), by the module's path. */
function runtimeImports(source: string, module: RegExp): string[] {
  return [...source.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms)]
    .filter((m) => module.test(m[1] ?? ''))
    .map((m) => m[0])
}

test('the API client imports the routes, and the contract registry only for its types', () => {
  for (const file of filesIn('src/api')) {
    expect([file, runtimeImports(read(file), /(@contract|types)\/api$/)]).toEqual([file, []])
  }
  expect(runtimeImports(read('src/api/index.ts'), /@contract\/api-routes$/)).toHaveLength(1)
  // The routes module stands alone: nothing it imports could bring a schema along.
  expect(read('types/api-routes.ts')).not.toMatch(/^import /m)
})

test('no platform file imports the drawing module at run time but save-image.ts', () => {
  const importers = filesIn('src/platform').filter((f) => runtimeImports(read(f), /\/drawing$/).length > 0)
  expect(importers).toEqual(['src/platform/save-image.ts'])
})

test('the check sees a runtime import, and lets a type import pass', () => {
  expect(runtimeImports("import { paint, type Drawing } from './drawing'\n", /\/drawing$/)).toHaveLength(1)
  expect(runtimeImports("import {\n  paint,\n} from './drawing'\n", /\/drawing$/)).toHaveLength(1)
  expect(runtimeImports("import type { Drawing, Paint } from './drawing'\n", /\/drawing$/)).toHaveLength(0)
  expect(runtimeImports("import { endpoints } from '@contract/api'\n", /(@contract|types)\/api$/)).toHaveLength(1)
})
