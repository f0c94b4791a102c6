import type { Page } from 'playwright-core'

/** One fault of a page's layout, as a person reads it. */
export interface LayoutFault {
  kind: 'clipped' | 'overlap' | 'broken-number' | 'off-screen'
  /** Where: the element's id (or its nearest ancestor's) and a bit of its text. */
  where: string
  text: string
}

/**
 * What large print must not do to a page, measured in the browser on the page that is shown:
 * - `clipped`: a box that hides its overflow (overflow hidden or clip, or an ellipsis) whose text is wider or taller
 *   than the box (scrollWidth > clientWidth);
 * - `off-screen`: text that runs past the right edge of the screen (the page scrolls sideways);
 * - `overlap`: two lines of text drawn over each other (their boxes intersect by more than a sliver);
 * - `broken-number`: an ID number, a ticket or certificate number, a date, a time or an amount broken across lines.
 */
export function layoutFaults(page: Page): Promise<LayoutFault[]> {
  return page.evaluate(() => {
    const faults: { kind: 'clipped' | 'overlap' | 'broken-number' | 'off-screen'; where: string; text: string }[] = []
    const scope = document.querySelector('.taro_page_show')
    if (!scope) return faults
    const where = (el: Element | null): string => {
      for (let e = el; e && e !== scope; e = e.parentElement) if (e.id && e.id !== 'undefined') return `#${e.id}`
      return el ? el.tagName.toLowerCase() : '?'
    }
    const visible = (el: Element) => {
      const s = getComputedStyle(el)
      return s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0 && el.checkVisibility()
    }
    const short = (t: string) => t.replace(/\s+/g, ' ').trim().slice(0, 40)

    // Clipped: a box that hides what does not fit, with text in it that does not fit.
    for (const el of Array.from(scope.querySelectorAll('*'))) {
      if (!visible(el)) continue
      const s = getComputedStyle(el)
      const hides = (o: string) => o === 'hidden' || o === 'clip'
      const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())
      if (!ownText && !el.querySelector('input, textarea')) continue
      const h = el as HTMLElement
      const wide = h.scrollWidth > h.clientWidth + 1 && (hides(s.overflowX) || s.textOverflow === 'ellipsis')
      const tall = h.scrollHeight > h.clientHeight + 1 && hides(s.overflowY)
      if ((wide || tall) && h.clientWidth > 0)
        faults.push({ kind: 'clipped', where: where(el), text: short(h.innerText) })
    }

    /** The box that shows an element's content: its ancestors in the page that scroll or hide their overflow. */
    const clipOf = (el: Element) => {
      let box = { left: -1e9, top: -1e9, right: 1e9, bottom: 1e9 }
      for (let e = el.parentElement; e && e !== scope; e = e.parentElement) {
        const s = getComputedStyle(e)
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue
        const r = e.getBoundingClientRect()
        box = {
          left: Math.max(box.left, r.left),
          top: Math.max(box.top, r.top),
          right: Math.min(box.right, r.right),
          bottom: Math.min(box.bottom, r.bottom),
        }
      }
      return box
    }

    // Lines of text: every text node's line boxes, as far as they show.
    interface Line {
      node: Text
      rect: DOMRect
    }
    const lines: Line[] = []
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT)
    const width = document.documentElement.clientWidth
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      if (!n.textContent!.trim() || !n.parentElement || !visible(n.parentElement)) continue
      const range = document.createRange()
      range.selectNodeContents(n)
      const clip = clipOf(n.parentElement)
      for (const whole of Array.from(range.getClientRects())) {
        // What shows of the line: a scrolling box (the declaration's text) hides what is scrolled out of it.
        const rect = DOMRect.fromRect({
          x: Math.max(whole.left, clip.left),
          y: Math.max(whole.top, clip.top),
          width: Math.min(whole.right, clip.right) - Math.max(whole.left, clip.left),
          height: Math.min(whole.bottom, clip.bottom) - Math.max(whole.top, clip.top),
        })
        if (rect.width < 1 || rect.height < 1) continue
        lines.push({ node: n, rect })
        if (rect.right > width + 1)
          faults.push({ kind: 'off-screen', where: where(n.parentElement), text: short(n.textContent!) })
      }
      // Numbers that must stay on one line.
      const numbers =
        /\d{6}(?:\d{8}|\*{8})\d{3}[\dX]|\d{3,4}\*{6,}\d{3,4}|\d{10,}|\d{4}-\d{2}(?:-\d{2})?|\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}:\d{2}|[¥￥]\s?\d+(?:\.\d+)?|\d+(?:\.\d+)?\s?元/g
      for (const m of n.textContent!.matchAll(numbers)) {
        const r = document.createRange()
        r.setStart(n, m.index!)
        r.setEnd(n, m.index! + m[0].length)
        const tops = new Set(
          Array.from(r.getClientRects())
            .filter((x) => x.width > 0)
            .map((x) => Math.round(x.top / 4)),
        )
        if (tops.size > 1) faults.push({ kind: 'broken-number', where: where(n.parentElement), text: m[0] })
      }
    }

    // Overlap: two text lines of different nodes drawn over each other.
    for (let i = 0; i < lines.length; i++) {
      for (let j = i + 1; j < lines.length; j++) {
        const a = lines[i]
        const b = lines[j]
        if (a.node === b.node) continue
        const w = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left)
        const h = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top)
        // A sliver is line-height rounding; a third of the shorter line is text over text.
        if (w > 2 && h > Math.min(a.rect.height, b.rect.height) / 3)
          faults.push({
            kind: 'overlap',
            where: `${where(a.node.parentElement)} / ${where(b.node.parentElement)}`,
            text: `${short(a.node.textContent!)} / ${short(b.node.textContent!)}`,
          })
      }
    }
    return faults
  })
}
