// The accessibility attributes each mini-program's components take, and which components the app gives them to.
// Plain CommonJS: the build plugin (config/aria-plugin.js, in Node) and the runtime patch (config/aria-runtime.js, in
// the bundle) read the same table, so Taro's templates and its runtime agree on every attribute's short name.
//
// WeChat, 基础库 2.7.1+: `aria-role`, `aria-label`, `aria-checked`, `aria-selected`, `aria-disabled` ... on its
// components (https://developers.weixin.qq.com/miniprogram/dev/component/aria-component.html).
// Alipay, 基础库 1.18.0+: `role` and the `aria-*` attributes on view, text, image, checkbox, switch ...
// (https://opendocs.alipay.com/mini/component/aria-component).
// Baidu documents none: nothing is added there (src/platform: capabilities.roleAttribute is null).
const STATES = ['aria-label', 'aria-checked', 'aria-selected', 'aria-disabled']

const ATTRIBUTES = {
  weapp: {
    View: ['aria-role', ...STATES],
    Image: ['aria-role', 'aria-label'],
    Checkbox: ['aria-label'],
    Switch: ['aria-label'],
  },
  alipay: {
    View: ['role', ...STATES],
    Image: ['role', 'aria-label'],
    Checkbox: ['aria-label'],
    Switch: ['aria-label'],
  },
}

/**
 * Taro's component table entries for a target: each attribute with no default (`''`, Taro's NO_DEFAULT_VALUE, as its
 * own optional attributes are declared), e.g. `{ View: { 'aria-role': '', 'aria-label': '' } }`.
 */
function ariaComponents(target) {
  const table = ATTRIBUTES[target] || {}
  const out = {}
  for (const name of Object.keys(table)) {
    out[name] = {}
    for (const attr of table[name]) out[name][attr] = ''
  }
  return out
}

module.exports = { ATTRIBUTES, ariaComponents }
