import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import { MINI_ENGINES } from './engines'
import { declareNetwork, type NetworkDeclaration } from './network'
import prodConfig from './prod'
/** Packages under node_modules that publish syntax newer than MINI_ENGINES (tests/mini/outputs.test.ts finds them). */
const MODERN_LIBRARIES = /node_modules[\\/](valibot)[\\/]/

/**
 * One configuration for all four targets. Each target builds into its own folder (dist/<target>) so
 * the weapp, swan, alipay and h5 outputs can sit side by side and be checked together.
 */
export default defineConfig<'webpack5'>(async (merge) => {
  const target = process.env.TARO_ENV ?? 'h5'
  // The contract and the pure rules live outside src/ (the mock server shares them), so the app's compiler must be
  // told to take them in.
  const compile = { include: [path.resolve(__dirname, '..', 'types'), path.resolve(__dirname, '..', 'domain')] }
  // Mini-program engines lag the browsers H5 aims at (iOS 12's JavaScriptCore has no `?.` or `??`): the mini builds
  // are transpiled down to them, libraries that ship modern syntax included. The package.json list stays for H5.
  const miniCompile = { include: [...compile.include, (file: string) => MODERN_LIBRARIES.test(file)] }
  if (target !== 'h5') process.env.BROWSERSLIST = MINI_ENGINES
  // The backend's address and the domains to declare: a production build without an https API_BASE stops here.
  const network = declareNetwork(process.env)
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'health-exam-candidate',
    date: '2026-11-23',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${target}`,
    plugins: ['@tarojs/plugin-platform-alipay', '@tarojs/plugin-platform-swan', path.join(__dirname, 'aria-plugin.js')],
    defineConstants: {
      // Where the app finds the backend. H5 and devtools builds talk to the local mock server.
      API_BASE: JSON.stringify(network.apiBase),
    },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
      '@contract': path.resolve(__dirname, '..', 'types'),
      '@domain': path.resolve(__dirname, '..', 'domain'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: process.env.TARO_CACHE === '1' },
    mini: {
      compile: miniCompile,
      webpackChain: (chain, webpack) => {
        chain.plugin('network-declaration').use(NetworkDeclarationPlugin, [network, webpack])
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      compile,
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      devServer: { host: '127.0.0.1', port: 10086 },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})

/**
 * Writes the build's network declaration (config/network.ts) as `network.json` beside `app.json`: the domains to
 * enter in each platform's console, and what the mini-program host checks every request against. A devtools-side
 * file like the project configs: not counted in the package sizes (it is a few hundred bytes).
 */
class NetworkDeclarationPlugin {
  constructor(
    private readonly network: NetworkDeclaration,
    private readonly webpack: typeof import('webpack'),
  ) {}

  apply(compiler: import('webpack').Compiler): void {
    const { webpack, network } = this
    compiler.hooks.thisCompilation.tap('NetworkDeclarationPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'NetworkDeclarationPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const json = `${JSON.stringify(network, null, 2)}\n`
          compilation.emitAsset('network.json', new webpack.sources.RawSource(json))
        },
      )
    })
  }
}
