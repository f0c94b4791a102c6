import fs from 'node:fs'
import path from 'node:path'

/**
 * Each enum of the contract is defined once (issue 10): a picklist exported from types/ is written out as literals in
 * its definition only; everywhere else imports it. This reads the sources for string unions (`'a' | 'b'`) and string
 * arrays (`['a', 'b']`) and fails when one has exactly the members of a contract picklist outside its definition.
 */

const ROOT = path.join(__dirname, '..', '..')
const ROOMS = ['types', 'domain', 'src', 'mock-server']

function sourcesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return sourcesUnder(p)
    return /\.tsx?$/.test(e.name) && !e.name.includes('.generated.') ? [p] : []
  })
}

const UNION = /(?:'[^'\n]*'\s*\|\s*)+'[^'\n]*'/g
const ARRAY = /\[\s*'[^'\n]*'(?:\s*,\s*'[^'\n]*')*\s*,?\s*\]/g

/** The member sets written out as literals in a source text, each as a sorted key. */
function literalSets(text: string): string[] {
  const found = [...(text.match(UNION) ?? []), ...(text.match(ARRAY) ?? [])]
  return found
    .map((m) => [...new Set([...m.matchAll(/'([^'\n]*)'/g)].map((x) => x[1]))])
    .filter((members) => members.length >= 2)
    .map((members) => members.sort().join(' '))
}

interface Picklist {
  name: string
  key: string
}

async function contractPicklists(): Promise<Picklist[]> {
  const seen = new Set<unknown>()
  const lists: Picklist[] = []
  // states.ts first: a shared state is named where it is defined, not where a module re-exports it.
  const files = fs.readdirSync(path.join(ROOT, 'types')).filter((f) => f.endsWith('.ts'))
  for (const file of ['states.ts', ...files.filter((f) => f !== 'states.ts')]) {
    const mod = (await import(path.join(ROOT, 'types', file))) as Record<string, unknown>
    for (const [name, value] of Object.entries(mod)) {
      const schema = value as { kind?: string; type?: string; options?: unknown[] }
      if (schema?.kind !== 'schema' || schema.type !== 'picklist' || seen.has(value)) continue
      seen.add(value)
      const options = (schema.options ?? []).filter((o): o is string => typeof o === 'string')
      if (options.length >= 2) lists.push({ name: `${file}:${name}`, key: [...new Set(options)].sort().join(' ') })
    }
  }
  return lists
}

test('a contract picklist is written out once; elsewhere it is imported', async () => {
  const lists = await contractPicklists()
  expect(lists.length).toBeGreaterThan(20)

  const where = new Map<string, string[]>()
  for (const file of ROOMS.flatMap((room) => sourcesUnder(path.join(ROOT, room)))) {
    for (const key of literalSets(fs.readFileSync(file, 'utf8'))) {
      where.set(key, [...(where.get(key) ?? []), path.relative(ROOT, file)])
    }
  }
  const repeated = lists
    .filter((l) => (where.get(l.key)?.length ?? 0) > 1)
    .map((l) => `${l.name} [${l.key}] written in ${where.get(l.key)?.join(', ')}`)
  expect(repeated).toEqual([])
})

test('the scan finds a re-declared union and array, in any order', () => {
  expect(literalSets("type A = 'passed' | 'pending' | 'failed'")).toEqual(['failed passed pending'])
  expect(literalSets("const a = [\n  'accept',\n  'reject',\n]")).toEqual(['accept reject'])
  expect(literalSets("x === 'a' || y === 'b'")).toEqual([])
})
