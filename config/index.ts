import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

/** The oldest JS engines the mini-programs run on (iOS 12 JavaScriptCore, Android's system WebView / V8). */
const MINI_ENGINES = 'ios >= 12, chrome >= 66'
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
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'health-exam-candidate',
    date: '2026-11-23',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${target}`,
    plugins: ['@tarojs/plugin-platform-alipay', '@tarojs/plugin-platform-swan'],
    defineConstants: {
      // Where the app finds the backend. H5 and devtools builds talk to the local mock server.
      API_BASE: JSON.stringify(process.env.API_BASE ?? 'http://127.0.0.1:3100'),
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
