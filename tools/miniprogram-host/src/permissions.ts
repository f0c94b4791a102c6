import type { MiniTarget } from './platforms'

/**
 * The permission model of each platform, as a phone answers: the mini-program's scopes (asked once, then refused
 * at once until the settings allow them again), the phone's own permissions for the client app, and WeChat's
 * privacy popup (用户隐私保护指引) in front of every privacy API. A spec scripts what the candidate answers
 * (Host.permissions); by default everything asked is allowed, so specs that do not script it see a phone that
 * agrees. Each refusal answers with the platform's own code:
 * - WeChat: a scope refused → errMsg "<api>:fail auth deny" (wx.authorize; the scope list: scope.writePhotosAlbum,
 *   scope.camera); the privacy popup refused → errMsg "<api>:fail privacy permission is not authorized", errno 104.
 *   https://developers.weixin.qq.com/miniprogram/dev/api/open-api/authorize/wx.authorize.html
 *   https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/authorize.html
 *   https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/PrivacyAuthorize.html
 *   https://developers.weixin.qq.com/miniprogram/dev/framework/usability/PublicErrno.html
 * - Baidu: a scope refused → errCode 10003 "user deny", and Baidu never asks again (only swan.openSetting allows it);
 *   the Baidu app itself without the phone's permission → errCode 10005 "system deny".
 *   https://smartprogram.baidu.com/docs/develop/api/open/authorize_swan-authorize/
 * - Alipay: the album or camera scope refused → error 2001 (在申请授权时用户拒绝授权, my.chooseImage's table in the
 *   official typings); the phone's album permission off (iOS) → error 15 (没有开启相册权限) on saving, whose way
 *   forward is my.showAuthGuide({ authType: 'PHOTO' }).
 *   https://opendocs.alipay.com/mini/api/media/image/my.saveimagetophotosalbum, https://opendocs.alipay.com/mini/api/show-auth-guide
 * wx.openSetting / swan.openSetting answer only from a tap ("can only be invoked by user TAP gesture", 基础库 2.3.0+).
 * https://developers.weixin.qq.com/miniprogram/dev/api/open-api/setting/wx.openSetting.html
 */

/**
 * The scopes the app meets, by the host's short names. `addPhoneCalendar`: WeChat's scope.addPhoneCalendar, asked by
 * wx.addPhoneCalendar (since 2022-02-21 "添加日历事件 … 需要授权 scope.addPhoneCalendar"); refused: "auth deny".
 * https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/authorize.html
 */
export type Scope = 'album' | 'writePhotosAlbum' | 'camera' | 'addPhoneCalendar'
export const SCOPES: Scope[] = ['album', 'writePhotosAlbum', 'camera', 'addPhoneCalendar']

export interface PermissionScript {
  /** Forget every answer the candidate gave (a fresh install) before applying the rest. */
  reset?: boolean
  /** What the candidate answers when the platform asks for a scope (default allow). */
  answers?: Partial<Record<Scope, 'allow' | 'deny'>>
  /** Sets a scope's state directly (true allowed, false refused, null never asked). */
  scopes?: Partial<Record<Scope, boolean | null>>
  /** The phone's own permission for the client app (default on). */
  system?: Partial<Record<'album' | 'camera', 'on' | 'off'>>
  /** WeChat's privacy popup: what the candidate answers (default agree), and whether it was agreed already. */
  privacy?: 'agree' | 'disagree'
  privacyAgreed?: boolean
  /** What the candidate changes in the settings page openSetting shows (default nothing). */
  inSettings?: Partial<Record<Scope, boolean>>
  /** Which source the candidate takes in a picker that offers both (default album). */
  source?: 'album' | 'camera'
}

/** What the platform showed, for the spec: prompts, popups, the settings page, Alipay's guide, lifecycles. */
export type PermissionEvent =
  | { type: 'prompt'; scope: Scope; answer: 'allow' | 'deny' }
  | { type: 'privacy-popup'; api: string; answer: 'agree' | 'disagree'; by: 'platform' | 'app' }
  | { type: 'settings'; outcome: 'opened' | 'refused-outside-tap' }
  | { type: 'auth-guide'; authType: string; shown: boolean }
  | { type: 'refused'; api: string; code: number | string }
  | { type: 'lifecycle'; hook: 'onHide' | 'onShow'; around: string }

/** The platform's own name of a scope, as getSetting/openSetting answer it. */
const SCOPE_NAMES: Record<MiniTarget, Record<Scope, string>> = {
  weapp: {
    album: 'scope.album',
    writePhotosAlbum: 'scope.writePhotosAlbum',
    camera: 'scope.camera',
    addPhoneCalendar: 'scope.addPhoneCalendar',
  },
  // Baidu and Alipay have no calendar API (and so no such scope); the names only complete the table.
  swan: {
    album: 'scope.album',
    writePhotosAlbum: 'scope.writePhotosAlbum',
    camera: 'scope.camera',
    addPhoneCalendar: 'scope.addPhoneCalendar',
  },
  // my.openSetting's scopes: album (相册), camera (摄像头). https://opendocs.alipay.com/mini/api/qflu8f
  alipay: { album: 'album', writePhotosAlbum: 'album', camera: 'camera', addPhoneCalendar: 'calendar' },
}

/** WeChat's APIs behind the privacy popup that the app calls (the 用户隐私保护指引's list). */
const WX_PRIVACY_APIS = new Set([
  'chooseMedia',
  'chooseImage',
  'chooseMessageFile',
  'saveImageToPhotosAlbum',
  // 日历（仅写入）: the guide lists wx.addPhoneCalendar / wx.addPhoneRepeatCalendar among its interfaces.
  'addPhoneCalendar',
  'authorize',
  'requirePrivacyAuthorize',
])

/** A platform-shaped failure the fail callback receives as is. */
export type Refusal = Record<string, unknown>

export class Permissions {
  private readonly state = new Map<Scope, boolean>()
  private answers: Partial<Record<Scope, 'allow' | 'deny'>> = {}
  private system: Record<'album' | 'camera', 'on' | 'off'> = { album: 'on', camera: 'on' }
  private privacyAnswer: 'agree' | 'disagree' = 'agree'
  private privacyAgreed = false
  private inSettings: Partial<Record<Scope, boolean>> = {}
  source: 'album' | 'camera' = 'album'
  /** wx.onNeedPrivacyAuthorization's listener, when the app registered one. */
  privacyListener: ((resolve: (r: { event?: string }) => void, info: { referrer: string }) => void) | null = null
  readonly events: PermissionEvent[] = []

  constructor(readonly target: MiniTarget) {}

  apply(script: PermissionScript): void {
    if (script.reset) {
      this.state.clear()
      this.answers = {}
      this.system = { album: 'on', camera: 'on' }
      this.privacyAnswer = 'agree'
      this.privacyAgreed = false
      this.inSettings = {}
      this.source = 'album'
      this.events.length = 0
    }
    Object.assign(this.answers, script.answers ?? {})
    for (const [scope, value] of Object.entries(script.scopes ?? {}) as [Scope, boolean | null][]) {
      if (value === null) this.state.delete(scope)
      else this.state.set(scope, value)
    }
    Object.assign(this.system, script.system ?? {})
    if (script.privacy) this.privacyAnswer = script.privacy
    if (script.privacyAgreed !== undefined) this.privacyAgreed = script.privacyAgreed
    Object.assign(this.inSettings, script.inSettings ?? {})
    if (script.source) this.source = script.source
  }

  /** What a spec reads back: the scopes as getSetting answers them, and what the platform showed so far. */
  snapshot(): { authSetting: Record<string, boolean>; privacyAgreed: boolean; events: PermissionEvent[] } {
    return { authSetting: this.authSetting(), privacyAgreed: this.privacyAgreed, events: [...this.events] }
  }

  /** getSetting/openSetting's authSetting: the scopes asked so far, by the platform's names. */
  authSetting(): Record<string, boolean> {
    const out: Record<string, boolean> = {}
    for (const [scope, allowed] of this.state) out[SCOPE_NAMES[this.target][scope]] = allowed
    return out
  }

  /** The scope (and phone permission) an API call needs on this platform, if any. */
  scopeOf(api: string, opts: Record<string, unknown>): { scope: Scope; system: 'album' | 'camera' | null } | null {
    // The phone's own calendar permission for WeChat is not modelled: only the mini-program's scope.
    if (api === 'addPhoneCalendar') return { scope: 'addPhoneCalendar', system: null }
    if (api === 'saveImageToPhotosAlbum' || api === 'saveImage') return { scope: 'writePhotosAlbum', system: 'album' }
    if (api === 'authorize') {
      const name = String(opts.scope ?? '')
      const scope = SCOPES.find((s) => SCOPE_NAMES[this.target][s] === name)
      return scope ? { scope, system: scope === 'camera' ? 'camera' : 'album' } : null
    }
    if (api === 'chooseMedia' || api === 'chooseImage') {
      const offered = ([] as string[]).concat((opts.sourceType as string[] | string | undefined) ?? ['album', 'camera'])
      const source = offered.includes(this.source) ? this.source : (offered[0] as 'album' | 'camera')
      if (source === 'camera') return { scope: 'camera', system: 'camera' }
      // WeChat and Baidu ask no scope to read the album (the privacy popup guards it on WeChat); Alipay asks `album`.
      return { scope: 'album', system: 'album' }
    }
    return null
  }

  /**
   * Runs the platform's checks in front of an API call: WeChat's privacy popup, then the phone's permission, then
   * the scope (asked once). Resolves when the call may go on; rejects with the platform's own failure.
   */
  async gate(api: string, opts: Record<string, unknown>): Promise<void> {
    if (this.target === 'weapp' && WX_PRIVACY_APIS.has(api)) await this.privacy(api)
    const need = this.scopeOf(api, opts)
    if (!need) return
    // Reading the album needs no scope on WeChat and Baidu; on Alipay it is the `album` scope.
    const scoped = !(need.scope === 'album' && this.target !== 'alipay')
    if (need.system && this.system[need.system] === 'off') {
      if (this.target === 'swan') throw this.refuse(api, { errCode: 10005, errMsg: 'system deny' }, 10005)
      if (this.target === 'alipay' && need.scope === 'writePhotosAlbum')
        throw this.refuse(api, { error: 15, errorMessage: '没有开启相册权限' }, 15)
      if (this.target === 'alipay')
        throw this.refuse(api, { error: 2001, errorMessage: '在申请授权时用户拒绝授权' }, 2001)
      throw this.refuse(api, { errMsg: `${api}:fail system permission denied` }, 'system permission denied')
    }
    if (!scoped) return
    let allowed = this.state.get(need.scope)
    if (allowed === undefined) {
      const answer = this.answers[need.scope] ?? 'allow'
      this.events.push({ type: 'prompt', scope: need.scope, answer })
      allowed = answer === 'allow'
      this.state.set(need.scope, allowed)
    }
    if (allowed) return
    if (this.target === 'swan') throw this.refuse(api, { errCode: 10003, errMsg: 'user deny' }, 10003)
    if (this.target === 'alipay')
      throw this.refuse(api, { error: 2001, errorMessage: '在申请授权时用户拒绝授权' }, 2001)
    throw this.refuse(api, { errMsg: `${api}:fail auth deny` }, 'auth deny')
  }

  /** WeChat's privacy popup: the app's own (onNeedPrivacyAuthorization) or the platform's, answered as scripted. */
  async privacy(api: string): Promise<void> {
    if (this.privacyAgreed) return
    let answer: 'agree' | 'disagree'
    if (this.privacyListener) {
      const listener = this.privacyListener
      answer = await new Promise<'agree' | 'disagree'>((resolve) => {
        listener(
          (r) => {
            if (r?.event === 'agree' || r?.event === 'disagree') resolve(r.event)
          },
          { referrer: api },
        )
      })
      this.events.push({ type: 'privacy-popup', api, answer, by: 'app' })
    } else {
      answer = this.privacyAnswer
      this.events.push({ type: 'privacy-popup', api, answer, by: 'platform' })
    }
    if (answer === 'agree') {
      this.privacyAgreed = true
      return
    }
    throw this.refuse(api, { errMsg: `${api}:fail privacy permission is not authorized`, errno: 104 }, 104)
  }

  /** The candidate in the settings page: what the script says they change there. */
  changeInSettings(): void {
    for (const [scope, value] of Object.entries(this.inSettings) as [Scope, boolean][]) this.state.set(scope, value)
    this.inSettings = {}
  }

  /** Alipay's guide to the phone's permission: shown while that permission is off. */
  guide(authType: string): { shown: boolean } {
    const shown = authType === 'PHOTO' ? this.system.album === 'off' : this.system.camera === 'off'
    this.events.push({ type: 'auth-guide', authType, shown })
    return { shown }
  }

  private refuse(api: string, failure: Refusal, code: number | string): Refusal {
    this.events.push({ type: 'refused', api, code })
    return failure
  }
}
