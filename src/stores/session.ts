import Taro from '@tarojs/taro'
import { create } from 'zustand'
import type { Me, SessionResponse } from '@contract/account'
import { api, getSessionToken, setSessionExpiredListener, setSessionToken } from '../api'
import { clearAllDrafts, RETURN_TO_KEY } from './drafts'

/** The logged-in candidate. The token itself lives in src/api/session-token.ts (storage), sent on every call. */
interface SessionState {
  account: Me | null
  loggedIn: boolean
  /** Keeps a login's session and the candidate it belongs to. */
  signIn: (session: SessionResponse) => void
  /** Ends the session on the server (best effort) and here. */
  signOut: () => Promise<void>
  /** Forgets the session here only (expired session): drafts stay, so the candidate finishes after logging in. */
  clear: () => void
  /** The account is gone (cancelled): forgets the session and every draft on the device. */
  forgetAccount: () => void
  /** Loads the candidate behind a stored token (app restart). */
  loadMe: () => Promise<Me | null>
}

export const useSession = create<SessionState>((set) => ({
  account: null,
  loggedIn: !!getSessionToken(),
  signIn: (session) => {
    setSessionToken(session.token)
    set({ account: session.account, loggedIn: true })
  },
  signOut: async () => {
    try {
      if (getSessionToken()) await api.logout()
    } catch {
      // Logged out here anyway; the server session times out on its own.
    }
    setSessionToken(null)
    // Logging out leaves nothing typed on the device for the next person.
    clearAllDrafts()
    set({ account: null, loggedIn: false })
  },
  clear: () => {
    setSessionToken(null)
    set({ account: null, loggedIn: false })
  },
  forgetAccount: () => {
    setSessionToken(null)
    clearAllDrafts()
    set({ account: null, loggedIn: false })
  },
  loadMe: async () => {
    if (!getSessionToken()) return null
    const me = await api.me()
    set({ account: me, loggedIn: true })
    return me
  },
}))

export const LOGIN_URL = '/pages/login/index'
export const HUB_URL = '/pages/hub/index'
const RETURN_KEY = RETURN_TO_KEY

/** The page on top of the stack as a URL with its query, e.g. /pages/account-cancel/index?x=1. */
function currentPageUrl(): string | null {
  const pages = Taro.getCurrentPages() as Array<{ route?: string; options?: Record<string, string> }>
  const top = pages[pages.length - 1]
  if (!top?.route) return null
  const route = top.route.startsWith('/') ? top.route : `/${top.route}`
  const query = Object.entries(top.options ?? {})
    .filter(([k]) => !k.startsWith('$') && k !== 'stamp')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&')
  return query ? `${route}?${query}` : route
}

/** Remembers where the candidate was, so a login brings them back there. */
export function rememberReturnTo(url: string | null = currentPageUrl()): void {
  if (!url || url.startsWith(LOGIN_URL)) return
  try {
    Taro.setStorageSync(RETURN_KEY, url)
  } catch {
    // Without storage the candidate lands on the hub after login.
  }
}

function takeReturnTo(): string | null {
  try {
    const url = Taro.getStorageSync(RETURN_KEY) as string
    Taro.removeStorageSync(RETURN_KEY)
    return url || null
  } catch {
    return null
  }
}

export const RECORDS_URL = '/packages/profile/records/index'
const RECORD_FORM_URL = '/packages/profile/record-form/index'

/**
 * The pages under a page, from the hub up: what the candidate would have come through to reach it. A login that
 * returns to a page rebuilds this stack, so 返回 and a save that goes back land where they would have.
 */
export function pagesLeadingTo(url: string): string[] {
  const [path, query = ''] = url.split('?')
  if (path === HUB_URL) return [HUB_URL]
  if (path === RECORD_FORM_URL) {
    const kind = new URLSearchParams(query).get('kind') === 'degree' ? 'degree' : 'education'
    return [HUB_URL, `${RECORDS_URL}?kind=${kind}`, url]
  }
  return [HUB_URL, url]
}

/**
 * After any login: back to the page the session expired on (its draft restores what was typed), with the pages
 * under it, else the hub.
 */
export async function goAfterLogin(): Promise<void> {
  const [first, ...above] = pagesLeadingTo(takeReturnTo() ?? HUB_URL)
  await Taro.reLaunch({ url: first })
  for (const url of above) await Taro.navigateTo({ url })
}

/** Leaves the page for the one under it; with nothing under it (opened on its own), goes to `fallback` instead. */
export function leavePage(fallback: string): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.redirectTo({ url: fallback })
}

/** Sends the candidate to log in, remembering this page. For pages that need a session. */
export function requireLogin(): void {
  rememberReturnTo()
  void Taro.redirectTo({ url: LOGIN_URL })
}

let redirecting = false

/**
 * Installed once by the app: when the server says the session is gone, go to login and come back afterwards.
 * Several calls failing at once lead to one redirect.
 */
export function installSessionExpiry(): void {
  setSessionExpiredListener(() => {
    useSession.getState().clear()
    const here = currentPageUrl()
    if (redirecting || !here || here.startsWith(LOGIN_URL)) return
    redirecting = true
    rememberReturnTo(here)
    void Taro.redirectTo({ url: `${LOGIN_URL}?expired=1` }).finally(() => {
      redirecting = false
    })
  })
}
