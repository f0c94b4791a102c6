import fs from 'node:fs'
import { rareCharTable, renderRareChars, RARE_CHARS_FILE } from '../../scripts/gen-rare-chars'
import { RARE_CHARS, searchRareChars } from '../../domain/rare-chars'
import { checkName } from '../../domain/person-name'

describe('rare-character table', () => {
  test('the committed file equals a fresh generation (run scripts/gen-rare-chars.ts when it does not)', () => {
    expect(fs.readFileSync(RARE_CHARS_FILE, 'utf8')).toBe(renderRareChars())
  })
  test('a few hundred characters, unpacked with their readings', () => {
    expect(RARE_CHARS.length).toBeGreaterThan(300)
    expect(RARE_CHARS).toEqual(rareCharTable())
    expect(RARE_CHARS.find((r) => r.char === '堃')?.pinyin).toBe('kun')
    expect(RARE_CHARS.find((r) => r.char === '𬌗')?.pinyin).toBe('he')
  })
  test('every character in the table is accepted in a name', () => {
    for (const r of RARE_CHARS) expect(checkName(`王${r.char}`)).toBeNull()
  })
  test('search by pinyin: exact readings first, then prefixes', () => {
    const kun = searchRareChars('kun')
    expect(kun.map((r) => r.char)).toContain('堃')
    expect(searchRareChars('ku').map((r) => r.char)).toContain('堃')
    expect(searchRareChars('zhe')[0].pinyin.split(' ')).toContain('zhe')
    expect(searchRareChars('  ').length).toBe(RARE_CHARS.length)
    expect(searchRareChars('堃').map((r) => r.char)).toEqual(['堃'])
    expect(searchRareChars('qqq')).toEqual([])
  })
})
