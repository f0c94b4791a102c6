import fs from 'node:fs'
import path from 'node:path'
import type { MiniTarget } from './platforms'

/**
 * What Taro's base template (base.wxml / base.axml / base.swan) says about each component index `nn`: the
 * mini-program tag it renders, which render-data key feeds which attribute (`src="{{i.p4}}"`), and which events the
 * template binds to Taro's handler `eh`. The host reads the emitted file, so it renders exactly what the build emits.
 */
export interface TemplateInfo {
  tag: string
  /** attribute name → render-data key (`src` → `p4`, `class` → `cl`, `id` → `uid`) */
  attrs: Record<string, string>
  /** event names bound to `eh`, normalised (`tap`, `input`, `change`, `touchmove` ...) */
  events: Set<string>
}

export const TEMPLATE_FILE: Record<MiniTarget, string> = { weapp: 'base.wxml', alipay: 'base.axml', swan: 'base.swan' }

/** `bindtap`, `catchtouchmove`, `bind:tap` (WeChat, Baidu) or `onTap`, `catchTouchMove` (Alipay) → `tap`, `touchmove`. */
function eventName(attr: string): string | null {
  const m = /^(?:bind:?|catch:?|on|catch)([A-Za-z]+)$/.exec(attr)
  return m ? (m[1] as string).toLowerCase() : null
}

export function parseTemplates(source: string): Map<string, TemplateInfo> {
  const out = new Map<string, TemplateInfo>()
  const re = /<template name="tmpl_0_([0-9a-z]+?)(_focus|_blur)?">\s*<([a-z-]+)([^>]*)>/g
  for (const m of source.matchAll(re)) {
    const [, nn, variant, tag, attrText] = m as unknown as [string, string, string | undefined, string, string]
    if (variant === '_focus') continue
    if (tag === 'template') continue // a dispatcher to the _focus/_blur variants, read below
    if (tag === 'block') {
      out.set(nn, { tag: '#text', attrs: {}, events: new Set() })
      continue
    }
    const attrs: Record<string, string> = {}
    const events = new Set<string>()
    for (const a of attrText.matchAll(/([A-Za-z:-]+)="([^"]*)"/g)) {
      const [, name, value] = a as unknown as [string, string, string]
      if (value === 'eh') {
        const ev = eventName(name)
        if (ev) events.add(ev)
        continue
      }
      const key = /\bi\.([a-z]+[0-9]*)\b/.exec(value)?.[1]
      if (key) attrs[name] = key
    }
    out.set(nn, { tag, attrs, events })
  }
  return out
}

export function loadTemplates(distDir: string, target: MiniTarget): Map<string, TemplateInfo> {
  return parseTemplates(fs.readFileSync(path.join(distDir, TEMPLATE_FILE[target]), 'utf8'))
}
