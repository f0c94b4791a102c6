import fc from 'fast-check'
import { MAJORS, searchMajors } from '../../domain/majors'

/** The record form's major search (issue 21): type a few characters, find the major without scrolling 119 rows. */
describe('searchMajors', () => {
  test('护理 finds the nursing majors, the exact name first, 护理学 among the first two', () => {
    const found = searchMajors('护理')
    expect(found.slice(0, 2)).toEqual(['护理', '护理学'])
    expect(found).toEqual(expect.arrayContaining(['护理（中职）', '中医护理']))
    expect(found.every((m) => m.includes('护理'))).toBe(true)
    // 护理学 is the 62nd row of the wheel: the search puts it in the first two.
    expect(MAJORS.indexOf('护理学')).toBeGreaterThan(50)
  })

  test('the name typed exactly comes first, then names starting with it, then the rest in catalogue order', () => {
    expect(searchMajors('药学')[0]).toBe('药学')
    const clinical = searchMajors('临床')
    expect(clinical.slice(0, 2)).toEqual(['临床医学', '临床药学'])
    expect(clinical.indexOf('中西医临床医学')).toBeGreaterThan(clinical.indexOf('临床医学（专科）'))
  })

  test('every word typed must be in the name; spaces around are ignored', () => {
    expect(searchMajors(' 医学  影像 ')).toEqual([
      '医学影像学',
      '医学影像技术',
      '医学影像技术（专科）',
      '医学影像技术（中职）',
    ])
    expect(searchMajors('护理 中职')).toEqual(['护理（中职）'])
  })

  test('half-width brackets match the catalogue’s full-width ones', () => {
    expect(searchMajors('临床医学(专科)')).toEqual(['临床医学（专科）'])
  })

  test('nothing typed finds nothing; a name not in the list finds nothing', () => {
    expect(searchMajors('')).toEqual([])
    expect(searchMajors('   ')).toEqual([])
    expect(searchMajors('计算机科学与技术')).toEqual([])
  })

  test('every major is found by its own name, first', () => {
    for (const m of MAJORS) expect(searchMajors(m)[0]).toBe(m)
  })

  test('whatever is typed, the results are majors of the list that contain it, each once', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 4 }), (typed) => {
        const found = searchMajors(typed)
        expect(new Set(found).size).toBe(found.length)
        for (const m of found) {
          expect(MAJORS).toContain(m)
          for (const w of typed.replace(/\(/g, '（').replace(/\)/g, '）').trim().split(/\s+/).filter(Boolean))
            expect(m).toContain(w)
        }
      }),
    )
  })
})
