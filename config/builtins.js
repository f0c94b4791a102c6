// The built-ins the oldest declared engines (config/engines.ts) lack, derived from compatibility data, not listed by
// hand. Plain CommonJS: babel.config.js (which polyfills them) and the mini-program host (which removes them from
// the app's context, tools/miniprogram-host/src/engine.ts) read the same answer.
//
// core-js-compat (the data Babel's polyfill plugin uses) names the core-js modules the targets need. Each module's
// source says what it defines (`$({ target, proto | stat | global }, { name })`, a typed-array method, an
// accessor). Some of those modules only fix a built-in the engines have (Array.prototype.push's length bug,
// JSON.stringify's lone surrogates): a member TypeScript's library declarations put in ES2018 or earlier, which both
// iOS 12's Safari and Chrome 66 implement, is such a fix, not an absence.
const fs = require('node:fs')
const path = require('node:path')
const compat = require('core-js-compat')

/** The ECMAScript edition whose built-ins every declared engine has (iOS 12 Safari and Chrome 66 are ES2018). */
const BASELINE_EDITION = 2018

const coreJs = path.dirname(require.resolve('core-js/package.json'))

/** Member names per interface in TypeScript's library declarations up to the baseline edition. */
function baselineMembers() {
  const lib = path.dirname(require.resolve('typescript/lib/lib.es5.d.ts'))
  const files = fs.readdirSync(lib).filter((f) => {
    const m = /^lib\.es(5|20\d\d)\.[a-z.]*d\.ts$/.exec(f)
    if (!m || /\.full\.d\.ts$/.test(f)) return false
    return m[1] === '5' || Number(m[1]) <= BASELINE_EDITION
  })
  const members = new Map()
  const add = (iface, name) => {
    if (!members.has(iface)) members.set(iface, new Set())
    members.get(iface).add(name)
  }
  for (const file of [...files, 'lib.es5.d.ts']) {
    const text = fs.readFileSync(path.join(lib, file), 'utf8')
    for (const m of text.matchAll(/^declare var ([A-Za-z_$][\w$]*)\s*:/gm)) add('', m[1])
    for (const block of text.matchAll(/^interface ([A-Za-z_$][\w$]*)(?:<[^>]*>)?[^{\n]*\{([\s\S]*?)^\}/gm)) {
      for (const m of block[2].matchAll(/^ {4}(?:readonly )?([A-Za-z_$][\w$]*)\??\s*[(<:]/gm)) add(block[1], m[1])
    }
  }
  return members
}

/** What a core-js module defines, read from its source: `{ holder, iface, name }`. */
function definitionsOf(module) {
  const src = fs.readFileSync(path.join(coreJs, 'modules', `${module}.js`), 'utf8')
  const out = []
  for (const call of src.matchAll(/\$\(\{([^}]*)\}\s*,\s*\{([\s\S]*?)\n\}\)/g)) {
    const options = call[1]
    const target = /target:\s*'([A-Za-z0-9]+)'/.exec(options)?.[1]
    const names = [...call[2].matchAll(/^ {2}'?([A-Za-z_$][\w$]*)'?\s*:/gm)].map((m) => m[1])
    const explicit = /name:\s*'([A-Za-z_$][\w$]*)'/.exec(options)?.[1]
    for (const name of explicit ? [explicit] : names) {
      if (/global:\s*true/.test(options)) out.push({ holder: '', iface: '', name })
      else if (target && /proto:\s*true/.test(options)) out.push({ holder: `${target}.prototype`, iface: target, name })
      else if (target && /stat:\s*true/.test(options)) out.push({ holder: target, iface: `${target}Constructor`, name })
    }
  }
  for (const m of src.matchAll(/exportTypedArrayMethod\('([A-Za-z_$][\w$]*)'/g)) {
    out.push({ holder: '%TypedArray%.prototype', iface: 'Int8Array', name: m[1] })
  }
  for (const m of src.matchAll(/defineBuiltInAccessor\(([A-Z][A-Za-z]*)Prototype, '([A-Za-z_$][\w$]*)'/g)) {
    out.push({ holder: `${m[1]}.prototype`, iface: m[1], name: m[2] })
  }
  return out
}

const cache = new Map()

/**
 * For a browserslist query: `missing`, the built-ins the engines lack (`{ holder, name, module }`), and `fixes`,
 * the core-js modules compat data asks for that define nothing missing (fixes of built-ins the engines have).
 */
function builtInsFor(targets) {
  if (cache.has(targets)) return cache.get(targets)
  const baseline = baselineMembers()
  const { list: modules } = compat({ targets, modules: ['core-js/es', 'core-js/web'] })
  const missing = []
  const fixes = []
  const seen = new Set()
  for (const module of modules) {
    const defs = definitionsOf(module)
    let adds = false
    for (const d of defs) {
      // A static member is declared on the constructor's interface (ArrayConstructor) or a namespace's (JSON, Math).
      const declared = [d.iface, d.iface.replace(/Constructor$/, '')].some((i) => baseline.get(i)?.has(d.name))
      if (declared) continue
      adds = true
      const key = `${d.holder}.${d.name}`
      if (seen.has(key)) continue
      seen.add(key)
      missing.push({ holder: d.holder, name: d.name, module })
    }
    if (defs.length && !adds) fixes.push(module)
  }
  const answer = { missing, fixes }
  cache.set(targets, answer)
  return answer
}

module.exports = { builtInsFor, BASELINE_EDITION }
