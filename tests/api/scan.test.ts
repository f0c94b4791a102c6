import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { OcrEngine, sharedOcrEngine } from '../../mock-server/features/scan/ocr/engine'
import { makeIdNumber } from '../../mock-server/scenarios'
import type { ScanEducationResponse, ScanField } from '../../types/scan'
import { startMock, type RunningMock } from '../support/servers'

/**
 * The scanner end to end over HTTP (issue 6): real offline OCR on a few rendered fixtures, exact fields. The models
 * load once for the whole file (about a second), then each image takes one to a few seconds on 2 cores.
 */
jest.setTimeout(180_000)

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'xuexin')
const fixture = (id: string) => fs.readFileSync(path.join(FIXTURES, `${id}.jpg`))
const expected = (id: string) =>
  (JSON.parse(fs.readFileSync(path.join(FIXTURES, `${id}.json`), 'utf8')) as { fields: Record<string, string> }).fields

describe('POST /api/scan/education', () => {
  let mock: RunningMock
  const engine = new OcrEngine()
  let token = ''

  beforeAll(async () => {
    mock = await startMock({ ocr: engine })
    // The candidate of the phone fixture: 王晓燕, born 1998-05-12.
    const idNumber = makeIdNumber('440106', '19980512', '027')
    await mock.qaApi('createCandidate', { username: 'scanwang', password: 'Scan@2026pass', name: '王晓燕', idNumber })
    token = (await mock.qaApi('createSession', { username: 'scanwang' })).token
  })
  afterAll(async () => {
    await mock.close()
    await engine.close()
  })

  async function upload(bytes: Buffer, opts: { auth?: boolean; type?: string; name?: string } = {}) {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(bytes)], { type: opts.type ?? 'image/jpeg' }), opts.name ?? 'shot.jpg')
    const res = await fetch(`${mock.url}/api/scan/education`, {
      method: 'POST',
      headers: opts.auth === false ? {} : { authorization: `Bearer ${token}` },
      body: form,
    })
    return { status: res.status, body: (await res.json()) as ScanEducationResponse & { error?: { code: string } } }
  }

  it('reads every field of a phone 学历查询结果 screenshot and finds no mismatch', async () => {
    const { status, body } = await upload(fixture('phone-750-wang'))
    expect(status).toBe(200)
    expect(body).toEqual({
      kind: 'education',
      recognised: expected('phone-750-wang'),
      missing: [],
      notXuexin: false,
      unsure: [],
      mismatch: { name: false, birthDate: false },
    })
  })

  it('reads long school and major names that wrap onto a second line whole', async () => {
    for (const id of ['wrap-phone-320-ma', 'wrap-degree-320-lin']) {
      const { status, body } = await upload(fixture(id))
      expect(status).toBe(200)
      expect(body.recognised).toEqual(expected(id))
      expect(body.recognised.school?.length).toBeGreaterThan(13)
    }
  })

  it('reads a phone photo of the page on a computer screen: never a wrong name or certificate number', async () => {
    const id = 'photo-table-li-front'
    const { status, body } = await upload(fixture(id))
    expect(status).toBe(200)
    expect(body.notXuexin).toBe(false)
    const want = expected(id)
    // A field is right or left empty for the candidate (then listed in missing), never another name or number.
    for (const field of ['name', 'certificateNumber'] as const) {
      if (body.recognised[field] !== undefined) expect(body.recognised[field]).toBe(want[field])
      else expect(body.missing).toContain(field)
    }
    const right = Object.entries(want).filter(([f, v]) => (body.recognised as Record<string, string>)[f] === v)
    expect(right.length).toBeGreaterThanOrEqual(Object.keys(want).length - 1)
  })

  it('reads the pale 13-px labels of a photographed two-column card (the OCR lexicon): every field, none wrong', async () => {
    const id = 'photo-twocol-chen-far'
    const { status, body } = await upload(fixture(id))
    expect(status).toBe(200)
    expect(body.notXuexin).toBe(false)
    const want = expected(id)
    for (const [field, value] of Object.entries(body.recognised))
      expect([field, value]).toEqual([field, want[field as ScanField]])
    expect(Object.keys(body.recognised).length).toBeGreaterThanOrEqual(Object.keys(want).length - 1)
  })

  it('loads the models once per process: every server shares the engine, only the first image loads them', async () => {
    expect(sharedOcrEngine()).toBe(sharedOcrEngine())
    const again = await engine.recognise(fixture('phone-750-wang'))
    expect(again.loadMs).toBe(0)
  })

  it('reads a rotated two-column screenshot and flags a name and birth date that are not the candidate’s', async () => {
    const { status, body } = await upload(fixture('twocol-750-ouyang-rot'))
    expect(status).toBe(200)
    expect(body.recognised).toEqual(expected('twocol-750-ouyang-rot'))
    expect(body.mismatch).toEqual({ name: true, birthDate: true })
  })

  it('recognises a degree page', async () => {
    const { body } = await upload(fixture('degree-750-sun'))
    expect(body.kind).toBe('degree')
    expect(body.recognised).toEqual(expected('degree-750-sun'))
    // A degree page has no 学习形式/培养方式: it is neither read nor reported missing.
    expect(body.missing).toEqual([])
    expect(body.recognised.studyMode).toBeUndefined()
  })

  it('says a screenshot of something else is not a 学信网 result', async () => {
    const { status, body } = await upload(fixture('other-750'))
    expect(status).toBe(200)
    expect(body.notXuexin).toBe(true)
    expect(body.recognised).toEqual({})
  })

  it('refuses without a session', async () => {
    const { status, body } = await upload(fixture('phone-750-wang'), { auth: false })
    expect(status).toBe(401)
    expect(body.error?.code).toBe('UNAUTHORIZED')
  })

  it('checks the content, not the name or declared type: text named .jpg is 415', async () => {
    const { status, body } = await upload(Buffer.from('这不是图片'.repeat(100)), { type: 'image/jpeg', name: 'a.jpg' })
    expect(status).toBe(415)
    expect(body.error?.code).toBe('UNSUPPORTED_MEDIA_TYPE')
  })

  it('answers 413 for an upload over 8 MB', async () => {
    const big = Buffer.alloc(9 * 1024 * 1024, 0)
    big.set([0xff, 0xd8, 0xff, 0xe0])
    const { status, body } = await upload(big)
    expect(status).toBe(413)
    expect(body.error?.code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('reads a camera photo larger than 12 megapixels from at most 12 of them (6000×4500, memory bounded)', async () => {
    // The generator's 4000×3000 camera photo enlarged to 27 megapixels: under the 30-megapixel limit, so it is read;
    // the page is cut out of a copy shrunk to 12 megapixels as it is decoded, and recognised at 2.5 megapixels.
    const id = 'photo-table-li-12mp'
    const big = await sharp(fixture(id)).resize({ width: 6000 }).jpeg({ quality: 80 }).toBuffer()
    const read = jest.spyOn(engine, 'recognise')
    try {
      const { status, body } = await upload(big)
      expect(status).toBe(200)
      const want = expected(id)
      for (const [field, value] of Object.entries(body.recognised))
        expect([field, value]).toEqual([field, want[field as ScanField]])
      expect(Object.keys(body.recognised).length).toBeGreaterThanOrEqual(Object.keys(want).length - 1)
      const result = await read.mock.results[0].value
      expect(result.photo).toBe(true)
      expect(result.photoSource.width * result.photoSource.height).toBeLessThanOrEqual(12_000_000)
      expect(result.width * result.height).toBeLessThanOrEqual(2_600_000)
    } finally {
      read.mockRestore()
    }
  })

  it('refuses a decompression bomb (51 megapixels in a few hundred KB) with 422 before the OCR sees it', async () => {
    const bomb = await sharp({ create: { width: 8000, height: 6400, channels: 3, background: '#fff' } })
      .jpeg({ quality: 20 })
      .toBuffer()
    expect(bomb.length).toBeLessThan(1024 * 1024)
    const read = jest.spyOn(engine, 'recognise')
    try {
      const { status, body } = await upload(bomb)
      expect(status).toBe(422)
      expect(body.error?.code).toBe('SCAN_UNREADABLE')
      expect(read).not.toHaveBeenCalled()
    } finally {
      read.mockRestore()
    }
  })

  it('answers 422 for an image that does not decode', async () => {
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)])
    const { status, body } = await upload(broken)
    expect(status).toBe(422)
    expect(body.error?.code).toBe('SCAN_UNREADABLE')
  })
})
