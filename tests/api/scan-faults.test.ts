import fs from 'node:fs'
import path from 'node:path'
import { extractXuexin, type OcrBox } from '../../domain/xuexin-extract'
import { OcrEngine } from '../../mock-server/features/scan/ocr/engine'
import { makeIdNumber } from '../../mock-server/scenarios'
import type { ScanEducationResponse } from '../../types/scan'
import { startMock, type RunningMock } from '../support/servers'

/**
 * The scanner when its threads fail (docs/scanner.md, "When a thread fails"): the OCR reads with a reading thread
 * (ocr/worker.mjs) and, inside it, a line helper thread (ocr/line-helper.mjs). A helper that cannot start or dies
 * leaves the reading thread to read every line itself, with the same result, and is started again for the next image;
 * a reading thread that cannot start or dies is answered 503 SCAN_UNAVAILABLE (the server's fault, not the image's),
 * and the next scan starts a new one. Real OCR and a real mock server; the faults are scripts in support/ocr-faults/ given to the engine in place of the
 * threads' own.
 */
jest.setTimeout(180_000)

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'xuexin')
const FAULTS = path.join(__dirname, 'support', 'ocr-faults')
const phone = fs.readFileSync(path.join(FIXTURES, 'phone-750-wang.jpg'))
const expected = (
  JSON.parse(fs.readFileSync(path.join(FIXTURES, 'phone-750-wang.json'), 'utf8')) as {
    fields: Record<string, string>
  }
).fields
/** What the two threads read on this image (bench-ocr --record): one thread alone must read exactly the same. */
const recorded = (
  JSON.parse(fs.readFileSync(path.join(FIXTURES, 'boxes', 'phone-750-wang.json'), 'utf8')) as {
    boxes: OcrBox[]
  }
).boxes
/** Boxes as recorded (JSON has no −0: a level box's angle is recorded 0). */
const asRecorded = (boxes: OcrBox[]) => JSON.parse(JSON.stringify(boxes)) as OcrBox[]

/** The phone screenshot with a JPEG comment the fault worker dies on (still a valid JPEG: a COM segment after SOI). */
function marked(jpeg: Buffer): Buffer {
  const text = Buffer.from('ocr-fault: die while reading')
  const segment = Buffer.alloc(4)
  segment.writeUInt16BE(0xfffe, 0)
  segment.writeUInt16BE(text.length + 2, 2)
  return Buffer.concat([jpeg.subarray(0, 2), segment, text, jpeg.subarray(2)])
}

describe('the scanner when its threads fail', () => {
  const opened: Array<{ mock: RunningMock; engine: OcrEngine }> = []

  /** A mock server whose scanner reads with `engine`, and a logged-in 王晓燕 (the phone fixture's candidate). */
  async function serverWith(engine: OcrEngine) {
    const mock = await startMock({ ocr: engine })
    opened.push({ mock, engine })
    const idNumber = makeIdNumber('440106', '19980512', '027')
    await mock.qaApi('createCandidate', { username: 'scanfault', password: 'Scan@2026pass', name: '王晓燕', idNumber })
    const { token } = await mock.qaApi('createSession', { username: 'scanfault' })
    return async (bytes: Buffer) => {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'shot.jpg')
      const res = await fetch(`${mock.url}/api/scan/education`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      })
      return { status: res.status, body: (await res.json()) as ScanEducationResponse & { error?: { code: string } } }
    }
  }

  afterAll(async () => {
    for (const { mock, engine } of opened) {
      await mock.close()
      await engine.close()
    }
  })

  it('a line helper that cannot start: the reading thread reads every line itself, every field right', async () => {
    const engine = new OcrEngine(undefined, { lineHelper: path.join(FAULTS, 'helper-fails-to-start.mjs') })
    const upload = await serverWith(engine)
    const { status, body } = await upload(phone)
    expect(status).toBe(200)
    expect(body.recognised).toEqual(expected)
    expect(body.missing).toEqual([])
    // One thread read the lines (no helper), and read them exactly as the two threads do.
    const again = await engine.recognise(phone)
    expect(again.counts?.threadCpuMs).toHaveLength(1)
    expect(asRecorded(again.boxes)).toEqual(recorded)
  })

  it('a line helper that dies holding a line mid-image: that line is read all the same, and the server reads on', async () => {
    const engine = new OcrEngine(undefined, { lineHelper: path.join(FAULTS, 'helper-dies-mid-image.mjs') })
    const upload = await serverWith(engine)
    // The first image: the helper takes a line and dies; every line must still be read (the same boxes as recorded).
    const first = await engine.recognise(phone)
    expect(asRecorded(first.boxes)).toEqual(recorded)
    expect(extractXuexin(first.boxes).fields).toEqual(expected)
    // The server goes on reading on one thread.
    const { status, body } = await upload(phone)
    expect(status).toBe(200)
    expect(body.recognised).toEqual(expected)
  })

  it('a line helper that died is started again for the next image: both threads read again', async () => {
    const engine = new OcrEngine(undefined, { lineHelper: path.join(FAULTS, 'helper-dies-once.mjs') })
    const upload = await serverWith(engine)
    const { status, body } = await upload(phone)
    expect(status).toBe(200)
    expect(body.recognised).toEqual(expected)
    // The helper died on that image; the next one is read by this thread and a new helper, exactly as recorded.
    const next = await engine.recognise(phone)
    expect(next.counts?.threadCpuMs).toHaveLength(2)
    expect(asRecorded(next.boxes)).toEqual(recorded)
  })

  it('a reading thread that dies mid-image is 503 SCAN_UNAVAILABLE, and the next scan starts a new one', async () => {
    const engine = new OcrEngine(path.join(FAULTS, 'worker-dies-on-marked-image.mjs'))
    const upload = await serverWith(engine)
    const died = await upload(marked(phone))
    expect(died.status).toBe(503)
    expect(died.body.error?.code).toBe('SCAN_UNAVAILABLE')
    expect(engine.queued).toBe(0)
    const next = await upload(phone)
    expect(next.status).toBe(200)
    expect(next.body.recognised).toEqual(expected)
  })

  it.each([
    [
      // A detection "model" that is a text file: the session cannot be created, as with a corrupt or missing model.
      'models that do not load',
      () => new OcrEngine(undefined, { detectionModel: path.join(FAULTS, 'not-a-model.onnx') }),
    ],
    ['a reading thread that cannot start', () => new OcrEngine(path.join(FAULTS, 'no-such-worker.mjs'))],
  ])(
    '%s: 503 SCAN_UNAVAILABLE on every scan (each tries again), never a hang, not the image’s fault',
    async (_, make) => {
      const engine = make()
      const upload = await serverWith(engine)
      for (let i = 0; i < 2; i++) {
        const { status, body } = await upload(phone)
        expect(status).toBe(503)
        expect(body.error?.code).toBe('SCAN_UNAVAILABLE')
      }
      expect(engine.queued).toBe(0)
      expect((await fetch(`${opened[opened.length - 1].mock.url}/api/health`)).status).toBe(200)
    },
  )
})
