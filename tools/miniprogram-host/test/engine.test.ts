import { missingBuiltIns } from '../src/engine'
import { MINI_TARGETS } from '../src/platforms'
import { fakeHosts } from './fake-output'

/** The app's context is as old as the oldest engine the build declares (config/engines.ts). */
const fakeHost = fakeHosts()
const host = (target: 'weapp' | 'alipay' | 'swan', appJs: string, engines?: string) =>
  fakeHost(target, { 'app.js': appJs, 'pages/a/index.js': 'Page({})' }, engines ? { engines } : {})

const PROBES = `[
  typeof [].at, typeof [].flat, typeof [].flatMap, typeof Object.fromEntries, typeof Object.hasOwn,
  typeof ''.replaceAll, typeof ''.matchAll, typeof Promise.allSettled, typeof structuredClone,
  typeof [].includes, typeof Object.entries, typeof Promise.prototype.finally, typeof ''.padStart, typeof JSON.stringify
]`

describe('the built-ins the declared engines lack', () => {
  it('come from core-js-compat for the targets, not from a list: ES2019+ methods in, ES2018 ones out', () => {
    const names = missingBuiltIns('ios >= 12, chrome >= 66').map((b) => `${b.holder}.${b.name}`)
    expect(names).toEqual(
      expect.arrayContaining([
        'Array.prototype.at',
        'Array.prototype.flatMap',
        'Object.fromEntries',
        'Object.hasOwn',
        'String.prototype.replaceAll',
        'Promise.allSettled',
        '.structuredClone',
        '.globalThis',
      ]),
    )
    // Fixes core-js would apply to built-ins the engines have are not absences.
    for (const kept of [
      'Array.prototype.push',
      'JSON.stringify',
      'Array.prototype.includes',
      'Promise.prototype.finally',
    ])
      expect(names).not.toContain(kept)
    // Chrome 69 has flat/flatMap, iOS 12 too: with those targets they stay.
    const newer = missingBuiltIns('ios >= 12.2, chrome >= 73').map((b) => `${b.holder}.${b.name}`)
    expect(newer).not.toContain('Array.prototype.flatMap')
    expect(newer).not.toContain('Object.fromEntries')
    expect(newer).toContain('Array.prototype.at')
  })

  it.each(MINI_TARGETS)('are missing in the app’s context on %s, the rest is there', async (target) => {
    const h = host(target, `App({ seen: ${PROBES} })`)
    await h.launch()
    const seen = h.appInstance?.seen as string[]
    expect(seen.slice(0, 9)).toEqual(Array(9).fill('undefined'))
    expect(seen.slice(9)).toEqual(Array(5).fill('function'))
    expect(h.removedBuiltIns.map((b) => b.name)).toContain('at')
  })

  it('a bundle calling one fails in the host as on the phone', async () => {
    const h = host('weapp', `App({ onLaunch() { this.last = [1, 2, 3].at(-1) } })`)
    await h.launch()
    expect(String(h.errors[0])).toMatch(/at is not a function/)
  })

  it('a polyfill the bundle carries brings it back (the real bundles carry core-js: tests/mini)', async () => {
    const h = host(
      'weapp',
      `Array.prototype.at = function (i) { return this[i < 0 ? this.length + i : i] }
      App({ onLaunch() { this.last = [1, 2, 3].at(-1) } })`,
    )
    await h.launch()
    expect(h.errors).toEqual([])
    expect(h.appInstance?.last).toBe(3)
  })
})

describe('code generation from strings', () => {
  it('WeChat refuses eval and new Function, except new Function("return this")', async () => {
    const h = host(
      'weapp',
      `var out = []
      try { eval('1 + 1'); out.push('eval ran') } catch (e) { out.push(e.name) }
      try { new Function('return 1')(); out.push('Function ran') } catch (e) { out.push(e.name + ': ' + e.message.slice(0, 29)) }
      try { (function () {}).constructor('return 1'); out.push('constructor ran') } catch (e) { out.push(e.name) }
      out.push(Function('return this')() === getApp || typeof Function('return this')().App)
      out.push((function () {}) instanceof Function)
      App({ out: out })`,
    )
    await h.launch()
    expect(h.appInstance?.out).toEqual([
      'EvalError',
      'EvalError: new Function is not supported',
      'EvalError',
      'function',
      true,
    ])
  })

  it.each(['alipay', 'swan'] as const)('%s publishes no such rule: eval runs', async (target) => {
    const h = host(target, `App({ two: eval('1 + 1'), three: new Function('return 3')() })`)
    await h.launch()
    expect([h.appInstance?.two, h.appInstance?.three]).toEqual([2, 3])
  })
})
