import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

/** The Debian packages the browser tests need: Chromium, and CJK fonts so Chinese text renders. */
export const BROWSER_PACKAGES = ['chromium', 'fonts-noto-cjk']
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

function fontsPresent(): boolean {
  const r = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' })
  return r.status === 0 && /Noto (Sans|Serif) CJK/i.test(r.stdout)
}

/**
 * True when the browser tests can run. When something is missing and we are root with apt-get, installs it;
 * otherwise says the one command to run.
 */
export function ensureBrowserPackages(): boolean {
  if (fs.existsSync(CHROMIUM) && fontsPresent()) return true
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0
  const command = `apt-get update && apt-get install -y ${BROWSER_PACKAGES.join(' ')}`
  if (!isRoot || !hasApt) {
    console.error(`Browser tests need Debian's ${BROWSER_PACKAGES.join(' and ')}. Run:\n  sudo sh -c '${command}'`)
    return false
  }
  console.log(`Installing ${BROWSER_PACKAGES.join(' ')} (Debian packages) for the browser tests…`)
  const r = spawnSync('sh', ['-c', command], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  return r.status === 0 && fs.existsSync(CHROMIUM)
}
