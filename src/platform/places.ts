import type { CalendarEvent, MapPlace } from './types'

/**
 * The map and calendar calls' arguments, one pure function per platform contract (unit-tested in
 * tests/unit/platform-places.test.ts). Every position is GCJ-02 (types/results.ts GeoPoint), which all three
 * platforms' maps and 高德's web map take as they are: no datum conversion anywhere.
 */

/**
 * wx.openLocation / swan.openLocation: latitude and longitude as numbers (required), name and address strings,
 * scale 5–18 (18 is both platforms' default: street level, where a school's gate is visible).
 * https://developers.weixin.qq.com/miniprogram/dev/api/location/wx.openLocation.html
 * https://smartprogram.baidu.com/docs/develop/api/location/swan-openLocation/
 */
export function numericLocationOptions(place: MapPlace) {
  return {
    latitude: place.latitude,
    longitude: place.longitude,
    name: place.name,
    address: place.address,
    scale: 18,
  }
}

/**
 * my.openLocation: longitude, latitude, name and address are all required and all strings (the official typings
 * and the page: "经度 String"); scale 3–19, default 15. "仅支持高德地图 style 与火星坐标系" (GCJ-02).
 * https://opendocs.alipay.com/mini/api/as9kin
 */
export function alipayLocationOptions(place: MapPlace) {
  return {
    latitude: String(place.latitude),
    longitude: String(place.longitude),
    name: place.name,
    address: place.address,
    scale: 17,
  }
}

/**
 * H5: 高德's public marker page (URI API, no key): `position=<lng>,<lat>` with `coordinate=gaode` (GCJ-02), the
 * place's name on its card, `callnative=0` (stay in the browser; the page itself offers 路线 and the 高德 app).
 * https://lbs.amap.com/api/uri-api/guide/mobile-web/point
 */
export const AMAP_MARKER = 'https://uri.amap.com/marker'
export function amapMarkerUrl(place: MapPlace): string {
  const q = [
    `position=${place.longitude},${place.latitude}`,
    `name=${encodeURIComponent(place.name)}`,
    'src=health-exam-candidate',
    'coordinate=gaode',
    'callnative=0',
  ]
  return `${AMAP_MARKER}?${q.join('&')}`
}

/**
 * wx.addPhoneCalendar: title and startTime (unix seconds) required; endTime unix seconds too — a number on the
 * current page, a string in the official typings (miniprogram-api-typings 5.x) and the older page, so it is sent as
 * a string of digits, which both read; alarm true with alarmOffset seconds before the start.
 * https://developers.weixin.qq.com/miniprogram/dev/api/device/calendar/wx.addPhoneCalendar.html
 */
export function wxCalendarOptions(event: CalendarEvent) {
  return {
    title: event.title,
    startTime: Math.floor(event.startsAt / 1000),
    endTime: String(Math.floor(event.endsAt / 1000)),
    allDay: false,
    location: event.location,
    description: event.description,
    alarm: true,
    alarmOffset: event.alarmOffsetSeconds,
  }
}
