/**
 * A picture described as drawing steps (text, boxes, one image), painted the same way on every canvas that speaks the
 * HTML canvas 2D API: the browser's <canvas> on H5 and WeChat's canvas 2D (offscreen canvas). The application form
 * saved as an image (保存报名表) is built as one of these by a pure layout, then each platform paints and saves it.
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
  /** The image the `image` step shows (an http(s) URL), drawn as an outlined box when it cannot be loaded. */
  imageUrl: string | null
}

/** The part of CanvasRenderingContext2D the painter uses (both the browser's and WeChat's canvas 2D have it). */
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
