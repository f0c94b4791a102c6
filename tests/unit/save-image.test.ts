import { paint, type Drawing, type Paint } from '../../src/platform/drawing'
import { platform } from '../../src/platform/platform'
import { saveDrawingAsImage } from '../../src/platform/save-image'

/** 保存为图片: paint and export, then keep the file; every failure is an answer the page can word, never a throw. */
const drawing: Drawing = { width: 10, height: 10, background: '#fff', steps: [], imageUrl: null }
const original = { renderDrawing: platform.renderDrawing, saveImage: platform.saveImage }
afterEach(() => Object.assign(platform, original))

test('the exported file is what gets saved, under its name, on the canvas the page gave, by drawing.ts’s painter', async () => {
  const seen: unknown[] = []
  Object.assign(platform, {
    renderDrawing: async (d: Drawing, canvasId: string, painter: Paint) => (
      seen.push(d, canvasId, painter),
      'wxfile://tmp_1.png'
    ),
    saveImage: async (path: string, name: string) => (seen.push(path, name), 'denied' as const),
  })
  expect(await saveDrawingAsImage(drawing, 'ticket-canvas', '准考证.png')).toBe('denied')
  expect(seen).toEqual([drawing, 'ticket-canvas', paint, 'wxfile://tmp_1.png', '准考证.png'])
})

test('a painting or export that fails, or a save that throws, answers failed', async () => {
  Object.assign(platform, { renderDrawing: async () => Promise.reject(new Error('canvas is empty')) })
  expect(await saveDrawingAsImage(drawing, 'c', 'x.png')).toBe('failed')
  Object.assign(platform, {
    renderDrawing: async () => 'wxfile://tmp_1.png',
    saveImage: async () => Promise.reject(new Error('boom')),
  })
  expect(await saveDrawingAsImage(drawing, 'c', 'x.png')).toBe('failed')
})
