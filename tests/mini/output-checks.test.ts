import { syntaxNewerThanEngines, unguardedGlobalReads } from './support/output'

// The output checks (tests/mini/outputs.test.ts) checked on small code samples: they find what they must.
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
