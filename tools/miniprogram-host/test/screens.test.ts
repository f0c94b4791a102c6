import type { MiniProgramHost } from '../src/host'
import { callApi, fakeHosts, LOGGING_APP, LOGGING_PAGE, startServer } from './fake-output'

/**
 * Platform screens over the mini-program (host.ts COVERING): the cashier, the face screen and the settings page send
 * the app and its page to the background (onHide) and bring them back (onShow) after, simulated or mocked alike, as
 * on a phone; and Alipay's pending cashier codes (8000 正在处理中, 6004 支付结果未知) reach the app.
 * https://opendocs.alipay.com/mini/api/openapi-pay
 */
const fakeHost = fakeHosts()
type Target = 'weapp' | 'alipay' | 'swan'

/** A stand-in for the mock server's cashier simulation: answers `outcome` for any order, no payer refused. */
async function cashier(outcome: string): Promise<{ url: string; close: () => void }> {
  return startServer((req, res) => {
    req.resume()
    req.on('end', () => {
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({ orderId: 'o1', outcome, refused: null }))
    })
  })
}

/** A launched host whose app and page log their lifecycles into the app's `log`, emptied after the launch. */
async function logging(target: Target, mockUrl?: string): Promise<{ h: MiniProgramHost; log: string[] }> {
  const h = fakeHost(target, { 'app.js': LOGGING_APP, 'pages/a/index.js': LOGGING_PAGE('a') }, { mockUrl })
  await h.launch()
  await h.settle(5)
  const log = h.appInstance?.log as string[]
  log.length = 0
  return { h, log }
}

/** What the app passes to its platform's payment API (the signed parameters the server issued). */
const PAY: Record<Target, [string, Record<string, unknown>]> = {
  weapp: ['requestPayment', { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=p', paySign: 's', signType: 'RSA' }],
  alipay: ['tradePay', { tradeNO: 't1' }],
  swan: ['requestPolymerPayment', { orderInfo: { dealId: '1', appKey: 'k', totalAmount: '1', tpOrderId: 'o1' } }],
}
/** The face screens the host models (Baidu's app has none). */
const FACE: Record<'weapp' | 'alipay', [string, Record<string, unknown>]> = {
  weapp: ['requestFacialVerify', { verifyId: 'v1' }],
  alipay: ['startAPVerify', { url: 'https://example.invalid/certify', certifyId: 'c1' }],
}
const AROUND = ['hide', 'a.onHide', 'show', 'a.onShow']

describe.each(['weapp', 'alipay', 'swan'] as const)('%s', (target) => {
  it('the cashier covers the app: onHide, then onShow once it closes (simulated and mocked alike)', async () => {
    const sim = await cashier('success')
    try {
      const { h, log } = await logging(target, sim.url)
      h.seen.orderId = 'o1'
      const [api, opts] = PAY[target]
      const paid = await callApi(h, api, opts, true)
      expect(paid.ok).toBe(true)
      expect(log).toEqual(AROUND)
      log.length = 0
      h.mocks.set('requestPayment', { result: target === 'alipay' ? { resultCode: '9000' } : {} })
      expect((await callApi(h, api, opts, true)).ok).toBe(true)
      expect(log).toEqual(AROUND)
      expect(h.permissions.snapshot().events.filter((e) => e.type === 'lifecycle')).toEqual([
        { type: 'lifecycle', hook: 'onHide', around: api },
        { type: 'lifecycle', hook: 'onShow', around: api },
        { type: 'lifecycle', hook: 'onHide', around: api },
        { type: 'lifecycle', hook: 'onShow', around: api },
      ])
    } finally {
      sim.close()
    }
  })

  it('the settings page covers the app: onHide, then onShow, with what the candidate changed there', async () => {
    const { h, log } = await logging(target)
    h.permissions.apply({ scopes: { camera: false }, inSettings: { camera: true } })
    const opened = await callApi(h, 'openSetting', {}, true)
    expect(opened.ok).toBe(true)
    expect(Object.values(opened.res.authSetting as Record<string, boolean>)).toEqual([true])
    expect(log).toEqual(AROUND)
  })
})

describe.each(['weapp', 'alipay'] as const)('%s face screen', (target) => {
  it('covers the app: onHide, then onShow', async () => {
    const { h, log } = await logging(target)
    const [api, opts] = FACE[target]
    expect((await callApi(h, api, opts, true)).ok).toBe(true)
    expect(log).toEqual(AROUND)
  })
})

describe('Alipay pending cashier codes', () => {
  it('the simulation’s pending cashier answers 8000 (正在处理中)', async () => {
    const sim = await cashier('pending')
    try {
      const { h } = await logging('alipay', sim.url)
      h.seen.orderId = 'o1'
      expect(await callApi(h, 'tradePay', { tradeNO: 't1' }, true)).toEqual({ ok: true, res: { resultCode: '8000' } })
    } finally {
      sim.close()
    }
  })

  it.each(['6004', '8000'])(
    'a scripted %s (mockWxMethod) reaches the app, after the cashier covered it',
    async (code) => {
      const { h, log } = await logging('alipay')
      h.mocks.set('tradePay', { result: { resultCode: code } })
      expect(await callApi(h, 'tradePay', { tradeNO: 't1' }, true)).toEqual({ ok: true, res: { resultCode: code } })
      expect(log).toEqual(AROUND)
    },
  )
})
