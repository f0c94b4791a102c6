import { parse } from 'acorn'
import fs from 'node:fs'
import path from 'node:path'
import type { MiniTarget } from '../../../tools/miniprogram-host/src/platforms'

export { ROOT } from '../../../devkit/taro-build'

/** The file extensions each host expects beside a page's script. */
export const PAGE_FILES: Record<MiniTarget, { template: string; style: string; script: string; config: string }> = {
  weapp: { template: '.wxml', style: '.wxss', script: '.js', config: '.json' },
  swan: { template: '.swan', style: '.css', script: '.js', config: '.json' },
  alipay: { template: '.axml', style: '.acss', script: '.js', config: '.json' },
}

/** The project file each platform's devtools opens the output with. */
export const PROJECT_FILE: Record<MiniTarget, string> = {
  weapp: 'project.config.json',
  swan: 'project.swan.json',
  alipay: 'mini.project.json',
}

export interface AppJson {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  subpackages?: { root: string; pages: string[] }[]
}

/** Every page of the app, main package and subpackages, as routes. */
export function allPages(app: AppJson): { route: string; packageRoot: string | null }[] {
  const pages = app.pages.map((route) => ({ route, packageRoot: null as string | null }))
  for (const sub of [...(app.subPackages ?? []), ...(app.subpackages ?? [])]) {
    const root = sub.root.replace(/\/$/, '')
    for (const page of sub.pages) pages.push({ route: `${root}/${page}`, packageRoot: root })
  }
  return pages
}

export function listFiles(dir: string, ext: string): string[] {
  const out: string[] = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...listFiles(full, ext))
    else if (entry.name.endsWith(ext)) out.push(full)
  }
  return out
}

/**
 * Free uses of browser-only globals in a bundle: a phone's JS engine has no window, document, localStorage ...
 * (Taro's build swaps `window`/`document` for its own stand-ins, so what is left is a real reference.) A use right
 * after a `typeof` guard of the same name is allowed, and so are accessors and functions of that name.
 */
export function browserGlobalUses(code: string, names: string[]): string[] {
  const found: string[] = []
  const re = new RegExp(`(?<![\\w$.'"])(${names.join('|')})\\s*(\\.|\\[|\\()`, 'g')
  for (const m of code.matchAll(re)) {
    const name = m[1] as string
    const before = code.slice(Math.max(0, (m.index ?? 0) - 120), m.index)
    if (before.includes(`typeof ${name}`) || /\b(get|set|function)\s+$/.test(before)) continue
    found.push(code.slice(Math.max(0, (m.index ?? 0) - 40), (m.index ?? 0) + 40))
  }
  return found
}

/**
 * The ECMAScript level each kind of emitted script is parsed at. Scripts (.js) run on the oldest engines the mini
 * builds target (config/index.ts MINI_ENGINES: iOS 12's JavaScriptCore), which parse ES2019: optional chaining,
 * `??`, class fields and regex lookbehind are syntax errors there, so the whole app would fail. The template script
 * files run in the platforms' own template engines: WXS is ES5 only
 * (https://developers.weixin.qq.com/miniprogram/dev/reference/wxs/), Alipay's and Baidu's SJS add ES module
 * import/export (https://opendocs.alipay.com/mini/framework/sjs,
 * https://smartprogram.baidu.com/docs/develop/framework/view_filter/).
 */
export const SCRIPT_LEVELS: { ext: string; ecmaVersion: 5 | 2015 | 2019; sourceType: 'script' | 'module' }[] = [
  { ext: '.js', ecmaVersion: 2019, sourceType: 'script' },
  { ext: '.wxs', ecmaVersion: 5, sourceType: 'script' },
  { ext: '.sjs', ecmaVersion: 2015, sourceType: 'module' },
]

/** Every script file an output emits, with the level it must parse at. */
export function emittedScripts(dir: string): { file: string; level: (typeof SCRIPT_LEVELS)[number] }[] {
  return SCRIPT_LEVELS.flatMap((level) => listFiles(dir, level.ext).map((file) => ({ file, level })))
}

/** What is wrong with a script's syntax at its level, or null. */
export function syntaxNewerThanEngines(code: string, level = SCRIPT_LEVELS[0]): string | null {
  try {
    parse(code, { ecmaVersion: level.ecmaVersion, sourceType: level.sourceType })
  } catch (err) {
    const pos = (err as { pos?: number }).pos ?? 0
    return `${(err as Error).message}: …${code.slice(Math.max(0, pos - 60), pos + 20)}…`
  }
  // Acorn accepts lookbehind at ES2018; Safari only has it since 16.4.
  const lookbehind = /\/[^/\n]*\(\?<[=!][^/\n]*\/[dgimsuy]*/.exec(code)
  return lookbehind ? `regex lookbehind: …${lookbehind[0].slice(0, 60)}…` : null
}

// ---- reads of globals an engine may lack ----

type Node = { type: string; start: number; end: number; [key: string]: unknown }

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string'
}

function childrenOf(node: Node): Node[] {
  const out: Node[] = []
  for (const [key, value] of Object.entries(node)) {
    if (key === 'type' || key === 'start' || key === 'end') continue
    if (Array.isArray(value)) out.push(...value.filter(isNode))
    else if (isNode(value)) out.push(value)
  }
  return out
}

/** Names a pattern (parameter, declarator id) binds. */
function boundNames(pattern: unknown, into: Set<string>): void {
  if (!isNode(pattern)) return
  if (pattern.type === 'Identifier') into.add(pattern.name as string)
  else if (pattern.type === 'AssignmentPattern') boundNames(pattern.left, into)
  else if (pattern.type === 'RestElement') boundNames(pattern.argument, into)
  else if (pattern.type === 'ArrayPattern') (pattern.elements as unknown[]).forEach((e) => boundNames(e, into))
  else if (pattern.type === 'ObjectPattern')
    (pattern.properties as Node[]).forEach((p) => boundNames(p.type === 'Property' ? p.value : p, into))
}

const FUNCTION = /^(FunctionDeclaration|FunctionExpression|ArrowFunctionExpression)$/

/** What a function (or the program) declares for its body: parameters, var/let/const/function/class names. */
function declaredIn(scope: Node): Set<string> {
  const names = new Set<string>()
  if (FUNCTION.test(scope.type)) {
    ;(scope.params as Node[]).forEach((p) => boundNames(p, names))
    if (scope.type === 'FunctionExpression' && isNode(scope.id)) boundNames(scope.id, names)
  }
  const visit = (node: Node) => {
    if (node.type === 'VariableDeclarator') boundNames(node.id, names)
    if ((node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration') && isNode(node.id))
      boundNames(node.id, names)
    if (node.type === 'CatchClause') boundNames(node.param, names)
    if (FUNCTION.test(node.type)) return
    childrenOf(node).forEach(visit)
  }
  const body = scope.body
  if (Array.isArray(body)) body.filter(isNode).forEach(visit)
  else if (isNode(body)) visit(body)
  return names
}

const mentionsTypeof = (node: unknown, name: string): boolean =>
  isNode(node) &&
  ((node.type === 'UnaryExpression' &&
    node.operator === 'typeof' &&
    isNode(node.argument) &&
    node.argument.type === 'Identifier' &&
    node.argument.name === name) ||
    childrenOf(node).some((c) => mentionsTypeof(c, name)))

/** True when `node` (reached through `ancestors`, outermost first) only runs once `typeof name` was checked. */
function guarded(node: Node, ancestors: Node[], name: string): boolean {
  let child = node
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const parent = ancestors[i] as Node
    if (parent.type === 'UnaryExpression' && parent.operator === 'typeof') return true
    if ((parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') && child !== parent.test) {
      if (mentionsTypeof(parent.test, name)) return true
    }
    if (parent.type === 'LogicalExpression' && child === parent.right && mentionsTypeof(parent.left, name)) return true
    // A ReferenceError inside a try block is caught.
    if (parent.type === 'TryStatement' && child === parent.block) return true
    child = parent
  }
  return false
}

/**
 * Free reads of `names` (globals a platform's engine lacks, such as Alipay's `globalThis` and `global`) that are not
 * behind a `typeof` guard or inside a try block: each would throw a ReferenceError on that platform. Returns a
 * snippet around each.
 */
export function unguardedGlobalReads(code: string, names: string[]): string[] {
  const ast = parse(code, { ecmaVersion: 'latest', sourceType: 'script' }) as unknown as Node
  const found: string[] = []
  const wanted = new Set(names)
  const walk = (node: Node, ancestors: Node[], scopes: Set<string>[]) => {
    let inner = scopes
    if (node.type === 'Program' || FUNCTION.test(node.type)) inner = [...scopes, declaredIn(node)]
    if (node.type === 'Identifier' && wanted.has(node.name as string)) {
      const parent = ancestors[ancestors.length - 1]
      const name = node.name as string
      const notAReference =
        parent &&
        (((parent.type === 'MemberExpression' || parent.type === 'MetaProperty') &&
          parent.property === node &&
          !parent.computed) ||
          ((parent.type === 'Property' || parent.type === 'MethodDefinition') &&
            parent.key === node &&
            !parent.computed) ||
          parent.type === 'LabeledStatement' ||
          parent.type === 'BreakStatement' ||
          parent.type === 'ContinueStatement')
      const declared = inner.some((s) => s.has(name))
      if (!notAReference && !declared && !guarded(node, ancestors, name)) {
        found.push(code.slice(Math.max(0, node.start - 50), node.end + 30))
      }
    }
    for (const child of childrenOf(node)) walk(child, [...ancestors, node], inner)
  }
  walk(ast, [], [])
  return found
}
