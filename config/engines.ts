/**
 * The oldest clients the mini-programs support, in one place: the build transpiles and polyfills for these engines
 * (config/index.ts, babel.config.js) and the mini-program host runs the bundles without the built-ins they lack
 * (tools/miniprogram-host/src/engine.ts). README and docs/mini-programs.md state the same.
 *
 * - WeChat: base library 2.16.1 (the offscreen canvas 2D the ticket and certificate draw with), which needs WeChat
 *   7.0.20+ on iOS and 7.0.22+ on Android, hence iOS 10+ (WeChat's "JavaScript 支持情况":
 *   https://developers.weixin.qq.com/miniprogram/dev/framework/runtime/js-support.html). The app's floor is higher:
 *   iOS 12's JavaScriptCore and, on Android, the V8 of Chrome 66.
 * - Alipay: base library 2.9.21 (the first that honours `requirePolyfill`), the same iOS 12 / Chrome 66 engines.
 * - Baidu: base library 3.180.1 (upload tasks' onHeadersReceived), the same engines; Baidu's own polyfills stop at ES7.
 */
export const MINI_ENGINES = 'ios >= 12, chrome >= 66'

export const OLDEST_CLIENTS = {
  weapp: { baseLibrary: '2.16.1', ios: '12', android: 'Chrome 66 (V8)' },
  alipay: { baseLibrary: '2.9.21', ios: '12', android: 'Chrome 66 (V8)' },
  swan: { baseLibrary: '3.180.1', ios: '12', android: 'Chrome 66 (V8)' },
} as const
