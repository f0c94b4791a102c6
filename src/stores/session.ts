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
  const [path, inRoute = ''] = top.route.split('?')
  const route = path.startsWith('/') ? path : `/${path}`
  // H5 pages may carry their query in the route or only in the router's params, not in `options`.
  const options: Record<string, string> = {
    ...Object.fromEntries(new URLSearchParams(inRoute)),
    ...((Taro.getCurrentInstance?.()?.router?.params as Record<string, string> | undefined) ?? {}),
    ...(top.options ?? {}),
  }
  const query = Object.entries(options)
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

/**
 * The pages a login reopens: the hub, and above it the page the session ended on, so 返回 leads somewhere and a
 * page that goes back on success (a saved record) has a page to go back to (see leavePage).
 */
export function pagesLeadingTo(url: string): string[] {
  return url.split('?')[0] === HUB_URL ? [HUB_URL] : [HUB_URL, url]
}

/** The page a login returns to, opened by the hub once it is shown (navigating during a reLaunch is lost on H5). */
let pageAboveHub: string | null = null

/**
 * After any login: the hub, and above it the page the session expired on (its draft restores what was typed), so
 * 返回 leads to the hub. The hub opens that page when it mounts (takePageAboveHub).
 */
export async function goAfterLogin(): Promise<void> {
  const [first, above = null] = pagesLeadingTo(takeReturnTo() ?? HUB_URL)
  pageAboveHub = above
  await Taro.reLaunch({ url: first })
}

/** For the hub: the page to open above it after a login, once. */
export function takePageAboveHub(): string | null {
  const url = pageAboveHub
  pageAboveHub = null
  return url
}

/**
 * Leaves the page for `target` (a path with its query): back to it when it is the page underneath, else replacing
 * this page with it (the form was reopened above the hub after a login, or opened on its own).
 */
export function leavePage(target: string): void {
  const pages = Taro.getCurrentPages() as Array<{ route?: string }>
  const below = pages[pages.length - 2]?.route?.replace(/^\//, '')
  if (below && target.split('?')[0].replace(/^\//, '') === below.split('?')[0]) void Taro.navigateBack()
  else void Taro.redirectTo({ url: target })
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
