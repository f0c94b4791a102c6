/**
 * 姓名 rules. A name is Chinese characters (including the rare CJK extension ranges) and the middle dot `·` of
 * minority and foreign names. A character the candidate cannot type or find in the 生僻字 list is written as its
 * pinyin in lower-case letters (ü as v), one pinyin per missing character, separated by a space when two missing
 * characters follow each other: 张yan明, 李yan yu. The server accepts such names; staff fix them from the ID card.
 *
 * A holder of a document that prints the name in Latin letters (a passport, the 外国人永久居留身份证: which ones is
 * domain/id-documents.ts, LATIN_NAME_TYPES) may instead write it as the document does: JOHN SMITH, MARIE-CLAIRE
 * O'NEILL, NGUYEN VAN AN (the Latin rule below). The caller says whether the document allows it (`latin`); every
 * other holder gets the Chinese rule and its messages alone.
 */

export const NAME_MIN_LENGTH = 2
export const NAME_MAX_LENGTH = 30
export const NAME_DOT = '·'

export const NAME_RULE_TEXT = '请使用汉字，少数民族姓名中的“·”可从生僻字面板输入；字库中找不到的字请输入其小写拼音'

// CJK unified ideographs: basic block, extension A, compatibility, and the supplementary planes (extensions B–I).
const HAN =
  '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{2ebef}\\u{2f800}-\\u{2fa1f}\\u{30000}-\\u{323af}]'
const HAN_RE = new RegExp(`^${HAN}$`, 'u')
const PINYIN_RE = /^[a-z]{1,6}$/

/** Dots candidates' keyboards type for `·`, mapped to the one the ID card uses. */
const DOT_LOOKALIKES = /[•・‧∙⋅．.·]/g

/** Trims and maps look-alike dots to `·`. */
export function normaliseName(raw: string): string {
  return raw.trim().replace(DOT_LOOKALIKES, NAME_DOT)
}

export type NameProblem =
  'empty' | 'too-short' | 'too-long' | 'characters' | 'dot-position' | 'double-dot' | 'pinyin-only'

export const NAME_MESSAGES: Record<NameProblem, string> = {
  empty: '请输入姓名',
  'too-short': `姓名至少${NAME_MIN_LENGTH}个字`,
  'too-long': `姓名不能超过${NAME_MAX_LENGTH}个字`,
  characters: '姓名只能包含汉字和“·”，找不到的字请输入小写拼音',
  'dot-position': '“·”不能在姓名的开头或结尾',
  'double-dot': '不能连续输入两个“·”',
  'pinyin-only': '姓名中至少要有一个汉字',
}

export type NamePart = { kind: 'han'; text: string } | { kind: 'dot' } | { kind: 'pinyin'; text: string }

/** Splits a normalised name into characters, dots and pinyin stand-ins; null when something else is in it. */
export function nameParts(name: string): NamePart[] | null {
  const parts: NamePart[] = []
  const chars = Array.from(name)
  for (let i = 0; i < chars.length;) {
    const ch = chars[i]
    if (ch === NAME_DOT) {
      parts.push({ kind: 'dot' })
      i++
    } else if (HAN_RE.test(ch)) {
      parts.push({ kind: 'han', text: ch })
      i++
    } else if (/[a-z]/.test(ch)) {
      let j = i
      while (j < chars.length && /[a-z]/.test(chars[j])) j++
      const text = chars.slice(i, j).join('')
      if (!PINYIN_RE.test(text)) return null
      parts.push({ kind: 'pinyin', text })
      i = j
    } else if (ch === ' ') {
      // A space only separates two pinyin stand-ins.
      const prev = parts[parts.length - 1]
      if (prev?.kind !== 'pinyin' || !/[a-z]/.test(chars[i + 1] ?? '')) return null
      i++
    } else {
      return null
    }
  }
  return parts
}

/** The first rule the name breaks, or null. Length counts a pinyin stand-in as one character. */
export function checkName(raw: string): NameProblem | null {
  const name = normaliseName(raw)
  if (name.length === 0) return 'empty'
  const parts = nameParts(name)
  if (!parts) return 'characters'
  if (parts[0].kind === 'dot' || parts[parts.length - 1].kind === 'dot') return 'dot-position'
  for (let i = 1; i < parts.length; i++) if (parts[i].kind === 'dot' && parts[i - 1].kind === 'dot') return 'double-dot'
  if (!parts.some((p) => p.kind === 'han')) return 'pinyin-only'
  const letters = parts.filter((p) => p.kind !== 'dot').length
  if (letters < NAME_MIN_LENGTH) return 'too-short'
  if (parts.length > NAME_MAX_LENGTH) return 'too-long'
  return null
}

/** True when part of the name is pinyin standing in for a missing character. */
export function nameHasPinyin(raw: string): boolean {
  return /[a-z]/.test(normaliseName(raw))
}

/** Names compare after normalising (face login and recovery match name + ID number). */
export function sameName(a: string, b: string): boolean {
  const canonical = (n: string) => (isLatinName(n) ? normaliseLatinName(n) : normaliseName(n))
  return canonical(a) === canonical(b)
}

// --- Names in Latin letters, as a passport or a permanent-residence card prints them -------------------------------

/**
 * Up to 60 characters, spaces included. ICAO Doc 9303 gives the machine-readable zone 39 characters for the whole
 * name (TD3, a passport; 30 on the TD1 card), truncating longer ones, while the visual zone prints the name whole:
 * 60 takes the long double-barrelled names of the visual zone (MARIA DE LOS ANGELES FERNANDEZ-CASTELLANOS DE LA
 * TORRE runs to 52) and still fits the 报名表's and 准考证's name row on two lines.
 * https://www.icao.int/publications/Documents/9303_p4_cons_en.pdf (4.2.2.2, the name field of the MRZ)
 */
export const LATIN_NAME_MAX_LENGTH = 60
export const LATIN_NAME_MIN_LETTERS = 2

export const LATIN_NAME_RULE_TEXT = '外文姓名请按证件填写大写字母，单词之间用一个空格分隔'
/** What the name field says to a holder whose document may print either: a Chinese name, or the Latin one. */
export const NAME_OR_LATIN_RULE_TEXT = '按证件填写：中文姓名，或证件上的外文姓名（大写字母，单词之间用一个空格分隔）'

export type LatinNameProblem = 'latin-characters' | 'latin-mark' | 'latin-too-short' | 'latin-too-long' | 'mixed'

export const LATIN_NAME_MESSAGES: Record<LatinNameProblem, string> = {
  'latin-characters': "外文姓名只能包含英文字母、空格、连字符“-”和撇号“'”，请按证件填写",
  'latin-mark': "连字符“-”和撇号“'”只能在单词中间，前后都是字母",
  'latin-too-short': `外文姓名至少${LATIN_NAME_MIN_LETTERS}个字母`,
  'latin-too-long': `外文姓名不能超过${LATIN_NAME_MAX_LENGTH}个字符（含空格）`,
  mixed: '姓名请全部用汉字填写，或全部按证件用外文字母填写，不能混用',
}

const HAN_ANY = new RegExp(HAN, 'u')

/**
 * True when the name is written in Latin letters: it has a letter a–z or A–Z (full-width ones too, as a Chinese
 * keyboard types them) and no Chinese character. Such a name is checked by the Latin rule where the document allows
 * it; a Chinese name with pinyin stand-ins (张yan明) has a Chinese character, so it never is.
 */
export function isLatinName(raw: string): boolean {
  return /[A-Za-zＡ-Ｚａ-ｚ]/.test(raw) && !HAN_ANY.test(raw)
}

/**
 * A Latin name as the document prints it: full-width letters and marks as ASCII, curly or full-width apostrophes as
 * `'`, dashes as `-`, every run of spaces (full-width ones too) as one space, trimmed, upper case.
 */
export function normaliseLatinName(raw: string): string {
  return (
    raw
      .replace(/[Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/[’‘`´＇ʼ]/g, "'")
      .replace(/[‐‑‒–—－]/g, '-')
      .replace(/[\s\u3000]+/g, ' ')
      .trim()
      // a–z only: toUpperCase() would turn ß into SS and ﬁ into FI, letters the document does not print as typed.
      .replace(/[a-z]+/g, (w) => w.toUpperCase())
  )
}

/** The first rule a Latin name breaks, or null: A–Z words, one space between, `-` and `'` only inside a word. */
export function checkLatinName(raw: string): LatinNameProblem | NameProblem | null {
  const name = normaliseLatinName(raw)
  if (name.length === 0) return 'empty'
  if (!/^[A-Z' -]+$/.test(name)) return 'latin-characters'
  // Each word: letters, joined by single marks (MARIE-CLAIRE, O'NEILL, D'ARCY-SMITH).
  if (!name.split(' ').every((word) => /^[A-Z]+(?:['-][A-Z]+)*$/.test(word))) return 'latin-mark'
  if (name.replace(/[^A-Z]/g, '').length < LATIN_NAME_MIN_LETTERS) return 'latin-too-short'
  if (name.length > LATIN_NAME_MAX_LENGTH) return 'latin-too-long'
  return null
}

/**
 * The name as it is kept: for a holder whose document allows a Latin name (`latin`), a Latin one as the document
 * prints it (upper case, single spaces); otherwise, and for a Chinese name, trimmed with its dots as the ID card's.
 */
export function normaliseNameFor(raw: string, latin: boolean): string {
  return latin && isLatinName(raw) ? normaliseLatinName(raw) : normaliseName(raw)
}

/**
 * The first rule the name breaks, or null. `latin`: whether the holder's document prints the name in Latin letters
 * (domain/id-documents.ts, takesLatinName). Without it, the Chinese rule and today's messages alone (a resident-ID
 * holder typing JOHN SMITH is told to use Chinese characters); with it, a Latin name by the Latin rule, a Chinese one
 * by the Chinese rule, and a mix of Chinese characters and capitals refused as a mix.
 */
export function checkNameFor(raw: string, latin: boolean): LatinNameProblem | NameProblem | null {
  if (!latin) return checkName(raw)
  if (isLatinName(raw)) return checkLatinName(raw)
  const problem = checkName(raw)
  // Chinese characters with letters that are no pinyin stand-in (capitals, long runs): a mix of the two ways.
  if (problem === 'characters' && /[A-Za-zＡ-Ｚａ-ｚ]/.test(raw) && HAN_ANY.test(raw)) return 'mixed'
  return problem
}

/** The Chinese message for any problem checkNameFor answers. */
export function nameMessage(problem: LatinNameProblem | NameProblem): string {
  return problem in LATIN_NAME_MESSAGES
    ? LATIN_NAME_MESSAGES[problem as LatinNameProblem]
    : NAME_MESSAGES[problem as NameProblem]
}
