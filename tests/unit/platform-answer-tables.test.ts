/**
 * Issue 19 (deliverable 7): the platforms' answers are decided through tables keyed by every documented answer, so
 * that an answer the app does not handle fails `npm run typecheck`. The official typings cannot do this for us: they
 * give a WeChat subscription answer, Alipay's tradePay `resultCode` and 身份验证's `resultStatus` as plain `string`.
 * The `@ts-expect-error` lines below are checked by tsc (tests/ is in tsconfig.json): if a table stopped requiring
 * every key, the directive would be unused and the typecheck would fail.
 */
import { SubscribeAnswer } from '@contract/states'
import type { SubscribeOutcome } from '@contract/states'
import { SUBSCRIBE_ANSWERS } from '../../domain/subscribe'
import { ALIPAY_PAY_RESULTS, type AlipayPayCode } from '../../src/platform/platform.alipay'
import { SWAN_SUBSCRIBE_OUTCOMES, SWAN_SUBSCRIBE_STATUS, type SwanSubscribeStatus } from '../../src/platform/subscribe'
import type { PayResult } from '../../src/platform/types'

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false

describe('answer tables (typecheck)', () => {
  test('WeChat subscription answers: the table has exactly the picklist’s answers, and a missing one is a type error', () => {
    const keysAreTheAnswers: Equal<keyof typeof SUBSCRIBE_ANSWERS, SubscribeAnswer> = true
    expect(keysAreTheAnswers).toBe(true)
    expect(Object.keys(SUBSCRIBE_ANSWERS).sort()).toEqual([...SubscribeAnswer.options].sort())

    // @ts-expect-error acceptWithAlert left out: the table must decide every documented answer
    const missing: Record<SubscribeAnswer, SubscribeOutcome> = {
      accept: 'accept',
      acceptWithAudio: 'accept',
      acceptWithForcePush: 'accept',
      reject: 'reject',
      ban: 'reject',
      filter: 'reject',
    }
    // A value added to the union (as WeChat's next answer would be) that the table does not handle:
    // @ts-expect-error the table has no line for 'acceptWithVibrate'
    const widened: Record<SubscribeAnswer | 'acceptWithVibrate', SubscribeOutcome> = SUBSCRIBE_ANSWERS
    expect([missing, widened]).toHaveLength(2)
  })

  test('Alipay’s cashier codes: pending 8000/6004 cannot be left out', () => {
    const keys: Equal<keyof typeof ALIPAY_PAY_RESULTS, AlipayPayCode> = true
    expect(keys).toBe(true)
    // @ts-expect-error 8000 and 6004 (pending) left out
    const missing: Record<AlipayPayCode, PayResult> = {
      '9000': 'success',
      '6001': 'cancel',
      '6002': 'fail',
      '4000': 'fail',
    }
    // @ts-expect-error a new code in the union without a line in the table
    const widened: Record<AlipayPayCode | '6003', PayResult> = ALIPAY_PAY_RESULTS
    expect([missing, widened]).toHaveLength(2)
  })

  test('Baidu’s subscribe-form statuses: every documented status decided', () => {
    const keys: Equal<keyof typeof SWAN_SUBSCRIBE_OUTCOMES, SwanSubscribeStatus> = true
    expect(keys).toBe(true)
    expect(Object.keys(SWAN_SUBSCRIBE_OUTCOMES).map(Number).sort()).toEqual(Object.values(SWAN_SUBSCRIBE_STATUS).sort())
    // @ts-expect-error 500101 (refused for good) left out
    const missing: Record<SwanSubscribeStatus, string> = {
      500102: 'refused',
      500103: 'refused',
      500104: 'templates',
      500105: 'unavailable',
    }
    expect(missing).toBeDefined()
  })
})
