import fs from 'node:fs'
import path from 'node:path'
import {
  cleanValue,
  compareWithCandidate,
  extractXuexin,
  LABEL_LEXICON,
  LEXICON_MARGIN,
  normaliseDate,
  type OcrBox,
} from '../../domain/xuexin-extract'
import { makeIdNumber } from '../../mock-server/scenarios'
import type { ScanField } from '../../types/scan'

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'xuexin')

/** A box of text at (x, y), 30 px high, 16 px per character. */
function box(text: string, x: number, y: number, extra: Partial<OcrBox> = {}): OcrBox {
  return { text, x, y, w: Math.max(16, text.length * 16), h: 30, ...extra }
}

/** A phone list page: label at the left, value at the right, one row every 70 px, under a status bar and header. */
function phoneList(rows: [string, string][], top = 300): OcrBox[] {
  return [
    box('9:41', 40, 16),
    box('5G 100%', 560, 16),
    box('学历查询结果', 290, 95),
    ...rows.flatMap(([label, value], i) => [
      box(label, 54, top + i * 70),
      box(value, 700 - value.length * 16, top + i * 70 + 2),
    ]),
  ]
}

const STANDARD: [string, string][] = [
  ['姓名', '王晓燕'],
  ['性别', '女'],
  ['出生日期', '1998-05-12'],
  ['证件号码', '440106199805120277'],
  ['入学日期', '2016-09-01'],
  ['毕(结)业日期', '2020-06-30'],
  ['学校名称', '南方医科大学'],
  ['专业', '护理学'],
  ['学历层次', '本科'],
  ['学习形式', '普通全日制'],
  ['毕（结）业', '毕业'],
  ['证书编号', '121211202005000846'],
]

const WANG = {
  name: '王晓燕',
  gender: '女',
  birthDate: '1998-05-12',
  admissionDate: '2016-09-01',
  graduationDate: '2020-06-30',
  school: '南方医科大学',
  major: '护理学',
  level: '本科',
  studyMode: '普通全日制',
  certificateNumber: '121211202005000846',
}

describe('extractXuexin on hand-made pages', () => {
  it('reads a phone list page, values right of their labels, ignoring the status bar and header', () => {
    const r = extractXuexin(phoneList(STANDARD))
    expect(r).toEqual({
      kind: 'education',
      fields: WANG,
      missing: [],
      notXuexin: false,
      unsure: [],
      labelsFound: 10,
    })
  })

  it('reads labels with full-width brackets, half-width brackets and spaces inside them', () => {
    for (const label of ['毕（结）业日期', '毕 (结)业日期', '毕(结）业日期', '毕 （ 结 ） 业 日 期', '毕结业日期']) {
      const rows = STANDARD.map(([l, v]): [string, string] => (l === '毕(结)业日期' ? [label, v] : [l, v]))
      expect(extractXuexin(phoneList(rows)).fields.graduationDate).toBe('2020-06-30')
    }
  })

  it('does not take the separate 毕（结）业 status for the graduation date', () => {
    const rows = STANDARD.filter(([l]) => l !== '毕(结)业日期')
    const r = extractXuexin(phoneList(rows))
    expect(r.fields.graduationDate).toBeUndefined()
    expect(r.missing).toEqual(['graduationDate'])
  })

  it('reads label and value in one box, with or without a colon', () => {
    const boxes = STANDARD.map(([l, v], i) => box(`${l}${i % 2 ? '：' : ''}${v}`, 40, 200 + i * 50))
    expect(extractXuexin(boxes).fields).toEqual(WANG)
  })

  it('reads a two-column card, each value below its label', () => {
    const boxes: OcrBox[] = [box('10:08', 30, 10), box('我的学历', 30, 60)]
    STANDARD.forEach(([label, value], i) => {
      const x = i % 2 ? 420 : 40
      const y = 150 + Math.floor(i / 2) * 110
      boxes.push(box(label, x, y, { h: 26 }), box(value, x, y + 34, { h: 32 }))
    })
    expect(extractXuexin(boxes).fields).toEqual(WANG)
  })

  it('never takes the 18-digit ID number or the online verification code for the certificate number', () => {
    const rows = STANDARD.filter(([l]) => l !== '证书编号')
    const boxes = [
      ...phoneList(rows),
      box('在线验证码：KD83HQ29LM57XP04', 40, 1200),
      box('440106199805120277', 400, 1280),
    ]
    const r = extractXuexin(boxes)
    expect(r.fields.certificateNumber).toBeUndefined()
    expect(r.missing).toContain('certificateNumber')
  })

  it('takes the certificate number when its label sits below the ID number in a table', () => {
    const boxes = [
      box('姓名', 60, 100),
      box('王晓燕', 250, 100),
      box('证件号码', 60, 150),
      box('440106199805120277', 250, 150),
      box('出生日期', 60, 200),
      box('1998年05月12日', 250, 200),
      box('证书编号', 60, 250),
      box('121211202005000846', 250, 250),
      box('学校名称', 60, 300),
      box('南方医科大学', 250, 300),
    ]
    expect(extractXuexin(boxes).fields).toMatchObject({
      certificateNumber: '121211202005000846',
      birthDate: '1998-05-12',
    })
  })

  it('does not read 校（院）长姓名 as the candidate name', () => {
    const rows = STANDARD.filter(([l]) => l !== '姓名')
    const r = extractXuexin([...phoneList(rows), box('校（院）长姓名', 54, 1200), box('黎孟枫', 600, 1200)])
    expect(r.fields.name).toBeUndefined()
  })

  it('normalises dates written as 年月日, with dashes, dots or slashes', () => {
    expect(normaliseDate('2020年06月30日')).toBe('2020-06-30')
    expect(normaliseDate('2020-06-30')).toBe('2020-06-30')
    expect(normaliseDate('2020.06.30')).toBe('2020-06-30')
    expect(normaliseDate('２０２０年６月３日')).toBe('2020-06-03')
    expect(normaliseDate('2020/6/3')).toBe('2020-06-03')
    expect(normaliseDate('2021-02-29')).toBeNull()
    expect(normaliseDate('本科')).toBeNull()
  })

  it('accepts a long label with one misread character, but not a value that merely resembles one', () => {
    const rows = STANDARD.map(([l, v]): [string, string] => (l === '证书编号' ? ['证书缩号', v] : [l, v]))
    expect(extractXuexin(phoneList(rows)).fields.certificateNumber).toBe('121211202005000846')
  })

  it('pairs rows on a page photographed at a slant, using the line angle', () => {
    const angle = 3
    const slope = Math.tan((angle * Math.PI) / 180)
    const boxes = phoneList(STANDARD, 300).map((b) => ({ ...b, y: Math.round(b.y + b.x * slope), angle }))
    // A wide line sets the page angle even when every label is short.
    boxes.push({ ...box('学信网·学籍学历信息与在线验证', 40, 200), angle })
    expect(extractXuexin(boxes).fields).toEqual(WANG)
  })

  it('recognises a degree page and does not expect 入学日期 or 学习形式 there', () => {
    const rows: [string, string][] = [
      ['姓名', '孙立新'],
      ['性别', '男'],
      ['出生日期', '1995年09月17日'],
      ['学位授予单位', '中国医科大学'],
      ['所授学位', '医学学士学位'],
      ['学科/专业', '预防医学'],
      ['获学位日期', '2018年07月05日'],
      ['学位证书编号', '1015942018003071'],
    ]
    const r = extractXuexin(rows.map(([l, v], i) => box(`${l}：${v}`, 30, 100 + i * 40)))
    expect(r.kind).toBe('degree')
    expect(r.missing).toEqual([])
    expect(r.fields).toEqual({
      name: '孙立新',
      gender: '男',
      birthDate: '1995-09-17',
      school: '中国医科大学',
      level: '医学学士学位',
      major: '预防医学',
      graduationDate: '2018-07-05',
      certificateNumber: '1015942018003071',
    })
  })

  it('says "not 学信网" when too few labels are found, and fills nothing', () => {
    const boxes = [
      box('9:41', 40, 16),
      box('预约挂号', 300, 90),
      box('就诊人：王晓燕', 40, 200),
      box('就诊时间：2024年05月20日', 40, 250),
      box('姓名', 40, 300),
      box('王晓燕', 200, 300),
    ]
    const r = extractXuexin(boxes)
    expect(r.notXuexin).toBe(true)
    expect(r.fields).toEqual({})
    expect(r.missing).toHaveLength(10)
    expect(extractXuexin([]).notXuexin).toBe(true)
  })

  it('leaves a field empty when its value does not look like one', () => {
    expect(cleanValue('gender', '未知')).toBeNull()
    expect(cleanValue('birthDate', '1998-13-01')).toBeNull()
    expect(cleanValue('certificateNumber', '编号')).toBeNull()
    expect(cleanValue('name', 'A')).toBeNull()
    expect(cleanValue('school', '12345')).toBeNull()
    expect(cleanValue('name', '阿卜杜·热合曼')).toBe('阿卜杜·热合曼')
    expect(cleanValue('certificateNumber', '1212 1120 2005 0008 46')).toBe('121211202005000846')
    // Levels and study modes come from a closed vocabulary: a misread label beside them is not one.
    expect(cleanValue('studyMode', '华(结)业')).toBeNull()
    expect(cleanValue('level', '毕业')).toBeNull()
    expect(cleanValue('level', '医学学士学位')).toBe('医学学士学位')
    expect(cleanValue('studyMode', '函授')).toBe('函授')
    expect(cleanValue('studyMode', '网络教育')).toBe('网络教育')
    expect(cleanValue('level', '专科(高职)')).toBe('专科(高职)')
  })
})

describe('extractXuexin: values that wrap onto more lines', () => {
  const LONG_SCHOOL = '内蒙古医科大学鄂尔多斯临床医学院'
  const LONG_MAJOR = '中西医临床医学(中西医结合方向)'
  /** A phone list whose values are right-aligned at x = 700 and wrap every `perLine` characters, 20 px of line gap. */
  function wrappedPhoneList(rows: [string, string][], perLine: number): OcrBox[] {
    const boxes: OcrBox[] = [box('9:41', 40, 16), box('学历查询结果', 290, 95)]
    let y = 300
    for (const [label, value] of rows) {
      boxes.push(box(label, 54, y))
      for (let i = 0; i < value.length; i += perLine) {
        const part = value.slice(i, i + perLine)
        boxes.push(box(part, 700 - part.length * 16, y + 2 + (i / perLine) * 40))
      }
      y += 30 + 40 * (Math.ceil(value.length / perLine) - 1) + 40
    }
    return boxes
  }
  const rows = STANDARD.map(([l, v]): [string, string] =>
    l === '学校名称' ? [l, LONG_SCHOOL] : l === '专业' ? [l, LONG_MAJOR] : [l, v],
  )

  it('joins right-aligned lines under a value on a phone list, over two and three lines', () => {
    for (const perLine of [12, 7]) {
      const r = extractXuexin(wrappedPhoneList(rows, perLine))
      expect(r.fields).toEqual({ ...WANG, school: LONG_SCHOOL, major: LONG_MAJOR })
    }
  })

  it('joins left-aligned lines in a two-column card without taking the next label or its value', () => {
    const boxes: OcrBox[] = [box('我的学历', 30, 60)]
    const cells = STANDARD.map(([l, v]): [string, string] => (l === '学校名称' ? ['毕业院校', LONG_SCHOOL] : [l, v]))
    let y = 150
    cells.forEach(([label, value], i) => {
      const x = i % 2 ? 420 : 40
      boxes.push(box(label, x, y, { h: 26 }))
      const parts = value === LONG_SCHOOL ? [value.slice(0, 9), value.slice(9)] : [value]
      parts.forEach((part, k) => boxes.push(box(part, x, y + 34 + k * 40, { h: 32 })))
      if (i % 2 || value === LONG_SCHOOL) y += 110 + (parts.length - 1) * 40
    })
    expect(extractXuexin(boxes).fields).toEqual({ ...WANG, school: LONG_SCHOOL })
  })

  it('joins the next line of a value written after its label in the same line (degree page)', () => {
    const lines: string[][] = [
      ['姓名：孙立新'],
      ['性别：男'],
      ['出生日期：1995年09月17日'],
      ['学位授予单位：内蒙古医科大学', '鄂尔多斯临床医学院'],
      ['所授学位：医学学士学位'],
      ['学科/专业：中西医临床医学(中', '西医结合方向)'],
      ['获学位日期：2018年07月05日'],
      ['学位证书编号：1015942018003071'],
    ]
    const boxes: OcrBox[] = []
    let y = 100
    for (const parts of lines) {
      parts.forEach((part, k) => boxes.push(box(part, 30, y + k * 36)))
      y += 36 * parts.length + 30
    }
    const r = extractXuexin(boxes)
    expect(r.fields).toMatchObject({ school: LONG_SCHOOL, major: LONG_MAJOR, level: '医学学士学位' })
    expect(r.missing).toEqual([])
  })

  it('joins a wrapped certificate number whole, and never a value of the next labelled row', () => {
    const r = extractXuexin(
      phoneList(STANDARD.map(([l, v]): [string, string] => (l === '证书编号' ? [l, '121211202005'] : [l, v]))).concat(
        box('000846', 604, 1108),
      ),
    )
    expect(r.fields.certificateNumber).toBe('121211202005000846')
    // Rows 70 px apart, each with its label: nothing joins on the standard page.
    expect(extractXuexin(phoneList(STANDARD)).fields).toEqual(WANG)
  })

  it('does not join a line that is far below, much taller, wider, or out of the column', () => {
    const base = phoneList(STANDARD)
    const last = base[base.length - 1] // the certificate number, right-aligned at 700
    const cases: OcrBox[] = [
      box('附属医院', 700 - 64, last.y + last.h + 40), // a row gap, not a line gap
      box('附属医院', 700 - 64, last.y + last.h + 4, { h: 60 }), // another text size
      box('本页为虚构数据的样式模拟请勿用于任何用途', 40, last.y + last.h + 4), // wider than the value
      box('附属医院', 300, last.y + last.h + 4), // another column
    ]
    for (const extra of cases) {
      expect(extractXuexin([...base, extra]).fields.certificateNumber).toBe('121211202005000846')
    }
  })
})

describe('extractXuexin: characters read without confidence', () => {
  /** The standard page with each character's confidence on every box: `low` gives some their own. */
  function withConfidences(low: Record<string, number[]>): OcrBox[] {
    return phoneList(STANDARD).map((b) => ({ ...b, chars: low[b.text] ?? [...b.text].map(() => 0.99) }))
  }

  it('leaves the name empty, as unsure, when one of its characters is unsure, rather than give a wrong name', () => {
    const r = extractXuexin(withConfidences({ 王晓燕: [0.99, 0.42, 0.97] }))
    expect(r.fields.name).toBeUndefined()
    expect(r.unsure).toEqual(['name'])
    expect(r.missing).toEqual(['name'])
    expect(r.fields.school).toBe('南方医科大学')
  })

  it('leaves the certificate number empty when one digit is unsure; a sure page keeps every field', () => {
    const digits = [...'121211202005000846'].map((_, i) => (i === 9 ? 0.61 : 0.98))
    const r = extractXuexin(withConfidences({ '121211202005000846': digits }))
    expect(r.fields.certificateNumber).toBeUndefined()
    expect(r.unsure).toEqual(['certificateNumber'])
    const sure = extractXuexin(withConfidences({}))
    expect(sure.fields).toEqual(WANG)
    expect(sure.unsure).toEqual([])
  })

  it('judges only the characters of the value: an unsure label or colon does not matter, a joined line does', () => {
    const inline = (text: string, chars: number[]) => ({ ...box(text, 40, 100), chars })
    const page = (name: OcrBox) => [
      name,
      ...STANDARD.slice(1).map(([l, v], i) => ({ ...box(`${l}：${v}`, 40, 150 + i * 50) })),
    ]
    // 姓 unsure and the colon unsure: the name's own characters are sure.
    expect(extractXuexin(page(inline('姓名：王晓燕', [0.5, 0.99, 0.3, 0.99, 0.99, 0.99]))).fields.name).toBe('王晓燕')
    expect(extractXuexin(page(inline('姓名：王晓燕', [0.99, 0.99, 0.99, 0.99, 0.7, 0.99]))).unsure).toEqual(['name'])
    // Other fields are not held back by an unsure character (the candidate checks them against the page anyway).
    const school = extractXuexin(withConfidences({ 南方医科大学: [0.99, 0.5, 0.99, 0.99, 0.99, 0.99] }))
    expect(school.fields.school).toBe('南方医科大学')
  })
})

describe('extractXuexin: pale labels read through the OCR lexicon (issue 23, photos of a screen)', () => {
  /**
   * The two-column card of a photographed desktop page: labels pale and small, so the greedy reading garbles them,
   * while the lexicon scoring of each line (OcrBox.words) still finds its label.
   */
  const GARBLED: Record<string, [string, { text: string; p: number }[]]> = {
    姓名: ['姓名', [{ text: '姓名', p: 0.81 }]],
    性别: ['性制', [{ text: '性别', p: 0.1 }]],
    出生日期: ['出生8期', [{ text: '出生日期', p: 0.03 }]],
    证件号码: ['证件等码', [{ text: '证件号码', p: 0.3 }]],
    入学日期: ['人字日', [{ text: '入学日期', p: 0.0016 }]],
    '毕(结)业日期': [
      '',
      [
        { text: '毕（结）业日期', p: 3e-5 },
        { text: '专业', p: 6e-6 },
      ],
    ],
    学校名称: ['华业校', [{ text: '毕业院校', p: 0.052 }]],
    专业: ['专业', [{ text: '专业', p: 0.96 }]],
    学历层次: ['居次', [{ text: '层次', p: 0.004 }]],
    学习形式: ['春方式', [{ text: '培养方式', p: 0.0002 }]],
    '毕（结）业': [
      '华信业',
      [
        { text: '毕结业', p: 0.0012 },
        { text: '专业', p: 0.00013 },
      ],
    ],
    证书编号: ['证书维号', [{ text: '证书编号', p: 0.092 }]],
  }
  function card(withWords: boolean): OcrBox[] {
    const boxes: OcrBox[] = [box('10:08', 30, 10), box('我的学历', 30, 60)]
    STANDARD.forEach(([label, value], i) => {
      const x = i % 2 ? 840 : 30
      const y = 180 + Math.floor(i / 2) * 85
      const [text, words] = GARBLED[label]
      boxes.push(box(text, x, y, { h: 22, ...(withWords ? { words } : {}) }), box(value, x, y + 32, { h: 28 }))
    })
    return boxes.filter((b) => b.text || b.words)
  }

  it('has every label in its printed forms, bracketed ones included', () => {
    expect(LABEL_LEXICON).toEqual(expect.arrayContaining(['毕业院校', '毕（结）业日期', '毕(结)业日期', '培养方式']))
  })

  it('reads every field of a card whose labels the greedy reading garbled, none without the lexicon', () => {
    expect(extractXuexin(card(true)).fields).toEqual(WANG)
    // The greedy reading alone: only the labels it read right or one character off.
    const greedy = extractXuexin(card(false))
    expect(Object.keys(greedy.fields).sort()).toEqual(['birthDate', 'certificateNumber', 'major', 'name'])
  })

  it('takes no label when two labels are nearly as likely, and never for a line with a number', () => {
    const boxes = card(true).map((b) =>
      b.text === '居次'
        ? {
            ...b,
            words: [
              { text: '层次', p: 0.004 },
              { text: '民族', p: 0.004 / (LEXICON_MARGIN - 1) },
            ],
          }
        : b,
    )
    const r = extractXuexin(boxes)
    expect(r.fields.level).toBeUndefined()
    expect(r.fields.gender).toBe('女')
    const dated = extractXuexin([
      ...phoneList(STANDARD.slice(0, 4)),
      box('2016-09', 54, 800, { words: [{ text: '入学日期', p: 0.5 }] }),
    ])
    expect(dated.fields.admissionDate).toBeUndefined()
  })

  it('never joins a garbled label above a date into one value, nor takes it for the value of the label left of it', () => {
    // The right column's 毕(结)业日期 label unread (no lexicon word either): its text sits right of 入学日期 and above
    // the graduation date. Before: 入学日期 took 年结业日南 + 2020-06-30 as one wrapped value, a wrong admission date.
    const boxes = card(true).map((b) =>
      b.words?.[0]?.text === '毕（结）业日期' ? { ...b, text: '年结业日南', words: undefined } : b,
    )
    const r = extractXuexin(boxes)
    expect(r.fields.admissionDate).toBe('2016-09-01')
    expect(r.fields.graduationDate).toBeUndefined()
  })

  it("never joins a label misread into text under a name as the name's next line", () => {
    const boxes = card(true).map((b) =>
      b.text === '出生8期'
        ? { ...b, text: '出生', y: 180 + 32 + 28 + 4, h: 28, words: [{ text: '出生日期', p: 2e-6 }] }
        : b,
    )
    const r = extractXuexin(boxes)
    expect(r.fields.name).toBe('王晓燕')
  })
})

describe('compareWithCandidate', () => {
  const idNumber = makeIdNumber('440106', '19980512', '027')

  it('flags nothing when name and birth date agree', () => {
    expect(compareWithCandidate(WANG, { name: '王晓燕', idNumber })).toEqual({ name: false, birthDate: false })
  })

  it('flags a different name and a birth date that disagrees with the ID number', () => {
    expect(
      compareWithCandidate({ ...WANG, name: '王小燕', birthDate: '1998-05-13' }, { name: '王晓燕', idNumber }),
    ).toEqual({
      name: true,
      birthDate: true,
    })
  })

  it('does not compare what the screenshot did not show', () => {
    expect(compareWithCandidate({ school: '南方医科大学' }, { name: '王晓燕', idNumber })).toEqual({})
  })
})

interface Recorded {
  fixture: string
  boxes: OcrBox[]
}
interface Expected {
  kind: 'education' | 'degree' | 'none'
  degraded: boolean
  set?: 'clean' | 'degraded' | 'wrapped' | 'photo'
  fields: Partial<Record<ScanField, string>>
}

describe('extractXuexin on OCR boxes recorded from the rendered fixtures', () => {
  const dir = path.join(FIXTURES, 'boxes')
  const recorded = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const rec = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Recorded
      const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, `${rec.fixture}.json`), 'utf8')) as Expected
      return { rec, expected, set: expected.set ?? (expected.degraded ? 'degraded' : 'clean') }
    })
  const inSet = (...sets: string[]) => recorded.filter((r) => sets.includes(r.set))
  const score = (rs: typeof recorded) => {
    let right = 0
    let present = 0
    let wrongIdentity = 0
    for (const { rec, expected } of rs) {
      const r = extractXuexin(rec.boxes)
      for (const [field, value] of Object.entries(expected.fields)) {
        present++
        const got = r.fields[field as ScanField]
        if (got === value) right++
        else if (got !== undefined && (field === 'name' || field === 'certificateNumber')) wrongIdentity++
      }
    }
    return { right, present, wrongIdentity }
  }

  it('has recordings of clean, degraded, wrapped and photographed fixtures', () => {
    expect(inSet('clean').length).toBeGreaterThanOrEqual(4)
    expect(inSet('degraded').length).toBeGreaterThanOrEqual(4)
    expect(inSet('wrapped').length).toBeGreaterThanOrEqual(6)
    expect(inSet('photo').length).toBeGreaterThanOrEqual(6)
  })

  it.each(inSet('clean', 'wrapped').map((r) => [r.rec.fixture, r] as const))(
    'reads every field of %s whole',
    (_id, { rec, expected }) => {
      const r = extractXuexin(rec.boxes)
      expect(r.notXuexin).toBe(expected.kind === 'none')
      expect(r.fields).toEqual(expected.fields)
      if (expected.kind !== 'none') expect(r.kind).toBe(expected.kind)
    },
  )

  it('reads at least 95% of the fields of the degraded ones', () => {
    const { right, present } = score(inSet('degraded'))
    expect(right / present).toBeGreaterThanOrEqual(0.95)
  })

  it('reads at least 95% of the fields of photos of a screen, with no wrong name or certificate number', () => {
    const { right, present, wrongIdentity } = score(inSet('photo'))
    expect(right / present).toBeGreaterThanOrEqual(0.95)
    expect(wrongIdentity).toBe(0)
  })

  it('never gives a wrong value on any recording: a field is right or empty', () => {
    for (const { rec, expected } of recorded) {
      const r = extractXuexin(rec.boxes)
      for (const [field, value] of Object.entries(r.fields))
        expect([rec.fixture, field, value]).toEqual([rec.fixture, field, expected.fields[field as ScanField]])
    }
  })
})
