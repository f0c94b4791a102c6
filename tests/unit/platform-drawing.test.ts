import type Taro from '@tarojs/taro'
import { paint, type Drawing } from '../../src/platform/drawing'
import { legacyCanvas2D } from '../../src/platform/shared'

/**
 * One drawing description for every canvas: the painter speaks canvas 2D, and the page canvases of Alipay and Baidu
 * (createCanvasContext) get it as their documented setters, in drawing order.
 */
function fakeContext() {
  const calls: [string, ...unknown[]][] = []
  const ctx = new Proxy(
    {},
    {
      get:
        (_t, name) =>
        (...args: unknown[]) =>
          void calls.push([String(name), ...args]),
    },
  ) as unknown as Taro.CanvasContext
  return { ctx, calls }
}

const drawing: Drawing = {
  width: 300,
  height: 200,
  background: '#ffffff',
  steps: [
    { kind: 'text', text: '报名表', x: 150, y: 10, size: 34, bold: true, align: 'center' },
    { kind: 'text', text: '验证码', x: 10, y: 60, size: 26, color: '#5c6370' },
    { kind: 'box', x: 0, y: 100, w: 300, h: 40, color: '#e8f0fc', fill: true },
    { kind: 'image', x: 200, y: 50, w: 60, h: 80 },
  ],
  imageUrl: 'https://example.invalid/photo',
}

describe('the drawing on a page canvas context', () => {
  test('every text takes its own size, colour and alignment, set before it is drawn', () => {
    const { ctx, calls } = fakeContext()
    paint(legacyCanvas2D(ctx), drawing, 'wxfile://tmp_photo.jpg')
    expect(calls).toEqual([
      ['setFillStyle', '#ffffff'],
      ['fillRect', 0, 0, 300, 200],
      ['setTextBaseline', 'top'],
      ['setFillStyle', '#1f2329'],
      ['setFontSize', 34],
      ['setTextAlign', 'center'],
      ['fillText', '报名表', 150, 10],
      ['setFillStyle', '#5c6370'],
      ['setFontSize', 26],
      ['setTextAlign', 'left'],
      ['fillText', '验证码', 10, 60],
      ['setFillStyle', '#e8f0fc'],
      ['fillRect', 0, 100, 300, 40],
      // The downloaded photo is drawn from its local path.
      ['drawImage', 'wxfile://tmp_photo.jpg', 200, 50, 60, 80],
    ])
  })

  test('without a picture, its box is outlined', () => {
    const { ctx, calls } = fakeContext()
    paint(legacyCanvas2D(ctx), drawing, null)
    expect(calls.slice(-2)).toEqual([
      ['setStrokeStyle', '#8a919c'],
      ['strokeRect', 200, 50, 60, 80],
    ])
  })
})
