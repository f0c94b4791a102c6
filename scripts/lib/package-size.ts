import fs from 'node:fs'
import path from 'node:path'

/**
 * What a mini-program uploads, per package, and the limits each platform sets on it. The bench prints the figures
 * beside these limits and the project's budgets (scripts/bench.ts); tests/mini/package-size.test.ts fails the test
 * run when a platform's limit is broken.
 */
export type MiniTarget = 'weapp' | 'alipay' | 'swan'

const MB = 1024 * 1024

/**
 * Each platform's documented package limits:
 * - WeChat: "单个分包/主包大小不能超过 2M", all packages together 30 MB (20 MB for a mini-program a service provider
 *   develops; the stricter figure is used) — https://developers.weixin.qq.com/miniprogram/dev/framework/subpackages.html
 * - Alipay: main package and each subpackage 2 MB, all together 8 MB — https://opendocs.alipay.com/mini/framework/subpackages
 * - Baidu: "整个小程序所有分包大小不超过 8M，单个分包/主包大小不能超过 2M" —
 *   https://smartprogram.baidu.com/docs/develop/framework/subpackages/
 */
export const PLATFORM_LIMITS: Record<
  MiniTarget,
  { mainPackage: number; subPackage: number; total: number; doc: string }
> = {
  weapp: {
    mainPackage: 2 * MB,
    subPackage: 2 * MB,
    total: 20 * MB,
    doc: 'https://developers.weixin.qq.com/miniprogram/dev/framework/subpackages.html',
  },
  alipay: {
    mainPackage: 2 * MB,
    subPackage: 2 * MB,
    total: 8 * MB,
    doc: 'https://opendocs.alipay.com/mini/framework/subpackages',
  },
  swan: {
    mainPackage: 2 * MB,
    subPackage: 2 * MB,
    total: 8 * MB,
    doc: 'https://smartprogram.baidu.com/docs/develop/framework/subpackages/',
  },
}

/**
 * Files in the output folder that are not uploaded with the package: the devtools' project files and the build's
 * network declaration (the domains to enter in each console, config/network.ts).
 */
export const NOT_UPLOADED = new Set([
  'project.config.json',
  'project.private.config.json',
  'project.swan.json',
  'mini.project.json',
  '.browserslistrc',
  'network.json',
])

interface AppJson {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  subpackages?: { root: string; pages: string[] }[]
}

export interface PackageSizes {
  main: { bytes: number; files: number }
  subPackages: { root: string; bytes: number; files: number }[]
  total: { bytes: number; files: number }
}

/** Every file below `dir` (none when it does not exist). */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(full) : [full]
  })
}

/** Their bytes together. */
export const sizeOf = (files: string[]) => files.reduce((n, f) => n + fs.statSync(f).size, 0)

/** Main package and subpackages of one mini-program output, by the subpackage roots app.json declares. */
export function measurePackages(dir: string): PackageSizes {
  const app = JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8')) as AppJson
  const roots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((s) => s.root.replace(/\/$/, ''))
  const all = filesUnder(dir).filter((f) => path.dirname(f) !== dir || !NOT_UPLOADED.has(path.basename(f)))
  const inRoot = (root: string) => (f: string) => path.relative(dir, f).split(path.sep).join('/').startsWith(`${root}/`)
  const mainFiles = all.filter((f) => !roots.some((root) => inRoot(root)(f)))
  return {
    main: { bytes: sizeOf(mainFiles), files: mainFiles.length },
    subPackages: roots.map((root) => {
      const files = all.filter(inRoot(root))
      return { root, bytes: sizeOf(files), files: files.length }
    }),
    total: { bytes: sizeOf(all), files: all.length },
  }
}

/** The platform limits a measured output breaks (empty when it keeps to all). */
export function limitBreaches(target: MiniTarget, sizes: PackageSizes): string[] {
  const limit = PLATFORM_LIMITS[target]
  const out: string[] = []
  const mb = (b: number) => `${(b / MB).toFixed(2)} MB`
  if (sizes.main.bytes > limit.mainPackage) out.push(`main package ${mb(sizes.main.bytes)} > ${mb(limit.mainPackage)}`)
  for (const s of sizes.subPackages) {
    if (s.bytes > limit.subPackage) out.push(`subpackage ${s.root} ${mb(s.bytes)} > ${mb(limit.subPackage)}`)
  }
  if (sizes.total.bytes > limit.total) out.push(`all packages ${mb(sizes.total.bytes)} > ${mb(limit.total)}`)
  return out
}
