import { contentOf } from '../../../tests/automator/support/saved-images'
import { fakeHosts, localServer } from './fake-output'

/**
 * The recording canvas: what the app draws is kept per canvas, exports carry it, the album keeps what was saved; and
 * each platform's canvas contract is held (the page must show the canvas, draw() renders the queue, WeChat's
 * offscreen canvas is 2D only when made so, contexts take their documented setters only).
 */
const server = localServer((req, res) => {
  if (req.url === '/photo.jpg') {
    res.setHeader('content-type', 'image/jpeg')
    res.end(Buffer.from('JPEGBYTES'))
  } else {
    res.statusCode = 404
    res.end('no')
  }
})
const fakeHost = fakeHosts()
const host = (target: 'weapp' | 'alipay' | 'swan', page: string) =>
  fakeHost(target, { 'pages/a/index.js': page }, { mockUrl: server.url })

/** A page that shows <canvas canvas-id="c" id="c"> when `withCanvas`, and runs `body` (an async function's text). */
const canvasPage = (api: string, body: string, withCanvas = true) => `Page({ data: {},
  onLoad() {
    this.setData({ 'root.cn': [{ nn: '1', sid: '_n1', cn: ${withCanvas ? "[{ nn: '20', sid: '_n2', uid: 'c', p1: 'c' }]" : '[]'} }] })
  },
  run() {
    const api = ${api}
    const call = (name, o) => new Promise((resolve, reject) => api[name]({ ...o, success: resolve, fail: reject }))
    return (async () => { ${body} })()
  } })`

/** Draws a title, a box and the downloaded photo on the page canvas `c`, then exports it (Alipay: the context). */
const PAGE_CANVAS = (target: 'alipay' | 'swan', draw = true) => `
  const photo = await call('downloadFile', { url: 'https://api.example.invalid/photo.jpg' })
  const ctx = api.createCanvasContext('c')
  ctx.setFillStyle('#ffffff')
  ctx.fillRect(0, 0, 300, 200)
  ctx.setFillStyle('#1f2329')
  ctx.setFontSize(20)
  ctx.fillText('准考证号 20261101000002', 10, 10)
  ctx.drawImage(${target === 'alipay' ? 'photo.apFilePath' : 'photo.tempFilePath'}, 200, 10, 60, 80)
  ctx.drawImage('${target === 'alipay' ? 'https://resource/none.jpg' : 'bdfile://tmp_none.jpg'}', 0, 0, 1, 1)
  ${draw ? 'await new Promise((resolve) => ctx.draw(false, resolve))' : ''}
  const file = ${
    target === 'alipay'
      ? '(await new Promise((resolve, reject) => ctx.toTempFilePath({ success: resolve, fail: reject }))).apFilePath'
      : "(await call('canvasToTempFilePath', { canvasId: 'c' })).tempFilePath"
  }
  await call('saveImageToPhotosAlbum', { filePath: file })
  this.measured = [ctx.measureText('准考证').width, ctx.measureText('2026').width]
  return file`

describe.each(['alipay', 'swan'] as const)('%s page canvas', (target) => {
  const api = target === 'alipay' ? 'my' : 'swan'

  it('records what was drawn, exports it and keeps what the album saved, the photo from its download', async () => {
    const h = host(target, canvasPage(api, PAGE_CANVAS(target)))
    const page = await h.launch()
    const file = await (page.instance.run as () => Promise<string>)()
    expect(file).toMatch(target === 'alipay' ? /^https:\/\/resource\// : /^bdfile:\/\/tmp\//)
    expect(h.canvases.saved).toHaveLength(1)
    const [saved] = h.canvases.saved
    expect(saved).toMatchObject({ api: 'saveImageToPhotosAlbum', path: file })
    expect(saved!.recording?.ops).toContainEqual({
      op: 'rect',
      x: 0,
      y: 0,
      w: 300,
      h: 200,
      color: '#ffffff',
      fill: true,
    })
    const { texts, images } = contentOf(saved!)
    expect(texts).toEqual(['准考证号 20261101000002'])
    expect(saved!.recording?.ops).toContainEqual(expect.objectContaining({ op: 'text', size: 20, color: '#1f2329' }))
    // measureText at the size set (setFontSize 20): CJK one em, digits about half; each text's width recorded.
    expect((page.instance as { measured?: number[] }).measured).toEqual([60, 44.8])
    expect(saved!.recording?.ops).toContainEqual(
      expect.objectContaining({ op: 'text', w: 80 + 0.28 * 20 + 14 * 0.56 * 20 }),
    )
    // The downloaded photo is drawn; a path the phone does not hold draws nothing.
    expect(images.map((i) => [i.source, i.loaded])).toEqual([
      ['/photo.jpg', true],
      [null, false],
    ])
    expect(h.problems).toEqual([])
  })

  it('exports nothing until draw() rendered the queue', async () => {
    const h = host(target, canvasPage(api, PAGE_CANVAS(target, false)))
    const page = await h.launch()
    await expect((page.instance.run as () => Promise<string>)()).rejects.toMatchObject(
      target === 'alipay'
        ? { errorMessage: expect.stringContaining('empty') }
        : { errMsg: expect.stringContaining('empty') },
    )
    expect(h.canvases.saved).toEqual([])
  })

  it('exports nothing when the page shows no canvas with that id', async () => {
    const h = host(target, canvasPage(api, PAGE_CANVAS(target), false))
    const page = await h.launch()
    await expect((page.instance.run as () => Promise<string>)()).rejects.toMatchObject(
      target === 'alipay'
        ? { errorMessage: expect.stringContaining('not on page') }
        : { errMsg: expect.stringContaining('not on page') },
    )
  })

  it('reports a property set on the context, which documents setters only', async () => {
    const h = host(target, canvasPage(api, "api.createCanvasContext('c').fillStyle = '#000'"))
    const page = await h.launch()
    await (page.instance.run as () => Promise<void>)()
    expect(h.problems.join('\n')).toMatch(/fillStyle = …: the context documents setters/)
  })

  it('refuses to save a file that does not exist', async () => {
    const file = target === 'alipay' ? 'https://resource/x.png' : 'bdfile://tmp_x.png'
    const h = host(target, canvasPage(api, `await call('saveImageToPhotosAlbum', { filePath: '${file}' })`))
    const page = await h.launch()
    await expect((page.instance.run as () => Promise<void>)()).rejects.toMatchObject(
      // Alipay: 17 保存图片过程中的其他错误 (https://opendocs.alipay.com/mini/api/media/image/my.saveimagetophotosalbum).
      target === 'alipay' ? { error: 17 } : { errMsg: expect.stringContaining('saveImageToPhotosAlbum:fail') },
    )
    expect(h.canvases.saved).toEqual([])
  })
})

describe('alipay album (my.saveImageToPhotosAlbum, my.saveImage for older clients)', () => {
  const exported = `
    const ctx = my.createCanvasContext('c')
    ctx.setFillStyle('#ffffff')
    ctx.fillRect(0, 0, 10, 10)
    await new Promise((resolve) => ctx.draw(false, resolve))
    const { apFilePath } = await new Promise((resolve, reject) => ctx.toTempFilePath({ success: resolve, fail: reject }))`

  it('knows my.saveImageToPhotosAlbum (canIUse, presence) and answers 2 when filePath is missing', async () => {
    const h = host(
      'alipay',
      canvasPage(
        'my',
        `const found = [my.canIUse('saveImageToPhotosAlbum'), typeof my.saveImageToPhotosAlbum, typeof my.saveImage]
        const missing = await call('saveImageToPhotosAlbum', {}).catch((e) => e)
        return { found, missing }`,
      ),
    )
    const page = await h.launch()
    const got = await (page.instance.run as () => Promise<Record<string, unknown>>)()
    expect(got).toMatchObject({ found: [true, 'function', 'function'], missing: { error: 2 } })
    // A call without the required filePath is a contract breach the spec hears of.
    expect(h.problems.join('\n')).toMatch(/my\.saveImageToPhotosAlbum called without required filePath/)
  })

  it('keeps what either call saved, under the API that saved it', async () => {
    const h = host(
      'alipay',
      canvasPage(
        'my',
        `${exported}
        await call('saveImageToPhotosAlbum', { filePath: apFilePath })
        await call('saveImage', { url: apFilePath, showActionSheet: false })
        return apFilePath`,
      ),
    )
    const page = await h.launch()
    const file = await (page.instance.run as () => Promise<string>)()
    expect(h.canvases.saved.map((s) => [s.api, s.path, s.recording?.ops.length])).toEqual([
      ['saveImageToPhotosAlbum', file, 1],
      ['saveImage', file, 1],
    ])
    expect(h.problems).toEqual([])
  })

  it("answers a spec's mocked refusal (wx: auth deny, a scope) with 2001 (15 is the phone's permission), a cancel with 11; the album stays empty", async () => {
    const h = host(
      'alipay',
      canvasPage(
        'my',
        `${exported}
        const out = []
        out.push(await call('saveImageToPhotosAlbum', { filePath: apFilePath }).catch((e) => e))
        return out`,
      ),
    )
    const page = await h.launch()
    h.mocks.set('saveImageToPhotosAlbum', { result: { errMsg: 'saveImageToPhotosAlbum:fail auth deny' } })
    const refused = await (page.instance.run as () => Promise<unknown[]>)()
    h.mocks.set('saveImageToPhotosAlbum', { result: { errMsg: 'saveImageToPhotosAlbum:fail cancel' } })
    const cancelled = await (page.instance.run as () => Promise<unknown[]>)()
    expect([...refused, ...cancelled]).toEqual([
      { error: 2001, errorMessage: 'saveImageToPhotosAlbum:fail auth deny' },
      { error: 11, errorMessage: 'saveImageToPhotosAlbum:fail cancel' },
    ])
    expect(h.canvases.saved).toEqual([])
    // A spec's callWxMethod('saveImageToPhotosAlbum') reaches my.saveImageToPhotosAlbum itself (no alias any more).
    h.mocks.clear()
    await expect(h.callForSpec('saveImageToPhotosAlbum', [{ filePath: 'https://resource/none.png' }])).rejects.toThrow(
      /file not found/,
    )
    expect(h.calls.at(-1)).toMatchObject({ name: 'saveImageToPhotosAlbum' })
  })
})

describe('weapp offscreen canvas 2D', () => {
  it('records the 2D drawing, loads the downloaded photo through createImage, exports by canvas', async () => {
    const h = host(
      'weapp',
      canvasPage(
        'wx',
        `
        const photo = await call('downloadFile', { url: 'https://api.example.invalid/photo.jpg' })
        const canvas = api.createOffscreenCanvas({ type: '2d', width: 300, height: 200 })
        const ctx = canvas.getContext('2d')
        ctx.fillStyle = '#1456b8'
        ctx.font = 'bold 26px sans-serif'
        ctx.fillText('验证码', 10, 10)
        const measured = [ctx.measureText('验证码').width, ctx.measureText('11010519491231002X').width]
        ctx.font = '20px sans-serif'
        measured.push(ctx.measureText('验证码').width)
        ctx.strokeStyle = '#d5dae1'
        ctx.strokeRect(200, 10, 60, 80)
        const img = canvas.createImage()
        await new Promise((resolve, reject) => { img.onload = resolve; img.onerror = reject; img.src = photo.tempFilePath })
        ctx.drawImage(img, 200, 10, 60, 80)
        const missing = canvas.createImage()
        const failed = await new Promise((resolve) => { missing.onload = () => resolve(false); missing.onerror = () => resolve(true); missing.src = 'wxfile://tmp_none.jpg' })
        const out = await call('canvasToTempFilePath', { canvas, fileType: 'png' })
        await call('saveImageToPhotosAlbum', { filePath: out.tempFilePath })
        return { failed, measured, webgl: api.createOffscreenCanvas({ width: 1, height: 1 }).getContext('2d'), status: photo.statusCode }`,
        false,
      ),
    )
    const page = await h.launch()
    const got = await (page.instance.run as () => Promise<Record<string, unknown>>)()
    // A canvas made without type is a webgl one: no 2D context.
    // measureText answers by font metrics at the font set (bold a little wider), not a constant: CJK one em each,
    // digits about half; an ID number is narrower than as many CJK characters.
    expect(got).toEqual({ failed: true, measured: [81.9, expect.any(Number), 60], webgl: null, status: 200 })
    const idWidth = (got.measured as number[])[1]
    expect(idWidth).toBeGreaterThan(18 * 26 * 0.5)
    expect(idWidth).toBeLessThan(18 * 26 * 0.7)
    const [saved] = h.canvases.saved
    expect(saved?.recording).toMatchObject({ width: 300, height: 200 })
    expect(saved?.recording?.ops).toEqual([
      // Each text with the width measureText gives it, so specs can check for overlaps.
      { op: 'text', text: '验证码', x: 10, y: 10, size: 26, color: '#1456b8', w: 81.9, align: 'start' },
      { op: 'rect', x: 200, y: 10, w: 60, h: 80, color: '#d5dae1', fill: false },
      expect.objectContaining({ op: 'image', source: '/photo.jpg', loaded: true }),
    ])
  })

  it('answers a download with the server’s status, as WeChat does', async () => {
    const h = host(
      'weapp',
      canvasPage(
        'wx',
        "return (await call('downloadFile', { url: 'https://api.example.invalid/none' })).statusCode",
        false,
      ),
    )
    const page = await h.launch()
    await expect((page.instance.run as () => Promise<number>)()).resolves.toBe(404)
  })
})
