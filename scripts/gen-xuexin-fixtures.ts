/**
 * Renders the 学信网-style screenshot fixtures of the scanner: our own HTML imitations (tests/fixtures/xuexin/templates)
 * filled with fictional people, shot with headless Chromium at phone and desktop sizes, plus degraded copies (JPEG
 * artefacts, blur, a slight rotation, downscaling) made with sharp. Each image gets `<id>.json` beside it with the
 * fields a perfect reader would return.
 *
 *   npx tsx scripts/gen-xuexin-fixtures.ts
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

interface CleanSpec {
  id: string
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

/** The expected-fields file beside each image. */
export interface FixtureExpectation {
  template: Template
  kind: ScanKind | 'none'
  degraded: boolean
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

const PHONE = { width: 375, height: 667, scale: 2 } // 750 x 1334
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
    school: p.school,
    major: p.major,
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
  const browser = await launchChromium()
  const clean = new Map<string, { png: Buffer; expectation: Omit<FixtureExpectation, 'width' | 'height'> }>()
  try {
    for (const spec of CLEAN) {
      const context = await browser.newContext({
        viewport: { width: spec.viewport.width, height: spec.viewport.height },
        deviceScaleFactor: spec.viewport.scale,
      })
      const page = await context.newPage()
      await page.setContent(fill(spec.template, spec), { waitUntil: 'load' })
      await page.evaluate(() => document.fonts.ready)
      const png = await page.screenshot({ type: 'png' })
      await context.close()
      const expectation = {
        template: spec.template,
        kind: kindOf(spec.template),
        degraded: false,
        fields: expectedFields(spec),
        candidate: { name: spec.person.name, birthDate: spec.person.birthDate },
      }
      clean.set(spec.id, { png, expectation })
      // Clean shots as high-quality JPEG: indistinguishable for OCR, a tenth of the PNG's size.
      await writeFixture(spec.id, await sharp(png).jpeg({ quality: 90 }).toBuffer(), expectation)
    }
  } finally {
    await browser.close()
  }

  for (const spec of DEGRADED) {
    const source = clean.get(spec.from)
    if (!source) throw new Error(`no clean fixture ${spec.from}`)
    let img = sharp(source.png)
    if (spec.width) img = img.resize({ width: spec.width })
    if (spec.blur) img = img.blur(spec.blur)
    if (spec.rotate) img = img.rotate(spec.rotate, { background: '#ffffff' })
    const out = await img.jpeg({ quality: spec.jpegQuality }).toBuffer()
    await writeFixture(spec.id, out, { ...source.expectation, degraded: true })
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
