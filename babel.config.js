// babel-preset-taro compiles the app for every target; under NODE_ENV=test it emits CommonJS for jest.
//
// The mini builds also add the core-js polyfills for the built-ins the oldest engines lack (config/engines.ts), per
// use: the plugin behind Babel's `useBuiltIns: 'usage'` (babel-plugin-polyfill-corejs3, the one @babel/preset-env
// runs; babel-preset-taro's own `useBuiltIns: 'usage'` means transform-runtime's pure helpers with targets ignored)
// injects `core-js/modules/<module>` where the project's code uses one. Only modules that add a missing built-in
// (config/builtins.js, from core-js-compat's data): core-js's fixes of built-ins the engines have (Array#push's
// length, JSON.stringify, Promise) are left out, as is the app entry (src/app.*), whose first import must be Taro's
// runtime: core-js reads a free `document` that Taro's ProvidePlugin points at that runtime, and loaded before it
// the app stops at launch. docs/mini-programs.md says why polyfills and what they cost. H5 and jest are left alone.
const path = require('node:path')

const MINI = ['weapp', 'alipay', 'swan']

function polyfillOverrides() {
  if (!MINI.includes(process.env.TARO_ENV) || process.env.NODE_ENV === 'test') return []
  // config/index.ts sets BROWSERSLIST to the mini engines before Taro starts Babel.
  const targets = process.env.BROWSERSLIST
  if (!targets) throw new Error('babel.config.js: BROWSERSLIST (the mini engines) is not set; build through taro')
  const compat = require('core-js-compat')
  const { builtInsFor } = require('./config/builtins')
  const adding = new Set(builtInsFor(targets).missing.map((b) => b.module))
  const needed = compat({ targets, modules: ['core-js/es', 'core-js/web'] }).list
  const presetEnv = require.resolve('@babel/preset-env', { paths: [require.resolve('babel-preset-taro')] })
  const plugin = require.resolve('babel-plugin-polyfill-corejs3', { paths: [path.dirname(presetEnv)] })
  const options = {
    method: 'usage-global',
    version: require('core-js/package.json').version,
    targets,
    exclude: needed.filter((m) => !adding.has(m)),
  }
  // The project's own code (and the libraries it passes through Babel, config/index.ts MODERN_LIBRARIES), never
  // Taro's runtime packages, which Taro also compiles and which must load before any polyfill.
  const own = ['src', 'types', 'domain'].map((d) => path.join(__dirname, d) + path.sep)
  const test = (file) =>
    typeof file === 'string' &&
    (own.some((dir) => file.startsWith(dir)) || /node_modules[\\/]valibot[\\/]/.test(file)) &&
    !/[\\/]src[\\/]app\.[jt]sx?$/.test(file)
  return [{ test, plugins: [[plugin, options]] }]
}

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  overrides: polyfillOverrides(),
}
