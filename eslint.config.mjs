import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * The walls (docs/architecture.md). In the app (`base`), every room keeps the network behind src/api, pages behind
 * src/routes.ts and the platform behind src/platform; `patterns` and `syntax` add the room's own walls.
 */
const TARO_NET = {
  name: '@tarojs/taro',
  importNames: ['request', 'uploadFile', 'downloadFile'],
  message: 'Call the server through src/api (call / api.upload).',
}
const TARO_IN_NODE = { group: ['@tarojs/*'], message: 'types/ and domain/ run in Node too: no Taro.' }
const API = ['**/api', '**/api/**', '@/api', '@/api/*']
const UI = ['**/pages/**', '**/packages/**', '**/components/**', '@/pages/*', '@/packages/*', '@/components/*']
const APP = ['**/src', '**/src/**', '@/*']
const TOOLING = ['**/tools/**', '**/scripts/**', '**/tests/**', '**/devkit/**']
const SERVER = {
  group: [...APP, ...TOOLING],
  message: 'The mock server imports types/ and domain/, never src/, tools, scripts or tests.',
}
/**
 * The candidate is asked a question one way: `confirmAction` (src/platform/modal.ts, over platform.confirm, each
 * platform's modal with its own button rules and colours); Taro's modal and action sheet are called in src/platform
 * only (shared.ts confirmViaTaro), however spelt; a sheet the app draws itself is src/components/sheet.
 */
const ASK = "Ask the candidate through confirmAction (src/platform/modal.ts), never Taro's modal or action sheet."
const QUESTIONS = [
  { selector: "MemberExpression[object.name='Taro'][property.name=/^(showModal|showActionSheet)$/]", message: ASK },
  {
    selector:
      "VariableDeclarator[init.name='Taro'] > ObjectPattern > Property[key.name=/^(showModal|showActionSheet)$/]",
    message: ASK,
  },
  {
    selector:
      "ImportDeclaration[source.value='@tarojs/taro'] > ImportSpecifier[imported.name=/^(showModal|showActionSheet)$/]",
    message: ASK,
  },
]
const APP_SYNTAX = [
  {
    selector: "MemberExpression[object.name='Taro'][property.name=/^(request|uploadFile|downloadFile)$/]",
    message: 'Call the server through src/api (call / api.upload); platform calls live in src/platform.',
  },
  {
    // Taro.request by another spelling: destructured, or by a computed name.
    selector:
      "VariableDeclarator[init.name='Taro'] > ObjectPattern > Property[key.name=/^(request|uploadFile|downloadFile)$/]",
    message: 'Call the server through src/api (call / api.upload); platform calls live in src/platform.',
  },
  {
    selector: "MemberExpression[object.name='Taro'][computed=true]",
    message: 'Name Taro APIs directly (Taro.x), so the rooms rules can see them.',
  },
  {
    selector:
      "MemberExpression[object.name='Taro'][property.name=/^(navigateTo|redirectTo|reLaunch|switchTab|navigateBack)$/]",
    message: 'Navigate through src/routes.ts (go.to, go.replace, go.restart, go.back).',
  },
  {
    // '/pages/x' and 'pages/x' alike.
    selector: 'Literal[value=/^\\/?(pages|packages)\\//]',
    message: 'Name pages through src/routes.ts (routes.x, go.to), not URL strings.',
  },
  {
    // A page named relative to this one ('../login/index'); module specifiers are not page names.
    selector:
      ':not(ImportDeclaration, ExportNamedDeclaration, ExportAllDeclaration, ImportExpression) > Literal[value=/^\\.{1,2}\\/.*index(\\?.*)?$/]',
    message: 'Name pages through src/routes.ts (routes.x, go.to), not URL strings.',
  },
  {
    selector: 'TemplateElement[value.raw=/^(\\.{0,2}\\/|\\/)?(pages|packages)\\//]',
    message: 'Name pages through src/routes.ts (routes.x, go.to), not URL strings.',
  },
  {
    selector: "MemberExpression[object.object.name='process'][object.property.name='env'][property.name='TARO_ENV']",
    message: 'Never branch on the platform outside src/platform (and the transport): add it to the Platform interface.',
  },
  ...QUESTIONS,
]

/** A page's data path: stores only. */
const PAGE_THROUGH_STORES = {
  // The contract's endpoint types (@contract/api) are not the client.
  group: [...API, '!@contract/api'],
  message: 'A page reads and acts through a store (src/stores: data, actions, messageOf, serverNow), never src/api.',
}
const PAGE_CLOCK = [
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: "A page reads the server's clock (serverNow() from src/stores/shared), never the phone's.",
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: "A page reads the server's clock (serverNow() from src/stores/shared), never the phone's.",
  },
]

/** One room's walls: its import patterns and syntax, on top of the app's own (base) for the app's rooms. */
function walls(files, { ignores = [], patterns = [], syntax = [], base = files.some((f) => f.startsWith('src/')) }) {
  const rules = {
    'no-restricted-imports': ['error', { paths: base ? [TARO_NET] : [], patterns }],
  }
  if (base || syntax.length) rules['no-restricted-syntax'] = ['error', ...(base ? APP_SYNTAX : []), ...syntax]
  return { files, ignores, rules }
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'tests/fixtures/**', '**/*.min.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}', 'devkit/**', 'scripts/**', 'tests/**', 'tools/**', 'mock-server/**', 'config/**'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  {
    files: ['**/*.cjs', 'jest.config.js', 'babel.config.js', 'config/builtins.js', 'config/aria*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**'],
    languageOptions: { globals: { ...globals.browser, defineAppConfig: 'readonly', definePageConfig: 'readonly' } },
  },
  // The rooms' walls (docs/architecture.md "The walls"); tests/unit/lint-boundaries.test.ts checks each one bites.
  // A later config's options for a rule replace an earlier one's, so each room's list is whole (built by walls()).
  // The ground floor: domain/ imports nothing of the project; the contract (types/) only domain/.
  walls(['domain/**'], {
    patterns: [
      {
        group: ['../*', '@/*', '@contract/*', '@domain/*'],
        message: 'domain/ is the ground floor: it imports nothing of the project.',
      },
      TARO_IN_NODE,
    ],
  }),
  walls(['types/**'], {
    patterns: [
      {
        group: ['../*', '!../domain', '@/*', '@domain/*'],
        message: 'types/ (the contract) imports domain/ only: no src/, no server.',
      },
      TARO_IN_NODE,
    ],
  }),
  // Pages, components and stores reach the network only through src/api (which uses src/platform), name pages only
  // through src/routes.ts, and never branch on the platform.
  walls(['src/**/*.{ts,tsx}'], {
    // app.config.ts is Taro's page list, read at build time (tests/unit/routes.test.tsx keeps it and routes.ts equal).
    ignores: ['src/api/**', 'src/platform/**', 'src/routes.ts', 'src/app.config.ts'],
  }),
  walls(['src/stores/**'], {
    patterns: [{ group: UI, message: 'A store holds data and actions: it imports no page, package or component.' }],
  }),
  walls(['src/forms/**'], {
    patterns: [{ group: UI, message: 'The form kit imports no page, package or component.' }],
  }),
  walls(['src/components/**'], {
    patterns: [
      { group: API, message: 'A component gets its data by props or from a store, never from src/api.' },
      { group: ['**/pages/**', '**/packages/**'], message: 'A component imports no page.' },
    ],
  }),
  // A page reads and acts through the stores only (one data path: page → store → src/api), and reads the server's
  // clock, never the phone's.
  walls(['src/pages/**', 'src/packages/**'], {
    patterns: [PAGE_THROUGH_STORES],
    syntax: PAGE_CLOCK,
  }),
  // The platform is the floor under the client: it imports no client room (the client hands it what it needs).
  walls(['src/platform/**'], {
    base: false,
    patterns: [
      {
        group: [...API, ...UI, '**/stores/**', '**/forms/**', '**/routes'],
        message: 'src/platform imports no client room: src/api hands it what it needs (simulation.ts).',
      },
    ],
  }),
  walls(['src/api/**'], {
    base: false,
    syntax: QUESTIONS,
    patterns: [
      {
        group: [...UI, '**/stores/**', '**/forms/**', '**/routes'],
        message: 'src/api is the transport: it imports no store, form, page or component.',
      },
    ],
  }),
  // The mock server is the backend's stand-in: it shares the contract and the rules, never the app.
  walls(['mock-server/**'], { base: false, patterns: [SERVER] }),
  // Its core knows no feature: each feature brings its slice, scenarios and QA routes (features/index.ts lists them).
  walls(['mock-server/core/**'], {
    base: false,
    patterns: [
      SERVER,
      {
        group: ['../features', '../features/**', '../app', '../scenarios', '../cli'],
        message: 'mock-server/core knows no feature: a feature brings its own slice, scenarios and routes.',
      },
    ],
  }),
  // A feature reaches another only through that feature's index.ts (its exported services), never its files.
  walls(['mock-server/features/*/*.ts'], {
    base: false,
    patterns: [
      SERVER,
      // '../other/file', not '../../core/x', '../other' or '../other/index'.
      {
        regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!index$)',
        message: "A feature reaches another only through that feature's index.ts.",
      },
    ],
  }),
  // Tools and scripts share code through devkit/, never through the tests; tools never run scripts; devkit stands alone.
  walls(['scripts/**'], {
    base: false,
    patterns: [{ group: ['**/tests/**'], message: 'Shared helpers live in devkit/ or scripts/lib, not tests/.' }],
  }),
  walls(['tools/*/src/**', 'tools/*/bin/**'], {
    base: false,
    patterns: [
      { group: ['**/tests/**'], message: 'Shared helpers live in devkit/ or scripts/lib, not tests/.' },
      { group: ['**/scripts/**'], message: 'Tools import devkit/, never scripts/ (scripts run tools).' },
    ],
  }),
  walls(['devkit/**'], {
    base: false,
    patterns: [
      { group: ['../*'], message: 'devkit/ stands under scripts/ and tools/: it imports nothing of the project.' },
    ],
  }),
  // The platforms' API objects (wx, my, swan) are named in src/platform only: the official typings make Alipay's `my`
  // a global of the whole program (src/platform/typings), and a page calling one would break the other targets.
  {
    files: ['src/**/*.{ts,tsx}', 'types/**/*.ts', 'domain/**/*.ts'],
    ignores: ['src/platform/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['wx', 'my', 'swan'].map((name) => ({
          name,
          message: 'Platform APIs are called in src/platform only (platform.x()).',
        })),
      ],
    },
  },
  // The QA control API is called by its name in types/qa.ts through the one QA client, never by a path string.
  {
    files: ['tests/**', 'scripts/**', 'tools/**'],
    ignores: ['scripts/lib/qa-client.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Literal[value=/^\\/__qa\\//]',
          message: "Call the QA API by name through scripts/lib/qa-client.ts (mock.qaApi('simFace', …)), not a path.",
        },
        {
          selector: 'TemplateElement[value.raw=/^\\/__qa\\//]',
          message: "Call the QA API by name through scripts/lib/qa-client.ts (mock.qaApi('simFace', …)), not a path.",
        },
      ],
    },
  },
  prettier,
)
