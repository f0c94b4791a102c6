import type { Ticket, TicketSitting } from '@contract/results'
import type { CalendarEvent, MapPlace } from '../../platform/types'

/**
 * Exam day from the ticket (issue 24): the way to each centre, the card with the dates, times and what to bring, and
 * the phone's calendar entry. Pure: unit-tested in tests/unit/exam-day.test.ts.
 */

/** The centre of a sitting as a map place, or null when the server has no position for it. */
export function placeOf(sitting: TicketSitting): MapPlace | null {
  if (!sitting.location) return null
  return { ...sitting.location, name: sitting.centre, address: sitting.address }
}

/**
 * What to bring, as the 考生须知 already says it: the rules that speak of 携带 (the ticket and ID; the pen, pencil
 * and eraser allowed at the seat). One source: the server's rules, never a second list here.
 */
export function whatToBring(rules: string[]): string[] {
  return rules.filter((r) => r.includes('携带'))
}

/** Each exam day (China time, as the server gives it) with its sittings' times and subjects, in order. */
export function examDays(sittings: TicketSitting[]): { date: string; times: string[] }[] {
  const days: { date: string; times: string[] }[] = []
  const sorted = [...sittings].sort((a, b) => a.startsAt.localeCompare(b.startsAt))
  for (const s of sorted) {
    let day = days.find((d) => d.date === s.date)
    if (!day) days.push((day = { date: s.date, times: [] }))
    day.times.push(`${s.time} ${s.subjectName}`)
  }
  return days
}

/** The reminder's lead: two hours before the first sitting (admission closes 15 minutes after the start). */
export const CALENDAR_ALARM_SECONDS = 2 * 3600

/**
 * One calendar entry for the whole exam, from the first sitting's start to the last one's end, every sitting (date,
 * time, subject, centre, room, seat) and what to bring in its description. One, not one per sitting: WeChat adds an
 * entry only inside a tap (wx.addPhoneCalendar: 限制：仅在点击行为时调用), so one tap can make one entry; four
 * taps for four sittings would be four dialogs and easy to leave half done. The 准考证号 and ID number stay out (a
 * phone's calendar syncs to other accounts).
 */
export function examCalendarEvent(ticket: Ticket): CalendarEvent | null {
  const sittings = [...ticket.sittings].sort((a, b) => a.startsAt.localeCompare(b.startsAt))
  const first = sittings[0]
  const last = sittings[sittings.length - 1]
  if (!first || !last) return null
  const centres = [...new Set(sittings.map((s) => `${s.centre}（${s.address}）`))]
  const lines = sittings.map((s) => `${s.date} ${s.time} ${s.subjectName}：${s.centre} ${s.room} 座位号 ${s.seat}`)
  const bring = whatToBring(ticket.rules)
  return {
    title: ticket.brief.examName,
    startsAt: Date.parse(first.startsAt),
    endsAt: Math.max(...sittings.map((s) => Date.parse(s.endsAt))),
    location: centres.join('；'),
    description: [...lines, ...(bring.length ? ['须携带：', ...bring] : [])].join('\n'),
    alarmOffsetSeconds: CALENDAR_ALARM_SECONDS,
  }
}
