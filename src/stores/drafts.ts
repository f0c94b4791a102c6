import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'

/**
 * Form drafts kept in device storage, keyed by page: a reload, an expired session or a closed app never loses what
 * was typed. Passwords and captcha answers must never be put in a draft (the `omit` keys are left out on save).
 */
const PREFIX = 'draft.'
const SAVE_DELAY_MS = 300

export function readDraft<T extends object>(key: string): Partial<T> | null {
  try {
    const raw = Taro.getStorageSync(PREFIX + key) as unknown
    return raw && typeof raw === 'object' ? (raw as Partial<T>) : null
  } catch {
    return null
  }
}

export function clearDraft(key: string): void {
  try {
    Taro.removeStorageSync(PREFIX + key)
  } catch {
    // Nothing to clear.
  }
}

/** Bumped when every draft is forgotten, so a form still mounted then does not write its draft back. */
let generation = 0

/**
 * Forgets every draft on the device and where a login would return to (logout, cancellation): the next person to
 * use this phone finds empty forms. An expired session keeps them (the candidate comes back to finish).
 */
export function clearAllDrafts(): void {
  generation++
  let keys: string[] = []
  try {
    keys = Taro.getStorageInfoSync().keys
  } catch {
    return
  }
  for (const key of keys) {
    if (!key.startsWith(PREFIX) && key !== RETURN_TO_KEY) continue
    try {
      Taro.removeStorageSync(key)
    } catch {
      // Already gone.
    }
  }
}

/** Where a login returns to (src/stores/session.ts); it names a page of the candidate's, so it goes with the drafts. */
export const RETURN_TO_KEY = 'session.returnTo'

/** Whose drafts (and return-to) the device holds: the username of the last candidate to log in here. */
const OWNER_KEY = 'session.draftOwner'

/**
 * Drafts kept through an expired session belong to the candidate who typed them. When someone else logs in on this
 * device (a shared phone or a hospital PC), they are forgotten first: nobody sees another candidate's typing, nor is
 * sent back to their pages.
 */
export function claimDrafts(username: string): void {
  let owner: unknown = null
  try {
    owner = Taro.getStorageSync(OWNER_KEY)
  } catch {
    // Unknown owner: nothing to compare with.
  }
  if (owner && owner !== username) clearAllDrafts()
  try {
    Taro.setStorageSync(OWNER_KEY, username)
  } catch {
    // Storage full: the next login cannot compare, and forgets nothing.
  }
}

export function writeDraft(key: string, value: object): void {
  try {
    Taro.setStorageSync(PREFIX + key, value)
  } catch {
    // Storage full: the form still works, only the draft is not kept.
  }
}

/**
 * State like useState, restored from and saved to the page's draft (saves are batched, at most one per 300 ms).
 * `clear()` after a successful submit. With `enabled` false it is plain state (a form without a draft).
 */
export function useDraft<T extends object>(
  key: string,
  initial: T,
  omit: ReadonlyArray<keyof T> = [],
  enabled = true,
): [T, (update: T | ((prev: T) => T)) => void, () => void] {
  const [value, setValue] = useState<T>(() =>
    enabled ? { ...initial, ...withoutKeys(readDraft<T>(key) ?? {}, omit) } : initial,
  )
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const latest = useRef(value)
  const cleared = useRef(false)
  const born = useRef(generation)

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    if (enabled && !cleared.current && born.current === generation) writeDraft(key, withoutKeys(latest.current, omit))
    // omit is a constant list per page
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, enabled])

  const update = useCallback(
    (next: T | ((prev: T) => T)) => {
      setValue((prev) => {
        const v = typeof next === 'function' ? (next as (p: T) => T)(prev) : next
        latest.current = v
        return v
      })
      cleared.current = false
      if (timer.current) clearTimeout(timer.current)
      timer.current = setTimeout(flush, SAVE_DELAY_MS)
    },
    [flush],
  )

  const clear = useCallback(() => {
    cleared.current = true
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    if (enabled) clearDraft(key)
  }, [key, enabled])

  // Leaving the page (redirect to login) saves at once.
  useEffect(() => () => flush(), [flush])

  return [value, update, clear]
}

function withoutKeys<T extends object>(value: Partial<T>, omit: ReadonlyArray<keyof T>): Partial<T> {
  const copy = { ...value }
  for (const k of omit) delete copy[k]
  return copy
}
