import Taro from '@tarojs/taro'

/** The session token, kept in storage so a restart of the app stays logged in. */
const KEY = 'session.token'
let cached: string | null | undefined

export function getSessionToken(): string | null {
  if (cached === undefined) {
    try {
      cached = (Taro.getStorageSync(KEY) as string) || null
    } catch {
      cached = null
    }
  }
  return cached
}

export function setSessionToken(token: string | null): void {
  cached = token
  try {
    if (token) Taro.setStorageSync(KEY, token)
    else Taro.removeStorageSync(KEY)
  } catch {
    // Storage full or unavailable: the in-memory token still serves this run.
  }
}

type ExpiredListener = () => void
let onExpired: ExpiredListener | null = null

/** The app layer registers what happens when the server says the session is gone (go to login, come back). */
export function setSessionExpiredListener(listener: ExpiredListener | null): void {
  onExpired = listener
}

export function notifySessionExpired(): void {
  setSessionToken(null)
  onExpired?.()
}
