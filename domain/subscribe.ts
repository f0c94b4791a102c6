import type { SubscribeAnswer, SubscribeOutcome } from './states'

/**
 * Whether a template's answer lets the app send that reminder: `accept` and each of WeChat's `acceptWith…` answers
 * (the candidate also turned on the alert, the audio or the forced push). `reject`, `ban` (the platform banned the
 * template) and `filter` (a template with the same title was asked too) do not.
 * https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html
 */
export function isAccepting(answer: SubscribeAnswer | undefined): boolean {
  return (
    answer === 'accept' ||
    answer === 'acceptWithAlert' ||
    answer === 'acceptWithAudio' ||
    answer === 'acceptWithForcePush'
  )
}

/** The request's outcome: accepted when any template was (a reminder then reaches the candidate). */
export function outcomeOf(answers: Record<string, SubscribeAnswer>): SubscribeOutcome {
  return Object.values(answers).some(isAccepting) ? 'accept' : 'reject'
}
