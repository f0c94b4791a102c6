/**
 * The 验证码 printed on the application form (报名表). It is derived from the application's content and version, so
 * any change to the application (a saved step, a new photo, a withdrawal) gives a new code and a form printed
 * before the change no longer matches what the test centre sees (the seed: 信息修改后报名表上的验证码会随之更新).
 * Pure JavaScript (no BigInt, no crypto module): the app and the server compute the same code.
 */

/** JSON with object keys sorted at every level, so the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`
}

/** cyrb53: a fast 53-bit string hash with good spread (public domain, bryc). */
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

/** Crockford's base 32 without I, L, O, U: nothing a candidate or a clerk could misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const FORM_CODE_LENGTH = 10

export interface FormCodeInput {
  applicationId: string
  version: number
  /** Everything printed on the form (steps, province, exam, photo fingerprint). */
  content: unknown
}

/** Ten characters, grouped for reading as XXXXX-XXXXX. */
export function formCode(input: FormCodeInput): string {
  const text = canonicalJson({ id: input.applicationId, v: input.version, c: input.content })
  let n = cyrb53(text, 0x9e3779b1)
  let m = cyrb53(text, 0x85ebca6b)
  let out = ''
  for (let i = 0; i < FORM_CODE_LENGTH; i++) {
    const source = i % 2 === 0 ? n : m
    out += ALPHABET[source % 32]
    if (i % 2 === 0) n = Math.floor(n / 32)
    else m = Math.floor(m / 32)
  }
  return `${out.slice(0, 5)}-${out.slice(5)}`
}
