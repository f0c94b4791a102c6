import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/**
 * The scanner's cheap test of an image (issue 23): is it a phone photo of a screen (then the page is found, cut out
 * straight and evened out) or a screenshot (then none of that runs)? The OCR modules are plain ESM run by Node outside
 * jest's transpiler, so the test runs them in a child Node: every fixture decoded as the pipeline decodes it, and
 * hand-made images for the cases the fixtures do not have. Speed is not tested here (npm run bench).
 */
const ROOT = path.join(__dirname, '..', '..')
const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'xuexin')

const SCRIPT = `
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { findPage, looksLikePhoto } from './mock-server/features/scan/ocr/page.mjs'

const dir = process.argv[1]
const fixtures = {}
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.jpg'))) {
  const input = sharp(path.join(dir, file)).rotate().flatten({ background: '#ffffff' })
  // As the pipeline decodes a screenshot: at most 1.1 MP.
  const meta = await input.metadata()
  const scale = Math.min(1, Math.sqrt(1_100_000 / (meta.width * meta.height)))
  const { data, info } = await input.clone().resize({ width: Math.round(meta.width * scale) }).removeAlpha().raw()
    .toBuffer({ resolveWithObject: true })
  // The full test the photo path then runs, on the 480-px grey copy: the quick one must agree with it.
  const probe = await input.clone().resize({ width: 480 }).greyscale().raw().toBuffer({ resolveWithObject: true })
  fixtures[file.slice(0, -4)] = {
    quick: looksLikePhoto(data, info.width, info.height),
    full: findPage(probe.data, probe.info.width, probe.info.height) !== null,
  }
}

// Hand-made RGB images, 600 x 450.
const W = 600
const H = 450
const image = (paint) => {
  const rgb = new Uint8Array(W * H * 3)
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const v = paint(x, y)
      rgb.set([v, v, v], (y * W + x) * 3)
    }
  return looksLikePhoto(rgb, W, H)
}
// Text: dark bars on some rows.
const text = (x, y) => y % 24 < 8 && x % 60 < 48
const inQuad = (x, y, [tl, tr, br, bl]) => {
  const side = (a, b) => (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0])
  return side(tl, tr) >= 0 && side(tr, br) >= 0 && side(br, bl) >= 0 && side(bl, tl) >= 0
}
const tilted = [[90, 60], [520, 40], [560, 400], [60, 420]]
const synthetic = {
  // A lit page seen at an angle on a dark desk: a photo of a screen.
  pageOnDesk: image((x, y) => (inQuad(x, y, tilted) ? (text(x, y) ? 60 : 235) : 35)),
  // The same page running off the photo's top edge: not framed, read as it is.
  pageOffEdge: image((x, y) => (inQuad(x, y, [[90, -40], [520, -40], [560, 400], [60, 420]]) ? 235 : 35)),
  // A light screenshot with a dark header bar across the top.
  screenshot: image((x, y) => (y < 60 ? 40 : text(x, y) ? 50 : 245)),
  // A dark-mode screenshot: light text on a dark page that fills the image.
  darkMode: image((x, y) => (text(x, y) ? 220 : 25)),
  // One colour all over.
  blank: image(() => 255),
  // A bright L shape, not a quadrilateral (it fills too little of its corners' quadrilateral).
  notQuadrilateral: image((x, y) => ((x > 100 && x < 180 && y > 60 && y < 400) || (x > 100 && x < 520 && y > 320 && y < 400) ? 240 : 20)),
  // A lit page too small to be the photo's subject (under 12% of it).
  tooSmall: image((x, y) => (x > 250 && x < 390 && y > 150 && y < 290 ? 240 : 20)),
}
console.log(JSON.stringify({ fixtures, synthetic }))
`

interface Decisions {
  fixtures: Record<string, { quick: boolean; full: boolean }>
  synthetic: Record<string, boolean>
}

let decisions: Decisions

beforeAll(() => {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', SCRIPT, FIXTURES], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  decisions = JSON.parse(out) as Decisions
}, 60_000)

describe('the scanner’s photo test (looksLikePhoto)', () => {
  const sets = Object.fromEntries(
    fs
      .readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.json'))
      .map((f) => [
        f.slice(0, -5),
        (JSON.parse(fs.readFileSync(path.join(FIXTURES, f), 'utf8')) as { set?: string }).set,
      ]),
  )

  it('says yes to every photographed fixture and no to every screenshot', () => {
    expect(Object.keys(decisions.fixtures).sort()).toEqual(Object.keys(sets).sort())
    for (const [id, { quick }] of Object.entries(decisions.fixtures)) {
      expect({ id, photo: quick }).toEqual({ id, photo: sets[id] === 'photo' })
    }
    expect(Object.values(sets).filter((s) => s === 'photo').length).toBeGreaterThanOrEqual(8)
  })

  it('agrees with the full page finder on every fixture (a screenshot never reaches it)', () => {
    for (const [id, { quick, full }] of Object.entries(decisions.fixtures))
      expect({ id, quick }).toEqual({ id, quick: full })
  })

  it('finds a lit page framed by a dark desk, and nothing in a screenshot, a dark-mode page, a blank, an L or a small page', () => {
    expect(decisions.synthetic).toEqual({
      pageOnDesk: true,
      pageOffEdge: false,
      screenshot: false,
      darkMode: false,
      blank: false,
      notQuadrilateral: false,
      tooSmall: false,
    })
  })
})
