import crypto from 'node:crypto'
import type { Store } from '../../core/store'
import type { PlatformName } from '../../../types/states'

/**
 * The payer of an order (issue 19): the platforms' own exchange of a fresh login code for the account that pays,
 * played by the mock: WeChat's code2Session (openid), Alipay's alipay.system.oauth.token (user_id), Baidu's
 * getSessionKeyByCode (open_id). A code works once (WeChat 40163 "code been used"). The mock's platforms issue codes
 * `<account>_<nonce>` (the mini-program host's wx.login, my.getAuthCode, swan.getLoginCode): the part before the
 * last `_` names the platform account, so two codes of one account give one payer; any other code is an account of
 * its own.
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html
 * https://opendocs.alipay.com/open/02ailc (alipay.system.oauth.token)
 * https://smartprogram.baidu.com/docs/develop/api/open/log_swan-getLoginCode/
 */
const CODE = /^[A-Za-z0-9_-]{8,128}$/
const used = new WeakMap<Store, Set<string>>()

/** The payer's id on a platform for one of its accounts (stable, not the account's own name). */
export function payerIdOf(platform: PlatformName, account: string): string {
  return `${platform}:${crypto.createHash('sha256').update(`payer:${platform}:${account}`).digest('base64url').slice(0, 28)}`
}

/** Exchanges a login code for the payer's id, once; null for a code that is malformed or was used. */
export function payerOfCode(store: Store, platform: PlatformName, code: string): string | null {
  if (!CODE.test(code)) return null
  const seen = used.get(store) ?? new Set<string>()
  used.set(store, seen)
  if (seen.has(code)) return null
  seen.add(code)
  const account = code.includes('_') ? code.slice(0, code.lastIndexOf('_')) : code
  return payerIdOf(platform, account)
}

/** Whether the account that opened the cashier (`account`; none on H5) is not the payer the order was created for. */
export function payerMismatch(store: Store, orderId: string, account: string | undefined): boolean {
  const { orders, orderIndex } = store.state.process
  const appId = orderIndex.get(orderId)
  const order = appId ? orders.get(appId) : undefined
  if (!order?.payer || account === undefined) return false
  return order.payer !== payerIdOf(order.platform, account)
}
