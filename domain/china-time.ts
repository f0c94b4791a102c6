import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/**
 * China time (UTC+8, no daylight saving since 1991): every date and time the app or the server shows a candidate goes
 * through here, in one style for dates (`YYYY-MM-DD`) and one for times (`HH:mm`; both together `YYYY-MM-DD HH:mm`).
 *
 * On dayjs with its `utc` plugin at a fixed offset of +480 minutes: the result never depends on the phone's or the
 * server's time zone, and no Intl time-zone data is needed (old mini-program engines have none).
 * https://day.js.org/docs/en/plugin/utc · https://day.js.org/docs/en/manipulate/utc-offset
 */
export const CHINA_OFFSET_MINUTES = 8 * 60
export const DATE_STYLE = 'YYYY-MM-DD'
export const TIME_STYLE = 'HH:mm'
export const DATE_TIME_STYLE = `${DATE_STYLE} ${TIME_STYLE}`

/** An instant: an ISO string with its offset (the server's `…Z`), or milliseconds since the epoch. */
export type Instant = string | number

function inChina(at: Instant): dayjs.Dayjs {
  const d = dayjs.utc(at)
  if (!d.isValid()) throw new RangeError('not an instant')
  return d.utcOffset(CHINA_OFFSET_MINUTES)
}

/** The date in China of an instant: 2026-12-04. */
export function chinaDate(at: Instant): string {
  return inChina(at).format(DATE_STYLE)
}

/** The time of day in China of an instant: 08:30. */
export function chinaClock(at: Instant): string {
  return inChina(at).format(TIME_STYLE)
}

/** Date and time in China of an instant: 2026-12-04 08:30. */
export function chinaDateTime(at: Instant): string {
  return inChina(at).format(DATE_TIME_STYLE)
}

/** The calendar year in China of an instant (an exam year). */
export function chinaYear(at: Instant): number {
  return inChina(at).year()
}

/** The instant (ISO, UTC) of a China wall-clock time: `chinaInstant('2026-12-04', '00:00')` is 2026-12-03T16:00Z. */
export function chinaInstant(date: string, time = '00:00'): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) throw new RangeError('not a China date/time')
  return dayjs.utc(`${date}T${time}:00`).subtract(CHINA_OFFSET_MINUTES, 'minute').toISOString()
}
