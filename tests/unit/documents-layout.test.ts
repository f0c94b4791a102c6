import { CERTIFICATE, FORM, TICKET } from '../support/documents'
import { layoutForm } from '../../src/packages/application/form/layout'
import { drawCertificate, drawTicket } from '../../src/packages/results/images'
import {
  approximateMeasure,
  breakPieces,
  measureLines,
  stepsOf,
  textBoxes,
  type Drawing,
  type Measure,
  type TextBox,
} from '../../src/platform/drawing'

/**
 * The one layout of the saved documents (issue 21): text measured before it is placed, labels and values wrapped in
 * their own columns, numbers and IDs never broken, an A4 page at 150 dpi. Checked with typical font metrics and with
 * a font 20% wider (a phone's bolder or larger CJK font): the layout follows whatever the canvas measures.
 */
const wide: Measure = (text, size, bold) => approximateMeasure(text, size, bold) * 1.2
const MEASURES: [string, Measure][] = [
  ['typical metrics', approximateMeasure],
  ['a 20% wider font', wide],
]

function overlaps(a: TextBox, b: TextBox): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

/** Every text box on the page and inside its margins, none overlapping another. */
function expectClean(drawing: Drawing, measure: Measure): TextBox[] {
  const boxes = textBoxes(stepsOf(drawing, measure), measure)
  expect([drawing.width, drawing.height]).toEqual([1240, 1754])
  for (const b of boxes) {
    expect(b.x).toBeGreaterThanOrEqual(40)
    expect(b.x + b.w).toBeLessThanOrEqual(drawing.width - 40)
    expect(b.y + b.h).toBeLessThanOrEqual(drawing.height - 40)
  }
  const clashes: string[] = []
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      if (overlaps(boxes[i], boxes[j])) clashes.push(`${boxes[i].text} × ${boxes[j].text}`)
  expect(clashes).toEqual([])
  return boxes
}

/** The box of the text that is exactly `text`. */
function find(boxes: TextBox[], text: string): TextBox {
  const box = boxes.find((b) => b.text === text)
  if (!box) throw new Error(`"${text}" is not drawn whole; drawn: ${boxes.map((b) => b.text).join(' | ')}`)
  return box
}

describe('breaking lines by measure', () => {
  test('numbers, IDs and codes are one piece; brackets stay with what they hold', () => {
    expect(breakPieces('11010519491231002X')).toEqual(['11010519491231002X'])
    expect(breakPieces('本科（2020-12毕业）')).toEqual(['本', '科', '（2020-12', '毕', '业）'])
    expect(breakPieces('(2020-12毕业)')).toEqual(['(2020-12', '毕', '业)'])
    expect(breakPieces('按时间、地点')).toEqual(['按', '时', '间、', '地', '点'])
  })

  test('a number that does not fit moves down whole; only one wider than the column is cut', () => {
    // At 10 px a CJK glyph is 10 wide, a digit 5.6.
    const lines = measureLines('证件号码11010519491231002X', 120, 10, approximateMeasure)
    expect(lines).toEqual(['证件号码', '11010519491231002X'])
    expect(measureLines('本科（2020-12毕业）', 60, 10, approximateMeasure)).toEqual(['本科', '（2020-12毕', '业）'])
    expect(measureLines('1234567890', 30, 10, approximateMeasure).join('')).toBe('1234567890')
    expect(measureLines('', 30, 10, approximateMeasure)).toEqual([''])
  })
})

describe.each(MEASURES)('the saved documents with %s', (_name, measure) => {
  test('报名表: each label in its column left of its value on the same line, nothing overlapping, nothing broken', () => {
    const boxes = expectClean(layoutForm(FORM, 'http://x/p.jpg'), measure)
    for (const section of FORM.sections)
      for (const row of section.rows) {
        // A value may wrap in its own column: its lines share its left edge and join to the whole value.
        const value = boxes.find((b) => b.text && row.value.startsWith(b.text) && b.x > 300)!
        const lines = boxes.filter((b) => b.x === value.x && b.y >= value.y && b.y < value.y + 200)
        expect(lines.map((b) => b.text).join('')).toContain(row.value)
        // So may a label: its first line starts the row, left of the value.
        const label = boxes.find((b) => b.text && row.label.startsWith(b.text) && Math.abs(b.y - value.y) < 2)
        expect(label).toBeDefined()
        expect(label!.x + label!.w).toBeLessThan(value.x)
      }
    for (const text of [FORM.code, '提交时间 2026-12-01 00:30', '生成时间 2026-12-01 00:31']) find(boxes, text)
  })

  test('准考证: the full ID number whole, every sitting and rule, nothing overlapping', () => {
    const boxes = expectClean(drawTicket(TICKET, 'http://x/p.jpg'), measure)
    const id = find(boxes, '11010519491231002X')
    expect(find(boxes, '证件号码').x + find(boxes, '证件号码').w).toBeLessThan(id.x)
    find(boxes, '20271101000002')
    expect(boxes.filter((b) => b.text === '2027-05-16 08:30–10:00')).toHaveLength(4)
    expect(boxes.map((b) => b.text).join('')).toContain('如有不符立即向监考人员报告。')
  })

  test('成绩合格证明: the number, the years, the issuing body and the date, nothing overlapping', () => {
    const boxes = expectClean(drawCertificate(CERTIFICATE), measure)
    find(boxes, '证明编号：20271234567890')
    find(boxes, '国家卫生健康委人才交流服务中心')
    find(boxes, '签发日期：2027-07-01')
    expect(boxes.map((b) => b.text).join('')).toContain('2026—2027年度')
  })
})

/**
 * A name in Latin letters as a passport prints it (issue 24): longer than any Chinese name and wider per character.
 * On every document it wraps between its words inside its own column (never over the photo, the QR code or the next
 * row), each word whole (MARIE-CLAIRE, O'NEILL-BERTRAND), and the lines read back as the whole name.
 */
describe.each(MEASURES)('a long Latin name on the saved documents with %s', (_name, measure) => {
  const LONG = "MARIE-CLAIRE JOSEPHINE O'NEILL-BERTRAND"
  // The longest the rule takes (60, domain/person-name.ts), of real names' words.
  const LONGEST = 'MARIA DE LOS ANGELES FERNANDEZ-CASTELLANOS DE LA TORRE-ORTIZ'

  /** The boxes of the name's lines: consecutive texts, one under the other, that join to the name. */
  function nameLines(boxes: TextBox[], name: string): TextBox[] {
    const start = boxes.findIndex((b) => b.text !== '' && name.startsWith(b.text))
    expect(start).toBeGreaterThanOrEqual(0)
    const lines: TextBox[] = []
    let joined = ''
    for (let i = start; i < boxes.length && joined.length < name.length; i++) {
      lines.push(boxes[i])
      joined = lines.map((b) => b.text).join(' ')
    }
    expect(joined).toBe(name)
    for (const word of name.split(' ')) expect(lines.some((b) => b.text.split(' ').includes(word))).toBe(true)
    lines.forEach((b, i) => i > 0 && expect(b.y).toBeGreaterThan(lines[i - 1].y) && expect(b.x).toBe(lines[0].x))
    return lines
  }

  test.each([LONG, LONGEST])('准考证: %s wraps in the value column, left of the photo, above the next row', (name) => {
    expect(LONGEST.length).toBe(60)
    const drawing = drawTicket({ ...TICKET, name }, 'http://x/p.jpg')
    const boxes = expectClean(drawing, measure)
    const lines = nameLines(boxes, name)
    const photo = stepsOf(drawing, measure).find((s) => s.kind === 'image')!
    for (const b of lines) expect(b.x + b.w).toBeLessThanOrEqual(photo.x)
    const label = find(boxes, '证件类型')
    expect(label.y).toBeGreaterThan(lines[lines.length - 1].y + lines[lines.length - 1].h)
  })

  test.each([LONG, LONGEST])('报名表: %s wraps in its value column, the rows below moved down', (name) => {
    const form = {
      ...FORM,
      sections: FORM.sections.map((s) =>
        s.step === 'basic' ? { ...s, rows: s.rows.map((r) => (r.label === '姓名' ? { ...r, value: name } : r)) } : s,
      ),
    }
    const boxes = expectClean(layoutForm(form, 'http://x/p.jpg'), measure)
    const lines = nameLines(boxes, name)
    expect(find(boxes, '姓名').x + find(boxes, '姓名').w).toBeLessThan(lines[0].x)
    expect(find(boxes, '11010519491231002X').y).toBeGreaterThan(lines[lines.length - 1].y)
  })

  test.each([LONG, LONGEST])('成绩合格证明: %s in its sentence, every word whole', (name) => {
    const boxes = expectClean(drawCertificate({ ...CERTIFICATE, name }), measure)
    const text = boxes.map((b) => b.text).join(' ')
    for (const word of name.split(' ')) expect(boxes.some((b) => b.text.split(/[ （]/).includes(word))).toBe(true)
    expect(text.replace(/\s+/g, ' ')).toContain(name)
  })
})
