import fs from 'node:fs'
import path from 'node:path'
import {
  PAGE_FILES,
  PROJECT_FILE,
  ROOT,
  allPages,
  browserGlobalUses,
  emittedScripts,
  listFiles,
  syntaxNewerThanEngines,
  unguardedGlobalReads,
  type AppJson,
} from './support/output'
import { snapshotOutput, type OutputSnapshot } from '../../devkit/taro-build'
import type { MiniTarget } from '../../tools/miniprogram-host/src/platforms'
import { HOOK_TIMEOUT_MS } from '../support/timeouts'

// A build may run first when dist/<target> is stale.
jest.setTimeout(240_000)

const BROWSER_ONLY = ['window', 'document', 'localStorage', 'sessionStorage', 'location', 'XMLHttpRequest', 'fetch']

describe.each<MiniTarget>(['weapp', 'swan', 'alipay'])('%s output', (target) => {
  let snapshot: OutputSnapshot | undefined
  let dir = ''
  let app: AppJson
  beforeAll(async () => {
    snapshot = await snapshotOutput(target)
    dir = snapshot.root
    app = JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8')) as AppJson
  }, HOOK_TIMEOUT_MS)
  afterAll(() => snapshot?.dispose(), HOOK_TIMEOUT_MS)

  it('has the app files and the project file its devtools opens', () => {
    const appStyle = PAGE_FILES[target].style
    for (const file of ['app.js', 'app.json', `app${appStyle}`, PROJECT_FILE[target]]) {
      expect([file, fs.existsSync(path.join(dir, file))]).toEqual([file, true])
    }
    expect(app.pages.length).toBeGreaterThan(0)
  })

  it('has template, style, script and config for every page, subpackages included', () => {
    const missing: string[] = []
    for (const { route } of allPages(app)) {
      for (const ext of Object.values(PAGE_FILES[target])) {
        if (!fs.existsSync(path.join(dir, route + ext))) missing.push(route + ext)
      }
    }
    expect(missing).toEqual([])
  })

  it('resolves every custom component a page or the app uses', () => {
    const missing: string[] = []
    const configs = [path.join(dir, 'app.json'), ...allPages(app).map((p) => path.join(dir, `${p.route}.json`))]
    for (const config of configs.filter((c) => fs.existsSync(c))) {
      const using = (JSON.parse(fs.readFileSync(config, 'utf8')) as { usingComponents?: Record<string, string> })
        .usingComponents
      for (const [name, ref] of Object.entries(using ?? {})) {
        if (ref.startsWith('plugin://')) continue
        const base = ref.startsWith('/') ? path.join(dir, ref) : path.resolve(path.dirname(config), ref)
        for (const ext of ['.js', '.json', PAGE_FILES[target].template]) {
          if (!fs.existsSync(base + ext)) missing.push(`${path.relative(dir, config)}: ${name} → ${ref}${ext}`)
        }
      }
    }
    expect(missing).toEqual([])
  })

  it('uses no browser-only global a phone does not have', () => {
    // Alipay's engine has a navigator of its own; on WeChat and Baidu only Taro's stand-in exists.
    const names = target === 'alipay' ? BROWSER_ONLY : [...BROWSER_ONLY, 'navigator']
    const uses: string[] = []
    for (const file of listFiles(dir, '.js')) {
      for (const use of browserGlobalUses(fs.readFileSync(file, 'utf8'), names)) {
        uses.push(`${path.relative(dir, file)}: …${use}…`)
      }
    }
    expect(uses).toEqual([])
  })

  it('ships syntax its engines parse: every script at its ECMAScript level (.js ES2019, WXS ES5, SJS ES2015)', () => {
    const scripts = emittedScripts(dir)
    expect(scripts.filter((s) => s.level.ext === '.js').length).toBeGreaterThan(allPages(app).length)
    const problems: string[] = []
    for (const { file, level } of scripts) {
      const problem = syntaxNewerThanEngines(fs.readFileSync(file, 'utf8'), level)
      if (problem) problems.push(`${path.relative(dir, file)} (${level.ext} at ES${level.ecmaVersion}): ${problem}`)
    }
    expect(problems).toEqual([])
  })

  if (target === 'weapp') {
    it('opens from the repository root in WeChat devtools (miniprogramRoot → dist/weapp)', () => {
      const root = JSON.parse(fs.readFileSync(path.join(ROOT, 'project.config.json'), 'utf8')) as {
        miniprogramRoot?: string
        setting?: { urlCheck?: boolean }
      }
      expect(root.miniprogramRoot?.replace(/\/$/, '')).toBe('dist/weapp')
      // The devtools build talks to the mock server on 127.0.0.1: domain checking must be off.
      expect(root.setting?.urlCheck).toBe(false)
      const copied = JSON.parse(fs.readFileSync(path.join(dir, 'project.config.json'), 'utf8')) as {
        miniprogramRoot?: string
      }
      expect(['./', '', undefined]).toContain(copied.miniprogramRoot)
    })
  }

  if (target === 'alipay') {
    it('reads globalThis or global only behind a typeof guard (Alipay’s engine has neither)', () => {
      const reads: string[] = []
      for (const file of listFiles(dir, '.js')) {
        for (const read of unguardedGlobalReads(fs.readFileSync(file, 'utf8'), ['globalThis', 'global'])) {
          reads.push(`${path.relative(dir, file)}: …${read}…`)
        }
      }
      expect(reads).toEqual([])
    })

    it('carries the .browserslistrc Alipay devtools needs (Taro issue 16560)', () => {
      const rc = path.join(dir, '.browserslistrc')
      expect(fs.existsSync(rc)).toBe(true)
      expect(fs.readFileSync(rc, 'utf8').trim()).not.toBe('')
    })
  }
})
