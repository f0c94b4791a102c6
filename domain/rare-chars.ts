import { RARE_CHARS, type RareChar } from './rare-chars.generated'

export { RARE_CHARS, type RareChar }

/**
 * The picker's search: a pinyin prefix (kun, ku, zh) matches any reading; several letters without spaces also match
 * a reading exactly first, then by prefix. Empty query: the whole table.
 */
export function searchRareChars(query: string, table: readonly RareChar[] = RARE_CHARS): RareChar[] {
  const q = query.trim().toLowerCase().replace(/ü/g, 'v')
  if (!q) return [...table]
  if (!/^[a-z]+$/.test(q)) return table.filter((r) => r.char === q)
  const readings = (r: RareChar) => r.pinyin.split(' ')
  const exact = table.filter((r) => readings(r).includes(q))
  const prefix = table.filter((r) => !exact.includes(r) && readings(r).some((p) => p.startsWith(q)))
  return [...exact, ...prefix]
}
