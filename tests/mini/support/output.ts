import { parse } from 'acorn'
import fs from 'node:fs'
import path from 'node:path'
import type { MiniTarget } from '../../../tools/miniprogram-host/src/platforms'

export { ROOT } from '../../../scripts/lib/taro-build'

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
 * The oldest engines the mini builds target (config/index.ts MINI_ENGINES: iOS 12's JavaScriptCore) parse ES2019;
 * optional chaining, `??`, class fields and regex lookbehind are syntax errors there, so the whole app would fail.
 * Returns what is wrong with a bundle's syntax, or null.
 */
export function syntaxNewerThanEngines(code: string): string | null {
  try {
    parse(code, { ecmaVersion: 2019, sourceType: 'script' })
  } catch (err) {
    const pos = (err as { pos?: number }).pos ?? 0
    return `${(err as Error).message}: …${code.slice(Math.max(0, pos - 60), pos + 20)}…`
  }
  // Acorn accepts lookbehind at ES2018; Safari only has it since 16.4.
  const lookbehind = /\/[^/\n]*\(\?<[=!][^/\n]*\/[dgimsuy]*/.exec(code)
  return lookbehind ? `regex lookbehind: …${lookbehind[0].slice(0, 60)}…` : null
}
