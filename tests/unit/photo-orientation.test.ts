import { checkPhoto, uprightSize } from '../../domain/photo'

/** The app and the server judge the photo's size as it is seen: after its EXIF orientation (issue 11). */
describe('photo size after EXIF orientation', () => {
  test("orientations 5-8 (and the platforms' left/right words) swap width and height", () => {
    expect(uprightSize({ width: 413, height: 295 }, 6)).toEqual({ width: 295, height: 413 })
    expect(uprightSize({ width: 413, height: 295 }, 8)).toEqual({ width: 295, height: 413 })
    expect(uprightSize({ width: 413, height: 295 }, 'right')).toEqual({ width: 295, height: 413 })
    expect(uprightSize({ width: 413, height: 295 }, 'left-mirrored')).toEqual({ width: 295, height: 413 })
    expect(uprightSize({ width: 413, height: 295 }, 3)).toEqual({ width: 413, height: 295 })
    expect(uprightSize({ width: 413, height: 295 }, 'up')).toEqual({ width: 413, height: 295 })
    expect(uprightSize({ width: 413, height: 295 })).toEqual({ width: 413, height: 295 })
  })

  test('a mini-program reporting stored 413×295 turned right passes; the same unturned is refused', () => {
    const facts = { reportedType: 'jpeg', size: 60000, width: 413, height: 295 }
    expect(checkPhoto({ ...facts, orientation: 'right' })).toEqual([])
    const refused = checkPhoto({ ...facts, orientation: 'up' })
    expect(refused.map((p) => p.code)).toEqual(['pixels-too-few'])
    expect(refused[0].message).toContain('413×295')
  })
})
