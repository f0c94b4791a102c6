/**
 * Reading a 学信网 (chsi.com.cn) query-result screenshot, after OCR: from recognised text boxes (text and position) to
 * the fields of an education or degree record. Pure: no I/O, no OCR; the mock server feeds it the engine's boxes and
 * the unit tests feed it recorded ones.
 *
 * The page is a set of label/value pairs. A box may hold a label, a value, or both ("姓名：王晓燕"); a value sits right
 * of its label (tables, phone lists) or below it (two-column cards). Labels are matched whole after NFKC and with
 * brackets, spaces, colons and slashes ignored, so 毕（结）业日期, 毕 (结)业日期 and 毕(结)业日期 are one label, while
 * 校（院）长姓名 is not 姓名. Labels that are not wanted (证件号码, 在线验证码, 毕（结）业 ...) still take their values, so
 * an 18-digit ID number can never become the certificate number.
 */
import { SCAN_FIELDS_BY_KIND, type ScanField, type ScanKind } from './xuexin-fields'
import { birthDateOf } from './id-card'

export interface OcrBox {
  text: string
  /** Top-left corner, width and height in image pixels (of the box as if unrotated, centred where it was found). */
  x: number
  y: number
  w: number
  h: number
  /** Slope of the text line in degrees (positive: clockwise), when the OCR knows it. */
  angle?: number
  /** Recognition confidence 0..1. */
  score?: number
  /** Each character's recognition confidence 0..1, in text order, when the OCR gives them. */
  chars?: number[]
  /**
   * The likeliest words of LABEL_LEXICON for this line with their probability given the line (CTC's sum over every
   * alignment, not the greedy reading), likeliest first, when the OCR scored the line against the lexicon: a pale
   * label the greedy reading garbles (华业校) is still recognised as its label (毕业院校).
   */
  words?: { text: string; p: number }[]
}

export interface XuexinExtraction {
  kind: ScanKind
  fields: Partial<Record<ScanField, string>>
  /** Fields this kind of page shows that were not found (or not readable). */
  missing: ScanField[]
  /** Too few 学信网 labels on the page: fields is then empty. */
  notXuexin: boolean
  /**
   * Fields left empty (and listed in missing) because a character of their value was read without confidence: the
   * candidate types them rather than getting a wrong name or number (only for UNSURE_FIELDS).
   */
  unsure: ScanField[]
  /** How many wanted fields had their label on the page. */
  labelsFound: number
}

/** Fewer wanted labels than this and the page is not taken for a 学信网 result. */
export const MIN_LABELS = 4

/** Fields a wrong character makes worse than none: the name (compared with the registration) and the number. */
export const UNSURE_FIELDS: ReadonlySet<ScanField> = new Set(['name', 'certificateNumber'])
/** A character of such a field read with less confidence than this leaves the field empty. */
export const MIN_CHAR_CONFIDENCE = 0.9

type Target = ScanField | 'ignore'

/** Label texts in their matching form (see labelKey), with the field each one fills. */
const LABELS: ReadonlyArray<readonly [string, Target]> = [
  ['姓名', 'name'],
  ['性别', 'gender'],
  ['出生日期', 'birthDate'],
  ['入学日期', 'admissionDate'],
  ['入学时间', 'admissionDate'],
  ['毕结业日期', 'graduationDate'],
  ['毕业日期', 'graduationDate'],
  ['毕业时间', 'graduationDate'],
  ['获学位日期', 'graduationDate'],
  ['授予学位日期', 'graduationDate'],
  ['学位授予日期', 'graduationDate'],
  ['学校名称', 'school'],
  ['毕业院校', 'school'],
  ['院校名称', 'school'],
  ['学位授予单位', 'school'],
  ['专业', 'major'],
  ['专业名称', 'major'],
  ['学科专业', 'major'],
  ['学历层次', 'level'],
  ['层次', 'level'],
  ['所授学位', 'level'],
  ['学位名称', 'level'],
  ['学习形式', 'studyMode'],
  ['培养方式', 'studyMode'],
  ['证书编号', 'certificateNumber'],
  ['学历证书编号', 'certificateNumber'],
  ['学位证书编号', 'certificateNumber'],
  // On the page, not wanted: they keep their values away from the wanted labels.
  ['证件号码', 'ignore'],
  ['身份证号', 'ignore'],
  ['身份证号码', 'ignore'],
  ['民族', 'ignore'],
  ['学制', 'ignore'],
  ['学历类别', 'ignore'],
  ['毕结业', 'ignore'],
  ['毕结业结论', 'ignore'],
  ['在线验证码', 'ignore'],
  ['校院长姓名', 'ignore'],
  ['更新日期', 'ignore'],
  ['分院', 'ignore'],
  ['系所', 'ignore'],
  ['班级', 'ignore'],
  ['学号', 'ignore'],
  ['学籍状态', 'ignore'],
  ['离校日期', 'ignore'],
  ['学位类别', 'ignore'],
]
const LABEL_TARGET = new Map<string, Target>(LABELS)

/** Bracketed forms the page prints some labels in (毕（结）业日期), for the OCR's lexicon. */
const BRACKETED: ReadonlyArray<readonly [string, string]> = [
  ['毕结业', '毕%结%业'],
  ['校院长', '校%院%长'],
]
/**
 * Every label as the page prints it, for the OCR to score each short line against (OcrBox.words): the labels' plain
 * forms and their bracketed ones, full-width and half-width.
 */
export const LABEL_LEXICON: readonly string[] = LABELS.flatMap(([label]) => {
  const forms = [label]
  for (const [plain, pattern] of BRACKETED) {
    if (!label.includes(plain)) continue
    for (const [open, close] of [
      ['（', '）'],
      ['(', ')'],
    ])
      forms.push(label.replace(plain, pattern.replace('%', open).replace('%', close)))
  }
  return forms
})
const LONGEST_LABEL = Math.max(...LABELS.map(([l]) => l.length))
const DEGREE_LABELS = new Set([
  '获学位日期',
  '授予学位日期',
  '学位授予日期',
  '学位授予单位',
  '所授学位',
  '学位名称',
  '学位证书编号',
])

const CJK = /[\u3400-\u9fff]/

/** Characters a label may carry that do not change which label it is. */
const LABEL_NOISE = /[\s()（）[\]【】:：/／·•.。,，、_-]/

function normalise(text: string): string {
  return text.normalize('NFKC').trim()
}

/** A box read as a label, possibly with its value in the same box. */
interface Parsed {
  box: OcrBox
  /** Centre in the deskewed frame. */
  cx: number
  cy: number
  label: string | null
  target: Target | null
  /** The text after the label (inline value), or the whole text for a value box. */
  rest: string
  /** Each character's confidence of rest, when the OCR gave them (null: unknown, taken as sure). */
  restConf: number[] | null
}

/** Labels of four or more characters, by length, for the one-misread-character match. */
const LONG_LABELS = LABELS.map(([l]) => l).filter((l) => l.length >= 4)

/** The one long label that differs from key in exactly one character (OCR misreads: 证书缩号), if only one does. */
function nearLabel(key: string): string | null {
  let found: string | null = null
  for (const label of LONG_LABELS) {
    if (label.length !== key.length) continue
    let diff = 0
    for (let i = 0; i < key.length && diff < 2; i++) if (key[i] !== label[i]) diff++
    if (diff !== 1) continue
    if (found && LABEL_TARGET.get(found) !== LABEL_TARGET.get(label)) return null
    found = label
  }
  return found
}

/**
 * The longest label the text starts with, ignoring label noise; returns it and the index where the rest starts.
 * Without an exact label, a long label with one misread character is accepted.
 */
function matchLabel(text: string): { label: string; end: number } | null {
  let key = ''
  let best: { label: string; end: number } | null = null
  let near: { label: string; end: number } | null = null
  for (let i = 0; i < text.length && key.length < LONGEST_LABEL; i++) {
    if (LABEL_NOISE.test(text[i])) continue
    key += text[i]
    if (LABEL_TARGET.has(key)) best = { label: key, end: i + 1 }
    else if (!near && key.length >= 4 && CJK.test(key)) {
      const label = nearLabel(key)
      if (label) near = { label, end: i + 1 }
    }
  }
  // A longer near label beats a shorter exact one: 毕(结)业日朗 is the graduation date, not the 毕(结)业 status.
  return near && (!best || near.label.length > best.label.length) ? near : best
}

/** A lexicon word is taken for the line's label when its label is this many times likelier than any other. */
export const LEXICON_MARGIN = 5
/** ... and at least this likely given the line. */
export const LEXICON_MIN_P = 1e-5

/**
 * The label the OCR's lexicon scoring finds in a line the greedy reading garbled (OcrBox.words): the likeliest target's
 * words summed (bracket forms of one label split its probability), taken when it is at least LEXICON_MIN_P and
 * LEXICON_MARGIN times the next target's. Only for a line that reads as no more than a label: no two digits in a row, no colon,
 * hardly longer than the word. Null otherwise.
 */
function lexiconLabel(box: OcrBox, text: string): string | null {
  if (!box.words?.length || /\d{2}|[:：]/.test(text)) return null
  const byTarget = new Map<Target, { p: number; label: string }>()
  for (const word of box.words) {
    const label = [...word.text].filter((c) => !LABEL_NOISE.test(c)).join('')
    const target = LABEL_TARGET.get(label)
    if (!target) continue
    const seen = byTarget.get(target)
    if (seen) seen.p += word.p
    else byTarget.set(target, { p: word.p, label })
  }
  const ranked = [...byTarget.values()].sort((a, b) => b.p - a.p)
  const [best, next] = ranked
  if (!best || best.p < LEXICON_MIN_P || (next && best.p < LEXICON_MARGIN * next.p)) return null
  if (text.length > best.label.length + 2) return null
  return best.label
}

function parse(box: OcrBox, skew: number): Parsed {
  const text = normalise(box.text)
  // Confidences follow the characters while NFKC keeps the text's length (it does for CJK, digits, full-width forms).
  const nfkc = box.text.normalize('NFKC')
  const lead = nfkc.length - nfkc.trimStart().length
  const conf =
    box.chars && box.chars.length === box.text.length && nfkc.length === box.text.length
      ? box.chars.slice(lead, lead + text.length)
      : null
  // Rotate centres by -skew so that rows are level again.
  const rad = (-skew * Math.PI) / 180
  const cx0 = box.x + box.w / 2
  const cy0 = box.y + box.h / 2
  const cx = cx0 * Math.cos(rad) - cy0 * Math.sin(rad)
  const cy = cx0 * Math.sin(rad) + cy0 * Math.cos(rad)
  const m = matchLabel(text)
  if (!m) {
    const guessed = lexiconLabel(box, text)
    if (guessed) {
      const target = LABEL_TARGET.get(guessed) ?? null
      return { box, cx, cy, label: guessed, target, rest: '', restConf: null }
    }
    return { box, cx, cy, label: null, target: null, rest: text, restConf: conf }
  }
  const after = text.slice(m.end)
  const rest = after.replace(/^[\s:：]+/, '')
  const restConf = conf ? conf.slice(text.length - rest.length) : null
  return { box, cx, cy, label: m.label, target: LABEL_TARGET.get(m.label) ?? null, rest, restConf }
}

/** The page's skew: the median slope of the wider text lines (short boxes give noisy angles). */
function pageSkew(boxes: OcrBox[]): number {
  const angles = boxes
    .filter((b) => typeof b.angle === 'number' && b.w > 3 * b.h)
    .map((b) => b.angle as number)
    .sort((a, b) => a - b)
  if (angles.length === 0) return 0
  return angles[Math.floor(angles.length / 2)]
}

const left = (p: Parsed) => p.cx - p.box.w / 2
const right = (p: Parsed) => p.cx + p.box.w / 2
const top = (p: Parsed) => p.cy - p.box.h / 2
const bottom = (p: Parsed) => p.cy + p.box.h / 2

/**
 * Lines that belong to one value, joined (a long school or major name wrapped on a narrow screen): a box with no
 * label of its own and nothing labelled on its row, tight under a value line (or a label's inline value) of the same
 * text height, in the same column (left edges, right edges or centres aligned), is that value's next line. Runs top to
 * bottom, so a value over three lines joins whole; the joined value takes the lines' whole area.
 */
function joinWrapped(all: Parsed[]): Parsed[] {
  const lines = [...all].sort((a, b) => top(a) - top(b))
  const labels = all.filter((p) => p.label)
  // Each value so far, known by its first line: the last line read and the joined value.
  const groups = new Map<Parsed, { last: Parsed; joined: Parsed }>()
  const continued = new Set<Parsed>()
  for (const line of lines) {
    if (line.label) {
      if (line.rest) groups.set(line, { last: line, joined: line })
      continue
    }
    // "something: value" is a line of its own (a label misread beyond recognition), never a value's next line; nor is
    // a line the OCR found some label's word in (a pale label misread into text, under a name: 出生 of 出生日期).
    if (/[:：]/.test(line.rest) || line.box.words?.length) {
      groups.set(line, { last: line, joined: line })
      continue
    }
    const h = line.box.h
    const labelOnRow = labels.some((l) => Math.abs(l.cy - line.cy) < 0.5 * Math.max(h, l.box.h) && left(l) < left(line))
    let above: Parsed | null = null
    let aboveGap = Infinity
    if (!labelOnRow) {
      for (const [first, g] of groups) {
        const prev = g.last
        const ph = prev.box.h
        if (h < 0.7 * ph || h > 1.4 * ph) continue
        const gap = top(line) - bottom(prev)
        if (gap < -0.25 * ph || gap > 0.9 * ph) continue
        const tol = 0.8 * ph
        // An inline value's next line starts under the label's left edge.
        const aligned =
          Math.abs(left(line) - left(prev)) <= tol ||
          Math.abs(right(line) - right(prev)) <= tol ||
          Math.abs(line.cx - prev.cx) <= tol
        // A next line is no wider than the line it continues.
        if (!aligned || line.box.w > prev.box.w + ph) continue
        if (gap < aboveGap) {
          above = first
          aboveGap = gap
        }
      }
    }
    const group = above ? groups.get(above) : undefined
    // Text and a number are two values, never one wrapped (a label misread into text above a date is not its start).
    const kinds = group ? new Set([lineKind(group.last.rest), lineKind(line.rest)]) : null
    if (kinds?.has('number') && kinds.has('text')) above = null
    if (!above || !group) {
      groups.set(line, { last: line, joined: line })
      continue
    }
    const j = group.joined
    const l = Math.min(left(j), left(line))
    const r = Math.max(right(j), right(line))
    const t = top(j)
    const b = Math.max(bottom(j), bottom(line))
    const joined: Parsed = {
      ...j,
      cx: (l + r) / 2,
      cy: (t + b) / 2,
      box: { ...j.box, text: `${j.box.text}${line.box.text}`, w: r - l, h: b - t },
      rest: `${j.rest}${line.rest}`,
      restConf: j.restConf && line.restConf ? [...j.restConf, ...line.restConf] : null,
    }
    groups.set(above, { last: line, joined })
    continued.add(line)
  }
  return all.filter((p) => !continued.has(p)).map((p) => groups.get(p)?.joined ?? p)
}

/** A line of digits without Chinese (a date, a number), of Chinese without digits (a name, a school), or mixed. */
function lineKind(text: string): 'number' | 'text' | 'mixed' {
  const digits = /\d/.test(text)
  const chinese = CJK.test(text)
  return digits && !chinese ? 'number' : chinese && !digits ? 'text' : 'mixed'
}

/** The box right of the label on its row, if the nearest thing there is not another label. */
function valueRightOf(label: Parsed, all: Parsed[]): Parsed | null {
  let best: Parsed | null = null
  for (const p of all) {
    if (p === label) continue
    const rowTolerance = 0.5 * Math.max(label.box.h, p.box.h)
    if (Math.abs(p.cy - label.cy) > rowTolerance) continue
    if (left(p) < right(label) - 0.5 * label.box.h) continue
    if (!best || left(p) < left(best)) best = p
  }
  return best && !best.label ? best : null
}

/** The box just below the label, starting near the label's left edge (two-column cards), if it is not a label. */
function valueBelow(label: Parsed, all: Parsed[]): Parsed | null {
  const h = label.box.h
  let best: Parsed | null = null
  for (const p of all) {
    if (p === label) continue
    const gap = top(p) - bottom(label)
    // Close under the label: table rows sit further apart than a card's label and value.
    if (gap < -0.3 * h || gap > 1.0 * h) continue
    if (Math.abs(left(p) - left(label)) > 1.5 * h) continue
    if (!best || top(p) < top(best)) best = p
  }
  return best && !best.label ? best : null
}

/** Dates as 2020年06月30日, 2020-06-30, 2020.06.30 or 2020/6/30, to YYYY-MM-DD; null unless a real date. */
export function normaliseDate(raw: string): string | null {
  const m = /(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})/.exec(normalise(raw))
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const check = new Date(Date.UTC(y, mo - 1, d))
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || y < 1900)
    return null
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** What a 学历层次/所授学位 and a 学习形式/培养方式 always contain (学信网's own wording, adult and online education too). */
const VOCABULARY = {
  level: /本科|专科|研究生|学士|硕士|博士|高职|大专|中专|双学位/,
  studyMode: /全日制|脱产|函授|业余|夜大|网络|远程|开放|自学|自考|成人|业大|职大|电大/,
} as const

/** A field's value from the text after its label, or null when it does not look like one. */
export function cleanValue(field: ScanField, raw: string): string | null {
  const text = normalise(raw).replace(/^[\s:：]+/, '')
  switch (field) {
    case 'name': {
      const name = text
        .replace(/[\s.。・•]/g, (c) => (c === '・' || c === '•' ? '·' : ''))
        .replace(/[^\u3400-\u9fff·]/g, '')
      return name.length >= 2 && name.length <= 20 ? name : null
    }
    case 'gender': {
      const m = /[男女]/.exec(text)
      return m ? m[0] : null
    }
    case 'birthDate':
    case 'admissionDate':
    case 'graduationDate':
      return normaliseDate(text)
    case 'certificateNumber': {
      const digits = text.replace(/[\s-]/g, '')
      const m = /^[0-9A-Z]{10,24}$/i.exec(digits)
      return m ? m[0].toUpperCase() : null
    }
    case 'level':
    case 'studyMode': {
      // A closed vocabulary: a misread label next to it (华(结)业 for 毕(结)业) is never taken for one.
      const value = text.replace(/\s+/g, '')
      return VOCABULARY[field].test(value) ? value : null
    }
    default: {
      const value = text.replace(/\s+/g, '')
      return CJK.test(value) ? value : null
    }
  }
}

/** From OCR boxes to the fields of a 学信网 education or degree record. */
export function extractXuexin(boxes: OcrBox[]): XuexinExtraction {
  const skew = pageSkew(boxes)
  const all = joinWrapped(
    boxes.filter((b) => normalise(b.text).length > 0 || b.words?.length).map((b) => parse(b, skew)),
  )
  const labels = all.filter((p) => p.label).sort((a, b) => a.cy - b.cy || a.cx - b.cx)

  const kind: ScanKind = labels.some((p) => p.label && DEGREE_LABELS.has(p.label)) ? 'degree' : 'education'
  const wanted = new Set<ScanField>()
  for (const p of labels) if (p.target && p.target !== 'ignore') wanted.add(p.target)
  if (wanted.size < MIN_LABELS) {
    return {
      kind,
      fields: {},
      missing: [...SCAN_FIELDS_BY_KIND[kind]],
      notXuexin: true,
      unsure: [],
      labelsFound: wanted.size,
    }
  }

  // Each label takes its inline value, else the value right of it, else the one below; a value box serves once.
  const taken = new Set<Parsed>()
  // Each label's value: the box it was read from (its rest and confidences).
  const raw = new Map<Parsed, Parsed>()
  for (const label of labels) {
    if (label.rest) raw.set(label, label)
  }
  // A value right of the label that is not one of the label's field (a label misread into text, in the next column
  // of a two-column card) leaves the label to the value below it.
  const fits = (label: Parsed, value: Parsed) =>
    !label.target || label.target === 'ignore' || cleanValue(label.target, value.rest) !== null
  for (const label of labels) {
    if (raw.has(label)) continue
    const value = valueRightOf(label, all)
    if (value && !taken.has(value) && fits(label, value)) {
      taken.add(value)
      raw.set(label, value)
    }
  }
  for (const label of labels) {
    if (raw.has(label)) continue
    const value = valueBelow(label, all)
    if (value && !taken.has(value)) {
      taken.add(value)
      raw.set(label, value)
    }
  }

  const fields: Partial<Record<ScanField, string>> = {}
  const unsure = new Set<ScanField>()
  for (const label of labels) {
    const target = label.target
    const source = raw.get(label)
    if (!target || target === 'ignore' || source === undefined || fields[target]) continue
    const value = cleanValue(target, source.rest)
    if (!value) continue
    if (UNSURE_FIELDS.has(target) && leastConfidence(target, source) < MIN_CHAR_CONFIDENCE) {
      unsure.add(target)
      continue
    }
    unsure.delete(target)
    fields[target] = value
  }
  const missing = SCAN_FIELDS_BY_KIND[kind].filter((f) => !fields[f])
  return {
    kind,
    fields,
    missing,
    notXuexin: false,
    unsure: SCAN_FIELDS_BY_KIND[kind].filter((f) => unsure.has(f)),
    labelsFound: wanted.size,
  }
}

/** The lowest confidence among the characters a field keeps from its text (1 when the OCR gave none). */
function leastConfidence(field: ScanField, source: Parsed): number {
  const conf = source.restConf
  if (!conf || conf.length !== source.rest.length) return 1
  let least = 1
  const kept = field === 'name' ? /[\u3400-\u9fff·・•]/ : /[0-9A-Za-z]/
  for (let i = 0; i < source.rest.length; i++) if (kept.test(source.rest[i])) least = Math.min(least, conf[i])
  return least
}

export interface CandidateIdentity {
  name: string
  idNumber: string
}

/** Where the screenshot disagrees with the candidate's registration; a field absent on either side is not compared. */
export function compareWithCandidate(
  fields: Partial<Record<ScanField, string>>,
  candidate: CandidateIdentity,
): { name?: boolean; birthDate?: boolean } {
  const result: { name?: boolean; birthDate?: boolean } = {}
  if (fields.name)
    result.name = normalise(fields.name).replace(/\s/g, '') !== normalise(candidate.name).replace(/\s/g, '')
  const birth = birthDateOf(candidate.idNumber)
  if (fields.birthDate && birth) result.birthDate = fields.birthDate !== birth
  return result
}
