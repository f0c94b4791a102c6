import { isAccepting, isSubscribeAnswer as isAnswer, outcomeOf } from '@domain/subscribe'
import type { SubscribeAnswer } from '@contract/states'
import type { MySubscribeFail, MySubscribeSuccess, WxSubscribeFail, WxSubscribeSuccess } from './typings'
import type { SubscribeFailure, SubscribeResult } from './types'

/**
 * Reading each platform's answer to a subscription request (issue 19), by its codes, never its words.
 */

// Each answer WeChat documents is decided by SUBSCRIBE_ANSWERS (domain/subscribe.ts), keyed by the SubscribeAnswer
// picklist: the official typings give the answer as `string`, so that table is what makes a new answer a type error.

/** Nothing was asked: no answers, and why. */
export const notAsked = (failure: SubscribeFailure, code?: number): SubscribeResult => ({
  outcome: 'reject',
  answers: {},
  failure,
  code,
})

/**
 * WeChat answers `{ [TEMPLATE_ID]: 'accept' | 'acceptWithAlert' | 'acceptWithAudio' | 'acceptWithForcePush' |
 * 'reject' | 'ban' | 'filter' }`; a template missing from the answer, or with a word WeChat may add later, is not
 * taken as accepted.
 * https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html
 */
export function subscribeResultOfWx(templateIds: string[], res: WxSubscribeSuccess): SubscribeResult {
  const answers: Record<string, SubscribeAnswer> = {}
  for (const id of templateIds) answers[id] = isAnswer(res[id]) ? (res[id] as SubscribeAnswer) : 'reject'
  return { outcome: outcomeOf(answers), answers, failure: null }
}

/**
 * WeChat's refusals of the request itself (the fail callback's errCode): 20004 the candidate switched subscription
 * messages off for the app (the way back is the settings page); 10001 no ids, 10004 an id of the wrong type, 20001
 * no such template, 20002 one-time and long-term templates mixed, 20003 too many templates: the app's request was
 * wrong; 10002/10003 network, 10005 the dialog could not be shown (the app was in the background), 20005 the app is
 * banned from subscriptions: not now.
 */
export function subscribeFailureOfWx(err: Partial<WxSubscribeFail> | undefined): SubscribeResult {
  const code = err?.errCode
  if (code === 20004) return notAsked('switched-off', code)
  if (code === 10001 || code === 10004 || code === 20001 || code === 20002 || code === 20003)
    return notAsked('templates', code)
  return notAsked('unavailable', code)
}

/**
 * Alipay answers with the templates subscribed and not (`result.subscribedEntityIds` / `unsubscribedEntityIds`),
 * `behavior` 'subscribe' or 'cancel'; older clients put `'accept'` / `'reject'` under each id. Alipay has no
 * alert/audio variants: an accepted template reads `accept`.
 * https://opendocs.alipay.com/mini/api/requestSubscribeMessage
 */
export function subscribeResultOfAlipay(templateIds: string[], res: MySubscribeSuccess): SubscribeResult {
  const subscribed = res.result?.subscribedEntityIds
  const answers: Record<string, SubscribeAnswer> = {}
  for (const id of templateIds) {
    const accepted = subscribed ? subscribed.includes(id) : isAccepting(isAnswer(res[id]) ? res[id] : undefined)
    answers[id] = accepted && res.behavior !== 'cancel' ? 'accept' : 'reject'
  }
  return { outcome: outcomeOf(answers), answers, failure: null }
}

/**
 * Alipay's refusals (the fail callback's `error`): 106008 a template id its console did not issue, 203 more than
 * three templates, 106002 one-time and long-term templates mixed: the app's request was wrong; 11 the candidate
 * closed it; anything else: not now. https://opendocs.alipay.com/mini/api/requestSubscribeMessage (错误码)
 */
export function subscribeFailureOfAlipay(err: MySubscribeFail | undefined): SubscribeResult {
  const code = err?.error
  if (code === 106008 || code === 203 || code === 106002) return notAsked('templates', code)
  if (code === 11) return { outcome: 'reject', answers: {}, failure: null, code }
  return notAsked('unavailable', code)
}

/** What Baidu's `<form report-type="subscribe">` hands its submit event (swan-docs, form 表单: bindsubmit). */
export interface SwanSubscribeFormDetail {
  value?: Record<string, unknown>
  formId?: string
  status?: number | string
  message?: string
  /** Added by SubscribeForm: the subscribe-id the form carried. */
  subscribeId?: string
}

/**
 * Baidu asks through a form, not a call: `<form report-submit report-type="subscribe" template-id subscribe-id>`
 * around a `form-type="submit"` button; a tap shows Baidu's authorization panel, then the form's submit event carries
 * `formId` (granted) or `status`/`message`: 500101 the candidate refused for good (Baidu: show no entry again),
 * 500102 refused this once, 500103 closed the panel, 500104 the templates could not be loaded (an id the console did
 * not issue), 500105 no formId could be had. The panel answers for the templates together: granted is every
 * template accepted. https://smartprogram.baidu.com/docs/develop/component/formlist_form/ (report-type 为 subscribe
 * 时，status 和 message 具体值)
 */
export const SWAN_SUBSCRIBE_STATUS = {
  refusedForGood: 500101,
  refused: 500102,
  cancelled: 500103,
  templates: 500104,
  noFormId: 500105,
} as const
export type SwanSubscribeStatus = (typeof SWAN_SUBSCRIBE_STATUS)[keyof typeof SWAN_SUBSCRIBE_STATUS]

/**
 * What each documented status means to the app: the candidate's own refusal (recorded as such; 500101 also means
 * "do not offer it again", kept by stores/reminders.ts), or nothing asked. Keyed by every documented status, so a
 * status added to SWAN_SUBSCRIBE_STATUS without a line here fails the typecheck.
 */
export const SWAN_SUBSCRIBE_OUTCOMES: Record<SwanSubscribeStatus, 'refused' | SubscribeFailure> = {
  500101: 'refused',
  500102: 'refused',
  500103: 'refused',
  500104: 'templates',
  500105: 'unavailable',
}

export function subscribeResultOfSwanForm(
  templateIds: string[],
  detail: SwanSubscribeFormDetail | undefined,
): SubscribeResult {
  const status = Number(detail?.status)
  const known = Object.prototype.hasOwnProperty.call(SWAN_SUBSCRIBE_OUTCOMES, status)
  const decided = known ? SWAN_SUBSCRIBE_OUTCOMES[status as SwanSubscribeStatus] : null
  if (decided && decided !== 'refused') return notAsked(decided, status)
  const refused = decided === 'refused'
  if (refused || !detail?.formId) {
    // The candidate's own refusal (recorded as such); 500101 also means: do not offer the panel again.
    const answers = Object.fromEntries(templateIds.map((id) => [id, 'reject' as const]))
    return { outcome: outcomeOf(answers), answers, failure: null, code: refused ? status : undefined }
  }
  const answers = Object.fromEntries(templateIds.map((id) => [id, 'accept' as const]))
  return { outcome: outcomeOf(answers), answers, failure: null, subscribeId: detail.subscribeId }
}
