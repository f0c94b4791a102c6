import vm from 'node:vm'
import { builtInsFor, type MissingBuiltIn } from '../../../config/builtins'
import { MINI_ENGINES } from '../../../config/engines'
import type { MiniTarget } from './platforms'

/**
 * The JS engine as old as the oldest phone the build declares (config/engines.ts): the host runs the bundles on
 * Node's V8, which has every modern built-in, so the ones those engines lack are taken out of the app's context
 * before a line of the bundle runs, and on WeChat code generation from strings is refused as WeChat refuses it.
 *
 * Which built-ins: not a list written here but config/builtins.js, from core-js-compat's data for the declared
 * targets (the same answer the build's polyfills come from, babel.config.js).
 */
export type { MissingBuiltIn }

/** The built-ins the declared engines lack, from core-js-compat's data (config/builtins.js). */
export function missingBuiltIns(targets: string = MINI_ENGINES): MissingBuiltIn[] {
  return builtInsFor(targets).missing
}

/** Takes the missing built-ins out of a context; answers those it found there (Node's V8 lacks some too). */
export function removeBuiltIns(context: vm.Context, list: MissingBuiltIn[]): MissingBuiltIn[] {
  const remove = vm.runInContext(
    `(function (holder, name) {
      var g = (function () { return this })()
      var typed = Object.getPrototypeOf(Int8Array.prototype)
      var parts = holder ? holder.split('.') : []
      var on = g
      for (var i = 0; i < parts.length; i++) on = parts[i] === '%TypedArray%' ? Object.getPrototypeOf(Int8Array) : on && on[parts[i]]
      if (holder === '%TypedArray%.prototype') on = typed
      if (!on || !Object.prototype.hasOwnProperty.call(on, name)) return false
      return delete on[name]
    })`,
    context,
  ) as (holder: string, name: string) => boolean
  return list.filter((b) => remove(b.holder, b.name))
}

/**
 * WeChat: "基于安全考虑，小程序中不支持动态执行 JS 代码：不支持使用 eval 执行 JS 代码；不支持使用 new Function 创建
 * 函数（new Function('return this') 除外）"
 * https://developers.weixin.qq.com/miniprogram/dev/framework/runtime/js-support.html
 * The context is created with code generation from strings off (V8 then refuses eval and the Function constructor);
 * `Function` is replaced by a stand-in that answers `Function('return this')` with the global object, as WeChat
 * does, and refuses anything else naming the rule. Alipay and Baidu publish no such rule: their contexts allow it.
 */
export const REFUSES_CODE_GENERATION: Record<MiniTarget, boolean> = { weapp: true, alipay: false, swan: false }

export function contextOptions(target: MiniTarget): vm.CreateContextOptions {
  return REFUSES_CODE_GENERATION[target] ? { codeGeneration: { strings: false, wasm: false } } : {}
}

export function refuseFunctionConstructor(context: vm.Context): void {
  vm.runInContext(
    `(function (Intrinsic) {
      var g = (function () { return this })()
      function Function() {
        var body = arguments.length ? String(arguments[arguments.length - 1]) : ''
        if (arguments.length === 1 && body.replace(/^\\s+|[\\s;]+$/g, '') === 'return this') {
          return function () { return g }
        }
        throw new EvalError('new Function is not supported in WeChat mini-programs (only new Function(\\'return this\\')): https://developers.weixin.qq.com/miniprogram/dev/framework/runtime/js-support.html')
      }
      Function.prototype = Intrinsic.prototype
      Object.defineProperty(g, 'Function', { value: Function, writable: true, configurable: true, enumerable: false })
    })(Function)`,
    context,
  )
}
