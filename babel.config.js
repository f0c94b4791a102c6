// babel-preset-taro compiles the app for every target; under NODE_ENV=test it emits CommonJS for jest.
//
// The mini builds also add the core-js polyfills the oldest engines need (config/engines.ts), chosen per use: the
// plugin behind Babel's `useBuiltIns: 'usage'` (babel-plugin-polyfill-corejs3, the one @babel/preset-env runs)
// injects `core-js/modules/<module>` for each built-in the code uses that core-js-compat says the targets lack.
// babel-preset-taro's own `useBuiltIns: 'usage'` means transform-runtime's pure helpers (every call rewritten,
// targets ignored), so the plugin is set here. H5 and jest are left alone. docs/mini-programs.md says why.
const path = require('node:path')

const MINI = ['weapp', 'alipay', 'swan']

function polyfills() {
  if (!MINI.includes(process.env.TARO_ENV) || process.env.NODE_ENV === 'test') return []
  // config/index.ts sets BROWSERSLIST to the mini engines before Taro starts Babel.
  const targets = process.env.BROWSERSLIST
  if (!targets) throw new Error('babel.config.js: BROWSERSLIST (the mini engines) is not set; build through taro')
  const presetEnv = require.resolve('@babel/preset-env', { paths: [require.resolve('babel-preset-taro')] })
  const plugin = require.resolve('babel-plugin-polyfill-corejs3', { paths: [path.dirname(presetEnv)] })
  return [[plugin, { method: 'usage-global', version: require('core-js/package.json').version, targets }]]
}

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: polyfills(),
}
