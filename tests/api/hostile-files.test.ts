import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { api, ApiError, setSessionToken } from '../../src/api'
import { DEMO_CANDIDATE } from '../../mock-server/scenarios'
import { ERROR_MESSAGES } from '../../types/errors'
import { MATERIAL_LIMITS } from '../../types/process'
import type { ApplicationView } from '../../types/application'
import { clientAgainstMock } from './support/client-mock'
import {
  ACTIVE_CONTENT,
  cyclicKidsPdf,
  cyclicParentPdf,
  deepNestedPdf,
  encryptedPdf,
  pageTreeBomb,
  plainPdf,
} from '../support/pdfs'

/**
 * Hostile material files (issue 20), the app's API client against the real mock server: PDFs are checked on a worker
 * thread under the contract's limits (types/process.ts MATERIAL_LIMITS), so a page-tree bomb is refused while the
 * event loop keeps answering; encrypted PDFs and active content are refused with their own codes; a JPG is stored and
 * served re-encoded (upright, no metadata, nothing after the image); images and PDFs carrying another format are
 * refused as polyglots.
 */
describe('hostile material files', () => {
  const mock = clientAgainstMock()
  let dir = ''
  let appId = ''

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-files-'))
    await mock.qaApi('loadScenario', { name: 'apply-open' })
    const { token } = await mock.qaApi('createSession', { username: DEMO_CANDIDATE.username })
    setSessionToken(token)
    // 天津 (online confirmation), complete and not yet submitted: it takes its materials (学历证书 as JPG or PDF).
    const a = (await mock.qaApi('processApplication', {
      username: DEMO_CANDIDATE.username,
      province: '12',
      submit: false,
      materials: false,
    })) as ApplicationView
    appId = a.id
  })
  beforeEach(async () => {
    const { token } = await mock.qaApi('createSession', { username: DEMO_CANDIDATE.username })
    setSessionToken(token)
  })

  let seq = 0
  const file = (bytes: Buffer, ext: string) => {
    const p = path.join(dir, `f${seq++}.${ext}`)
    fs.writeFileSync(p, bytes)
    return p
  }
  const upload = (bytes: Buffer, key = 'education', ext = 'pdf') =>
    api.upload('uploadMaterial', file(bytes, ext), { id: appId, key })
  const refusal = (bytes: Buffer, key = 'education', ext = 'pdf') =>
    upload(bytes, key, ext).then(
      () => {
        throw new Error('expected the upload to be refused')
      },
      (e: unknown) => e as ApiError,
    )
  const uploaded = async (key: string) => (await api.materialsOf(appId)).required.find((m) => m.key === key)!.uploaded
  /** What was stored for a material, without its (fresh each time) view address. */
  const kept = async (key: string) => {
    const u = await uploaded(key)
    return u && { format: u.format, size: u.size, uploadedAt: u.uploadedAt }
  }

  /**
   * Runs `work` while health checks go one after another, and returns its result and the slowest health answer. A
   * parse on the event loop holds every one of them as long as it lasts; on a worker, none.
   */
  async function whileProbingHealth<T>(work: () => Promise<T>): Promise<{ result: T; slowestMs: number }> {
    let done = false
    const times: number[] = []
    const probing = (async () => {
      while (!done) {
        const started = performance.now()
        const res = await fetch(`${mock.url}/api/health`, { signal: AbortSignal.timeout(60000) })
        expect(res.status).toBe(200)
        times.push(performance.now() - started)
        await new Promise((r) => setTimeout(r, 20))
      }
    })()
    let result: T
    try {
      result = await work()
    } finally {
      done = true
      await probing
    }
    expect(times.length).toBeGreaterThan(0)
    return { result, slowestMs: Math.max(...times) }
  }

  test('a page-tree bomb (2^23 declared pages in 2.6 KB) is refused while health checks keep being answered', async () => {
    const bomb = pageTreeBomb(23)
    expect(bomb.length).toBeLessThan(3000)
    const before = await kept('education')
    // Each health check must come back within a second (today's parser holds the event loop for seconds per bomb).
    const { result, slowestMs } = await whileProbingHealth(() => Promise.all([1, 2, 3].map(() => refusal(bomb))))
    for (const e of result) {
      expect(e).toMatchObject({ status: 400, code: 'MATERIAL_PDF_TOO_COMPLEX' })
      expect(e.message).toMatch(/[\u4e00-\u9fff]/)
    }
    expect(slowestMs).toBeLessThan(1000)
    expect(await kept('education')).toEqual(before)
  }, 60000)

  test('a PDF that parses past the time or memory limit is refused as too complex; health checks keep being answered', async () => {
    // 4.8 MB: one array of 2.4 million numbers (seconds and hundreds of MB to parse; under the size limit).
    const heavy = plainPdf(1, '', `/Heavy [${'0 '.repeat(2_400_000)}] `)
    expect(heavy.length).toBeLessThan(MATERIAL_LIMITS.maxBytes)
    const { result: e, slowestMs } = await whileProbingHealth(() => refusal(heavy))
    expect(e).toMatchObject({ status: 400, code: 'MATERIAL_PDF_TOO_COMPLEX' })
    expect(['time', 'memory']).toContain(e.details?.reason)
    expect(slowestMs).toBeLessThan(1000)
  }, 60000)

  test('deep and cyclic object graphs are refused as too complex (or unreadable), never a 5xx', async () => {
    for (const bytes of [cyclicKidsPdf(), cyclicParentPdf(), deepNestedPdf(10_000), deepNestedPdf(500, 'dict')]) {
      const e = await refusal(bytes)
      expect(e.status).toBe(400)
      expect(['MATERIAL_PDF_TOO_COMPLEX', 'MATERIAL_FORMAT']).toContain(e.code)
    }
    expect((await refusal(cyclicKidsPdf())).code).toBe('MATERIAL_PDF_TOO_COMPLEX')
    expect((await refusal(deepNestedPdf(500))).code).toBe('MATERIAL_PDF_TOO_COMPLEX')
  })

  test.each(Object.keys(ACTIVE_CONTENT))('active content (%s) is refused with its own code', async (kind) => {
    const e = await refusal(ACTIVE_CONTENT[kind as keyof typeof ACTIVE_CONTENT]())
    expect(e).toMatchObject({ status: 400, code: 'MATERIAL_PDF_ACTIVE_CONTENT' })
    expect(e.message).toContain('学历证书')
    expect(e.message).toContain('脚本')
  })

  test('an encrypted PDF is refused with its own code', async () => {
    const e = await refusal(encryptedPdf())
    expect(e).toMatchObject({ status: 400, code: 'MATERIAL_PDF_ENCRYPTED' })
    expect(e.message).toContain('加密')
  })

  test('pages are counted from the page tree: the contract limit is accepted, one more refused', async () => {
    const max = MATERIAL_LIMITS.pdfMaxPages
    const e = await refusal(plainPdf(max + 1))
    expect(e).toMatchObject({ status: 400, code: 'MATERIAL_PDF_TOO_MANY_PAGES' })
    expect(e.message).toContain(`${max} 页`)
    await upload(plainPdf(max))
    expect((await uploaded('education'))?.format).toBe('pdf')
  })

  test('a plain PDF with a GoTo initial view is accepted and stored as sent', async () => {
    const bytes = plainPdf(1, '/OpenAction [3 0 R /Fit] ')
    await upload(bytes)
    expect(await uploaded('education')).toMatchObject({ format: 'pdf', size: bytes.length })
  })

  /** A camera-like JPG stored on its side (EXIF orientation 6), top half red and bottom half blue when upright. */
  async function sidewaysPhoto(): Promise<Buffer> {
    const width = 358
    const height = 441
    // Noisy, as a camera's picture is (the photo rules want more than 45 KB): red above, blue below.
    const pixels = Buffer.alloc(width * height * 3)
    let seed = 7
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        seed = (seed * 1103515245 + 12345) >>> 0
        const n = (seed >>> 24) % 50
        const o = (y * width + x) * 3
        const top = y < height / 2
        pixels[o] = top ? 205 + n : n
        pixels[o + 1] = n
        pixels[o + 2] = top ? n : 205 + n
      }
    const upright = await sharp(pixels, { raw: { width, height, channels: 3 } })
      .png()
      .toBuffer()
    // Stored turned a quarter anticlockwise, with orientation 6 saying "turn it clockwise to show it".
    return sharp(upright)
      .rotate(-90)
      .jpeg({ quality: 95 })
      .withMetadata({ orientation: 6, exif: { IFD0: { Make: 'HostileCam', Copyright: 'GPS 39.9N 116.4E' } } })
      .toBuffer()
  }

  test('a JPG is served re-encoded: upright, no EXIF, nothing after the image', async () => {
    const photo = await sidewaysPhoto()
    expect((await sharp(photo).metadata()).orientation).toBe(6)
    // A tail after the image that is no other format (a phone's own trailer, say): accepted, and gone once stored.
    const tail = Buffer.from('SEFH\u0000\u0000trailer-of-a-camera'.repeat(50), 'latin1')
    const sent = Buffer.concat([photo, tail])
    await upload(sent, 'id-card', 'jpg')
    const stored = (await uploaded('id-card'))!
    const served = Buffer.from(await (await fetch(`${mock.url}${stored.imageUrl}`)).arrayBuffer())
    expect(served.equals(sent)).toBe(false)
    expect(stored.size).toBe(served.length)
    const meta = await sharp(served).metadata()
    expect(meta).toMatchObject({ format: 'jpeg', width: 358, height: 441 })
    expect(meta.orientation).toBeUndefined()
    expect(meta.exif).toBeUndefined()
    expect(meta.xmp).toBeUndefined()
    expect(meta.comments).toBeUndefined()
    expect(served.includes(Buffer.from('HostileCam'))).toBe(false)
    // Nothing after the end-of-image marker.
    expect(served.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]))
    expect(served.includes(Buffer.from('trailer-of-a-camera'))).toBe(false)
    // Upright: the top rows red, the bottom rows blue.
    const { data, info } = await sharp(served).raw().toBuffer({ resolveWithObject: true })
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)]
    const [r1, , b1] = pixel(179, 50)
    const [r2, , b2] = pixel(179, 390)
    expect(r1).toBeGreaterThan(200)
    expect(b1).toBeLessThan(60)
    expect(r2).toBeLessThan(60)
    expect(b2).toBeGreaterThan(200)
  })

  test('polyglots are refused with their code: a JPG carrying HTML or a PDF, a PDF with a JPEG header or an HTML tail', async () => {
    const photo = await sidewaysPhoto()
    const html = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>')
    const before = await kept('id-card')
    for (const bytes of [Buffer.concat([photo, html]), Buffer.concat([photo, plainPdf(1)])]) {
      const e = await refusal(bytes, 'id-card', 'jpg')
      expect(e).toMatchObject({ status: 400, code: 'UPLOAD_POLYGLOT' })
      expect(e.message).toBe(ERROR_MESSAGES.UPLOAD_POLYGLOT)
    }
    expect(await kept('id-card')).toEqual(before)
    // A PDF behind a JPEG's header (readers find %PDF- within the first kilobyte); a PDF followed by a page.
    const jpegHeaded = Buffer.concat([photo.subarray(0, 20), plainPdf(1)])
    expect(await refusal(jpegHeaded, 'education', 'jpg')).toMatchObject({ status: 400, code: 'UPLOAD_POLYGLOT' })
    const e = await refusal(Buffer.concat([plainPdf(1), html]))
    expect(e).toMatchObject({ status: 400, code: 'UPLOAD_POLYGLOT' })
  })
})
