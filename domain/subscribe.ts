import type { SubscribeAnswer, SubscribeOutcome } from './states'

/**
 * Each answer WeChat documents for one template (wx.requestSubscribeMessage's success result, `[TEMPLATE_ID]`), and
 * what it lets the app do: `accept` and each `acceptWith…` (the candidate also turned on the alert, the audio or the
 * forced push) let the app send that reminder; `reject`, `ban` (the platform banned the template) and `filter` (a
 * template with the same title was asked too) do not. Keyed by the `SubscribeAnswer` picklist (types/states.ts), so
 * a value added there without a line here fails the typecheck (tests/unit/platform-answer-tables.test.ts); the
 * official typings type the answer as `string`, so only this table makes an unhandled answer visible.
 * https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html
 */
export const SUBSCRIBE_ANSWERS: Record<SubscribeAnswer, SubscribeOutcome> = {
  accept: 'accept',
  acceptWithAlert: 'accept',
  acceptWithAudio: 'accept',
  acceptWithForcePush: 'accept',
  reject: 'reject',
  ban: 'reject',
  filter: 'reject',
}

/** Whether a template's answer is one WeChat documents (SUBSCRIBE_ANSWERS); a word it may add later is not. */
export const isSubscribeAnswer = (value: unknown): value is SubscribeAnswer =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(SUBSCRIBE_ANSWERS, value)

/** Whether a template's answer lets the app send that reminder (SUBSCRIBE_ANSWERS). */
export function isAccepting(answer: SubscribeAnswer | undefined): boolean {
  return answer !== undefined && isSubscribeAnswer(answer) && SUBSCRIBE_ANSWERS[answer] === 'accept'
}

/** The request's outcome: accepted when any template was (a reminder then reaches the candidate). */
export function outcomeOf(answers: Record<string, SubscribeAnswer>): SubscribeOutcome {
  return Object.values(answers).some(isAccepting) ? 'accept' : 'reject'
}
