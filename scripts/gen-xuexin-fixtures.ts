/**
 * Renders the 学信网-style screenshot fixtures of the scanner: our own HTML imitations (tests/fixtures/xuexin/templates)
 * filled with fictional people, shot with headless Chromium at phone and desktop sizes, plus degraded copies (JPEG
 * artefacts, blur, a slight rotation, downscaling) made with sharp, pages whose long school and major names wrap at
 * several phone widths, and phone photos of pages shown on a computer screen (simulated: see photographScreen). Each
 * image gets `<id>.json` beside it with the fields a perfect reader would return.
 *
 *   npx tsx scripts/gen-xuexin-fixtures.ts                 # every fixture
 *   npx tsx scripts/gen-xuexin-fixtures.ts wrap- photo-    # only the fixtures whose id starts so (sources rendered)
 */
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { makeIdNumber } from '../mock-server/scenarios'
import { launchChromium } from '../devkit/chromium'
import type { ScanField, ScanKind } from '../types/scan'

const DIR = path.join(__dirname, '..', 'tests', 'fixtures', 'xuexin')
const TEMPLATES = path.join(DIR, 'templates')

type Template = 'record-table' | 'phone-result' | 'two-column' | 'degree' | 'not-xuexin'
type DateStyle = 'cn' | 'dash' | 'dot'

/** A fictional graduate; dates are ISO (YYYY-MM-DD). */
interface Person {
  name: string
  gender: '男' | '女'
  birthDate: string
  region: string
  admissionDate: string
  graduationDate: string
  school: string
  major: string
  level: string
  studyMode: string
  certificateNumber: string
  verifyCode: string
  years: string
  president: string
}

/** Which part of the bench a fixture counts in. */
export type FixtureSet = 'clean' | 'degraded' | 'wrapped' | 'photo'

interface CleanSpec {
  id: string
  /** 'wrapped' for pages whose long values wrap; clean otherwise. */
  set?: 'clean' | 'wrapped'
  template: Template
  person: Person
  dates: DateStyle
  /** CSS pixels and device scale: the image is width*scale by height*scale. */
  viewport: { width: number; height: number; scale: number }
}

interface DegradedSpec {
  id: string
  from: string
  jpegQuality: number
  blur?: number
  rotate?: number
  width?: number
}

/**
 * A phone photo of the page on a computer screen: the screen (with its pixel grid, which gives moiré) seen at an
 * angle from a distance, in its bezel on a desk, with glare, blur, sensor noise and JPEG.
 */
interface PhotoSpec {
  id: string
  from: string
  /** Turns of the screen in degrees: yaw (left/right), pitch (up/down), roll (in the picture's plane). */
  yaw: number
  pitch: number
  roll: number
  /** Share of the photo's width the screen takes (distance). */
  fill: number
  /** The photo's size (landscape or portrait). */
  size: { width: number; height: number }
  /** A bright spot: centre as a share of the screen's width/height, radius as a share of its width, strength 0..1. */
  glare: { x: number; y: number; r: number; strength: number }
  blur: number
  jpegQuality: number
  seed: number
}

/** The expected-fields file beside each image. */
export interface FixtureExpectation {
  template: Template
  kind: ScanKind | 'none'
  /** Anything but a clean screenshot (degraded copies and photos): kept for the unit tests' split. */
  degraded: boolean
  /** The bench's groups: clean screenshots, degraded copies, wrapped values, photos of a screen. */
  set?: FixtureSet
  width: number
  height: number
  /** What the reader must return, normalised (dates YYYY-MM-DD). */
  fields: Partial<Record<ScanField, string>>
  /** The registration the mismatch check compares with. */
  candidate: { name: string; birthDate: string }
}

const PEOPLE: Record<string, Person> = {
  li: {
    name: '李明华',
    gender: '男',
    birthDate: '1996-03-14',
    region: '110105',
    admissionDate: '2014-09-01',
    graduationDate: '2019-07-01',
    school: '首都医科大学',
    major: '临床医学',
    level: '本科',
    studyMode: '普通全日制',
    certificateNumber: '100251201905002317',
    verifyCode: 'A7K2M9Q4X1B8C3D5',
    years: '5 年',
    president: '饶子和',
  },
  wang: {
    name: '王晓燕',
    gender: '女',
    birthDate: '1998-05-12',
    region: '440106',
    admissionDate: '2016-09-01',
    graduationDate: '2020-06-30',
    school: '南方医科大学',
    major: '护理学',
    level: '本科',
    studyMode: '普通全日制',
    certificateNumber: '121211202005000846',
    verifyCode: 'KD83HQ29LM57XP04',
    years: '4 年',
    president: '黎孟枫',
  },
  ouyang: {
    name: '欧阳婧怡',
    gender: '女',
    birthDate: '2000-11-02',
    region: '330106',
    admissionDate: '2018-09-10',
    graduationDate: '2021-06-25',
    school: '浙江中医药大学',
    major: '中医学',
    level: '专科',
    studyMode: '函授',
    certificateNumber: '103445202106004129',
    verifyCode: 'P2Z8W6N4R0T3Y5U7',
    years: '3 年',
    president: '陈忠',
  },
  zhao: {
    name: '赵建国',
    gender: '男',
    birthDate: '1988-07-21',
    region: '370102',
    admissionDate: '2011-09-01',
    graduationDate: '2014-07-01',
    school: '山东第一医科大学',
    major: '医学影像学',
    level: '硕士研究生',
    studyMode: '非全日制',
    certificateNumber: '104392201402000571',
    verifyCode: 'G5H1J7K3L9M2N8B4',
    years: '3 年',
    president: '傅志俭',
  },
  chen: {
    name: '陈思远',
    gender: '男',
    birthDate: '1997-12-30',
    region: '510107',
    admissionDate: '2015-09-05',
    graduationDate: '2020-07-10',
    school: '四川大学',
    major: '口腔医学',
    level: '本科',
    studyMode: '普通全日制',
    certificateNumber: '106101202005006633',
    verifyCode: 'E6F2G8H4J0K9L1M3',
    years: '5 年',
    president: '李言荣',
  },
  zhou: {
    name: '周佳慧',
    gender: '女',
    birthDate: '1999-02-08',
    region: '410105',
    admissionDate: '2017-09-01',
    graduationDate: '2021-06-20',
    school: '郑州大学',
    major: '医学检验技术',
    level: '本科',
    studyMode: '普通全日制',
    certificateNumber: '104591202105003318',
    verifyCode: 'Q1W2E3R4T5Y6U7I8',
    years: '4 年',
    president: '宋毛平',
  },
  // Degree records: `level` is the degree awarded, `certificateNumber` a 16-digit 学位证书编号.
  sun: {
    name: '孙立新',
    gender: '男',
    birthDate: '1995-09-17',
    region: '210102',
    admissionDate: '2013-09-01',
    graduationDate: '2018-07-05',
    school: '中国医科大学',
    major: '预防医学',
    level: '医学学士学位',
    studyMode: '普通全日制',
    certificateNumber: '1015942018003071',
    verifyCode: 'Z9X8C7V6B5N4M3L2',
    years: '5 年',
    president: '闻德亮',
  },
  he: {
    name: '何雨桐',
    gender: '女',
    birthDate: '1993-04-26',
    region: '310104',
    admissionDate: '2015-09-01',
    graduationDate: '2018-06-28',
    school: '复旦大学',
    major: '药学',
    level: '理学硕士学位',
    studyMode: '普通全日制',
    certificateNumber: '1024642018117520',
    verifyCode: 'H3J5K7L9P1Q2W4E6',
    years: '3 年',
    president: '金力',
  },
}

// Long names that wrap on a phone (fictional combinations). Brackets are full-width on the page; the reader gives
// them NFKC-normalised, as the expected fields say.
PEOPLE.bai = {
  ...PEOPLE.wang,
  name: '白雪莹',
  birthDate: '1999-10-03',
  region: '150602',
  admissionDate: '2017-09-01',
  graduationDate: '2022-06-30',
  school: '内蒙古医科大学鄂尔多斯临床医学院',
  major: '中西医临床医学（中西医结合方向）',
  certificateNumber: '101325202205000418',
}
PEOPLE.ma = {
  ...PEOPLE.zhao,
  name: '马俊杰',
  gender: '男',
  birthDate: '2001-04-19',
  region: '653101',
  admissionDate: '2019-09-01',
  graduationDate: '2022-07-01',
  school: '新疆维吾尔自治区喀什地区卫生职业技术学院',
  major: '康复治疗技术（言语听觉康复方向）',
  level: '专科',
  studyMode: '普通全日制',
  certificateNumber: '139715202206001207',
}
PEOPLE.lin = {
  ...PEOPLE.sun,
  name: '林书瑶',
  gender: '女',
  birthDate: '1994-01-22',
  region: '110108',
  graduationDate: '2020-07-01',
  school: '北京协和医学院清华大学医学部',
  major: '中西医结合临床医学',
  level: '医学硕士专业学位',
  certificateNumber: '1002342020100617',
}

const PHONE = { width: 375, height: 667, scale: 2 } // 750 x 1334
const PHONE_SE = { width: 320, height: 640, scale: 2 } // 640 x 1280
const ANDROID = { width: 360, height: 780, scale: 3 } // 1080 x 2340
const PHONE_X = { width: 375, height: 812, scale: 3 } // 1125 x 2436
const DESKTOP = { width: 1280, height: 800, scale: 1 }
// The PC table on a phone browser: laid out 980 px wide (the mobile default) and zoomed out to 750 x 1335.
const PHONE_TABLE = { width: 980, height: 1745, scale: 750 / 980 }

const CLEAN: CleanSpec[] = [
  { id: 'table-desktop-li', template: 'record-table', person: PEOPLE.li, dates: 'cn', viewport: DESKTOP },
  { id: 'table-phone-zhou', template: 'record-table', person: PEOPLE.zhou, dates: 'cn', viewport: PHONE_TABLE },
  { id: 'phone-750-wang', template: 'phone-result', person: PEOPLE.wang, dates: 'dash', viewport: PHONE },
  { id: 'phone-1125-zhao', template: 'phone-result', person: PEOPLE.zhao, dates: 'cn', viewport: PHONE_X },
  { id: 'twocol-750-ouyang', template: 'two-column', person: PEOPLE.ouyang, dates: 'dot', viewport: PHONE },
  { id: 'twocol-desktop-chen', template: 'two-column', person: PEOPLE.chen, dates: 'dash', viewport: DESKTOP },
  { id: 'degree-750-sun', template: 'degree', person: PEOPLE.sun, dates: 'cn', viewport: PHONE },
  { id: 'degree-desktop-he', template: 'degree', person: PEOPLE.he, dates: 'dot', viewport: DESKTOP },
  { id: 'other-750', template: 'not-xuexin', person: PEOPLE.wang, dates: 'cn', viewport: PHONE },
  // Values that wrap: one, two or three lines at 320, 360 and 375 CSS pixels wide.
  {
    id: 'wrap-phone-375-bai',
    set: 'wrapped',
    template: 'phone-result',
    person: PEOPLE.bai,
    dates: 'dash',
    viewport: PHONE,
  },
  {
    id: 'wrap-phone-320-ma',
    set: 'wrapped',
    template: 'phone-result',
    person: PEOPLE.ma,
    dates: 'cn',
    viewport: PHONE_SE,
  },
  {
    id: 'wrap-phone-360-ma',
    set: 'wrapped',
    template: 'phone-result',
    person: PEOPLE.ma,
    dates: 'dot',
    viewport: ANDROID,
  },
  {
    id: 'wrap-twocol-320-bai',
    set: 'wrapped',
    template: 'two-column',
    person: PEOPLE.bai,
    dates: 'dot',
    viewport: PHONE_SE,
  },
  {
    id: 'wrap-twocol-375-ma',
    set: 'wrapped',
    template: 'two-column',
    person: PEOPLE.ma,
    dates: 'dash',
    viewport: PHONE,
  },
  {
    id: 'wrap-degree-320-lin',
    set: 'wrapped',
    template: 'degree',
    person: PEOPLE.lin,
    dates: 'cn',
    viewport: PHONE_SE,
  },
  { id: 'wrap-degree-375-lin', set: 'wrapped', template: 'degree', person: PEOPLE.lin, dates: 'dot', viewport: PHONE },
]

// Photos of the desktop pages on a laptop screen: several angles and distances, landscape and portrait.
const PHOTOS: PhotoSpec[] = [
  {
    id: 'photo-table-li-front',
    from: 'table-desktop-li',
    yaw: 4,
    pitch: -6,
    roll: 1.5,
    fill: 0.86,
    size: { width: 1800, height: 1350 },
    glare: { x: 0.7, y: 0.3, r: 0.18, strength: 0.35 },
    blur: 0.6,
    jpegQuality: 82,
    seed: 1,
  },
  {
    id: 'photo-table-li-angle',
    from: 'table-desktop-li',
    yaw: -18,
    pitch: 10,
    roll: -4,
    fill: 0.8,
    size: { width: 1800, height: 1350 },
    glare: { x: 0.3, y: 0.6, r: 0.2, strength: 0.3 },
    blur: 0.9,
    jpegQuality: 78,
    seed: 2,
  },
  {
    id: 'photo-twocol-chen-far',
    from: 'twocol-desktop-chen',
    yaw: 10,
    pitch: 8,
    roll: 3,
    fill: 0.72,
    size: { width: 1800, height: 1350 },
    glare: { x: 0.55, y: 0.45, r: 0.25, strength: 0.3 },
    blur: 0.7,
    jpegQuality: 80,
    seed: 3,
  },
  {
    id: 'photo-twocol-chen-portrait',
    from: 'twocol-desktop-chen',
    yaw: -8,
    pitch: -14,
    roll: -7,
    fill: 0.92,
    size: { width: 1350, height: 1800 },
    glare: { x: 0.4, y: 0.25, r: 0.2, strength: 0.35 },
    blur: 0.6,
    jpegQuality: 82,
    seed: 4,
  },
  {
    id: 'photo-degree-he-front',
    from: 'degree-desktop-he',
    yaw: 6,
    pitch: 5,
    roll: -2,
    fill: 0.84,
    size: { width: 1800, height: 1350 },
    glare: { x: 0.25, y: 0.35, r: 0.2, strength: 0.4 },
    blur: 0.8,
    jpegQuality: 80,
    seed: 5,
  },
  {
    id: 'photo-degree-he-angle',
    from: 'degree-desktop-he',
    yaw: 20,
    pitch: -8,
    roll: 5,
    fill: 0.78,
    size: { width: 1800, height: 1350 },
    glare: { x: 0.65, y: 0.55, r: 0.18, strength: 0.3 },
    blur: 1.0,
    jpegQuality: 76,
    seed: 6,
  },
  {
    id: 'photo-table-zhou-portrait',
    from: 'table-desktop-zhou',
    yaw: 12,
    pitch: 12,
    roll: 6,
    fill: 0.9,
    size: { width: 1350, height: 1800 },
    glare: { x: 0.5, y: 0.7, r: 0.22, strength: 0.3 },
    blur: 0.7,
    jpegQuality: 80,
    seed: 7,
  },
  {
    id: 'photo-twocol-ma-far',
    from: 'twocol-desktop-ma',
    yaw: -12,
    pitch: -4,
    roll: 2,
    fill: 0.7,
    size: { width: 1800, height: 1350 },
    glare: { x: 0.75, y: 0.25, r: 0.2, strength: 0.35 },
    blur: 0.8,
    jpegQuality: 80,
    seed: 8,
  },
  // A 12-megapixel camera's own size (4000×3000, as phones save it): the server must bound the work and the memory
  // (docs/scanner.md, "A 12-megapixel photo"). At this size each screen pixel covers about 2.7 photo pixels, so the
  // sub-pixel stripes are seen one by one instead of beating into moiré.
  {
    id: 'photo-table-li-12mp',
    from: 'table-desktop-li',
    yaw: 5,
    pitch: -7,
    roll: 2,
    fill: 0.84,
    size: { width: 4000, height: 3000 },
    glare: { x: 0.65, y: 0.35, r: 0.18, strength: 0.3 },
    blur: 1.2,
    jpegQuality: 85,
    seed: 9,
  },
]

/** Desktop pages photographed only (not fixtures themselves): rendered as sources for PHOTOS. */
const PHOTO_SOURCES: CleanSpec[] = [
  { id: 'table-desktop-zhou', template: 'record-table', person: PEOPLE.zhou, dates: 'dot', viewport: DESKTOP },
  { id: 'twocol-desktop-ma', template: 'two-column', person: PEOPLE.ma, dates: 'cn', viewport: DESKTOP },
]

const DEGRADED: DegradedSpec[] = [
  { id: 'table-desktop-li-q35', from: 'table-desktop-li', jpegQuality: 35 },
  { id: 'table-phone-zhou-small', from: 'table-phone-zhou', jpegQuality: 60, width: 560 },
  { id: 'phone-750-wang-blur', from: 'phone-750-wang', jpegQuality: 55, blur: 0.9 },
  { id: 'phone-1125-zhao-q40', from: 'phone-1125-zhao', jpegQuality: 40 },
  { id: 'twocol-750-ouyang-rot', from: 'twocol-750-ouyang', jpegQuality: 60, rotate: 2.5 },
  { id: 'twocol-desktop-chen-rot', from: 'twocol-desktop-chen', jpegQuality: 50, rotate: -2 },
  { id: 'degree-750-sun-rot-q45', from: 'degree-750-sun', jpegQuality: 45, rotate: -3 },
  { id: 'degree-desktop-he-blur', from: 'degree-desktop-he', jpegQuality: 50, blur: 0.7 },
]

function formatDate(iso: string, style: DateStyle): string {
  const [y, m, d] = iso.split('-')
  if (style === 'cn') return `${y}年${m}月${d}日`
  return style === 'dot' ? `${y}.${m}.${d}` : iso
}

function kindOf(template: Template): ScanKind | 'none' {
  if (template === 'not-xuexin') return 'none'
  return template === 'degree' ? 'degree' : 'education'
}

function expectedFields(spec: CleanSpec): Partial<Record<ScanField, string>> {
  const p = spec.person
  const kind = kindOf(spec.template)
  if (kind === 'none') return {}
  const common = {
    name: p.name,
    gender: p.gender,
    birthDate: p.birthDate,
    graduationDate: p.graduationDate,
    school: p.school.normalize('NFKC'),
    major: p.major.normalize('NFKC'),
    level: p.level,
    certificateNumber: p.certificateNumber,
  }
  return kind === 'degree' ? common : { ...common, admissionDate: p.admissionDate, studyMode: p.studyMode }
}

function fill(template: Template, spec: CleanSpec): string {
  const p = spec.person
  const values: Record<string, string> = {
    ...p,
    birthDate: formatDate(p.birthDate, spec.dates),
    admissionDate: formatDate(p.admissionDate, spec.dates),
    graduationDate: formatDate(p.graduationDate, spec.dates),
    idNumber: makeIdNumber(p.region, p.birthDate.replace(/-/g, ''), '027'),
  }
  const html = fs.readFileSync(path.join(TEMPLATES, `${template}.html`), 'utf8')
  return html.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => {
    if (!(key in values)) throw new Error(`template ${template}: no value for ${key}`)
    return values[key]
  })
}

async function writeFixture(id: string, image: Buffer, expectation: Omit<FixtureExpectation, 'width' | 'height'>) {
  const meta = await sharp(image).metadata()
  fs.writeFileSync(path.join(DIR, `${id}.jpg`), image)
  const full: FixtureExpectation = { ...expectation, width: meta.width ?? 0, height: meta.height ?? 0 }
  fs.writeFileSync(path.join(DIR, `${id}.json`), `${JSON.stringify(full, null, 2)}\n`)
  console.log(`${id}.jpg ${full.width}x${full.height} ${Math.round(image.length / 1024)} KiB`)
}

async function main(): Promise<void> {
  const only = process.argv.slice(2)
  const wanted = (id: string) => only.length === 0 || only.some((prefix) => id.startsWith(prefix))
  const sourceWanted = (id: string) =>
    wanted(id) ||
    DEGRADED.some((d) => d.from === id && wanted(d.id)) ||
    PHOTOS.some((p) => p.from === id && wanted(p.id))
  const browser = await launchChromium()
  const clean = new Map<string, { png: Buffer; expectation: Omit<FixtureExpectation, 'width' | 'height'> }>()
  try {
    for (const spec of [...CLEAN, ...PHOTO_SOURCES]) {
      if (!sourceWanted(spec.id)) continue
      const context = await browser.newContext({
        viewport: { width: spec.viewport.width, height: spec.viewport.height },
        deviceScaleFactor: spec.viewport.scale,
      })
      const page = await context.newPage()
      await page.setContent(fill(spec.template, spec), { waitUntil: 'load' })
      await page.evaluate(() => document.fonts.ready)
      // Wrapped pages are longer: shot whole (a long screenshot), so every row is on the image.
      const png = await page.screenshot({ type: 'png', fullPage: spec.set === 'wrapped' })
      await context.close()
      const expectation = {
        template: spec.template,
        kind: kindOf(spec.template),
        degraded: false,
        set: spec.set ?? 'clean',
        fields: expectedFields(spec),
        candidate: { name: spec.person.name, birthDate: spec.person.birthDate },
      }
      clean.set(spec.id, { png, expectation })
      // Clean shots as high-quality JPEG: indistinguishable for OCR, a tenth of the PNG's size.
      if (wanted(spec.id) && !PHOTO_SOURCES.includes(spec))
        await writeFixture(spec.id, await sharp(png).jpeg({ quality: 90 }).toBuffer(), expectation)
    }
  } finally {
    await browser.close()
  }

  for (const spec of DEGRADED) {
    if (!wanted(spec.id)) continue
    const source = clean.get(spec.from)
    if (!source) throw new Error(`no clean fixture ${spec.from}`)
    let img = sharp(source.png)
    if (spec.width) img = img.resize({ width: spec.width })
    if (spec.blur) img = img.blur(spec.blur)
    if (spec.rotate) img = img.rotate(spec.rotate, { background: '#ffffff' })
    const out = await img.jpeg({ quality: spec.jpegQuality }).toBuffer()
    await writeFixture(spec.id, out, { ...source.expectation, degraded: true, set: 'degraded' })
  }

  for (const spec of PHOTOS) {
    if (!wanted(spec.id)) continue
    const source = clean.get(spec.from)
    if (!source) throw new Error(`no clean fixture ${spec.from}`)
    const out = await photographScreen(source.png, spec)
    await writeFixture(spec.id, out, { ...source.expectation, degraded: true, set: 'photo' })
  }
}

/** A small deterministic random generator (mulberry32), so the photos are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Solves the 3x3 homography taking `from` onto `to` (four points each), h33 = 1. */
function homography(from: number[][], to: number[][]): number[] {
  const a: number[][] = []
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i]
    const [u, v] = to[i]
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u])
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v])
  }
  for (let c = 0; c < 8; c++) {
    let pivot = c
    for (let r = c + 1; r < 8; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r
    ;[a[c], a[pivot]] = [a[pivot], a[c]]
    for (let r = 0; r < 8; r++) {
      if (r === c) continue
      const f = a[r][c] / a[c][c]
      for (let k = c; k < 9; k++) a[r][k] -= f * a[c][k]
    }
  }
  return [...a.map((row, i) => row[8] / row[i]), 1]
}

/**
 * A phone photo of the rendered page on a laptop screen. The screen is a plane turned by yaw, pitch and roll and seen
 * through a pinhole camera, its corners giving a homography; every photo pixel (2x2 samples) is traced back onto the
 * screen, where each screen pixel is lit as three vertical R, G, B stripes with dark gaps between rows (sampling that
 * grid below its own pitch is what makes moiré, as on a real camera). Around the screen: a black bezel, then a desk.
 * Then glare (a bright spot on the glass), a camera blur, sensor noise and JPEG.
 */
async function photographScreen(png: Buffer, spec: PhotoSpec): Promise<Buffer> {
  const { data: page, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  const sw = info.width
  const sh = info.height
  const { width: W, height: H } = spec.size
  const rand = random(spec.seed)
  const bezel = 0.035 * sw

  // The screen's corners (with bezel) in 3D, centred, turned, pushed away and projected.
  const rad = (d: number) => (d * Math.PI) / 180
  const [cy, sy] = [Math.cos(rad(spec.yaw)), Math.sin(rad(spec.yaw))]
  const [cp, sp] = [Math.cos(rad(spec.pitch)), Math.sin(rad(spec.pitch))]
  const [cr, sr] = [Math.cos(rad(spec.roll)), Math.sin(rad(spec.roll))]
  const focal = 1.2 * Math.max(W, H)
  const distance = (focal * (sw + 2 * bezel)) / (spec.fill * W)
  const project = ([x, y]: number[]): number[] => {
    const px = x - sw / 2
    const py = y - sh / 2
    // yaw about the vertical axis, pitch about the horizontal one, roll in the picture's plane
    const x1 = px * cy
    const z1 = -px * sy
    const y2 = py * cp - z1 * sp
    const z2 = py * sp + z1 * cp + distance
    const x3 = x1 * cr - y2 * sr
    const y3 = x1 * sr + y2 * cr
    return [W / 2 + (focal * x3) / z2, H / 2 + (focal * y3) / z2]
  }
  const screenCorners = [
    [-bezel, -bezel],
    [sw + bezel, -bezel],
    [sw + bezel, sh + bezel],
    [-bezel, sh + bezel],
  ]
  // From photo pixels back to screen pixels.
  const back = homography(screenCorners.map(project), screenCorners)

  const out = Buffer.alloc(W * H * 3)
  const sub = [0.25, 0.75]
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let r = 0
      let g = 0
      let b = 0
      for (const oy of sub) {
        for (const ox of sub) {
          const fx = x + ox
          const fy = y + oy
          const w = back[6] * fx + back[7] * fy + back[8]
          const u = (back[0] * fx + back[1] * fy + back[2]) / w
          const v = (back[3] * fx + back[4] * fy + back[5]) / w
          if (u >= 0 && v >= 0 && u < sw && v < sh) {
            const i = ((v | 0) * sw + (u | 0)) * 3
            // Sub-pixel stripes and the dark line between pixel rows.
            const fu = u - Math.floor(u)
            const fv = v - Math.floor(v)
            // (amplitudes as a phone's lens and demosaicing leave them: visible, not black and white)
            const row = fv > 0.88 ? 0.75 : 1.03
            const stripe = Math.min(2, Math.floor(fu * 3))
            const lit = (c: number) => (c === stripe ? 1.12 : 0.94) * row
            r += page[i] * lit(0)
            g += page[i + 1] * lit(1)
            b += page[i + 2] * lit(2)
          } else if (u >= -bezel && v >= -bezel && u < sw + bezel && v < sh + bezel) {
            r += 22
            g += 22
            b += 24
          } else {
            // A wooden desk, lighter towards the top of the photo.
            const shade = 0.75 + (0.25 * (H - y)) / H
            r += 150 * shade
            g += 118 * shade
            b += 84 * shade
          }
        }
      }
      const o = (y * W + x) * 3
      // (a Buffer keeps values modulo 256: clamp)
      out[o] = Math.min(255, r / 4)
      out[o + 1] = Math.min(255, g / 4)
      out[o + 2] = Math.min(255, b / 4)
    }
  }

  // Glare: a soft bright spot on the glass, centred on the screen point the spec names.
  const [gx, gy] = project([spec.glare.x * sw, spec.glare.y * sh])
  const gr = spec.glare.r * spec.fill * W
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const d2 = ((x - gx) ** 2 + (y - gy) ** 2) / (2 * gr * gr)
      if (d2 > 9) continue
      const k = spec.glare.strength * Math.exp(-d2)
      const o = (y * W + x) * 3
      for (let c = 0; c < 3; c++) out[o + c] = Math.min(255, out[o + c] + (255 - out[o + c]) * k)
    }
  }
  // Sensor noise.
  for (let i = 0; i < out.length; i++)
    out[i] = Math.max(0, Math.min(255, out[i] + (rand() + rand() + rand() - 1.5) * 10))

  return sharp(out, { raw: { width: W, height: H, channels: 3 } })
    .blur(spec.blur)
    .jpeg({ quality: spec.jpegQuality })
    .toBuffer()
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
