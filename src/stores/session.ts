import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { create } from 'zustand'
import type { Me, SessionResponse } from '@contract/account'
import { api, getSessionToken, setSessionExpiredListener, setSessionToken } from '../api'
import { claimDrafts, clearAllDrafts, RETURN_TO_KEY } from './drafts'
import { go, queryOfPage, routeOf, routes, type StackPage } from '../routes'

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
    claimDrafts(session.account.username)
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

/**
 * Calls `forget` when the candidate this device holds changes: logged out, the session gone (expired, cancelled), or
 * someone else logged in. Every store holding a candidate's data registers here, so nothing of one candidate is
 * shown to the next on a shared phone. Returns the unsubscribe.
 */
export function onCandidateLeft(forget: () => void): () => void {
  return useSession.subscribe((now, before) => {
    const otherCandidate = !!before.account && !!now.account && now.account.username !== before.account.username
    if ((before.loggedIn && !now.loggedIn) || otherCandidate) forget()
  })
}

/** Calls `arrived` on every login (after a logout or an expired session): the device's drafts are now its owner's. */
export function onLogin(arrived: () => void): () => void {
  return useSession.subscribe((now, before) => {
    if (!before.loggedIn && now.loggedIn) arrived()
  })
}

/** Kept for callers that need the bare URLs; navigate with src/routes.ts. */
export const LOGIN_URL = routes.login.path
const RETURN_KEY = RETURN_TO_KEY
/** The mini-programs keep at most 10 pages; a rebuilt stack stays well inside. */
const MAX_STACK = 9

type PageRecord = StackPage

/** A page of the stack as a URL with its query (queryOfPage: H5's reloaded pages too), e.g. /pages/x/index?id=1. */
function pageUrl(page: PageRecord | undefined): string | null {
  if (!page?.route) return null
  const route = page.route.startsWith('/') ? page.route : `/${page.route}`
  const query = Object.entries(queryOfPage(page))
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&')
  return query ? `${route}?${query}` : route
}

/** The page stack, bottom first, as URLs (login and register pages left out: they are not a place to return to). */
function currentStack(): string[] {
  const pages = Taro.getCurrentPages() as PageRecord[]
  return pages
    .map(pageUrl)
    .filter((url): url is string => !!url && !isLoginFlow(url))
    .slice(-MAX_STACK)
}

function isLoginFlow(url: string): boolean {
  const name = routeOf(url)
  return name === 'login' || name === 'register' || name === 'recover'
}

/**
 * Remembers where the candidate was, so a login brings them back there. Given no URL, the whole page stack is kept,
 * so after login they can go back through the pages they came by.
 */
export function rememberReturnTo(url: string | null = null): void {
  const stack = url ? (isLoginFlow(url) ? [] : [url]) : currentStack()
  if (!stack.length) return
  try {
    Taro.setStorageSync(RETURN_KEY, stack)
  } catch {
    // Without storage the candidate lands on the hub after login.
  }
}

function takeReturnTo(): string[] {
  try {
    const saved = Taro.getStorageSync(RETURN_KEY) as unknown
    Taro.removeStorageSync(RETURN_KEY)
    if (typeof saved === 'string' && saved) return [saved]
    return Array.isArray(saved) ? saved.filter((u): u is string => typeof u === 'string' && !!u) : []
  } catch {
    return []
  }
}

/**
 * After any login: back to the page the session was needed on (its draft restores what was typed) with the pages
 * below it, else the hub. The stack is rebuilt page by page: the bottom one afresh, the rest opened on top.
 */
export async function goAfterLogin(): Promise<void> {
  const [bottom, ...above] = takeReturnTo()
  try {
    await (bottom ? go.restartAtRecorded(bottom) : go.restart(routes.hub))
    await stackSettled(1)
    for (const [i, url] of above.entries()) {
      await go.toRecorded(url)
      await stackSettled(i + 2)
    }
  } catch {
    // A page that no longer exists: the candidate is where the rebuild stopped, still logged in.
  }
}

/**
 * Waits until the stack holds `depth` pages. On H5 a navigation's promise resolves before the router has finished
 * (a reLaunch still unloading the old pages would hide a page opened on top of it); mini-programs are there at once.
 */
async function stackSettled(depth: number, timeoutMs = 1000): Promise<void> {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    if (Taro.getCurrentPages().length === depth) break
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  // One more turn for the page's show transition to end.
  await new Promise((resolve) => setTimeout(resolve, 50))
}

/** Sends the candidate to log in, remembering the page stack. For pages that need a session. */
export function requireLogin(): void {
  rememberReturnTo()
  void go.replace(routes.login)
}

/**
 * The guard of every page that needs a session: opened without one, the candidate is sent to log in and comes back
 * here afterwards. Returns whether there was a session when the page opened (load nothing when false). A session
 * that expires while the page is open is the expiry listener's (installSessionExpiry), not the guard's.
 */
export function useRequireSession(): boolean {
  const [hasSession] = useState(() => !!getSessionToken())
  useEffect(() => {
    if (!hasSession) requireLogin()
  }, [hasSession])
  return hasSession
}

let redirecting = false

/**
 * Installed once by the app: when the server says the session is gone, go to login and come back afterwards.
 * Several calls failing at once lead to one redirect.
 */
export function installSessionExpiry(): void {
  setSessionExpiredListener(() => {
    useSession.getState().clear()
    const here = pageUrl((Taro.getCurrentPages() as PageRecord[]).slice(-1)[0])
    if (redirecting || !here || isLoginFlow(here)) return
    redirecting = true
    rememberReturnTo()
    void go.replace(routes.login, { expired: '1' }).finally(() => {
      redirecting = false
    })
  })
}
