// A Taro build plugin: the mini-programs' templates carry the accessibility attributes (config/aria.js).
//
// Taro builds one template per component with a fixed list of attributes (its internal component table), and
// `aria-*` or `role` are not in WeChat's or Alipay's list: a view's `aria-label` never reached the page. Each
// platform plugin calls the kernel's `onSetupClose(platform)` once its own template is set up
// (@tarojs/service platform-plugin-base/mini.js); there this plugin merges the attributes into the template
// (`template.mergeComponents`, what the platform plugins themselves use) and appends config/aria-runtime.js to the
// runtime modules, which merges the same table into Taro's runtime so both sides name each attribute alike.
// tests/mini/aria.test.ts reads the attributes in the built bundles.
const path = require('node:path')
const { ariaComponents } = require('./aria')

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      const target = process.env.TARO_ENV
      const components = ariaComponents(target)
      if (!platform || !platform.template || Object.keys(components).length === 0) return
      platform.template.mergeComponents(ctx, components)
      const runtime = path.join(__dirname, 'aria-runtime.js')
      platform.runtimePath = [].concat(platform.runtimePath || [], runtime)
    },
  })
}
