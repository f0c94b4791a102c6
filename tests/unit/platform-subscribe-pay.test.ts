/**
 * Issue 19: each platform's answers to a subscription request and its cashier's result codes, read by code.
 */
import { isAccepting, outcomeOf } from '../../domain/subscribe'
import { payResultOfAlipay } from '../../src/platform/platform.alipay'
import {
  subscribeFailureOfAlipay,
  subscribeFailureOfWx,
  subscribeResultOfAlipay,
  subscribeResultOfSwanForm,
  subscribeResultOfWx,
} from '../../src/platform/subscribe'
import { subscribeWords } from '../../src/stores/reminders'

describe('subscriptions', () => {
  test('every accepting answer counts: accept and WeChat’s acceptWith… variants; reject, ban, filter do not', () => {
    for (const a of ['accept', 'acceptWithAlert', 'acceptWithAudio', 'acceptWithForcePush'] as const)
      expect(isAccepting(a)).toBe(true)
    for (const a of ['reject', 'ban', 'filter', undefined] as const) expect(isAccepting(a)).toBe(false)
    expect(outcomeOf({ a: 'reject', b: 'acceptWithForcePush' })).toBe('accept')
    expect(outcomeOf({})).toBe('reject')
  })

  test('WeChat: each template’s answer kept; a missing or unknown word is not an acceptance', () => {
    const r = subscribeResultOfWx(['A', 'B', 'C', 'D'], {
      errMsg: 'requestSubscribeMessage:ok',
      A: 'acceptWithAlert',
      B: 'ban',
      C: 'acceptSomethingNew',
    })
    expect(r).toEqual({
      outcome: 'accept',
      answers: { A: 'acceptWithAlert', B: 'ban', C: 'reject', D: 'reject' },
      failure: null,
    })
    expect(subscribeResultOfWx(['A'], { errMsg: 'requestSubscribeMessage:ok', A: 'filter' }).outcome).toBe('reject')
  })

  test('WeChat refusals by errCode: 20004 switched off, the template codes, the rest unavailable', () => {
    expect(subscribeFailureOfWx({ errCode: 20004, errMsg: 'x' }).failure).toBe('switched-off')
    for (const code of [10001, 10004, 20001, 20002, 20003])
      expect(subscribeFailureOfWx({ errCode: code, errMsg: 'x' }).failure).toBe('templates')
    for (const code of [10002, 10003, 10005, 20005])
      expect(subscribeFailureOfWx({ errCode: code, errMsg: 'x' }).failure).toBe('unavailable')
    // The words never decide: a message saying "switched off" with another code is not 20004.
    expect(subscribeFailureOfWx({ errCode: 10002, errMsg: 'The main switch is switched off' }).failure).toBe(
      'unavailable',
    )
  })

  test('Alipay: the subscribed list decides (older clients: accept under each id); its codes 106008, 203, 106002', () => {
    const r = subscribeResultOfAlipay(['A', 'B'], {
      behavior: 'subscribe',
      show: true,
      keep: false,
      refuse: false,
      result: { subscribedEntityIds: ['B'], unsubscribedEntityIds: ['A'], currentSubscribedEntityIds: ['B'] },
    })
    expect(r).toEqual({ outcome: 'accept', answers: { A: 'reject', B: 'accept' }, failure: null })
    expect(
      subscribeResultOfAlipay(['A'], { behavior: '', show: true, keep: false, refuse: false, A: 'accept' }).outcome,
    ).toBe('accept')
    for (const code of [106008, 203, 106002])
      expect(subscribeFailureOfAlipay({ error: code }).failure).toBe('templates')
    expect(subscribeFailureOfAlipay({ error: 11 })).toMatchObject({ outcome: 'reject', failure: null })
  })

  test('Baidu’s subscribe form: a formId grants every template; status 500101-500103 the candidate refused, 500104/500105 not asked', () => {
    const ids = ['BD12340', 'BD56781']
    expect(subscribeResultOfSwanForm(ids, { formId: 'f1', status: 0, subscribeId: 'process-x' })).toEqual({
      outcome: 'accept',
      answers: { BD12340: 'accept', BD56781: 'accept' },
      failure: null,
      subscribeId: 'process-x',
    })
    for (const status of [500101, 500102, 500103]) {
      expect(subscribeResultOfSwanForm(ids, { formId: '', status, message: '用户拒绝' })).toEqual({
        outcome: 'reject',
        answers: { BD12340: 'reject', BD56781: 'reject' },
        failure: null,
        code: status,
      })
    }
    expect(subscribeResultOfSwanForm(ids, { formId: '', status: '500104' })).toMatchObject({ failure: 'templates' })
    expect(subscribeResultOfSwanForm(ids, { formId: '', status: 500105 })).toMatchObject({ failure: 'unavailable' })
    // No formId and no status (the devtools give '' for formId): nothing granted.
    expect(subscribeResultOfSwanForm(ids, { formId: '' })).toMatchObject({ outcome: 'reject' })
  })

  test('the app’s words and way forward for each end', () => {
    expect(subscribeWords({ outcome: 'accept', answers: {}, failure: null })).toMatchObject({ ok: true })
    expect(subscribeWords({ outcome: 'reject', answers: {}, failure: null }).text).toContain('消息')
    expect(subscribeWords({ outcome: 'reject', answers: {}, failure: 'switched-off' })).toMatchObject({
      ok: false,
      settings: true,
    })
  })
})

describe('Alipay cashier', () => {
  test('9000 paid, 8000 and 6004 pending, 6001 left, anything else failed', () => {
    expect(payResultOfAlipay({ resultCode: '9000' })).toBe('success')
    expect(payResultOfAlipay({ resultCode: '8000' })).toBe('pending')
    expect(payResultOfAlipay({ resultCode: '6004' })).toBe('pending')
    expect(payResultOfAlipay({ resultCode: '6001' })).toBe('cancel')
    for (const code of ['4000', '6002', '5000', '']) expect(payResultOfAlipay({ resultCode: code })).toBe('fail')
  })
})
