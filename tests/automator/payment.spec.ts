import { DEMO_CANDIDATE } from '../../mock-server/scenarios'
import { connectedApp, element, openPage, tap, waitForText, type Page } from './support/app'
import { logInWithPassword } from './support/candidate'
import { skipOn, target } from './support/platform'
import { qaApi } from './support/qa'
import { HOOK_TIMEOUT_MS } from '../support/timeouts'

/**
 * 缴费 and its payer (issue 19): the start-payment call carries a fresh login code of the account that pays
 * (wx.login, my.getAuthCode, swan.getLoginCode), the server binds the order to that account, and the cashier (the
 * host's, with the app in the background while it is up) fails an order created for another account as the
 * platform does. A pending result (Alipay 8000/6004; the platform has no result yet) is never shown as a success or a
 * failure: the app says 支付结果确认中 and the server decides.
 */
jest.setTimeout(180_000)

describe('payment: the payer and pending results', () => {
  const mp = connectedApp()

  afterEach(async () => {
    await qaApi('simPay', { outcome: 'success' })
  }, HOOK_TIMEOUT_MS)

  /** A submitted, confirmed and reviewed application of the demo candidate, due for payment; its pay page. */
  async function due(): Promise<{ id: string; page: Page }> {
    await qaApi('loadScenario', { name: 'apply-open' })
    await logInWithPassword(mp, DEMO_CANDIDATE)
    const app = await qaApi('processApplication', { username: DEMO_CANDIDATE.username, province: '11' })
    await qaApi('confirmApplication', { id: app.id })
    await qaApi('reviewStage', { id: app.id, stage: 'centre', outcome: 'pass' })
    await qaApi('reviewStage', { id: app.id, stage: 'region', outcome: 'pass' })
    const page = await openPage(mp, `/packages/process/pay/index?id=${app.id}`, '#pay-page')
    await element(page, '#pay-submit', 10000)
    return { id: app.id, page }
  }

  skipOn({ h5: 'H5 has no platform account: its simulated cashier has no payer' })(
    'an order created for another account fails at the cashier; the next tap, with this account, pays once',
    async () => {
      const { id, page } = await due()
      // The login code the app sends is another account's (a code of the wrong user): the order is bound to it.
      await mp.mockWxMethod('login', { code: 'someoneelse_0001x', errMsg: 'login:ok' })
      try {
        await tap(page, '#pay-submit', 10000)
        expect(await waitForText(page, '#pay-result', (t) => t.length > 0, 15000)).toBe('支付未成功，请重新缴费')
      } finally {
        await mp.restoreWxMethod('login')
      }
      expect((await qaApi('applicationOrders', { id })).payments).toBe(0)
      await tap(page, '#pay-submit', 10000)
      expect(await waitForText(page, '#pay-result', (t) => t.startsWith('缴费成功'), 15000)).toBe('缴费成功，报名成功')
      expect((await qaApi('applicationOrders', { id })).payments).toBe(1)
    },
  )

  /** How many times the server was asked for a payment's result (checkPayment), by anyone so far. */
  const paymentChecks = async () => (await qaApi('calls')).calls.checkPayment?.calls ?? 0

  /**
   * The cashier closes with a pending result (`code`: the Alipay resultCode the phone answers; QA's `pending` is
   * 8000): the app says 支付结果确认中 and changes nothing; the server's notification then decides.
   */
  async function pendingThenNotified(code?: '8000' | '6004'): Promise<void> {
    const { id, page } = await due()
    await qaApi('simPay', { outcome: 'pending' })
    if (code) await mp.mockWxMethod('tradePay', { resultCode: code })
    const checksBefore = await paymentChecks()
    try {
      await tap(page, '#pay-submit', 10000)
      expect(await waitForText(page, '#pay-result', (t) => t.length > 0, 20000)).toBe('支付结果确认中，请稍后刷新查看')
    } finally {
      if (code) await mp.restoreWxMethod('tradePay')
    }
    // The app took the code for pending, not for a failure: it asked the server once more a moment later.
    if (code) expect((await paymentChecks()) - checksBefore).toBe(2)
    expect((await qaApi('applicationOrders', { id })).payments).toBe(0)
    await qaApi('notifyPayment', { id, outcome: 'success' })
    const again = await openPage(mp, `/packages/process/pay/index?id=${id}`, '#pay-page')
    // The page may first show what the store held (确认中) until the server's view arrives.
    expect(await waitForText(again, '#pay-state', (t) => t === '已缴费', 10000)).toBe('已缴费')
  }

  it('a pending result says 支付结果确认中, never success or failure; the server’s notification decides', async () => {
    await pendingThenNotified(target() === 'alipay' ? '8000' : undefined)
  })

  const onlyAlipay = 'Alipay’s own second pending code (支付结果未知)'
  skipOn({ h5: onlyAlipay, weapp: onlyAlipay, swan: onlyAlipay })(
    'Alipay 6004 (支付结果未知) is pending too: 支付结果确认中, and the server’s notification decides',
    async () => {
      await pendingThenNotified('6004')
    },
  )
})
