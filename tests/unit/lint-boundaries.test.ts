import { spawnSync } from 'node:child_process'
import path from 'node:path'

/**
 * The rooms' boundaries are ESLint rules (eslint.config.mjs): this checks they bite, by linting small offending
 * snippets as if they sat in the files named. ESLint runs once, in its own process (its config is an ES module).
 */
jest.setTimeout(60_000)

const ROOT = path.join(__dirname, '..', '..')

const CASES = {
  typesImportsApp: ['types/x.ts', "import { api } from '../src/api'\nexport const a = api\n"],
  domainImportsTaro: ['domain/x.ts', "import Taro from '@tarojs/taro'\nexport const a = Taro\n"],
  page: [
    'src/pages/x/index.tsx',
    [
      "import Taro, { request } from '@tarojs/taro'",
      "export const a = '/pages/hub/index'",
      'export const b = `/packages/profile/records/index?kind=${a}`',
      "export const c = () => Taro.request({ url: '' })",
      'export const d = request',
      '',
    ].join('\n'),
  ],
  pageOtherSpellings: [
    'src/pages/x/index.tsx',
    [
      "import Taro from '@tarojs/taro'",
      'const { request } = Taro',
      "export const a = () => request({ url: '' })",
      "export const b = () => Taro['request']({ url: '' })",
      "export const c = 'pages/hub/index'",
      "export const d = '../login/index'",
      'export const e = () => Taro.navigateTo({ url: routeUrl() })',
      'declare function routeUrl(): string',
      '',
    ].join('\n'),
  ],
  apiClient: ['src/api/x.ts', "import Taro from '@tarojs/taro'\nexport const c = () => Taro.request({ url: '' })\n"],
  routesModule: ['src/routes.ts', "export const a = '/pages/hub/index'\n"],
  scriptImportsTests: [
    'scripts/x.ts',
    "import { startMock } from '../tests/support/servers'\nexport const a = startMock\n",
  ],
} satisfies Record<string, [string, string]>

let results: Record<keyof typeof CASES, string[]>

beforeAll(() => {
  const script = `
    const { ESLint } = require('eslint')
    const cases = JSON.parse(process.argv[1])
    const eslint = new ESLint({ cwd: ${JSON.stringify(ROOT)} })
    Promise.all(Object.entries(cases).map(async ([name, [file, code]]) => {
      const [r] = await eslint.lintText(code, { filePath: require('node:path').join(${JSON.stringify(ROOT)}, file) })
      return [name, r.messages.map((m) => m.ruleId + ': ' + m.message)]
    }))
      .then((all) => console.log(JSON.stringify(Object.fromEntries(all))))
      .catch((e) => { console.error(e); process.exit(1) })`
  const run = spawnSync(process.execPath, ['-e', script, JSON.stringify(CASES)], { encoding: 'utf8' })
  if (run.status !== 0) throw new Error(run.stderr)
  results = JSON.parse(run.stdout) as typeof results
})

test('types/ and domain/ may not import the app, nor Taro', () => {
  expect(results.typesImportsApp).toEqual([expect.stringMatching(/^no-restricted-imports: .*no src\//)])
  expect(results.domainImportsTaro).toEqual([expect.stringMatching(/^no-restricted-imports: .*no Taro/)])
})

test("pages may not use Taro's request or upload, nor URL strings", () => {
  expect(results.page).toHaveLength(4)
  expect(results.page.filter((m) => m.includes('src/routes.ts'))).toHaveLength(2)
  expect(results.page.filter((m) => m.includes('src/api'))).toHaveLength(2)
})

test('nor by another spelling: destructured, computed, relative paths, Taro navigation', () => {
  const rules = (needle: string) => results.pageOtherSpellings.filter((m) => m.includes(needle)).length
  expect(rules('src/api')).toBe(1) // const { request } = Taro
  expect(rules('Name Taro APIs directly')).toBe(1) // Taro['request']
  expect(rules('not URL strings')).toBe(2) // 'pages/…', '../…'
  expect(rules('Navigate through src/routes.ts')).toBe(1) // Taro.navigateTo
  expect(results.pageOtherSpellings).toHaveLength(5)
})

test('the API client and the routes module may', () => {
  expect(results.apiClient).toEqual([])
  expect(results.routesModule).toEqual([])
})

test('scripts and tools do not import from tests/', () => {
  expect(results.scriptImportsTests).toEqual([expect.stringMatching(/^no-restricted-imports: .*scripts\/lib/)])
})
