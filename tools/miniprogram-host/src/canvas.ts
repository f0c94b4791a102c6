import { ApiFailure, type CanvasHost } from './host-core'
import { walk } from './render-tree'

/**
 * The host's canvases: no pixels, a record of what was drawn. Each canvas keeps its drawing operations (texts,
 * filled and outlined rectangles, images with the file they came from); an export writes a temp file and remembers
 * the recording behind its path; saving a file to the album keeps that recording for the spec to inspect
 * (Host.takeSavedImages). Each stand-in holds the app to the platform's documented contract:
 *
 * - a page canvas (createCanvasContext): the context queues operations with the documented setters (setFillStyle,
 *   setFontSize ...; assigning a property it does not document is reported), draw(reserve, callback) renders the
 *   queue (replacing what was drawn unless `reserve`), and the export fails unless the page shows a <canvas> with
 *   that canvas-id (Alipay: id) and something was drawn;
 * - WeChat's offscreen canvas 2D (createOffscreenCanvas): the HTML canvas 2D properties and methods, createImage()
 *   whose src must be a local file (a download) or an http(s) URL; canvasToTempFilePath({canvas});
 * - drawImage with a path the host does not hold draws nothing, as on a phone (recorded with `loaded: false`).
 * - measureText on both answers `{ width }` at the font size set, by the metrics of the phones' sans-serif fonts
 *   (textWidth: CJK and full-width forms one em, digits and Latin letters about half), not a constant: a layout that
 *   places text by its measure is placed here as on a phone, and each text's measured width is recorded with it.
 */
export type CanvasOp =
  | {
      op: 'text'
      text: string
      x: number
      y: number
      size: number | null
      color: string | null
      /** The width measureText gives for it at that size (textWidth): where specs check for overlaps. */
      w: number
      align: string
    }
  | { op: 'rect'; x: number; y: number; w: number; h: number; color: string | null; fill: boolean }
  | {
      op: 'image'
      x: number
      y: number
      w: number
      h: number
      /** The path or URL drawn. */
      src: string
      /** The URL a downloaded file came from (path only: the origin is the run's mock server), else null. */
      source: string | null
      loaded: boolean
    }

export interface CanvasRecording {
  /** `page:<canvas-id>` or `offscreen:<n>`. */
  canvas: string
  width: number | null
  height: number | null
  ops: CanvasOp[]
}

export interface SavedImage {
  /** The API that saved it (saveImageToPhotosAlbum, my.saveImage). */
  api: string
  path: string
  /** What the file shows: the canvas recording it was exported from; null for a file no canvas made. */
  recording: CanvasRecording | null
}

type Fn = (...args: unknown[]) => unknown

/** The 2D state a context keeps between calls. */
interface PenState {
  fill: string | null
  stroke: string | null
  size: number | null
  align: string
}

export class HostCanvases {
  /** Exports by temp path. */
  private readonly exported = new Map<string, CanvasRecording>()
  /** What each page canvas shows (drawn), by page id and canvas-id. */
  private readonly pageCanvases = new Map<string, CanvasRecording>()
  /** Temp files made by downloadFile → the URL path they came from. */
  readonly downloads = new Map<string, string>()
  /** Saved to the album since the spec last took them. */
  readonly saved: SavedImage[] = []
  private offscreenSeq = 0

  constructor(private readonly host: CanvasHost) {}

  // ---- the page canvas (createCanvasContext) ----

  /** The legacy CanvasContext for the page's <canvas canvas-id=id> (Alipay: id); Alipay's exports itself. */
  createContext(canvasId: string): Record<string, unknown> {
    const host = this.host
    const pen: PenState = { fill: '#000000', stroke: '#000000', size: 10, align: 'left' }
    let queue: CanvasOp[] = []
    const record = (op: CanvasOp) => void queue.push(op)
    const methods: Record<string, Fn> = {
      setFillStyle: (c) => void (pen.fill = String(c)),
      setStrokeStyle: (c) => void (pen.stroke = String(c)),
      setFontSize: (n) => void (pen.size = Number(n)),
      setTextAlign: (a) => void (pen.align = String(a)),
      setTextBaseline: () => undefined,
      setLineWidth: () => undefined,
      setGlobalAlpha: () => undefined,
      fillRect: (x, y, w, h) => record(rect(x, y, w, h, pen.fill, true)),
      strokeRect: (x, y, w, h) => record(rect(x, y, w, h, pen.stroke, false)),
      fillText: (text, x, y) =>
        record({
          op: 'text',
          text: String(text),
          x: n(x),
          y: n(y),
          size: pen.size,
          color: pen.fill,
          w: textWidth(String(text), pen.size ?? 10),
          align: pen.align,
        }),
      // https://developers.weixin.qq.com/miniprogram/dev/api/canvas/CanvasContext.measureText.html
      measureText: (text) => ({ width: textWidth(String(text), pen.size ?? 10) }),
      drawImage: (src, x, y, w, h) => record(this.image(String(src), x, y, w, h)),
      save: () => undefined,
      restore: () => undefined,
      draw: (reserve, callback) => {
        const key = this.pageKey(canvasId)
        const drawn = queue
        queue = []
        const shown = this.pageCanvases.get(key)
        this.pageCanvases.set(key, {
          canvas: `page:${canvasId}`,
          width: null,
          height: null,
          ops: reserve && shown ? [...shown.ops, ...drawn] : drawn,
        })
        if (typeof callback === 'function') host.later(() => (callback as Fn)())
      },
    }
    if (host.target === 'alipay') {
      // https://opendocs.alipay.com/mini/api/rod3ti : success answers apFilePath.
      methods.toTempFilePath = (o) => {
        const opts = (o ?? {}) as Record<string, Fn | undefined>
        host.later(() => {
          try {
            opts.success?.({ apFilePath: this.exportPage(canvasId) })
          } catch (err) {
            opts.fail?.({ error: 3, errorMessage: (err as Error).message })
          }
          opts.complete?.({})
        })
      }
    }
    return this.strict(`CanvasContext (${host.flavour.apiName}.createCanvasContext)`, methods)
  }

  /** Exports what the page canvas shows (canvasToTempFilePath({canvasId}), Alipay's toTempFilePath). */
  exportPage(canvasId: string): string {
    const page = this.host.current()
    if (!page || !this.hasCanvas(canvasId)) {
      throw new ApiFailure(1, `canvas "${canvasId}" is not on page ${page?.route ?? '(none)'}`)
    }
    const shown = this.pageCanvases.get(this.pageKey(canvasId))
    if (!shown || shown.ops.length === 0) throw new ApiFailure(1, `canvas "${canvasId}" is empty (nothing drawn)`)
    return this.export(shown)
  }

  private pageKey(canvasId: string): string {
    return `${this.host.current()?.id ?? 0}:${canvasId}`
  }

  /** Whether the current page renders a <canvas> with this canvas-id (Alipay: id). */
  private hasCanvas(canvasId: string): boolean {
    const page = this.host.current()
    if (!page) return false
    for (const node of walk(page.root())) {
      if (page.view.tagOf(node) !== 'canvas') continue
      const ids = [page.view.attribute(node, 'canvas-id'), page.view.attribute(node, 'id')]
      if (ids.includes(canvasId)) return true
    }
    return false
  }

  // ---- WeChat's offscreen canvas 2D ----

  createOffscreen(type: string, width: number, height: number): Record<string, unknown> {
    const recording: CanvasRecording = { canvas: `offscreen:${++this.offscreenSeq}`, width, height, ops: [] }
    const state = { fillStyle: '#000000' as unknown, strokeStyle: '#000000' as unknown, font: '10px sans-serif' }
    const ctx: Record<string, unknown> = {
      textAlign: 'start',
      textBaseline: 'alphabetic',
      lineWidth: 1,
      fillRect: (x: unknown, y: unknown, w: unknown, h: unknown) =>
        recording.ops.push(rect(x, y, w, h, String(state.fillStyle), true)),
      strokeRect: (x: unknown, y: unknown, w: unknown, h: unknown) =>
        recording.ops.push(rect(x, y, w, h, String(state.strokeStyle), false)),
      fillText: (text: unknown, x: unknown, y: unknown) =>
        recording.ops.push({
          op: 'text',
          text: String(text),
          x: n(x),
          y: n(y),
          size: sizeOf(state.font),
          color: String(state.fillStyle),
          w: textWidth(String(text), sizeOf(state.font) ?? 10, /bold/.test(state.font)),
          align: String(ctx.textAlign),
        }),
      // https://developer.mozilla.org/docs/Web/API/CanvasRenderingContext2D/measureText (a TextMetrics: width)
      measureText: (text: unknown) => ({
        width: textWidth(String(text), sizeOf(state.font) ?? 10, /bold/.test(state.font)),
      }),
      drawImage: (image: { src?: string; __hostImage?: boolean }, x: unknown, y: unknown, w: unknown, h: unknown) => {
        if (!image?.__hostImage) throw new TypeError('drawImage: the image must come from canvas.createImage()')
        recording.ops.push(this.image(String(image.src), x, y, w, h))
      },
      save: () => undefined,
      restore: () => undefined,
    }
    for (const key of Object.keys(state) as (keyof typeof state)[]) {
      Object.defineProperty(ctx, key, {
        get: () => state[key],
        set: (v: unknown) => void ((state as Record<string, unknown>)[key] = v),
        enumerable: true,
      })
    }
    const canvas: Record<string, unknown> = {
      width,
      height,
      __hostRecording: recording,
      // A canvas made for webgl (the default type) has no 2D context.
      getContext: (kind: unknown) => (kind === '2d' && type === '2d' ? ctx : null),
      createImage: () => this.createImage(),
    }
    return canvas
  }

  private createImage(): Record<string, unknown> {
    let src = ''
    const image: Record<string, unknown> = { __hostImage: true, onload: null, onerror: null, width: 0, height: 0 }
    Object.defineProperty(image, 'src', {
      get: () => src,
      set: (v: unknown) => {
        src = String(v)
        const ok = this.loadable(src)
        this.host.later(() => {
          const cb = (ok ? image.onload : image.onerror) as Fn | null
          cb?.()
        })
      },
    })
    return image
  }

  /** canvasToTempFilePath({canvas}) of an offscreen canvas. */
  exportOffscreen(canvas: unknown): string {
    const recording = (canvas as { __hostRecording?: CanvasRecording } | null)?.__hostRecording
    if (!recording) throw new ApiFailure(2, 'parameter error: canvas is not a canvas of this app')
    return this.export(recording)
  }

  // ---- files ----

  private export(recording: CanvasRecording): string {
    const copy: CanvasRecording = JSON.parse(JSON.stringify(recording)) as CanvasRecording
    const dir =
      this.host.target === 'alipay' ? 'https://resource' : this.host.flavour.userDataPath.replace(/usr$/, 'tmp')
    const path = this.host.files.addTemp(dir, Buffer.from(JSON.stringify(copy)), 'png')
    this.exported.set(path, copy)
    return path
  }

  /** Saving a file to the album: it must exist (else the platform's `missingCode`); what it shows is kept. */
  save(api: string, path: string, missingCode = 4): void {
    if (!this.holds(path)) throw new ApiFailure(missingCode, `file not found ${path}`)
    this.saved.push({ api, path, recording: this.exported.get(path) ?? null })
  }

  /** A file the host holds, or a network address (Alipay's local files look like https://resource/…, https://usr/…). */
  private loadable(src: string): boolean {
    return this.holds(src) || /^https?:\/\/(?!usr\/|resource\/)/.test(src)
  }

  private holds(path: string): boolean {
    try {
      this.host.files.read(path)
      return true
    } catch {
      return false
    }
  }

  private image(src: string, x: unknown, y: unknown, w: unknown, h: unknown): CanvasOp {
    const loaded = this.loadable(src)
    return {
      op: 'image',
      x: n(x),
      y: n(y),
      w: n(w),
      h: n(h),
      src,
      source: this.downloads.get(src) ?? null,
      loaded,
    }
  }

  /** A context object that reports a property the platform does not document instead of silently keeping it. */
  private strict(what: string, methods: Record<string, Fn>): Record<string, unknown> {
    return new Proxy(methods, {
      get: (target, key) => {
        if (typeof key === 'string' && !(key in target) && key !== 'then' && key !== 'toJSON') {
          this.host.problem(`${what} has no ${key} (the host models the documented methods only)`)
        }
        return target[key as string]
      },
      set: (_target, key) => {
        this.host.problem(
          `${what}.${String(key)} = …: the context documents setters (setFillStyle ...), not properties`,
        )
        return true
      },
    }) as unknown as Record<string, unknown>
  }
}

function n(v: unknown): number {
  return Number(v)
}

function rect(x: unknown, y: unknown, w: unknown, h: unknown, color: string | null, fill: boolean): CanvasOp {
  return { op: 'rect', x: n(x), y: n(y), w: n(w), h: n(h), color, fill }
}

function sizeOf(font: string): number | null {
  const m = /(\d+(?:\.\d+)?)px/.exec(font)
  return m ? Number(m[1]) : null
}

/**
 * A text's width in px at `size` by the metrics of the phones' sans-serif fonts (PingFang, Noto Sans CJK): CJK
 * ideographs, kana, hangul and full-width forms one em; digits about 0.56 em; Latin capitals 0.68, lower case 0.52,
 * narrow marks 0.26, a space 0.28; bold about 5% wider.
 */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0
    if (c >= 0x2e80 || (c >= 0x2000 && c <= 0x206f)) em += 1
    else if (ch === ' ') em += 0.28
    else if (/[0-9]/.test(ch)) em += 0.56
    else if (/[A-Z]/.test(ch)) em += 0.68
    else if (/[mwMW@%]/.test(ch)) em += 0.85
    else if (/[il.,:;'|!]/.test(ch)) em += 0.26
    else if (/[a-z]/.test(ch)) em += 0.52
    else em += 0.45
  }
  return Math.round(em * size * (bold ? 1.05 : 1) * 100) / 100
}
