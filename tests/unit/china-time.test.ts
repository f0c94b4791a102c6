import fs from 'node:fs'
import path from 'node:path'
import {
  chinaClock,
  chinaDate,
  chinaDateTime,
  chinaInstant,
  chinaYear,
  DATE_STYLE,
  TIME_STYLE,
} from '../../domain/china-time'

/** The one time module (domain/china-time.ts): China time (UTC+8) whatever the machine's time zone. */
describe('China time', () => {
  const zone = process.env.TZ
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ
    else process.env.TZ = zone
  })

  test('16:00 UTC is midnight in Beijing: the date turns there, not at UTC midnight', () => {
    expect(chinaDate('2026-12-03T15:59:59.999Z')).toBe('2026-12-03')
    expect(chinaDate('2026-12-03T16:00:00.000Z')).toBe('2026-12-04')
    expect(chinaDateTime('2026-12-03T16:00:00Z')).toBe('2026-12-04 00:00')
    expect(chinaDateTime('2026-12-03T15:59:00Z')).toBe('2026-12-03 23:59')
    expect(chinaClock('2026-12-04T00:30:00Z')).toBe('08:30')
    // Milliseconds too, and an instant written with another offset.
    expect(chinaDate(Date.parse('2026-12-03T16:00:00Z'))).toBe('2026-12-04')
    expect(chinaDateTime('2026-12-04T00:00:00+08:00')).toBe('2026-12-04 00:00')
  })

  test('the year turns at 16:00 UTC on 31 December', () => {
    expect(chinaYear('2025-12-31T15:59:59.999Z')).toBe(2025)
    expect(chinaYear('2025-12-31T16:00:00Z')).toBe(2026)
    // 29 February, the month ends.
    expect(chinaDate('2028-02-28T16:00:00Z')).toBe('2028-02-29')
    expect(chinaDate('2028-02-29T16:00:00Z')).toBe('2028-03-01')
  })

  test('a China wall-clock time back to its instant, and round trip', () => {
    expect(chinaInstant('2026-12-04')).toBe('2026-12-03T16:00:00.000Z')
    expect(chinaInstant('2026-12-04', '17:00')).toBe('2026-12-04T09:00:00.000Z')
    expect(chinaDateTime(chinaInstant('2027-01-01', '00:00'))).toBe('2027-01-01 00:00')
    expect(() => chinaInstant('2026-12-4')).toThrow(RangeError)
    expect(() => chinaDate('not a date')).toThrow(RangeError)
  })

  test.each(['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Kiritimati', 'Asia/Shanghai'])(
    'the same answers with the machine in %s',
    (tz) => {
      process.env.TZ = tz
      expect(chinaDate('2026-12-03T16:00:00Z')).toBe('2026-12-04')
      expect(chinaDateTime('2026-03-08T18:30:00Z')).toBe('2026-03-09 02:30')
      expect(chinaInstant('2026-12-04')).toBe('2026-12-03T16:00:00.000Z')
    },
  )

  test('one style for dates, one for times', () => {
    expect(DATE_STYLE).toBe('YYYY-MM-DD')
    expect(TIME_STYLE).toBe('HH:mm')
    expect(chinaDateTime('2026-05-16T00:30:00Z')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
  })
})

/** No hand-written Beijing offset anywhere the app or the server shows a date: they all call domain/china-time.ts. */
test('no code outside the time module adds 8 hours by hand', () => {
  const root = path.join(__dirname, '..', '..')
  const offenders: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'ocr') walk(p)
      } else if (/\.tsx?$/.test(entry.name) && !p.endsWith(path.join('domain', 'china-time.ts'))) {
        const text = fs.readFileSync(p, 'utf8')
        if (
          /8 \* 3600|8 \* 60 \* 60|3600_?000 \* 8|28800|toLocale(Date|Time)?String|\.slice\(0, 1[06]\)\.replace\('T'/.test(
            text,
          )
        )
          offenders.push(path.relative(root, p))
      }
    }
  }
  for (const room of ['src', 'domain', 'types', 'mock-server']) walk(path.join(root, room))
  expect(offenders).toEqual([])
})
