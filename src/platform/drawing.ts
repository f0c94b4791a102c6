/**
 * A picture described as drawing steps (text, boxes, one image), the one description every saved image uses (保存报名表,
 * the 准考证, the 成绩合格证明): a pure layout builds it, each platform paints it with `paint` and saves it
 * (platform.renderDrawing, saveDrawingAsImage). `paint` speaks canvas 2D: the browser's <canvas> on H5, WeChat's
 * offscreen canvas 2D, and the page canvas context of Alipay and Baidu through legacyCanvas2D (shared.ts).
 */
export type DrawStep =
  | {
      kind: 'text'
      text: string
      x: number
      y: number
      size: number
      color?: string
      bold?: boolean
      align?: 'left' | 'center'
    }
  | { kind: 'box'; x: number; y: number; w: number; h: number; color: string; fill?: boolean }
  | { kind: 'image'; x: number; y: number; w: number; h: number }

export interface Drawing {
  width: number
  height: number
  background: string
  steps: DrawStep[]
  /** The image the `image` step shows (an http(s) URL, downloaded before painting), an outlined box without it. */
  imageUrl: string | null
}

/** The part of CanvasRenderingContext2D the painter uses (the browser's and WeChat's canvas 2D; legacyCanvas2D). */
export interface Canvas2D {
  fillStyle: unknown
  strokeStyle: unknown
  font: string
  textAlign: string
  textBaseline: string
  lineWidth: number
  fillRect(x: number, y: number, w: number, h: number): void
  strokeRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number): void
  drawImage(image: never, x: number, y: number, w: number, h: number): void
}

/** Paints the drawing; `image` is the loaded picture for the image step, or null. */
export function paint(ctx: Canvas2D, drawing: Drawing, image: unknown): void {
  ctx.fillStyle = drawing.background
  ctx.fillRect(0, 0, drawing.width, drawing.height)
  ctx.textBaseline = 'top'
  for (const s of drawing.steps) {
    if (s.kind === 'text') {
      ctx.fillStyle = s.color ?? '#1f2329'
      ctx.font = `${s.bold ? 'bold ' : ''}${s.size}px sans-serif`
      ctx.textAlign = s.align ?? 'left'
      ctx.fillText(s.text, s.x, s.y)
    } else if (s.kind === 'box') {
      if (s.fill) {
        ctx.fillStyle = s.color
        ctx.fillRect(s.x, s.y, s.w, s.h)
      } else {
        ctx.strokeStyle = s.color
        ctx.lineWidth = 1
        ctx.strokeRect(s.x, s.y, s.w, s.h)
      }
    } else if (image) {
      ctx.drawImage(image as never, s.x, s.y, s.w, s.h)
    } else {
      ctx.strokeStyle = '#8a919c'
      ctx.strokeRect(s.x, s.y, s.w, s.h)
    }
  }
}

/** Punctuation a Chinese line never starts with (避头点): it stays at the end of the line before. */
const NO_LINE_START = new Set(Array.from('，。、；：？！）》」』”’,.;:?!)%'))

/**
 * Breaks text into lines of about `perLine` characters for a drawing (CJK glyphs are about one em wide). A line
 * may take one character more rather than start the next with closing punctuation.
 */
export function wrapText(text: string, perLine: number): string[] {
  const chars = Array.from(text)
  if (chars.length === 0) return ['']
  const lines: string[] = []
  let i = 0
  while (i < chars.length) {
    let end = Math.min(i + perLine, chars.length)
    if (end < chars.length && NO_LINE_START.has(chars[end])) end++
    lines.push(chars.slice(i, end).join(''))
    i = end
  }
  return lines
}
