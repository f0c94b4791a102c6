import { ApiFailure } from './host-core'
import type { MiniTarget } from './platforms'

/**
 * The map and the phone's calendar as each platform takes them (issue 24): the argument types each page documents,
 * refused the way the platform refuses them, and what was opened or added, kept for the spec (Host.takeOpened).
 * - WeChat wx.openLocation: latitude, longitude number (required), name, address string, scale number 5–18.
 *   https://developers.weixin.qq.com/miniprogram/dev/api/location/wx.openLocation.html
 * - Alipay my.openLocation: longitude, latitude, name, address — all required, all String; scale Number 3–19.
 *   https://opendocs.alipay.com/mini/api/as9kin (and @mini-types/my's declaration)
 * - Baidu swan.openLocation: latitude, longitude Number (required), scale, name, address optional.
 *   https://smartprogram.baidu.com/docs/develop/api/location/swan-openLocation/
 * - WeChat wx.addPhoneCalendar (基础库 2.15.0+, scope.addPhoneCalendar, only from a tap): title string and startTime
 *   number required; endTime unix seconds (a number on the current page, a string in the typings and the older page:
 *   both taken), allDay, alarm boolean, alarmOffset number, location, description string.
 *   https://developers.weixin.qq.com/miniprogram/dev/api/device/calendar/wx.addPhoneCalendar.html
 * A wrong type answers as a missing field does (WeChat's "parameter error: parameter.x should be Number instead of
 * String;", Alipay's error 2 参数错误) and is reported as a breach of the contract (a spec fails on it).
 */

/** What the app handed to the phone outside itself: a map shown, a calendar entry made. */
export type OpenedRecord =
  | {
      kind: 'map'
      api: string
      latitude: number
      longitude: number
      name?: string
      address?: string
      scale?: number
    }
  | {
      kind: 'calendar'
      api: string
      title: string
      /** Unix seconds, as the call gave them. */
      startTime: number
      endTime?: number
      alarm: boolean
      alarmOffset: number
      location?: string
      description?: string
    }

type Kind = 'number' | 'string' | 'boolean' | 'digits'
type Shape = Record<string, Kind>

/** Each call's documented argument types, per platform (required fields are the API table's). */
export const ARGUMENT_TYPES: Record<MiniTarget, Record<string, Shape>> = {
  weapp: {
    openLocation: { latitude: 'number', longitude: 'number', name: 'string', address: 'string', scale: 'number' },
    addPhoneCalendar: {
      title: 'string',
      startTime: 'number',
      endTime: 'digits',
      allDay: 'boolean',
      alarm: 'boolean',
      alarmOffset: 'number',
      location: 'string',
      description: 'string',
    },
  },
  alipay: {
    openLocation: { latitude: 'string', longitude: 'string', name: 'string', address: 'string', scale: 'number' },
  },
  swan: {
    openLocation: { latitude: 'number', longitude: 'number', name: 'string', address: 'string', scale: 'number' },
  },
}

const TYPE_NAMES: Record<string, string> = { number: 'Number', string: 'String', boolean: 'Boolean' }

function fits(value: unknown, kind: Kind): boolean {
  if (kind === 'digits') return (typeof value === 'number' && Number.isFinite(value)) || /^\d+$/.test(String(value))
  if (kind === 'number') return typeof value === 'number' && Number.isFinite(value)
  return typeof value === kind
}

/** The first argument of the wrong type, as the platform words it; null when every given argument fits. */
export function typeError(target: MiniTarget, api: string, opts: Record<string, unknown>): ApiFailure | null {
  const shape = ARGUMENT_TYPES[target][api]
  if (!shape) return null
  for (const [field, kind] of Object.entries(shape)) {
    const value = opts[field]
    if (value === undefined || fits(value, kind)) continue
    const want = TYPE_NAMES[kind === 'digits' ? 'number' : kind]
    const got = value === null ? 'Null' : (TYPE_NAMES[typeof value] ?? typeof value)
    return new ApiFailure(2, `parameter error: parameter.${field} should be ${want} instead of ${got};`)
  }
  return null
}

/** A place the platform's map was opened at (the numbers as the map reads them; Alipay's come as strings). */
export function mapRecord(api: string, o: Record<string, unknown>): OpenedRecord {
  return {
    kind: 'map',
    api,
    latitude: Number(o.latitude),
    longitude: Number(o.longitude),
    name: o.name === undefined ? undefined : String(o.name),
    address: o.address === undefined ? undefined : String(o.address),
    scale: o.scale === undefined ? undefined : Number(o.scale),
  }
}

/** A calendar entry as the phone keeps it (defaults as the page gives them: alarm true, offset 0). */
export function calendarRecord(api: string, o: Record<string, unknown>): OpenedRecord {
  return {
    kind: 'calendar',
    api,
    title: String(o.title),
    startTime: Number(o.startTime),
    endTime: o.endTime === undefined ? undefined : Number(o.endTime),
    alarm: o.alarm === undefined ? true : o.alarm === true,
    alarmOffset: o.alarmOffset === undefined ? 0 : Number(o.alarmOffset),
    location: o.location === undefined ? undefined : String(o.location),
    description: o.description === undefined ? undefined : String(o.description),
  }
}

/**
 * The base library each API arrived in, where the app checks for it (wx.canIUse): a host set to an older client
 * (Host.client { baseLibrary }) has no such API (undefined on the API object) and canIUse answers false.
 * https://developers.weixin.qq.com/miniprogram/dev/framework/compatibility.html
 */
export const API_SINCE: Record<MiniTarget, Record<string, string>> = {
  weapp: { addPhoneCalendar: '2.15.0' },
  alipay: {},
  swan: {},
}

/** a < b for dotted versions (2.14.0 < 2.15.0 < 2.15.1). */
export function olderThan(a: string, b: string): boolean {
  const x = a.split('.').map(Number)
  const y = b.split('.').map(Number)
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0)
    if (d !== 0) return d < 0
  }
  return false
}
