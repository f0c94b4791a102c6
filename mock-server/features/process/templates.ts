import crypto from 'node:crypto'
import { isAccepting } from '../../../domain/subscribe'
import type { PlatformName, ReminderPurpose } from '../../../types/states'
import type { Subscription } from './state'

/**
 * The reminder templates each platform's console holds for the app (issue 19): ids the platform issued, which the
 * server hands to the app (reminderTemplates) and is the only one to know. Real ids come from each console:
 * WeChat 公众平台 → 订阅消息 (43-character ids), Alipay 开放平台 → 订阅消息 (entity ids), Baidu 智能小程序 → 订阅消息
 * (template ids BD…); H5 has the mock's own simulated dialog. These stand-ins are stable per platform, so a spec or
 * QA can name them, and differ between platforms, so an id written into one bundle fails on another.
 * https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/subscribe-message.html
 * https://opendocs.alipay.com/mini/api/requestSubscribeMessage
 * https://smartprogram.baidu.com/docs/develop/component/formlist_form/ (report-type subscribe, template-id)
 */
const COUNTS: Record<ReminderPurpose, number> = { apply: 3, process: 2, ticket: 2 }

/**
 * The ticket page asks for two templates at once: the printing window's (准考证打印提醒) and the scores' (成绩发布通知).
 * A one-time subscription lets one message through per accepted template, so each reminder needs its own.
 */
export const TICKET_TEMPLATE = { printing: 0, scores: 1 } as const

function idOf(platform: PlatformName, purpose: ReminderPurpose, n: number): string {
  const digest = crypto.createHash('sha256').update(`template:${platform}:${purpose}:${n}`).digest()
  switch (platform) {
    case 'weapp':
      return digest.toString('base64url').slice(0, 43)
    case 'alipay':
      return digest.toString('hex').slice(0, 32)
    case 'swan':
      return `BD${String(digest.readUInt16BE(0) % 10000).padStart(4, '0')}${n}`
    case 'h5':
      return `sim-${purpose}-${n + 1}`
  }
}

/** The templates issued to the app on this platform, by purpose. */
export function issuedTemplates(platform: PlatformName): Record<ReminderPurpose, string[]> {
  const out = {} as Record<ReminderPurpose, string[]>
  for (const [purpose, count] of Object.entries(COUNTS) as [ReminderPurpose, number][]) {
    out[purpose] = Array.from({ length: count }, (_, n) => idOf(platform, purpose, n))
  }
  return out
}

/**
 * Whether the candidate accepted the `purpose` template at `index` on some platform: its own answer where the
 * platform gave one (domain/subscribe.ts), else the dialog's outcome.
 */
export function acceptedTemplate(
  subscriptions: readonly Subscription[],
  purpose: ReminderPurpose,
  index: number,
): boolean {
  return subscriptions.some((s) => {
    const id = issuedTemplates(s.platform)[purpose][index]
    if (id === undefined || !s.templateIds.includes(id)) return false
    const answer = s.answers?.[id]
    return answer !== undefined ? isAccepting(answer) : s.outcome === 'accept'
  })
}

/** Whether this platform's console issued the template to the app. */
export function isIssuedTemplate(platform: PlatformName, id: string): boolean {
  return Object.values(issuedTemplates(platform)).some((ids) => ids.includes(id))
}
