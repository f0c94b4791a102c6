/**
 * 姓名 rules. A name is Chinese characters (including the rare CJK extension ranges) and the middle dot `·` of
 * minority and foreign names. A character the candidate cannot type or find in the 生僻字 list is written as its
 * pinyin in lower-case letters (ü as v), one pinyin per missing character, separated by a space when two missing
 * characters follow each other: 张yan明, 李yan yu. The server accepts such names; staff fix them from the ID card.
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
  return normaliseName(a) === normaliseName(b)
}
