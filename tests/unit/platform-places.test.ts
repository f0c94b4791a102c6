/**
 * The map and calendar calls (issue 24): the arguments each platform's page documents, the H5 map link, the exam's
 * calendar entry and card, and WeChat's calendar answers read by its refusal table. The platform layers run against
 * stand-in `wx`/`my`/`swan` objects that fail a call the way the platform does when an argument is missing or of the
 * wrong type (the host does the same on the real bundles: tools/miniprogram-host/test/places.test.ts).
 */
import type { Ticket } from '../../types/results'
import {
  CALENDAR_ALARM_SECONDS,
  examCalendarEvent,
  examDays,
  placeOf,
  whatToBring,
} from '../../src/packages/results/exam-day'
import {
  alipayLocationOptions,
  amapMarkerUrl,
  numericLocationOptions,
  wxCalendarOptions,
} from '../../src/platform/places'
import { platform as alipay } from '../../src/platform/platform.alipay'
import { platform as swan } from '../../src/platform/platform.swan'
import { calendarResultOfWx, platform as weapp } from '../../src/platform/platform.weapp'
import type { MapPlace } from '../../src/platform/types'

type Fn = (...args: unknown[]) => unknown
type Opts = Record<string, unknown> & { success?: Fn; fail?: Fn }

const PLACE: MapPlace = {
  latitude: 39.93736,
  longitude: 116.43771,
  name: '北京市东城区考点（北京市第五十五中学）',
  address: '北京市东城区新中街甲 1 号',
}

/** A stand-in API: type-checks the arguments as the page documents them, records the call, answers `answer`. */
function api(types: Record<string, string>, required: string[], answer: () => Record<string, unknown> | null) {
  const calls: Opts[] = []
  const fn = (o: Opts) => {
    calls.push(o)
    const bad = Object.entries(types).find(([k, t]) => o[k] !== undefined && typeof o[k] !== t)
    const missing = required.find((k) => o[k] === undefined)
    const failure = missing || bad ? { errMsg: 'x:fail parameter error', error: 2 } : answer()
    setTimeout(() => (failure ? o.fail?.(failure) : o.success?.({})), 0)
  }
  return { fn, calls }
}

const wxAnswer: { next: Record<string, unknown> | null } = { next: null }
const wxOpen = api(
  { latitude: 'number', longitude: 'number', name: 'string', address: 'string' },
  ['latitude', 'longitude'],
  () => wxAnswer.next,
)
const wxCalendar = api(
  { title: 'string', startTime: 'number', endTime: 'string', alarm: 'boolean', alarmOffset: 'number' },
  ['title', 'startTime'],
  () => wxAnswer.next,
)
const canIUse = { calendar: true }
const myOpen = api(
  { latitude: 'string', longitude: 'string', name: 'string', address: 'string' },
  ['latitude', 'longitude', 'name', 'address'],
  () => null,
)
const swanOpen = api({ latitude: 'number', longitude: 'number' }, ['latitude', 'longitude'], () => null)

const g = globalThis as unknown as Record<string, unknown>
g.wx = {
  openLocation: wxOpen.fn,
  addPhoneCalendar: wxCalendar.fn,
  canIUse: (schema: string) => (schema === 'addPhoneCalendar' ? canIUse.calendar : true),
}
g.my = { openLocation: myOpen.fn }
g.swan = { openLocation: swanOpen.fn }

const ticket = {
  brief: { examName: '2026年度卫生专业技术资格考试' },
  sittings: [
    // Out of order on purpose: the entry and the card sort by time.
    {
      subjectCode: '3',
      subjectName: '专业知识',
      date: '2026-05-17',
      time: '08:30–10:00',
      startsAt: '2026-05-17T00:30:00.000Z',
      endsAt: '2026-05-17T02:00:00.000Z',
      centre: PLACE.name,
      address: PLACE.address,
      location: { latitude: PLACE.latitude, longitude: PLACE.longitude },
      room: '第 14 考场',
      seat: '02',
    },
    {
      subjectCode: '1',
      subjectName: '基础知识',
      date: '2026-05-16',
      time: '08:30–10:00',
      startsAt: '2026-05-16T00:30:00.000Z',
      endsAt: '2026-05-16T02:00:00.000Z',
      centre: PLACE.name,
      address: PLACE.address,
      location: { latitude: PLACE.latitude, longitude: PLACE.longitude },
      room: '第 12 考场',
      seat: '02',
    },
    {
      subjectCode: '2',
      subjectName: '相关专业知识',
      date: '2026-05-16',
      time: '13:30–15:00',
      startsAt: '2026-05-16T05:30:00.000Z',
      endsAt: '2026-05-16T07:00:00.000Z',
      centre: PLACE.name,
      address: PLACE.address,
      location: null,
      room: '第 13 考场',
      seat: '02',
    },
  ],
  rules: [
    '考生须携带准考证和有效身份证件原件，按准考证上的时间、地点参加考试。',
    '开考前 30 分钟进入考场。',
    '除黑色签字笔、2B 铅笔和橡皮外，不得携带任何物品进入座位。',
  ],
} as unknown as Ticket

beforeEach(() => {
  for (const a of [wxOpen, wxCalendar, myOpen, swanOpen]) a.calls.length = 0
  wxAnswer.next = null
  canIUse.calendar = true
})

describe('the map', () => {
  it('WeChat and Baidu take numbers, Alipay strings for every field, all in GCJ-02 as given', () => {
    expect(numericLocationOptions(PLACE)).toEqual({ ...PLACE, scale: 18 })
    expect(alipayLocationOptions(PLACE)).toEqual({
      latitude: '39.93736',
      longitude: '116.43771',
      name: PLACE.name,
      address: PLACE.address,
      scale: 17,
    })
  })

  it('each platform layer hands its map the arguments it documents and reads the answer', async () => {
    expect(await weapp.openLocation(PLACE)).toBe('opened')
    expect(wxOpen.calls[0]).toMatchObject({ latitude: 39.93736, longitude: 116.43771, name: PLACE.name })
    expect(await alipay.openLocation(PLACE)).toBe('opened')
    expect(myOpen.calls[0]).toMatchObject({ latitude: '39.93736', longitude: '116.43771', address: PLACE.address })
    expect(await swan.openLocation(PLACE)).toBe('opened')
    expect(swanOpen.calls[0]).toMatchObject({ latitude: 39.93736, longitude: 116.43771 })
  })

  it("a refusal is `failed`, WeChat's privacy popup refused `privacy`", async () => {
    wxAnswer.next = { errMsg: 'openLocation:fail system error' }
    expect(await weapp.openLocation(PLACE)).toBe('failed')
    wxAnswer.next = { errMsg: 'openLocation:fail privacy permission is not authorized', errno: 104 }
    expect(await weapp.openLocation(PLACE)).toBe('privacy')
  })

  it("H5: 高德's public marker page, longitude first, the name encoded, GCJ-02 declared, no key", () => {
    const url = new URL(amapMarkerUrl(PLACE))
    expect(url.origin + url.pathname).toBe('https://uri.amap.com/marker')
    expect(url.searchParams.get('position')).toBe('116.43771,39.93736')
    expect(url.searchParams.get('name')).toBe(PLACE.name)
    expect(url.searchParams.get('coordinate')).toBe('gaode')
    expect(url.searchParams.get('callnative')).toBe('0')
    expect(url.search).not.toMatch(/key=/)
  })

  it('a sitting without a position offers no map', () => {
    expect(placeOf(ticket.sittings[0]!)).toEqual(PLACE)
    expect(placeOf(ticket.sittings[2]!)).toBeNull()
  })
})

describe('the exam day card and the calendar entry', () => {
  it('the card: each day with its sittings in order; what to bring in the 考生须知 words', () => {
    expect(examDays(ticket.sittings)).toEqual([
      { date: '2026-05-16', times: ['08:30–10:00 基础知识', '13:30–15:00 相关专业知识'] },
      { date: '2026-05-17', times: ['08:30–10:00 专业知识'] },
    ])
    expect(whatToBring(ticket.rules)).toEqual([ticket.rules[0], ticket.rules[2]])
  })

  it('one entry from the first start to the last end, every sitting and what to bring in it, 2 h alarm', () => {
    const event = examCalendarEvent(ticket)!
    expect(event.startsAt).toBe(Date.parse('2026-05-16T00:30:00.000Z'))
    expect(event.endsAt).toBe(Date.parse('2026-05-17T02:00:00.000Z'))
    expect(event.alarmOffsetSeconds).toBe(CALENDAR_ALARM_SECONDS)
    expect(event.location).toBe(`${PLACE.name}（${PLACE.address}）`)
    const lines = event.description.split('\n')
    expect(lines[0]).toBe(`2026-05-16 08:30–10:00 基础知识：${PLACE.name} 第 12 考场 座位号 02`)
    expect(lines[2]).toContain('专业知识')
    expect(event.description).toContain('须携带')
    expect(examCalendarEvent({ ...ticket, sittings: [] })).toBeNull()
  })

  it("wx.addPhoneCalendar's arguments: unix seconds, endTime as the typings' string of digits, alarm on", () => {
    const event = examCalendarEvent(ticket)!
    expect(wxCalendarOptions(event)).toEqual({
      title: '2026年度卫生专业技术资格考试',
      startTime: Date.parse('2026-05-16T00:30:00.000Z') / 1000,
      endTime: String(Date.parse('2026-05-17T02:00:00.000Z') / 1000),
      allDay: false,
      location: event.location,
      description: event.description,
      alarm: true,
      alarmOffset: 7200,
    })
  })

  it('WeChat adds the entry where canIUse says so; only WeChat can', async () => {
    const event = examCalendarEvent(ticket)!
    expect(weapp.canAddToCalendar()).toBe(true)
    expect(await weapp.addToCalendar(event)).toBe('added')
    expect(wxCalendar.calls).toHaveLength(1)
    canIUse.calendar = false
    expect(weapp.canAddToCalendar()).toBe(false)
    expect(await weapp.addToCalendar(event)).toBe('unsupported')
    expect(wxCalendar.calls).toHaveLength(1)
    expect(alipay.canAddToCalendar()).toBe(false)
    expect(swan.canAddToCalendar()).toBe(false)
    expect(await alipay.addToCalendar(event)).toBe('unsupported')
  })

  it("WeChat's calendar refusals by its table: the scope, the privacy popup, a cancel, anything else", async () => {
    expect(calendarResultOfWx({ errMsg: 'addPhoneCalendar:fail auth deny' })).toBe('denied')
    expect(calendarResultOfWx({ errMsg: 'addPhoneCalendar:fail auth denied' })).toBe('denied')
    expect(
      calendarResultOfWx({ errMsg: 'addPhoneCalendar:fail privacy permission is not authorized', errno: 104 }),
    ).toBe('privacy')
    expect(calendarResultOfWx({ errMsg: 'addPhoneCalendar:fail cancel' })).toBe('cancel')
    expect(calendarResultOfWx({ errMsg: 'addPhoneCalendar:fail can only be invoked by user TAP gesture.' })).toBe(
      'failed',
    )
    // Never by words searched inside the message.
    expect(calendarResultOfWx({ errMsg: 'addPhoneCalendar:fail something auth deny' })).toBe('failed')
    wxAnswer.next = { errMsg: 'addPhoneCalendar:fail auth deny' }
    expect(await weapp.addToCalendar(examCalendarEvent(ticket)!)).toBe('denied')
  })
})
