import WebSocket from 'ws'
import type { OpenedRecord } from '../../../tools/miniprogram-host/src/places'
import { wsEndpoint } from './env'

/** A page the H5 app opened in a new tab (the bridge records window.open instead of loading the site). */
export interface OpenedPage {
  kind: 'page'
  api: 'window.open'
  url: string
  target: string
}
export type Opened = OpenedRecord | OpenedPage

/** One request of the runners' own methods (not the devtools' protocol): the host's and the H5 bridge's. */
function hostCall<T>(method: string, params: Record<string, unknown>): Promise<T> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsEndpoint())
    const timer = setTimeout(() => (ws.close(), reject(new Error(`${method}: no answer`))), 10_000)
    ws.once('error', (err) => (clearTimeout(timer), reject(err)))
    ws.once('open', () => ws.send(JSON.stringify({ id: 'host', method, params })))
    ws.on('message', (data) => {
      const reply = JSON.parse(String(data)) as { id?: string; result?: T; error?: { message?: string } }
      if (reply.id !== 'host') return
      clearTimeout(timer)
      ws.close()
      if (reply.error) reject(new Error(`${method}: ${reply.error.message ?? 'refused'}`))
      else resolve(reply.result as T)
    })
  })
}

/**
 * What the app handed to the phone outside itself since the last call: the maps it opened and the calendar entries
 * it made (the mini-program host: tools/miniprogram-host/src/places.ts), or the pages it opened in a new tab (H5).
 */
export async function takeOpened(): Promise<Opened[]> {
  return (await hostCall<{ opened: Opened[] }>('Host.takeOpened', {})).opened
}

/** A map shown, as a place: the platform's arguments, or on H5 the position and name in 高德's marker link. */
export function placeOf(opened: Opened): { latitude: number; longitude: number; name?: string } | null {
  if (opened.kind === 'map') return { latitude: opened.latitude, longitude: opened.longitude, name: opened.name }
  if (opened.kind !== 'page') return null
  const url = new URL(opened.url)
  const [lng, lat] = (url.searchParams.get('position') ?? '').split(',').map(Number)
  if (lat === undefined || lng === undefined) return null
  return { latitude: lat, longitude: lng, name: url.searchParams.get('name') ?? undefined }
}

/** The mini-program host's client: an older base library (APIs newer than it missing, canIUse false), or null. */
export function setBaseLibrary(baseLibrary: string | null): Promise<unknown> {
  return hostCall('Host.client', { baseLibrary })
}
