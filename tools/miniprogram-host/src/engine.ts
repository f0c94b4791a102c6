import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import compat from 'core-js-compat'
import { MINI_ENGINES } from '../../../config/engines'
import type { MiniTarget } from './platforms'

/**
 * The JS engine as old as the oldest phone the build declares (config/engines.ts): the host runs the bundles on
 * Node's V8, which has every modern built-in, so the ones those engines lack are taken out of the app's context
 * before a line of the bundle runs, and on WeChat code generation from strings is refused as WeChat refuses it.
 *
 * Which built-ins: not a list written here. core-js-compat (the data Babel's polyfill plugin uses) names the core-js
 * modules the declared targets need; each module's own source says what it defines (`$({ target, proto | stat |
 * global }, { name })`, a typed-array method, an accessor). Some of those modules fix a built-in the engine has
 * (Array.prototype.push's length bug, JSON.stringify's lone surrogates): a built-in that TypeScript's library
 * declarations put in ES2018 or earlier, which both iOS 12 and Chrome 66 implement, is kept; the rest are removed.
 */

/** The ECMAScript edition whose built-ins every declared engine has (iOS 12 Safari and Chrome 66 are ES2018). */
const BASELINE_EDITION = 2018

export interface MissingBuiltIn {
  /** Where it lives: `Array.prototype`, `Object`, the global object (`''`), `%TypedArray%.prototype`. */
  holder: string
  name: string
  /** The core-js module that names it. */
  module: string
}

const nodeModules = path.dirname(require.resolve('core-js/package.json', { paths: [__dirname] }))

/** Member names per interface in TypeScript's library declarations up to the baseline edition. */
function baselineMembers(): Map<string, Set<string>> {
  const lib = path.dirname(require.resolve('typescript/lib/lib.es5.d.ts', { paths: [__dirname] }))
  const files = fs
    .readdirSync(lib)
    .filter((f) => {
      const m = /^lib\.es(5|20\d\d)\.[a-z.]*d\.ts$/.exec(f)
      if (!m || /\.full\.d\.ts$/.test(f)) return false
      return m[1] === '5' || Number(m[1]) <= BASELINE_EDITION
    })
    .concat('lib.es5.d.ts')
  const members = new Map<string, Set<string>>()
  const add = (iface: string, name: string) => {
    if (!members.has(iface)) members.set(iface, new Set())
    members.get(iface)?.add(name)
  }
  for (const file of files) {
    const text = fs.readFileSync(path.join(lib, file), 'utf8')
    for (const m of text.matchAll(/^declare var ([A-Za-z_$][\w$]*)\s*:/gm)) add('', m[1] as string)
    for (const block of text.matchAll(/^interface ([A-Za-z_$][\w$]*)(?:<[^>]*>)?[^{\n]*\{([\s\S]*?)^\}/gm)) {
      for (const m of (block[2] as string).matchAll(/^ {4}(?:readonly )?([A-Za-z_$][\w$]*)\??\s*[(<:]/gm)) {
        add(block[1] as string, m[1] as string)
      }
    }
  }
  return members
}

/** What a core-js module defines, read from its source. */
function definitionsOf(module: string): { holder: string; iface: string; name: string }[] {
  const src = fs.readFileSync(path.join(nodeModules, 'modules', `${module}.js`), 'utf8')
  const out: { holder: string; iface: string; name: string }[] = []
  for (const call of src.matchAll(/\$\(\{([^}]*)\}\s*,\s*\{([\s\S]*?)\n\}\)/g)) {
    const options = call[1] as string
    const target = /target:\s*'([A-Za-z0-9]+)'/.exec(options)?.[1]
    const names = [...(call[2] as string).matchAll(/^ {2}'?([A-Za-z_$][\w$]*)'?\s*:/gm)].map((m) => m[1] as string)
    const explicit = /name:\s*'([A-Za-z_$][\w$]*)'/.exec(options)?.[1]
    for (const name of explicit ? [explicit] : names) {
      if (/global:\s*true/.test(options)) out.push({ holder: '', iface: '', name })
      else if (target && /proto:\s*true/.test(options)) out.push({ holder: `${target}.prototype`, iface: target, name })
      else if (target && /stat:\s*true/.test(options)) out.push({ holder: target, iface: `${target}Constructor`, name })
    }
  }
  for (const m of src.matchAll(/exportTypedArrayMethod\('([A-Za-z_$][\w$]*)'/g)) {
    out.push({ holder: '%TypedArray%.prototype', iface: 'Int8Array', name: m[1] as string })
  }
  for (const m of src.matchAll(/defineBuiltInAccessor\(([A-Z][A-Za-z]*)Prototype, '([A-Za-z_$][\w$]*)'/g)) {
    out.push({ holder: `${m[1]}.prototype`, iface: m[1] as string, name: m[2] as string })
  }
  return out
}

let cached: { targets: string; list: MissingBuiltIn[] } | undefined

/** The built-ins the declared engines lack, from core-js-compat's data (see the file comment). */
export function missingBuiltIns(targets: string = MINI_ENGINES): MissingBuiltIn[] {
  if (cached?.targets === targets) return cached.list
  const baseline = baselineMembers()
  const { list: modules } = compat({ targets, modules: ['core-js/es', 'core-js/web'], inverse: false })
  const list: MissingBuiltIn[] = []
  const seen = new Set<string>()
  for (const module of modules) {
    for (const d of definitionsOf(module)) {
      const key = `${d.holder}.${d.name}`
      // A static member is declared on the constructor's interface (ArrayConstructor) or on a namespace's own
      // (JSON, Math).
      const declared = [d.iface, d.iface.replace(/Constructor$/, '')].some((i) => baseline.get(i)?.has(d.name))
      if (seen.has(key) || declared) continue
      seen.add(key)
      list.push({ holder: d.holder, name: d.name, module })
    }
  }
  cached = { targets, list }
  return list
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
