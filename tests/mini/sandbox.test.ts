import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { flavours } from './support/platforms'
import { MiniHost, errorText } from './support/sandbox'

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
  write({ 'app.js': 'App({ onLaunch() { globalThis.seen = [typeof wx, typeof swan, typeof my] } })' })
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
