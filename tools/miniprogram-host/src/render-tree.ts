import type { TemplateInfo } from './templates'

/**
 * Taro's render tree, as the page hands it to setData: each node has `nn` (its template index), `sid` (Taro's own
 * id, what events carry), `uid` (the element's `id` when the code set one), `cl` (className), `st` (style), `v`
 * (text) and `cn` (children); component props travel as short keys (`p4` ...) that the base template maps back.
 */
export interface RenderNode {
  nn?: string | number
  sid?: string
  uid?: string
  cl?: string
  st?: string
  v?: string
  cn?: RenderNode[]
  [prop: string]: unknown
}

/** Applies one setData payload: keys are paths such as `root.cn`, `root.cn.[0].cn.[1].p25` or `root.cn.0.v`. */
export function applyPatch(data: Record<string, unknown>, patch: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(patch)) {
    const segments = key.split('.').map((s) => s.replace(/^\[(\d+)\]$/, '$1'))
    let target: Record<string, unknown> = data
    segments.slice(0, -1).forEach((segment, i) => {
      const next = target[segment]
      if (next === null || typeof next !== 'object') {
        target[segment] = /^\d+$/.test(segments[i + 1] ?? '') ? [] : {}
      }
      target = target[segment] as Record<string, unknown>
    })
    target[segments[segments.length - 1] ?? key] = value
  }
}

export function* walk(node: RenderNode | undefined): Generator<RenderNode> {
  if (!node) return
  yield node
  for (const child of node.cn ?? []) yield* walk(child)
}

export function findByUid(root: RenderNode | undefined, uid: string): RenderNode | undefined {
  for (const node of walk(root)) if (node.uid === uid) return node
  return undefined
}

export function allUids(root: RenderNode | undefined): string[] {
  const uids: string[] = []
  for (const node of walk(root)) if (typeof node.uid === 'string') uids.push(node.uid)
  return uids
}

/** The text inside a node, as the candidate would read it. */
export function textOf(node: RenderNode | undefined): string {
  let text = ''
  for (const n of walk(node)) if (typeof n.v === 'string') text += n.v
  return text
}

/** Tree figures WeChat's experience score looks at: nodes, depth, the widest node. */
export function treeFigures(root: RenderNode | undefined): { nodes: number; depth: number; maxChildren: number } {
  let nodes = 0
  let depth = 0
  let maxChildren = 0
  const visit = (node: RenderNode, d: number) => {
    nodes++
    depth = Math.max(depth, d)
    const cn = node.cn ?? []
    maxChildren = Math.max(maxChildren, cn.length)
    for (const c of cn) visit(c, d + 1)
  }
  for (const c of root?.cn ?? []) visit(c, 1)
  return { nodes, depth, maxChildren }
}

/** A node of the shown tree with its parent chain, which selectors and event bubbling need. */
export interface Located {
  node: RenderNode
  parents: RenderNode[]
}

export function locate(root: RenderNode | undefined, sid: string): Located | undefined {
  const parents: RenderNode[] = []
  const visit = (node: RenderNode): RenderNode | undefined => {
    if (node.sid === sid) return node
    parents.push(node)
    for (const c of node.cn ?? []) {
      const hit = visit(c)
      if (hit) return hit
    }
    parents.pop()
    return undefined
  }
  for (const c of root?.cn ?? []) {
    const hit = visit(c)
    if (hit) return { node: hit, parents: [...parents] }
  }
  return undefined
}

// ---- selectors: what specs use (ids, classes, tag names, descendant and child combinators, comma lists) ----

interface Compound {
  tag?: string
  id?: string
  classes: string[]
  attrs: { name: string; value?: string }[]
}
type Step = { combinator: ' ' | '>'; compound: Compound }

export class SelectorError extends Error {}

function parseCompound(text: string, whole: string): Compound {
  const c: Compound = { classes: [], attrs: [] }
  const re = /([#.]?)([A-Za-z0-9_-]+)|\[([A-Za-z0-9_-]+)(?:=["']?([^"'\]]*)["']?)?\]|(\*)/gy
  let pos = 0
  while (pos < text.length) {
    re.lastIndex = pos
    const m = re.exec(text)
    if (!m) throw new SelectorError(`selector ${whole}: the host understands ids, classes, tags and [attr=value] only`)
    if (m[5]) c.tag = '*'
    else if (m[3]) c.attrs.push({ name: m[3], value: m[4] })
    else if (m[1] === '#') c.id = m[2]
    else if (m[1] === '.') c.classes.push(m[2] as string)
    else c.tag = m[2]
    pos = re.lastIndex
  }
  return c
}

export function parseSelector(selector: string): Step[][] {
  return selector.split(',').map((part) => {
    const tokens = part
      .trim()
      .replace(/\s*>\s*/g, ' > ')
      .split(/\s+/)
      .filter(Boolean)
    if (tokens.length === 0) throw new SelectorError(`empty selector ${JSON.stringify(selector)}`)
    const steps: Step[] = []
    let combinator: ' ' | '>' = ' '
    for (const t of tokens) {
      if (t === '>') {
        combinator = '>'
        continue
      }
      steps.push({ combinator, compound: parseCompound(t, selector) })
      combinator = ' '
    }
    return steps
  })
}

export class TreeView {
  constructor(
    private readonly templates: Map<string, TemplateInfo>,
    private readonly root: () => RenderNode | undefined,
  ) {}

  info(node: RenderNode): TemplateInfo | undefined {
    return this.templates.get(String(node.nn))
  }

  tagOf(node: RenderNode): string {
    return this.info(node)?.tag ?? 'view'
  }

  /** The element's attribute as the template renders it (`id` is uid or sid, as the template writes it). */
  attribute(node: RenderNode, name: string): unknown {
    if (name === 'id') return node.uid ?? node.sid
    if (name === 'class') return node.cl ?? ''
    if (name === 'style') return node.st ?? ''
    if (name === 'data-sid') return node.sid
    const key = this.info(node)?.attrs[name]
    return key === undefined ? undefined : node[key]
  }

  private matches(node: RenderNode, c: Compound): boolean {
    if (node.sid === undefined) return false
    if (this.tagOf(node) === '#text') return false
    if (c.tag && c.tag !== '*' && this.tagOf(node) !== c.tag) return false
    if (c.id !== undefined && (node.uid ?? node.sid) !== c.id) return false
    if (c.classes.length) {
      const classes = String(node.cl ?? '').split(/\s+/)
      if (!c.classes.every((k) => classes.includes(k))) return false
    }
    for (const a of c.attrs) {
      const v = this.attribute(node, a.name)
      if (v === undefined || (a.value !== undefined && String(v) !== a.value)) return false
    }
    return true
  }

  private matchesSteps(node: RenderNode, parents: RenderNode[], steps: Step[], scopeDepth: number): boolean {
    const last = steps[steps.length - 1] as Step
    if (!this.matches(node, last.compound)) return false
    let i = steps.length - 2
    let p = parents.length - 1
    let combinator = last.combinator
    while (i >= 0) {
      const step = steps[i] as Step
      if (combinator === '>') {
        if (p < scopeDepth || !this.matches(parents[p] as RenderNode, step.compound)) return false
        p--
      } else {
        while (p >= scopeDepth && !this.matches(parents[p] as RenderNode, step.compound)) p--
        if (p < scopeDepth) return false
        p--
      }
      combinator = step.combinator
      i--
    }
    return true
  }

  /** Every element matching `selector` in document order, within `scope` (an element's sid) or the whole page. */
  query(selector: string, scopeSid?: string): RenderNode[] {
    const alternatives = parseSelector(selector)
    const out: RenderNode[] = []
    const root = this.root()
    let start: RenderNode[] = root?.cn ?? []
    let base: RenderNode[] = []
    if (scopeSid !== undefined) {
      const found = locate(root, scopeSid)
      if (!found) return []
      start = found.node.cn ?? []
      base = [...found.parents, found.node]
    }
    const parents = [...base]
    const visit = (node: RenderNode) => {
      if (alternatives.some((steps) => this.matchesSteps(node, parents, steps, base.length))) out.push(node)
      parents.push(node)
      for (const c of node.cn ?? []) visit(c)
      parents.pop()
    }
    for (const n of start) visit(n)
    return out
  }

  /** WXML-like markup of a node (outer) or its children (inner), with the attributes the template renders. */
  wxml(node: RenderNode, outer: boolean): string {
    const inner = (node.cn ?? []).map((c) => this.wxml(c, true)).join('')
    if (!outer) return inner
    const tag = this.tagOf(node)
    if (tag === '#text') return escapeText(String(node.v ?? ''))
    const attrs: string[] = []
    const id = node.uid ?? node.sid
    if (id) attrs.push(`id="${escapeAttr(id)}"`)
    if (node.cl) attrs.push(`class="${escapeAttr(node.cl)}"`)
    for (const [name, key] of Object.entries(this.info(node)?.attrs ?? {})) {
      if (['id', 'class', 'style', 'data-sid'].includes(name)) continue
      const v = node[key]
      if (v !== undefined && v !== null && v !== '' && typeof v !== 'object')
        attrs.push(`${name}="${escapeAttr(String(v))}"`)
    }
    return `<${tag}${attrs.length ? ` ${attrs.join(' ')}` : ''}>${inner}</${tag}>`
  }
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;')
