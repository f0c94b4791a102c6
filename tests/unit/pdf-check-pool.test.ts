import { PdfCheckPool, type PdfCheckLimits } from '../../mock-server/core/file-check/pdf'
import { foreignInImage, foreignInPdf } from '../../mock-server/core/file-check/polyglot'
import { pageTreeBomb, pdf, plainPdf } from '../support/pdfs'

/**
 * The PDF checkers' pool (issue 20, mock-server/core/file-check/pdf.ts): each check on a worker thread under a time
 * limit (the worker is ended and replaced) and a memory limit (resourceLimits), a bounded queue, a fixed number of
 * workers. The limits here are tiny on purpose, so each is met for certain; the contract's own are in
 * types/process.ts (MATERIAL_LIMITS) and tests/api/hostile-files.test.ts uploads against them.
 */
const LIMITS: PdfCheckLimits = { workers: 1, timeMs: 10_000, memoryMb: 64, maxPages: 20, maxQueue: 8 }

/** About 2 MB of small arrays: many objects to parse, slow and memory-hungry for its size. */
function objectDense(count = 25_000): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page >>',
  ]
  for (let i = 0; i < count; i++)
    objects.push('[1 2 3 4 5 6 7 8 9 1 2 3 4 5 6 7 8 9 1 2 3 4 5 6 7 8 9 1 2 3 4 5 6 7 8 9]')
  return pdf(objects)
}

describe('PDF check pool', () => {
  const pools: PdfCheckPool[] = []
  const pool = (limits: Partial<PdfCheckLimits> = {}) => {
    const p = new PdfCheckPool({ ...LIMITS, ...limits })
    pools.push(p)
    return p
  }
  afterAll(() => Promise.all(pools.map((p) => p.close())))

  test('a plain PDF passes with its page count; the bomb is refused as no tree', async () => {
    const p = pool()
    expect(await p.check(plainPdf(3))).toEqual({ ok: true, pages: 3 })
    expect(await p.check(pageTreeBomb(23))).toEqual({
      ok: false,
      problem: 'too-complex',
      reason: 'page-tree-not-a-tree',
    })
  }, 30000)

  test('past the time limit the worker is ended, the check is too complex, and the next check gets a new worker', async () => {
    const p = pool({ timeMs: 30 })
    expect(await p.check(objectDense())).toEqual({ ok: false, problem: 'too-complex', reason: 'time' })
    expect(await pool().check(plainPdf(1))).toEqual({ ok: true, pages: 1 })
    // The same pool, its worker replaced: a plain file still passes (a generous limit would be needed on a busy
    // machine for a fresh worker's first parse, so only the verdict kind is checked).
    const after = await p.check(plainPdf(1))
    expect(after.ok || (after.problem === 'too-complex' && after.reason === 'time')).toBe(true)
  }, 30000)

  test('past the memory limit the worker dies alone: the check is too complex, the process goes on', async () => {
    // Enough heap to load pdf-lib (a worker that cannot even start answers busy), far too little for 2.4 million numbers.
    const p = pool({ memoryMb: 32, timeMs: 60_000 })
    const heavy = plainPdf(1, '', `/Heavy [${'0 '.repeat(2_400_000)}] `)
    expect(await p.check(heavy)).toEqual({ ok: false, problem: 'too-complex', reason: 'memory' })
    expect(await p.check(plainPdf(1))).toEqual({ ok: true, pages: 1 })
  }, 60000)

  test('past the queue the answer is busy at once; at most the pool size runs at a time', async () => {
    const p = pool({ maxQueue: 3 })
    const verdicts = await Promise.all(Array.from({ length: 8 }, () => p.check(plainPdf(1))))
    const busy = verdicts.filter((v) => !v.ok && v.problem === 'busy').length
    expect(busy).toBeGreaterThanOrEqual(8 - 3 - 1)
    expect(verdicts.filter((v) => v.ok).length).toBe(8 - busy)
    expect(p.peakWorkers).toBe(1)
  }, 30000)
})

describe('PDF check pool, idle', () => {
  test('an idle worker is ended after idleMs; the next check starts a new one', async () => {
    const p = new PdfCheckPool({ ...LIMITS, idleMs: 200 })
    try {
      expect(await p.check(plainPdf(1))).toEqual({ ok: true, pages: 1 })
      expect(p.workers).toBe(1)
      const until = Date.now() + 10_000
      while (p.workers > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50))
      expect(p.workers).toBe(0)
      expect(await p.check(plainPdf(2))).toEqual({ ok: true, pages: 2 })
    } finally {
      await p.close()
    }
  }, 30000)
})

describe('polyglot signatures', () => {
  test('an image carrying a PDF or HTML is named; an XMP packet is not', () => {
    expect(foreignInImage(Buffer.from('\xff\xd8\xff...%PDF-1.7', 'latin1'))).toBe('pdf')
    expect(foreignInImage(Buffer.from('\xff\xd8\xff...<SCRIPT>x', 'latin1'))).toBe('html')
    expect(foreignInImage(Buffer.from('\xff\xd8\xff<?xpacket begin?><x:xmpmeta><rdf:RDF>', 'latin1'))).toBeNull()
  })
  test('a PDF followed by anything but white space after its last %%EOF is named', () => {
    expect(foreignInPdf(plainPdf(1))).toBeNull()
    expect(foreignInPdf(Buffer.concat([plainPdf(1), Buffer.from('\r\n\0\0')]))).toBeNull()
    expect(foreignInPdf(Buffer.concat([plainPdf(1), Buffer.from('MZ')]))).toBe('tail')
    expect(foreignInPdf(Buffer.concat([plainPdf(1), Buffer.from('<iframe src=x>')]))).toBe('html')
  })
})
