import { spawnSync } from 'node:child_process'
import path from 'node:path'

/**
 * The rooms' boundaries are ESLint rules (eslint.config.mjs): this checks they bite, by linting small offending
 * snippets as if they sat in the files named. ESLint runs once, in its own process (its config is an ES module).
 */
jest.setTimeout(60_000)

const ROOT = path.join(__dirname, '..', '..')

/** QA paths written out: two template literals and a string (and an app path, which is fine). */
const QA_PATHS = [
  "export const a = (url: string) => fetch(`${url}/__qa/sim/face`, { method: 'POST' })",
  "export const b = '/__qa/candidates'",
  'export const c = (id: string) => `/__qa/applications/${id}/confirm`',
  "export const d = '/api/health'",
  '',
].join('\n')

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
  qaPathInTest: ['tests/api/x.test.ts', QA_PATHS],
  qaPathInSpec: ['tests/automator/x.spec.ts', QA_PATHS],
  qaPathInScript: ['scripts/x.ts', QA_PATHS],
  qaPathInTool: ['tools/miniprogram-host/src/x.ts', QA_PATHS],
  qaClient: ['scripts/lib/qa-client.ts', QA_PATHS],
  // The ground floor and the contract.
  domainImportsTypes: ['domain/x.ts', "import { endpoints } from '../types/api'\nexport const a = endpoints\n"],
  domainImportsServer: ['domain/x.ts', "import { Store } from '../mock-server/core/store'\nexport const a = Store\n"],
  domainImportsAlias: ['domain/x.ts', "import { api } from '@contract/api'\nexport const a = api\n"],
  domainImportsItself: ['domain/x.ts', "import { checkName } from './person-name'\nexport const a = checkName\n"],
  typesImportsServer: [
    'types/x.ts',
    "import { buildMockServer } from '../mock-server/app'\nexport const a = buildMockServer\n",
  ],
  typesImportsDomain: ['types/x.ts', "import { checkName } from '../domain/person-name'\nexport const a = checkName\n"],
  // The app's rooms.
  storeImportsPage: ['src/stores/x.ts', "import Hub from '../pages/hub'\nexport const a = Hub\n"],
  storeImportsComponent: ['src/stores/x.ts', "import { Sheet } from '@/components/sheet'\nexport const a = Sheet\n"],
  formsImportPage: ['src/forms/x.ts', "import Login from '../pages/login'\nexport const a = Login\n"],
  componentImportsApi: ['src/components/x/index.tsx', "import { api } from '../../api'\nexport const a = api\n"],
  componentImportsApiModule: [
    'src/components/x/index.tsx',
    "import { serverNow } from '@/api/server-clock'\nexport const a = serverNow\n",
  ],
  componentReadsStore: [
    'src/components/x/index.tsx',
    "import { useSettings } from '../../stores/settings'\nexport const a = useSettings\n",
  ],
  pageReadsPhoneClock: [
    'src/packages/process/x/index.tsx',
    "export const a = Date.now()\nexport const b = new Date()\nexport const c = new Date('2026-01-01T00:00:00Z')\n",
  ],
  // Questions: confirmAction (src/platform/modal.ts), never Taro's modal or action sheet, however spelt.
  pageAsksThroughTaro: [
    'src/packages/application/x/index.tsx',
    [
      "import Taro, { showModal } from '@tarojs/taro'",
      'const { showActionSheet } = Taro',
      "export const a = () => Taro.showModal({ title: '提交', content: '确认提交？' })",
      "export const b = () => Taro.showActionSheet({ itemList: ['拍照'] })",
      'export const c = [showModal, showActionSheet]',
      '',
    ].join('\n'),
  ],
  storeAsksThroughTaro: [
    'src/stores/x.ts',
    "import Taro from '@tarojs/taro'\nexport const a = () => Taro.showModal({})\n",
  ],
  apiAsksThroughTaro: ['src/api/x.ts', "import Taro from '@tarojs/taro'\nexport const a = () => Taro.showModal({})\n"],
  pageAsksThroughPlatform: [
    'src/packages/application/x/index.tsx',
    "import { confirmAction } from '../../../platform/modal'\nexport const a = () => confirmAction({ title: '提交', content: '确认提交？', confirmText: '确认提交' })\n",
  ],
  platformAsksThroughTaro: [
    'src/platform/shared.ts',
    "import Taro from '@tarojs/taro'\nexport const a = () => Taro.showModal({ title: '提交', content: '确认提交？' })\n",
  ],
  pageBranchesOnPlatform: ['src/pages/x/index.tsx', "export const a = process.env.TARO_ENV === 'h5'\n"],
  // One data path: a page reads and acts through a store, whatever the spelling of src/api.
  pageImportsApi: [
    'src/pages/x/index.tsx',
    "import { api, messageOf } from '../../api'\nexport const a = [api, messageOf]\n",
  ],
  packagePageImportsApiModule: [
    'src/packages/process/x/index.tsx',
    "import { serverNow } from '../../../api/server-clock'\nimport { call } from '@/api'\nexport const a = [serverNow, call]\n",
  ],
  packageHelperImportsApi: ['src/packages/application/x.ts', "import { api } from '../../api'\nexport const a = api\n"],
  pageReadsStore: [
    'src/packages/process/x/index.tsx',
    "import type { ResponseOf } from '@contract/api'\nimport { useProcess } from '../../../stores/process'\nimport { messageOf, serverNow } from '../../../stores/shared'\nexport const a = [useProcess, messageOf, serverNow]\nexport type B = ResponseOf<'messages'>\n",
  ],
  platformImportsApi: ['src/platform/platform.h5.ts', "import { api } from '../api'\nexport const a = api\n"],
  platformImportsStore: [
    'src/platform/x.ts',
    "import { useSession } from '../stores/session'\nexport const a = useSession\n",
  ],
  apiImportsStore: ['src/api/x.ts', "import { useSession } from '../stores/session'\nexport const a = useSession\n"],
  // The server and the tooling.
  serverImportsApp: [
    'mock-server/features/profile/routes.ts',
    "import { api } from '../../../src/api'\nimport { go } from '@/routes'\nexport const a = [api, go]\n",
  ],
  serverImportsTests: [
    'mock-server/core/x.ts',
    "import { startMock } from '../../tests/support/servers'\nexport const a = startMock\n",
  ],
  coreImportsFeature: [
    'mock-server/core/store.ts',
    "import type { ProfileState } from '../features/profile/state'\nimport { FEATURES } from '../features'\nimport { DEMO_CANDIDATE } from '../scenarios'\nexport type A = [ProfileState, typeof FEATURES, typeof DEMO_CANDIDATE]\n",
  ],
  featureReachesIntoAnother: [
    'mock-server/features/process/payment.ts',
    "import { examOf } from '../application/rules'\nexport const a = examOf\n",
  ],
  featureThroughIndex: [
    'mock-server/features/process/payment.ts',
    "import { examOf } from '../application'\nimport { HttpError } from '../../core/errors'\nimport { fieldsOf } from './state'\nexport const a = [examOf, HttpError, fieldsOf]\n",
  ],
  toolImportsScripts: [
    'tools/miniprogram-host/src/x.ts',
    "import { qaApi } from '../../../scripts/lib/qa-client'\nexport const a = qaApi\n",
  ],
  toolImportsDevkit: [
    'tools/automator-bridge/src/x.ts',
    "import { serveH5 } from '../../../devkit/h5-server'\nexport const a = serveH5\n",
  ],
  devkitImportsScripts: ['devkit/x.ts', "import { qaApi } from '../scripts/lib/qa-client'\nexport const a = qaApi\n"],
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
  expect(results.scriptImportsTests).toEqual([expect.stringMatching(/^no-restricted-imports: .*not tests\//)])
})

test('tests, specs, scripts and tools call the QA API by name, not by a /__qa/ path; the QA client alone holds paths', () => {
  for (const found of [results.qaPathInTest, results.qaPathInSpec, results.qaPathInScript, results.qaPathInTool]) {
    expect(found).toEqual([
      expect.stringMatching(/^no-restricted-syntax: .*by name through scripts\/lib\/qa-client\.ts/),
      expect.stringMatching(/^no-restricted-syntax: .*by name/),
      expect.stringMatching(/^no-restricted-syntax: .*by name/),
    ])
  }
  expect(results.qaClient).toEqual([])
})

const refusedWith = (needle: RegExp) => [expect.stringMatching(needle)]

test('domain/ is the ground floor: it imports nothing of the project, by path or alias; types/ imports domain/ only', () => {
  expect(results.domainImportsTypes).toEqual(refusedWith(/^no-restricted-imports: .*ground floor/))
  expect(results.domainImportsServer).toEqual(refusedWith(/^no-restricted-imports: .*ground floor/))
  expect(results.domainImportsAlias).toEqual(refusedWith(/^no-restricted-imports: .*ground floor/))
  expect(results.domainImportsItself).toEqual([])
  expect(results.typesImportsServer).toEqual(refusedWith(/^no-restricted-imports: .*imports domain\/ only/))
  expect(results.typesImportsDomain).toEqual([])
})

test('a store and the form kit import no page or component; a component no src/api (a store, yes)', () => {
  expect(results.storeImportsPage).toEqual(refusedWith(/^no-restricted-imports: .*A store .* no page/))
  expect(results.storeImportsComponent).toEqual(refusedWith(/^no-restricted-imports: .*A store .* no page/))
  expect(results.formsImportPage).toEqual(refusedWith(/^no-restricted-imports: .*The form kit/))
  expect(results.componentImportsApi).toEqual(
    refusedWith(/^no-restricted-imports: .*A component .* never from src\/api/),
  )
  expect(results.componentImportsApiModule).toEqual(refusedWith(/^no-restricted-imports: .*A component/))
  expect(results.componentReadsStore).toEqual([])
})

test('a page never imports src/api (by path, module or alias): it reads and acts through a store', () => {
  const refused = refusedWith(/^no-restricted-imports: .*A page reads and acts through a store/)
  expect(results.pageImportsApi).toEqual(refused)
  expect(results.packageHelperImportsApi).toEqual(refused)
  expect(results.packagePageImportsApiModule).toEqual([
    expect.stringMatching(/^no-restricted-imports: .*A page reads and acts through a store/),
    expect.stringMatching(/^no-restricted-imports: .*A page reads and acts through a store/),
  ])
  expect(results.pageReadsStore).toEqual([])
})

test("a page never reads the phone's clock (Date.now(), new Date()) nor branches on the platform", () => {
  expect(results.pageReadsPhoneClock).toEqual([
    expect.stringMatching(/^no-restricted-syntax: .*server's clock/),
    expect.stringMatching(/^no-restricted-syntax: .*server's clock/),
  ])
  expect(results.pageBranchesOnPlatform).toEqual(refusedWith(/^no-restricted-syntax: Never branch on the platform/))
})

test('the platform imports no client room (src/api hands it what it needs); src/api imports no store', () => {
  expect(results.platformImportsApi).toEqual(
    refusedWith(/^no-restricted-imports: .*src\/platform imports no client room/),
  )
  expect(results.platformImportsStore).toEqual(refusedWith(/^no-restricted-imports: .*src\/platform/))
  expect(results.apiImportsStore).toEqual(refusedWith(/^no-restricted-imports: .*src\/api is the transport/))
})

test('the mock server imports neither the app nor the tooling', () => {
  expect(results.serverImportsApp).toEqual([
    expect.stringMatching(/^no-restricted-imports: .*The mock server/),
    expect.stringMatching(/^no-restricted-imports: .*The mock server/),
  ])
  expect(results.serverImportsTests).toEqual(refusedWith(/^no-restricted-imports: .*The mock server/))
})

test('tools import devkit/, never scripts/; devkit/ imports nothing of the project', () => {
  expect(results.toolImportsScripts).toEqual(refusedWith(/^no-restricted-imports: .*Tools import devkit/))
  expect(results.toolImportsDevkit).toEqual([])
  expect(results.devkitImportsScripts).toEqual(refusedWith(/^no-restricted-imports: .*devkit\/ stands under/))
})

test("the server's core imports no feature; a feature reaches another only through its index.ts", () => {
  expect(results.coreImportsFeature).toEqual([
    expect.stringMatching(/^no-restricted-imports: .*core knows no feature/),
    expect.stringMatching(/^no-restricted-imports: .*core knows no feature/),
    expect.stringMatching(/^no-restricted-imports: .*core knows no feature/),
  ])
  expect(results.featureReachesIntoAnother).toEqual(
    refusedWith(/^no-restricted-imports: .*only through that feature's index/),
  )
  expect(results.featureThroughIndex).toEqual([])
})

test("the app asks through confirmAction, never Taro's modal or action sheet (however spelt); src/platform may", () => {
  const asked = /^no-restricted-syntax: Ask the candidate through confirmAction/
  expect(results.pageAsksThroughTaro).toEqual([
    expect.stringMatching(asked), // import { showModal }
    expect.stringMatching(asked), // const { showActionSheet } = Taro
    expect.stringMatching(asked), // Taro.showModal
    expect.stringMatching(asked), // Taro.showActionSheet
  ])
  expect(results.storeAsksThroughTaro).toEqual(refusedWith(asked))
  expect(results.apiAsksThroughTaro).toEqual(refusedWith(asked))
  expect(results.pageAsksThroughPlatform).toEqual([])
  expect(results.platformAsksThroughTaro).toEqual([])
})
