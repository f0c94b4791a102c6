import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

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
    files: ['**/*.{js,mjs,cjs}', 'scripts/**', 'tests/**', 'tools/**', 'mock-server/**', 'config/**'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  {
    files: ['**/*.cjs', 'jest.config.js', 'babel.config.js', 'config/builtins.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**'],
    languageOptions: { globals: { ...globals.browser, defineAppConfig: 'readonly', definePageConfig: 'readonly' } },
  },
  // The rooms' boundaries (docs/architecture.md). The contract and the pure rules are shared with the server: they
  // never reach into the app.
  {
    files: ['types/**', 'domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src', '**/src/**', '@/*'],
              message: 'types/ and domain/ are shared with the server: no src/.',
            },
            { group: ['@tarojs/*'], message: 'types/ and domain/ run in Node too: no Taro.' },
          ],
        },
      ],
    },
  },
  // Pages, components and stores reach the network only through src/api (which uses src/platform), and name pages
  // only through src/routes.ts.
  {
    files: ['src/**/*.{ts,tsx}'],
    // app.config.ts is Taro's page list, read at build time (tests/unit/routes.test.tsx keeps it and routes.ts equal).
    ignores: ['src/api/**', 'src/platform/**', 'src/routes.ts', 'src/app.config.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@tarojs/taro',
              importNames: ['request', 'uploadFile', 'downloadFile'],
              message: 'Call the server through src/api (call / api.upload).',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
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
      ],
    },
  },
  // Tools and scripts share code through scripts/lib, never through the tests.
  {
    files: ['scripts/**', 'tools/*/src/**', 'tools/*/bin/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/tests/**'], message: 'Shared helpers live in scripts/lib, not tests/.' }] },
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
