import type { ApplicationForm } from '@contract/application'
import type { Certificate, Ticket } from '@contract/results'
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

const qr = { text: 'x', dataUrl: 'data:image/png;base64,', size: 3, modules: '101010111' }

/** Rows the issue saw overprinted or broken, among the many of a real 报名表. */
export const FORM: ApplicationForm = {
  id: 'a1',
  title: '2027年度卫生专业技术资格考试报名表',
  code: 'ABCDE-12345',
  version: 1,
  submittedAt: '2026-11-30T16:30:00.000Z',
  sections: [
    {
      step: 'basic',
      title: '基本信息',
      rows: [
        { label: '姓名', value: '欧阳娜娜' },
        { label: '证件号码', value: '11010519491231002X' },
        { label: '性别', value: '女' },
        { label: '出生日期', value: '1990-03-07' },
      ],
    },
    {
      step: 'contact',
      title: '联系方式',
      rows: [
        { label: '手机号码', value: '13800138000' },
        { label: '通讯地址', value: '广东省广州市越秀区中山二路1号中山大学附属第一医院住院部三楼护理部办公室' },
        { label: '邮政编码', value: '510080' },
      ],
    },
    {
      step: 'education',
      title: '学历信息',
      rows: [
        { label: '最高学历', value: '本科（2020-12毕业）' },
        { label: '毕业学校', value: '首都医科大学' },
        { label: '所学专业', value: '护理学' },
        { label: '学历证书编号', value: '104321202005001234' },
      ],
    },
    {
      step: 'work',
      title: '工作信息',
      rows: [
        { label: '工作单位', value: '北京协和医院' },
        { label: '从事本专业工作年限', value: '5年' },
        { label: '是否取得住培合格证书', value: '否' },
        { label: '参加工作时间', value: '2020-07-01' },
      ],
    },
  ],
  photoUrl: '/api/application-photo/t',
  generatedAt: '2026-11-30T16:31:00.000Z',
}

export const TICKET: Ticket = {
  brief: {
    ticketId: 't',
    examName: '2027年度卫生专业技术资格考试',
    examYear: 2027,
    state: 'open',
    opensAt: '2027-05-01T00:00:00.000Z',
    closesAt: '2027-05-20T00:00:00.000Z',
    reminder: false,
  },
  ticketNo: '20271101000002',
  name: '欧阳娜娜',
  idNumberMasked: '1101**********002X',
  idNumber: '11010519491231002X',
  photoUrl: null,
  speciality: '内科护理（中级）',
  sittings: ['基础知识', '相关专业知识', '专业知识', '专业实践能力'].map((subjectName, i) => ({
    subjectCode: String(i + 1),
    subjectName,
    date: '2027-05-16',
    time: '08:30–10:00',
    centre: '北京市东城区第一考点（北京市第一中学）',
    address: '北京市东城区新中街甲1号北京市第一中学逸夫楼三层',
    room: '第12考场',
    seat: '02',
  })),
  rules: [
    '考生须携带准考证和有效身份证件原件，按准考证上的时间、地点参加考试。',
    '开考前30分钟进入考场，开考15分钟后不得入场，考试开始60分钟后方可交卷离场。',
    '除黑色签字笔、2B铅笔和橡皮外，不得携带任何物品进入座位；手机等通讯工具须关闭后放在指定位置。',
    '考试采用人机对话方式，考生须核对屏幕上的姓名、准考证号和科目，如有不符立即向监考人员报告。',
  ],
  qr,
}

export const CERTIFICATE: Certificate = {
  number: '20271234567890',
  name: '欧阳娜娜',
  idNumberMasked: '1101**********002X',
  examName: '2027年度卫生专业技术资格考试',
  speciality: '内科护理（中级）',
  fromYear: 2026,
  toYear: 2027,
  issuedOn: '2027-07-01',
  issuer: '国家卫生健康委人才交流服务中心',
  verifyUrl: 'http://127.0.0.1/api/results/verify/20271234567890',
  qr,
}

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
