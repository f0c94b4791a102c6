import WebSocket from 'ws'
import type { CanvasOp, SavedImage } from '../../../tools/miniprogram-host/src/canvas'
import { element, tap, withMocked, type MiniProgram, type Page } from './app'
import { wsEndpoint } from './env'

export type { SavedImage }

/**
 * What the app saved as images (the album on the mini-programs, a download on H5), with what each shows, where the
 * runner records canvases: the mini-program host keeps each canvas's drawing operations, the H5 bridge records the
 * browser canvas's, and both answer `Host.takeSavedImages` (not part of the devtools' protocol). Null where nothing
 * records them (the devtools): a spec then checks the page's outcome only, and says so.
 *
 * Each call answers the images saved since the previous call: take once before the tap to forget older ones.
 */
export async function takeSavedImages(): Promise<SavedImage[] | null> {
  if (process.env.AUTOMATOR_CLI_PATH) return null
  return new Promise((resolve) => {
    const ws = new WebSocket(wsEndpoint())
    const done = (images: SavedImage[] | null) => {
      clearTimeout(timer)
      ws.close()
      resolve(images)
    }
    const timer = setTimeout(() => done(null), 10_000)
    ws.once('error', () => done(null))
    ws.once('open', () => ws.send(JSON.stringify({ id: 'saved', method: 'Host.takeSavedImages', params: {} })))
    ws.on('message', (data) => {
      const reply = JSON.parse(String(data)) as { id?: string; result?: { images?: SavedImage[] }; error?: unknown }
      if (reply.id === 'saved') done(reply.error ? null : (reply.result?.images ?? null))
    })
  })
}

/**
 * The texts a saved image shows, in drawing order, the pictures drawn on it, and the pairs of texts that overlap
 * (by the width the canvas measured for each, where the runner records it: the mini-program host; on H5 the pixels
 * are read back by OCR instead, tests/browser/documents.test.ts).
 */
export function contentOf(image: SavedImage): {
  texts: string[]
  images: Extract<CanvasOp, { op: 'image' }>[]
  overlaps: string[]
} {
  const ops = image.recording?.ops ?? []
  const texts = ops.flatMap((o) => (o.op === 'text' ? [o] : []))
  const boxes = texts
    .filter((t) => typeof t.w === 'number' && t.size !== null && t.text.trim() !== '')
    .map((t) => ({ text: t.text, x: t.align === 'center' ? t.x - t.w / 2 : t.x, y: t.y, w: t.w, h: t.size ?? 0 }))
  const overlaps: string[] = []
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]]
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h)
        overlaps.push(`${a.text} × ${b.text}`)
    }
  return {
    texts: texts.map((t) => t.text),
    images: ops.flatMap((o) => (o.op === 'image' ? [o] : [])),
    overlaps,
  }
}

/**
 * Runs `action` with the album permission refused, as QA mocks it in the devtools (WeChat's errMsg; the runners map
 * it to each platform's own refusal); restores the album afterwards.
 */
export async function withAlbumRefused(mp: MiniProgram, action: () => Promise<void>): Promise<void> {
  await withMocked(mp, 'saveImageToPhotosAlbum', { errMsg: 'saveImageToPhotosAlbum:fail auth deny' }, [], action)
}

/**
 * Taps `save`, waits for `result` on the page, and answers what the one image saved shows; null where the runner
 * records no canvas (the devtools), saying which image was left unchecked.
 */
export async function saveAndRead(
  page: Page,
  selectors: { save: string; result: string },
  what: string,
): Promise<ReturnType<typeof contentOf> | null> {
  await takeSavedImages()
  await tap(page, selectors.save)
  await element(page, selectors.result, 15000)
  const saved = await takeSavedImages()
  if (!saved) {
    console.info(`${what} image content not checked: this runner records no canvas`)
    return null
  }
  expect(saved).toHaveLength(1)
  return contentOf(saved[0])
}
