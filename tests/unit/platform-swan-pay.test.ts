/**
 * Baidu's cashier (swan.requestPolymerPayment) against a stand-in `swan`: the order info the server signed, plus
 * `payResultUrl`, the page its cashier returns to where it calls neither success nor fail (Baidu's web form:
 * https://smartprogram.baidu.com/docs/develop/api/open/payment_swan-requestPolymerPayment/).
 */
import { platform } from '../../src/platform/platform.swan'

type Opts = { orderInfo: Record<string, string>; success: () => void; fail: (e: unknown) => void }
const calls: Opts[] = []
let answer: (o: Opts) => void = (o) => o.success()
;(globalThis as unknown as { swan: Record<string, unknown> }).swan = {
  requestPolymerPayment: (o: Opts) => {
    calls.push(o)
    setTimeout(() => answer(o), 0)
  },
}

beforeEach(() => {
  calls.length = 0
  answer = (o) => o.success()
})

test('the order info goes to the cashier with payResultUrl: the pay page, which checks the order on the server', async () => {
  const signed = { dealId: '470193086', appKey: 'MMMabc', totalAmount: '8000', tpOrderId: 'o1', rsaSign: 's' }
  await expect(platform.requestPayment('o1', signed, '/packages/process/pay/index?id=a1')).resolves.toBe('success')
  expect(calls[0]?.orderInfo).toEqual({ ...signed, payResultUrl: '/packages/process/pay/index?id=a1' })
})

test('without a result page the signed order info is sent as it is; a cancelled cashier is a cancel', async () => {
  answer = (o) => o.fail({ errCode: 1, errMsg: 'requestPolymerPayment:fail cancel' })
  await expect(platform.requestPayment('o1', { dealId: '1' })).resolves.toBe('cancel')
  expect(calls[0]?.orderInfo).toEqual({ dealId: '1' })
})
