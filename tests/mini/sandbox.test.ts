import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { flavours } from './support/platforms'
import { MiniHost, errorText } from './support/sandbox'
import { syntaxNewerThanEngines, unguardedGlobalReads } from './support/output'

/** The boot test's host is only worth something if it fails where a phone would: checked on tiny fake outputs. */
let dir = ''
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mini-sandbox-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

function write(files: Record<string, string>): void {
  for (const [name, code] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), code)
  }
}

it('has no window or document, as on a phone', () => {
  write({ 'app.js': 'App({ onLaunch() { document.title = "x" } })' })
  const host = new MiniHost(dir, flavours.weapp)
  expect(() => host.launch()).toThrow(/document is not defined/)
  write({ 'app.js': 'window.addEventListener("load", () => {}); App({})' })
  expect(() => new MiniHost(dir, flavours.weapp).launch()).toThrow(/window is not defined/)
})

it('refuses a require of a package a mini-program host cannot resolve', () => {
  write({ 'app.js': 'require("react"); App({})' })
  expect(() => new MiniHost(dir, flavours.swan).launch()).toThrow(/cannot resolve/)
})

it('gives each platform its own API object only', () => {
  // A sloppy-mode assignment to an undeclared name: Alipay's context has no globalThis to write through.
  write({ 'app.js': 'App({ onLaunch() { seen = [typeof wx, typeof swan, typeof my] } })' })
  const seen = (target: 'weapp' | 'swan' | 'alipay') => {
    const host = new MiniHost(dir, flavours[target])
    host.launch()
    return (host.context as { seen?: string[] }).seen
  }
  expect(seen('weapp')).toEqual(['object', 'undefined', 'undefined'])
  expect(seen('swan')).toEqual(['undefined', 'object', 'undefined'])
  expect(seen('alipay')).toEqual(['undefined', 'undefined', 'object'])
})

it('records errors thrown in timers and logged through console.error', async () => {
  write({
    'app.js': 'App({})',
    'pages/a/index.js':
      'Page({ data: {}, onLoad() { setTimeout(() => { throw new Error("late") }, 0); console.error("boom") } })',
  })
  const host = new MiniHost(dir, flavours.alipay)
  host.launch()
  host.openPage('pages/a/index')
  await host.settle(20)
  expect(errorText(host.errors)).toMatch(/boom/)
  expect(errorText(host.errors)).toMatch(/late/)
  host.dispose()
})

it('merges setData path patches, in both path styles', () => {
  write({
    'app.js': 'App({})',
    'pages/a/index.js': `Page({ data: {}, onLoad() {
      this.setData({ 'root.cn': [{ uid: 'a-page', cn: [{ v: 'x' }] }] })
      this.setData({ 'root.cn.[0].cn.[0].v': 'y' })
      this.setData({ 'root.cn.0.cl': 'c' })
    } })`,
  })
  const host = new MiniHost(dir, flavours.weapp)
  host.launch()
  const page = host.openPage('pages/a/index')
  expect(page.root()).toEqual({ cn: [{ uid: 'a-page', cl: 'c', cn: [{ v: 'y' }] }] })
  expect(page.patches).toHaveLength(3)
})

it('calls Baidu’s onInit before onLoad', () => {
  write({
    'app.js': 'App({})',
    'pages/a/index.js':
      'Page({ onInit() { globalThis.order = ["init"] }, onLoad() { globalThis.order.push("load") } })',
  })
  const host = new MiniHost(dir, flavours.swan)
  host.launch()
  host.openPage('pages/a/index')
  expect((host.context as { order?: string[] }).order).toEqual(['init', 'load'])
})

it('has no globalThis and no global on Alipay, as its JS engine (Taro issue 18140); WeChat and Baidu have globalThis', () => {
  write({ 'app.js': 'var base = globalThis.__API_BASE__; App({})' })
  expect(() => new MiniHost(dir, flavours.alipay).launch()).toThrow(/globalThis is not defined/)
  expect(() => new MiniHost(dir, flavours.weapp).launch()).not.toThrow()
  expect(() => new MiniHost(dir, flavours.swan).launch()).not.toThrow()
  write({ 'app.js': 'var g = global; App({})' })
  for (const target of ['weapp', 'swan', 'alipay'] as const) {
    expect(() => new MiniHost(dir, flavours[target]).launch()).toThrow(/global is not defined/)
  }
  // Guarded reads, as webpack's runtime does them, are fine.
  write({ 'app.js': 'var g = typeof globalThis === "object" ? globalThis : this; App({ g: typeof global })' })
  expect(() => new MiniHost(dir, flavours.alipay).launch()).not.toThrow()
})

describe('unguardedGlobalReads', () => {
  const reads = (code: string) => unguardedGlobalReads(code, ['globalThis', 'global']).length
  it('finds free reads', () => {
    expect(reads('var a = globalThis.__API_BASE__')).toBe(1)
    expect(reads('function f() { return global.process }')).toBe(1)
    expect(reads('if (typeof window !== "undefined") globalThis.x = 1')).toBe(1)
    expect(reads('var a = globalThis || {}')).toBe(1)
  })
  it('allows typeof guards, try blocks, properties and local bindings of the same name', () => {
    expect(reads('if ("object" === typeof globalThis) { var g = globalThis }')).toBe(0)
    expect(reads('var g = typeof global !== "undefined" ? global : {}')).toBe(0)
    expect(reads('var g = typeof globalThis == "object" && globalThis')).toBe(0)
    expect(reads('try { var g = globalThis } catch (e) {}')).toBe(0)
    expect(reads('var o = { global: 1, globalThis: 2 }; o.global; o.globalThis')).toBe(0)
    expect(reads('(function (global) { return global.x })(this)')).toBe(0)
    expect(reads('function f() { var globalThis = {}; return globalThis.x }')).toBe(0)
  })
})

describe('syntaxNewerThanEngines', () => {
  it('parses each kind of template script at its level', () => {
    expect(syntaxNewerThanEngines('var a = b?.c')).toMatch(/Unexpected/)
    expect(syntaxNewerThanEngines('try {} catch {}')).toBeNull()
    expect(
      syntaxNewerThanEngines('var f = () => 1', { ext: '.wxs', ecmaVersion: 5, sourceType: 'script' }),
    ).not.toBeNull()
    expect(
      syntaxNewerThanEngines('export default { a: function (x) { return x } }', {
        ext: '.sjs',
        ecmaVersion: 2015,
        sourceType: 'module',
      }),
    ).toBeNull()
  })
})
