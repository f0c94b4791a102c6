// Runs in the mini-program bundle, after the platform's own runtime (config/aria-plugin.js puts it last in Taro's
// runtime list): Taro's runtime learns the accessibility attributes the templates were built with, so it sends a
// view's `aria-label` under the same short name the template reads (getComponentsAlias numbers them in order).
var shared = require('@tarojs/shared')
var aria = require('./aria')

shared.mergeInternalComponents(aria.ariaComponents(process.env.TARO_ENV))
