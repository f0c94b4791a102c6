import net from 'node:net'
import sharp from 'sharp'
import { startMock, type RunningMock } from '../support/servers'
import { makeJpeg } from '../support/photos'
import { bearer, expectContractError, registerCandidate, send, type Candidate } from './support/candidates'

/**
 * Uploads are decoded before they are trusted, malformed multipart bodies are 4xx, and requests the router or Node's
 * parser refuses still carry the contract's error body (issue 11).
 */
describe('uploads and the wire', () => {
  let mock: RunningMock
  let candidate: Candidate
  let valid: Buffer
  let bomb: Buffer
  beforeAll(async () => {
    mock = await startMock()
    candidate = await registerCandidate(mock)
    valid = await makeJpeg({ width: 358, height: 441 })
    bomb = await sharp({ create: { width: 8000, height: 6400, channels: 3, background: '#fff' } })
      .jpeg({ quality: 20 })
      .toBuffer()
  }, 60000)
  afterAll(() => mock.close())

  async function upload(path: string, bytes: Buffer, field = path.includes('scan') ? 'file' : 'photo') {
    const form = new FormData()
    form.append(field, new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'photo.jpg')
    const res = await fetch(`${mock.url}${path}`, { method: 'POST', headers: bearer(candidate.token), body: form })
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> }
  }

  /** A real JPEG whose frame header is rewritten to declare another size. */
  function declaring(jpeg: Buffer, width: number, height: number): Buffer {
    const copy = Buffer.from(jpeg)
    const sof = copy.indexOf(Buffer.from([0xff, 0xc0]))
    copy.writeUInt16BE(height, sof + 5)
    copy.writeUInt16BE(width, sof + 7)
    return copy
  }

  const pad = (b: Buffer, to: number) => Buffer.concat([b, Buffer.alloc(Math.max(0, to - b.length))])

  const refusedPhotos: Array<[string, () => Promise<Buffer>]> = [
    ['a truncated JPEG', async () => valid.subarray(0, Math.floor(valid.length * 0.6))],
    ['a truncated JPEG padded with zeros past 45 KB', async () => pad(valid.subarray(0, 20000), 80000)],
    ['a JPEG header followed by zeros', async () => pad(valid.subarray(0, 600), 80000)],
    ['a header declaring 30000×30000', async () => declaring(valid, 30000, 30000)],
    // 51 megapixels of one colour in 300 KB: over the pixel limit, refused before decoding.
    ['a decompression bomb', async () => bomb],
  ]

  test.each(refusedPhotos)('the photo upload refuses %s with a 4xx and stores nothing', async (_name, make) => {
    const res = await upload('/api/profile/photo', await make())
    expectContractError(res)
    expect(res.status).toBeLessThan(500)
    const info = await send(mock, 'GET', '/api/profile/photo', undefined, bearer(candidate.token))
    expect((info.body as { state: string }).state).toBe('none')
  })

  test('a photo stored 413×295 with EXIF orientation 6 is upright 295×413 and accepted', async () => {
    const stored = await makeJpeg({ width: 413, height: 295 })
    const rotated = pad(await sharp(stored).withMetadata({ orientation: 6 }).jpeg({ quality: 95 }).toBuffer(), 60000)
    const res = await upload('/api/profile/photo', rotated)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ width: 295, height: 413, state: 'pending' })
  })

  test('photo-view sends nosniff, an image type and a private cache header', async () => {
    const info = await send(mock, 'GET', '/api/profile/photo', undefined, bearer(candidate.token))
    const res = await fetch(`${mock.url}${(info.body as { imageUrl: string }).imageUrl}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('content-type')).toBe('image/jpeg')
    expect(res.headers.get('cache-control')).toMatch(/private/)
  })

  test('the scanner upload refuses a bomb and a truncated screenshot before the OCR', async () => {
    expectContractError(await upload('/api/scan/education', declaring(valid, 30000, 30000)), 422)
    expectContractError(await upload('/api/scan/education', valid.subarray(0, 3000)), 422)
  })

  const multipart = (path: string, body: string, type = 'multipart/form-data; boundary=xx') =>
    send(mock, 'POST', path, body, { 'content-type': type, ...bearer(candidate.token) })

  test.each(['/api/profile/photo', '/api/scan/education'])('malformed multipart to %s is 4xx, never 500', async (p) => {
    const field = p.includes('scan') ? 'file' : 'photo'
    const bodies: Array<[string, string?]> = [
      ['--xx\r\nbroken'],
      ['--xx\r\n', 'multipart/form-data'],
      [`--xx\r\nContent-Disposition: form-data; name="${field}"; filename="a.jpg"\r\n\r\nabc`],
      ['--xx\r\nContent-Disposition: form-data; name="x"\r\n\r\nabc\r\n--xx--\r\n'],
      [`--xx\r\nContent-Disposition: form-data; name="${field}"; filename="a.jpg"\r\n\r\n\u0000\u0000\r\n--xx`],
      [''],
    ]
    for (const [body, type] of bodies) expectContractError(await multipart(p, body, type))
    expect((await send(mock, 'GET', '/api/health')).status).toBe(200)
  })

  test('a path parameter over 100 characters, a lone surrogate and bad percent-encoding carry the contract body', async () => {
    const auth = bearer(candidate.token)
    expectContractError(
      await send(mock, 'DELETE', `/api/profile/records/education/${'a'.repeat(150)}`, undefined, auth),
    )
    expectContractError(await send(mock, 'DELETE', '/api/profile/records/education/%ED%A0%80', undefined, auth))
    expectContractError(await send(mock, 'DELETE', '/api/profile/records/education/%E0%A4%A', undefined, auth))
    const long = await send(mock, 'DELETE', `/api/profile/records/education/${'a'.repeat(150)}`, undefined, auth)
    expect(JSON.stringify(long.body)).not.toContain('aaaaaaaaaa')
  })

  test('a query string over 16 KB is answered by the parser with the contract body', async () => {
    const { port } = new URL(mock.url)
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1', () =>
        socket.write(`GET /api/schools?keyword=${'a'.repeat(17000)} HTTP/1.1\r\nHost: x\r\n\r\n`),
      )
      let text = ''
      socket.on('data', (d) => (text += d))
      socket.on('end', () => resolve(text))
      socket.on('error', reject)
    })
    const [head, body] = answer.split('\r\n\r\n')
    expect(head).toMatch(/^HTTP\/1\.1 431/)
    expectContractError({ status: 431 - 31, body: JSON.parse(body) })
    expect((await send(mock, 'GET', '/api/health')).status).toBe(200)
  })
})
