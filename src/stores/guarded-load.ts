import { useDidShow } from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import { useRequireSession } from './session'

/**
 * The guarded load of a page that needs a session: the guard first (no session: off to log in, nothing loaded), then
 * `load`, either once when the page opens and again whenever one of `keys` changes (`on: 'open'`, the default), or
 * every time the page is shown (`on: 'show'`: the first time, and back from a page above, so a change made there
 * shows here at once). `load` may change from render to render: the latest one runs. Returns whether there was a
 * session.
 *
 *   const hasSession = useGuardedLoad(() => id && useProcess.getState().loadPayment(id), { on: 'show' })
 */
export function useGuardedLoad(
  load: () => unknown,
  options: { on?: 'open' | 'show'; keys?: ReadonlyArray<string | number | boolean | null | undefined> } = {},
): boolean {
  const hasSession = useRequireSession()
  const latest = useRef(load)
  latest.current = load
  const on = options.on ?? 'open'
  const keys = JSON.stringify(options.keys ?? [])
  useEffect(() => {
    if (hasSession && on === 'open') void latest.current()
  }, [hasSession, on, keys])
  useDidShow(() => {
    if (hasSession && on === 'show') void latest.current()
  })
  return hasSession
}
