import type { StateSlice } from '../../core/store'
import { mapFrom } from '../../core/persist'
import { pruneCaptchas, type Captcha } from './state'

declare module '../../core/store' {
  interface State {
    /** By captcha id. */
    captchas: Map<string, Captcha>
    /** The id of the captcha issued last, for the QA API. */
    lastCaptchaId: string | null
  }
}

/** The captchas' part of the state. */
export const publicSlice: StateSlice = {
  empty: () => ({ captchas: new Map(), lastCaptchaId: null }),
  revive: (json) => ({
    captchas: mapFrom<Captcha>(json.captchas),
    lastCaptchaId: typeof json.lastCaptchaId === 'string' ? json.lastCaptchaId : null,
  }),
  prune: (state, now) => pruneCaptchas(state.captchas, now),
}
