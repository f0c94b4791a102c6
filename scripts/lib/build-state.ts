import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.join(__dirname, '..', '..')
const INPUTS = ['src', 'types', 'config', 'package.json', 'babel.config.js']

function newestMtime(p: string): number {
  const stat = fs.statSync(p)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)))
  return newest
}

/** True when dist/<target> is missing or older than any source it is built from. */
export function buildIsStale(target: 'weapp' | 'swan' | 'alipay' | 'h5'): boolean {
  const marker = path.join(ROOT, 'dist', target, target === 'h5' ? 'index.html' : 'app.json')
  if (!fs.existsSync(marker)) return true
  const built = fs.statSync(marker).mtimeMs
  return INPUTS.some((input) => fs.existsSync(path.join(ROOT, input)) && newestMtime(path.join(ROOT, input)) > built)
}
