import fs from 'node:fs'
import path from 'node:path'

/**
 * The README's id table ("Element ids QA may rely on") is QA's contract: every id it lists must be rendered by some
 * page in some state. Checked by reading the source, not by walking the app in a browser: many listed ids exist only
 * in a state or on a platform a browser walk of the H5 build never reaches (Alipay's and Baidu's off-screen canvas,
 * WeChat's calendar button, a refused picker's way forward, a lockout, a failed face check), so a walk would either
 * miss them or need every such state staged. The source is where an id is written once: a literal (`id='login-page'`)
 * or a template (`` id={`${p}-item-${i}`} ``). A template's fixed text must match the listed id, and whatever its
 * `${…}` parts stand for must itself be written in the source (a literal, or the start of one: `login` of
 * `'login-page'`) or be one of the README's placeholders (`<n>`, `<key>`, …). The browser tests (tests/browser/
 * pages.test.ts) then walk every page and see the page roots rendered.
 */
const ROOT = path.join(__dirname, '..', '..')
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')

/** The id table's rows: [first column, second column]. */
function tableRows(): [string, string][] {
  const start = README.indexOf('\n## Element ids QA may rely on\n')
  expect(start).toBeGreaterThan(0)
  const end = README.indexOf('\n## ', start + 1)
  const rows: [string, string][] = []
  for (const line of README.slice(start, end < 0 ? undefined : end).split('\n')) {
    if (!line.startsWith('| ') || line.startsWith('| page |') || line.startsWith('| ---')) continue
    // A cell may hold `a\|b` (alternatives inside code): split on unescaped pipes only.
    const cells = line
      .slice(2, -2)
      .split(/(?<!\\) \| /)
      .map((c) => c.replace(/\\\|/g, '|'))
    rows.push([cells[0], cells.slice(1).join(' | ')])
  }
  return rows
}

const ticked = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1])

/** What a README placeholder (`<n>`, `<key>`, `<code point in hex>` …) is replaced by when looking for the id. */
const SENTINEL = 'x0placeholder'

/**
 * The ids a row lists, with its first column's placeholders (`<p>` = `education` or `degree`) expanded, alternatives
 * (`<male\|female>`) expanded, and suffixes (`-picker`, `-subject` after `ticket-sitting-<n>`) joined to the id before
 * them. A suffix may also belong to that id's base (`tracker-node-<key>-name`, `-hint`): both are offered, and the
 * suffix counts as rendered when either is.
 */
function idsOfRow([head, body]: [string, string], pagePrefixes: Set<string>): string[][] {
  const bound = new Map<string, string[]>()
  for (const m of head.matchAll(/`<(\w)>` = ((?:`[^`]+`(?:, | or |,? ?)?)+)/g)) bound.set(m[1], ticked(m[2]))
  const looksLikeId = (t: string) =>
    /^[a-z<][a-z0-9<>| -]*[a-z0-9>]$/.test(t) &&
    !t.includes(' ') &&
    !t.includes('--') &&
    pagePrefixes.has(t.startsWith('<') ? t.slice(0, 3) : t.split('-')[0])
  const out: string[][] = []
  let previous: string | null = null
  for (const token of ticked(body)) {
    if (/^-[a-z][a-z0-9-]*$/.test(token) && previous) {
      const base = previous.replace(/-[a-z0-9]+$/, '')
      out.push(...expand(`${previous}${token}`, bound).map((id, i) => [id, expand(`${base}${token}`, bound)[i]]))
      continue
    }
    if (!looksLikeId(token)) continue
    previous = token
    out.push(...expand(token, bound).map((id) => [id]))
  }
  return out
}

/** `<p>-x` for each bound value; `a-<b\|c>` for each alternative; any other `<...>` becomes the sentinel. */
function expand(token: string, bound: Map<string, string[]>): string[] {
  const m = /<([^>]+)>/.exec(token)
  if (!m) return [token]
  const inner = m[1]
  const values = bound.get(inner) ?? (inner.includes('|') ? inner.split('|') : [SENTINEL])
  return values.flatMap((v) => expand(token.slice(0, m.index) + v + token.slice(m.index + m[0].length), bound))
}

/** Every .ts/.tsx file under `dir`. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(p)
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : []
  })
}

interface Source {
  /** Plain string literals ('…' and "…", and templates without `${}`). */
  literals: Set<string>
  /** Every `a-b-…` start of a literal (before one of its dashes): `login` of `'login-page'`. */
  starts: Set<string>
  /** Literals of a dash and a word (`'-year'`, `'-month'`): suffixes an id is built with (`${id}${SUFFIXES[i]}`). */
  suffixes: string[]
  /**
   * Id-like templates (fixed text of lowercase letters, digits and dashes) with `${…}` parts: their regexes, and
   * whether their fixed text is dashes only (`${p}-${kind}-${r.id}`: it would match any dashed name).
   */
  templates: { re: RegExp; generic: boolean; local: Set<string> }[]
}

/**
 * FormField (components/form-field) renders the id it is given as `<id>-field` and `<id>-error` only: the control
 * inside it carries the id. So an id given to a FormField counts only where the FormField is a `group` (its control
 * box then carries the id itself).
 */
function withoutFieldIds(text: string): string {
  return text.replace(/<FormField\b(?:[^<>]|=>)*>/g, (tag) =>
    /\sgroup[\s>]/.test(tag) ? tag : tag.replace(/\sid=(\{`[^`]*`\}|\{[\w.]+\}|'[^']*')/, " id={''}"),
  )
}

const EXPR = /\$\{(?:[^{}]|\{[^{}]*\})*\}/g
const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The app's source (src/) gives the ids; the contract and the rules (types/, domain/) only values they are built from
 * (an option's value: `hk-mo-permit`).
 */
function readSource(): Source {
  const literals = new Set<string>()
  const suffixes = new Set<string>()
  const templates: Source['templates'] = []
  const files = ['src', 'types', 'domain'].flatMap((d) => sourceFiles(path.join(ROOT, d)))
  for (const file of files) {
    const text = withoutFieldIds(fs.readFileSync(file, 'utf8'))
    const local = new Set<string>()
    for (const m of text.matchAll(/'([^'\\\n]*)'|"([^"\\\n]*)"/g)) local.add(m[1] ?? m[2])
    for (const l of local) literals.add(l)
    if (!file.startsWith(path.join(ROOT, 'src'))) continue
    for (const m of text.matchAll(/`((?:[^`\\$]|\\.|\$(?!\{)|\$\{(?:[^{}]|\{[^{}]*\})*\})*)`/g)) {
      const parts = m[1].split(EXPR)
      if (parts.length === 1) {
        literals.add(parts[0])
        continue
      }
      if (!parts.every((p) => /^[a-z0-9-]*$/.test(p)) || !parts.join('')) continue
      // Adjacent `${}${}` parts are one part (the empty text between them dropped): whatever they stand for is checked
      // whole. Each template is tried with its parts as short and as long as they can be (`${a}-${b}` splits either way).
      const fixed = parts.filter((p, i) => i === 0 || i === parts.length - 1 || p !== '').map(escape)
      for (const group of ['([A-Za-z0-9_.-]+?)', '([A-Za-z0-9_.-]+)'])
        templates.push({ re: new RegExp(`^${fixed.join(group)}$`), generic: !/[a-z0-9]/.test(parts.join('')), local })
    }
  }
  const starts = new Set<string>()
  for (const l of literals) {
    if (/^-[a-z]+$/.test(l)) suffixes.add(l)
    const pieces = l.split('-')
    for (let i = 1; i < pieces.length; i++) starts.add(pieces.slice(0, i).join('-'))
  }
  return { literals, starts, suffixes: [...suffixes], templates }
}

const SOURCE = readSource()
const seen = new Map<string, boolean>()

/**
 * Whether `id` is written in the source: a literal; or a template whose `${}` parts are themselves written there; or
 * an id so written followed by a dash suffix written inside a template (`${id}${SUFFIXES[column] || '-year'}`).
 */
function rendered(id: string, depth = 0): boolean {
  const known = seen.get(id)
  if (known !== undefined) return known
  if (depth > 4) return false
  seen.set(id, false) // a cycle is not a proof
  const found =
    SOURCE.literals.has(id) ||
    SOURCE.templates.some(({ re, generic, local }) => {
      const m = re.exec(id)
      if (m === null) return false
      // A dashes-only template (`${p}-${key}`) would match any dashed name: its parts after the first must be a
      // placeholder, a number (`apply-step-${i + 1}`) or a literal of its own file (a table of keys beside it), and
      // with three parts or more (`${p}-${kind}-${r.id}`) the last one a placeholder or a number.
      const parts = m.slice(1)
      const free = (part: string) => part.includes(SENTINEL) || /^\d+$/.test(part)
      if (generic && parts.length > 2 && !free(parts[parts.length - 1])) return false
      if (generic && !parts.slice(1).every((part) => free(part) || local.has(part))) return false
      return parts.every((part) => written(part, depth))
    }) ||
    SOURCE.suffixes.some((s) => id.endsWith(s) && id.length > s.length && rendered(id.slice(0, -s.length), depth + 1))
  seen.set(id, found)
  return found
}

/**
 * A template part's value: a placeholder of the README, a literal or the start of one, a number (a code, a code point,
 * a step's place), or itself an id written so.
 */
function written(part: string, depth: number): boolean {
  if (part.includes(SENTINEL) || SOURCE.literals.has(part) || SOURCE.starts.has(part)) return true
  if (/^[0-9a-f]+$/.test(part) && /\d/.test(part)) return true
  return /^[a-z][a-z0-9-]*$/.test(part) && rendered(part, depth + 1)
}

describe("the README's id table", () => {
  const rows = tableRows()
  const pagePrefixes = new Set(['<p>', '<s>', 'network', 'apply'])
  for (const [, body] of rows) for (const t of ticked(body)) if (t.endsWith('-page')) pagePrefixes.add(t.split('-')[0])
  const listed = rows.flatMap((row) => idsOfRow(row, pagePrefixes))

  test('is read: every page row and a few hundred ids', () => {
    expect(rows.length).toBeGreaterThan(30)
    expect(listed.length).toBeGreaterThan(400)
    // Spot checks of the reading: a plain id, an expanded placeholder, an alternative, a suffix.
    const flat = listed.map((ids) => ids[0])
    expect(flat).toEqual(
      expect.arrayContaining([
        'login-page',
        'degree-form-school-search',
        'register-gender-option-female',
        'ticket-sitting-x0placeholder-subject',
        'apply-centre-centre-picker',
      ]),
    )
  })

  test('every id it lists is rendered by some page', () => {
    const missing = listed.filter((ids) => !ids.some((id) => rendered(id))).map((ids) => ids[0])
    expect(missing).toEqual([])
  })

  test('the check refuses an id no page renders', () => {
    expect(rendered('apply-exam-info-subjectz')).toBe(false)
    expect(rendered('nosuchpage-large-font')).toBe(false)
    expect(rendered('login-large-font')).toBe(true)
    // A FormField renders `<id>-field`, not `<id>`, unless it is a group.
    expect(withoutFieldIds("<FormField id={`${p}-subjects`} label='x' error={e}>")).toContain("id={''}")
    expect(withoutFieldIds("<FormField id='a-b' group label='x' onX={() => f()}>")).toContain("id='a-b'")
  })
})
