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

/** The width in px of `text` at `size` px (bold or not), as the canvas that paints it measures it. */
export type Measure = (text: string, size: number, bold?: boolean) => number

export interface Drawing {
  width: number
  height: number
  background: string
  /**
   * What is drawn: fixed steps, or a layout that places each text by its measured width (wrapping it in its column),
   * run by `paint` with the painting canvas's own measureText, so what is placed is what is painted.
   */
  steps: DrawStep[] | ((measure: Measure) => DrawStep[])
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
  /**
   * Every platform's canvas has it: HTML canvas 2D and WeChat's canvas 2D (TextMetrics), the page canvas contexts of
   * WeChat, Alipay and Baidu (`{ width }` at the size set).
   * https://developer.mozilla.org/docs/Web/API/CanvasRenderingContext2D/measureText
   * https://developers.weixin.qq.com/miniprogram/dev/api/canvas/CanvasContext.measureText.html
   * https://opendocs.alipay.com/mini/api/canvas-context (measureText)
   * https://smartprogram.baidu.com/docs/develop/api/show/canvas_CanvasContext-measureText/
   */
  measureText(text: string): { width: number }
}

function fontOf(size: number, bold?: boolean): string {
  return `${bold ? 'bold ' : ''}${size}px sans-serif`
}

/**
 * A text's width by typical sans-serif metrics (CJK and full-width forms one em, Latin letters and digits about half).
 * For layouts outside a canvas (unit tests) and for a canvas whose measureText answers nothing usable; the mini-program
 * host's canvases measure with the same model (tools/miniprogram-host/src/canvas.ts).
 */
export const approximateMeasure: Measure = (text, size, bold) => {
  let em = 0
  for (const ch of text) em += emOf(ch)
  return em * size * (bold ? 1.05 : 1)
}

function emOf(ch: string): number {
  const c = ch.codePointAt(0) ?? 0
  if (c >= 0x2e80 || (c >= 0x2000 && c <= 0x206f && ch !== ' ')) return 1
  if (ch === ' ') return 0.28
  if (/[0-9]/.test(ch)) return 0.56
  if (/[A-Z]/.test(ch)) return 0.68
  if (/[mwMW@%]/.test(ch)) return 0.85
  if (/[il.,:;'|!]/.test(ch)) return 0.26
  if (/[a-z]/.test(ch)) return 0.52
  return 0.45
}

/** The canvas's own measure: its font set first, its answer used unless it is not a width. */
export function canvasMeasure(ctx: Canvas2D): Measure {
  return (text, size, bold) => {
    ctx.font = fontOf(size, bold)
    const width = typeof ctx.measureText === 'function' ? Number(ctx.measureText(text)?.width) : NaN
    return Number.isFinite(width) && (width > 0 || text === '') ? width : approximateMeasure(text, size, bold)
  }
}

/** The steps of a drawing, laid out with `measure` when it is a layout. */
export function stepsOf(drawing: Drawing, measure: Measure): DrawStep[] {
  return typeof drawing.steps === 'function' ? drawing.steps(measure) : drawing.steps
}

/** Paints a drawing on a canvas 2D; `image` is the loaded picture for the image step, or null. */
export type Paint = (ctx: Canvas2D, drawing: Drawing, image: unknown) => void

/**
 * Paints the drawing; `image` is the loaded picture for the image step, or null. The platforms get it from their
 * caller (platform.renderDrawing's `paint`, handed over by save-image.ts) and never import it: this module then
 * ships with the pages that save an image (their subpackages, their H5 chunks), not in the main package or the H5
 * entry.
 */
export const paint: Paint = (ctx, drawing, image) => {
  ctx.fillStyle = drawing.background
  ctx.fillRect(0, 0, drawing.width, drawing.height)
  ctx.textBaseline = 'top'
  const steps = stepsOf(drawing, canvasMeasure(ctx))
  for (const s of steps) {
    if (s.kind === 'text') {
      ctx.fillStyle = s.color ?? '#1f2329'
      ctx.font = fontOf(s.size, s.bold)
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
/** Opening brackets a line never ends with (避尾点): they go down with what they open. */
const NO_LINE_END = new Set(Array.from('（《「『“‘(['))

/**
 * Breaks text into lines of about `perLine` characters (CJK glyphs are about one em wide), for text that is not
 * measured. A line may take one character more rather than start the next with closing punctuation.
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

/**
 * The pieces a line may break between: each CJK character alone, while a run of Latin letters, digits and the marks
 * inside numbers and codes (an ID number, 2020-12, 13800138000, 1101**********2739, A-12) stays whole, so no number
 * is ever broken, nor a word of a name in Latin letters (MARIE-CLAIRE, O'NEILL: its apostrophe is inside the run);
 * an opening bracket sticks to what follows it, closing punctuation to what precedes it.
 */
export function breakPieces(text: string): string[] {
  const raw = text.match(/[A-Za-z0-9*＊#@&_+\-–—/.:·×%]+(?:'[A-Za-z0-9*＊#@&_+\-–—/.:·×%]+)*|\s+|./gsu) ?? []
  const pieces: string[] = []
  let open = ''
  for (const piece of raw) {
    if (piece.length === 1 && NO_LINE_END.has(piece)) {
      open += piece
      continue
    }
    const joined = open + piece
    open = ''
    const last = pieces.length - 1
    if (last >= 0 && NO_LINE_START.has(Array.from(joined)[0]) && !/^\s/.test(pieces[last])) pieces[last] += joined
    else pieces.push(joined)
  }
  if (open) pieces.push(open)
  return pieces
}

/**
 * Breaks text into lines no wider than `maxWidth` by the canvas's measure, between the pieces of breakPieces: a number
 * or code moves to the next line whole; only a piece wider than the whole column is cut (by characters).
 */
export function measureLines(text: string, maxWidth: number, size: number, measure: Measure, bold = false): string[] {
  const lines: string[] = []
  let line = ''
  const fits = (t: string) => measure(t, size, bold) <= maxWidth
  for (const piece of breakPieces(text)) {
    if (/^\s+$/.test(piece)) {
      if (line) line += piece
      continue
    }
    if (fits(line + piece)) {
      line += piece
      continue
    }
    if (line.trim()) lines.push(line.trimEnd())
    line = ''
    if (fits(piece)) {
      line = piece
      continue
    }
    // Wider than the column on its own: cut by characters, as little as it takes.
    for (const ch of Array.from(piece)) {
      if (line && !fits(line + ch)) {
        lines.push(line)
        line = ''
      }
      line += ch
    }
  }
  if (line.trim() || lines.length === 0) lines.push(line.trimEnd())
  return lines
}

/** A4 at 150 dpi (210 × 297 mm): the saved documents' page, printable as is. */
export const A4_150DPI = { width: 1240, height: 1754 } as const

export interface TextStyle {
  size: number
  color?: string
  bold?: boolean
}

/** A placed text's box (top-left, width by the measure, height one size): what tests check for overlaps. */
export interface TextBox {
  text: string
  x: number
  y: number
  w: number
  h: number
}

/**
 * The one layout of the saved documents: a pen over a page that measures every text before placing it, wraps labels
 * and values each in its own column, and moves down by what each block took. Layouts (the 报名表, the 准考证, the
 * 成绩合格证明) describe blocks; `fit` lays them out at a scale small enough for the page.
 */
export class Sheet {
  readonly steps: DrawStep[] = []
  y: number

  constructor(
    readonly measure: Measure,
    readonly width: number,
    readonly margin: number,
    /** 1 at the layout's own sizes; fit() lowers it until everything is on the page. */
    readonly scale = 1,
  ) {
    this.y = margin
  }

  /** A size at this scale (whole px). */
  px(n: number): number {
    return Math.round(n * this.scale)
  }

  get left(): number {
    return this.margin
  }
  get right(): number {
    return this.width - this.margin
  }

  width_(text: string, style: TextStyle): number {
    return this.measure(text, style.size, style.bold)
  }

  text(text: string, x: number, y: number, style: TextStyle, align: 'left' | 'center' = 'left'): void {
    this.steps.push({ kind: 'text', text, x, y, size: style.size, color: style.color, bold: style.bold, align })
  }

  box(x: number, y: number, w: number, h: number, color: string, fill = true): void {
    this.steps.push({ kind: 'box', x, y, w, h, color, fill })
  }

  /** Lines of `text` in a column `width` wide; drawn from (x, y); answers the height taken. */
  lines(
    text: string,
    x: number,
    y: number,
    width: number,
    style: TextStyle,
    align: 'left' | 'center' = 'left',
  ): number {
    const lines = measureLines(text, width, style.size, this.measure, style.bold)
    const lead = Math.round(style.size * 1.45)
    lines.forEach((line, i) => this.text(line, align === 'center' ? x + width / 2 : x, y + i * lead, style, align))
    return lines.length * lead - (lead - style.size)
  }

  /** A paragraph across [x, x + width) at the pen, the pen moved below it. */
  paragraph(
    text: string,
    style: TextStyle,
    opts: { x?: number; width?: number; align?: 'left' | 'center'; after?: number } = {},
  ): void {
    const x = opts.x ?? this.left
    const h = this.lines(text, x, this.y, opts.width ?? this.right - x, style, opts.align)
    this.y += h + (opts.after ?? this.px(16))
  }

  /**
   * A label and its value side by side, each wrapped in its own column: the label in [x, x + labelWidth), the value
   * from x + labelWidth + gap to `right`. The pen moves below the taller of the two.
   */
  row(
    label: string,
    value: string,
    columns: { x: number; labelWidth: number; gap: number; right: number },
    styles: { label: TextStyle; value: TextStyle },
    after = this.px(14),
  ): void {
    const valueX = columns.x + columns.labelWidth + columns.gap
    const hl = this.lines(label, columns.x, this.y, columns.labelWidth, styles.label)
    const hv = this.lines(value || '—', valueX, this.y, columns.right - valueX, styles.value)
    this.y += Math.max(hl, hv) + after
  }

  /** The widest of these labels, capped: the label column of a table of rows. */
  labelColumn(labels: string[], style: TextStyle, cap: number): number {
    return Math.min(cap, Math.ceil(Math.max(0, ...labels.map((l) => this.width_(l, style)))))
  }

  /** A QR code module by module from the server's matrix, with its quiet zone, `side` px at (x, y). */
  qr(code: { size: number; modules: string }, x: number, y: number, side: number): void {
    const cell = Math.floor(side / (code.size + 2))
    this.box(x, y, cell * (code.size + 2), cell * (code.size + 2), '#ffffff')
    for (let r = 0; r < code.size; r++)
      for (let c = 0; c < code.size; c++)
        if (code.modules[r * code.size + c] === '1')
          this.box(x + (c + 1) * cell, y + (r + 1) * cell, cell, cell, '#000000')
  }
}

/**
 * Lays a document out on a page of fixed size: at its own sizes when it fits, else at the largest scale (down to
 * `minScale`) at which the pen stays above the bottom margin. Pure given the measure.
 */
export function fitOnPage(
  page: { width: number; height: number },
  margin: number,
  measure: Measure,
  layout: (sheet: Sheet) => void,
  minScale = 0.6,
): DrawStep[] {
  let sheet = new Sheet(measure, page.width, margin, 1)
  for (let scale = 1; scale >= minScale - 1e-9; scale -= 0.05) {
    sheet = new Sheet(measure, page.width, margin, scale)
    layout(sheet)
    if (sheet.y <= page.height - margin) break
  }
  return sheet.steps
}

/** Each text step's box by the measure: where a test looks for overlaps and for text off the page. */
export function textBoxes(steps: DrawStep[], measure: Measure): TextBox[] {
  return steps.flatMap((s) => {
    if (s.kind !== 'text') return []
    const w = measure(s.text, s.size, s.bold)
    return [{ text: s.text, x: s.align === 'center' ? s.x - w / 2 : s.x, y: s.y, w, h: s.size }]
  })
}
