import crypto from 'node:crypto'
import type { PayOutcome, PlatformName } from '../../../types/states'
import { PC_PAYMENT_MESSAGE, type PaymentView } from '../../../types/process'
import { conflict } from '../../core/errors'
import type { Store } from '../../core/store'
import { dictionaryOf, provinceOf, examOf, type StoredApplication } from '../application'
import { subjectFee } from './data'
import type { Order } from './state'

/**
 * 报名缴费 (SPEC 4): one order per application, amounts from the server's fee table, and the order paid only by the
 * platform's notification (notifyPayment), never by what the phone says. Every function runs without an await between
 * reading and writing the order, so twenty parallel taps find the one order the first created.
 */

function reviewPassed(a: StoredApplication): boolean {
  return a.confirmation === 'confirmed' && a.centreReview === 'passed' && a.regionReview === 'passed'
}

function itemsOf(a: StoredApplication) {
  const kind = a.examId.startsWith('nurse-') ? 'nurse' : 'health'
  const info = a.steps.examInfo
  const spec = dictionaryOf(kind).specialities.find((s) => s.code === info?.speciality)
  const fee = subjectFee(a.province)
  return (info?.subjects ?? []).map((code) => ({
    code,
    name: spec?.subjects.find((s) => s.code === code)?.name ?? code,
    amount: fee,
  }))
}

export function paymentView(store: Store, a: StoredApplication): PaymentView {
  const province = provinceOf(a.province)!
  const exam = examOf(store, a.examId)!
  const order = store.state.process.orders.get(a.id) ?? null
  const items = itemsOf(a)
  const closed = store.clock.now() >= Date.parse(exam.payClosesAt)
  const state: PaymentView['state'] = a.paid
    ? 'paid'
    : !province.onlinePayment
      ? 'none'
      : !reviewPassed(a)
        ? 'not-ready'
        : closed
          ? 'closed'
          : !province.mobilePayment
            ? 'pc-only'
            : order?.state === 'paying'
              ? 'paying'
              : 'due'
  return {
    applicationId: a.id,
    state,
    items,
    total: items.reduce((sum, i) => sum + i.amount, 0),
    deadline: exam.payClosesAt,
    order: order
      ? {
          id: order.id,
          state: order.state,
          attempts: order.attempts,
          paidAt: order.paidAt,
          lastOutcome: order.lastOutcome,
        }
      : null,
    pcMessage: province.onlinePayment && !province.mobilePayment ? PC_PAYMENT_MESSAGE : null,
    refundMessage: order?.state === 'refund' ? LATE_PAYMENT_REFUND_MESSAGE : null,
  }
}

/** What the candidate reads about a payment made after the deadline (order `refund`). */
export const LATE_PAYMENT_REFUND_MESSAGE =
  '您的支付完成于缴费截止时间之后，本次缴费无效，款项将原路退回；逾期未缴费视为放弃考试'

/** Refuses what may not be paid now, each with its own code. */
function ensurePayable(store: Store, a: StoredApplication): void {
  const province = provinceOf(a.province)!
  if (a.paid) throw conflict('ALREADY_PAID')
  if (!province.onlinePayment) throw conflict('PAY_NOT_ONLINE')
  if (!reviewPassed(a)) throw conflict('PAY_NOT_READY')
  if (store.clock.now() >= Date.parse(examOf(store, a.examId)!.payClosesAt)) throw conflict('PAY_CLOSED')
  if (!province.mobilePayment) throw conflict('PAY_PC_ONLY')
}

/**
 * Opens the cashier for the application's one order: creates it on the first tap; a tap while the cashier is open
 * (a second tap, a retry after a timeout, another device) gets the same attempt; after a failed or cancelled attempt
 * the same order is tried again.
 */
export function startPayment(store: Store, a: StoredApplication, platform: PlatformName): Order {
  ensurePayable(store, a)
  const { orders, orderIndex } = store.state.process
  let order = orders.get(a.id)
  const amount = itemsOf(a).reduce((sum, i) => sum + i.amount, 0)
  if (!order) {
    order = {
      id: `PAY${crypto.randomBytes(9).toString('hex').toUpperCase()}`,
      applicationId: a.id,
      accountId: a.accountId,
      amount,
      state: 'paying',
      attempts: 1,
      payments: 0,
      platform,
      createdAt: store.clock.iso(),
      paidAt: null,
      lastOutcome: null,
    }
    orders.set(a.id, order)
    orderIndex.set(order.id, a.id)
  } else if (order.state === 'failed' || order.state === 'cancelled') {
    order.state = 'paying'
    order.attempts++
    order.platform = platform
    order.amount = amount
  }
  store.save()
  return order
}

/** What each platform's payment call takes, for this order (signatures are stand-ins: there is no real merchant). */
export function payParamsOf(order: Order): Record<string, string> {
  const sign = crypto.createHash('sha256').update(`${order.id}:${order.attempts}`).digest('base64')
  switch (order.platform) {
    case 'weapp':
      // https://developers.weixin.qq.com/miniprogram/dev/api/payment/wx.requestPayment.html
      return {
        timeStamp: String(Math.floor(Date.parse(order.createdAt) / 1000)),
        nonceStr: crypto.createHash('md5').update(order.id).digest('hex'),
        package: `prepay_id=wx${order.id}`,
        signType: 'RSA',
        paySign: sign,
      }
    case 'alipay':
      // https://opendocs.alipay.com/mini/api/openapi-pay
      return { tradeNO: `2026${order.id}` }
    case 'swan':
      // https://smartprogram.baidu.com/docs/develop/api/open/payment_swan-requestPolymerPayment/
      return {
        dealId: '470193086',
        appKey: 'MMMabc',
        totalAmount: String(order.amount),
        tpOrderId: order.id,
        dealTitle: '考试报名费',
        signFieldsRange: '1',
        rsaSign: sign,
        bizInfo: '{}',
      }
    case 'h5':
      return { cashier: `/api/sim/pay/${order.id}/run` }
  }
}

/**
 * The platform's notification for an order (simulated: the H5 cashier, or QA for the mini-program platforms). Only an
 * open attempt changes; a repeated or late notification of an order already paid changes nothing.
 *
 * Late payments (docs/process.md): what counts is when the payment was made (`paidAt`, the platform's own time of
 * payment, WeChat's success_time, Alipay's gmt_payment; by default the moment of the notification), not when the
 * notification arrives. A payment made before the deadline counts, however late it is notified; a payment made at
 * or after the deadline is not honoured: the order is marked `refund` (the money goes back), the application stays
 * unpaid (视为放弃考试), and the payment view says so (`refundMessage`).
 */
export function notifyPayment(
  store: Store,
  orderId: string,
  outcome: PayOutcome,
  paidAt: number = store.clock.now(),
): Order | null {
  const { orders, orderIndex } = store.state.process
  const appId = orderIndex.get(orderId)
  const order = appId ? orders.get(appId) : undefined
  if (!order) return null
  if (order.state !== 'paying') return order
  order.lastOutcome = outcome
  const a = store.state.application.byId.get(order.applicationId)
  const exam = a ? examOf(store, a.examId) : undefined
  // A time of payment in the future is not believed: it is at most now.
  const madeAt = Math.min(paidAt, store.clock.now())
  if (outcome === 'success' && exam && madeAt >= Date.parse(exam.payClosesAt)) {
    order.state = 'refund'
    order.paidAt = new Date(madeAt).toISOString()
  } else if (outcome === 'success') {
    order.state = 'paid'
    order.payments++
    order.paidAt = new Date(madeAt).toISOString()
    if (a) {
      a.paid = true
      a.updatedAt = store.clock.iso()
    }
  } else {
    order.state = outcome === 'fail' ? 'failed' : 'cancelled'
  }
  store.save()
  return order
}
