/**
 * Taro's mini-program render tree, as the page hands it to setData: each node has `nn` (its component's index in
 * Taro's template table), `sid` (Taro's internal id, what events carry), `uid` (the element's own `id` when the code
 * set one), `cl` (className), `v` (text) and `cn` (children); props travel as short keys.
 */
export interface RenderNode {
  nn?: string | number
  sid?: string
  uid?: string
  cl?: string
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

/**
 * The pickers in a render tree and the mode each is in. Taro hands props to setData under short keys (`p6` ...)
 * that differ per platform: the key of `mode` and the picker's template number are read from the output's base
 * template (`<template name="tmpl_0_56"><picker mode="{{i.p6||'selector'}}" ...>`).
 */
export function pickerModes(root: RenderNode | undefined, baseTemplate: string): { uid?: string; mode: string }[] {
  const picker = /<picker\b[^>]*\bmode="\{\{i\.(p\d+)\|\|'([a-zA-Z]+)'\}\}"/.exec(baseTemplate)
  if (!picker) throw new Error('the base template has no picker template')
  const names = [...baseTemplate.slice(0, picker.index).matchAll(/<template name="tmpl_0_(\w+)"/g)]
  const nn = names.at(-1)?.[1]
  const [, modeKey, fallback] = picker as unknown as [string, string, string]
  const found: { uid?: string; mode: string }[] = []
  for (const node of walk(root)) {
    if (String(node.nn) === nn) found.push({ uid: node.uid, mode: String(node[modeKey] ?? fallback) })
  }
  return found
}
