import Taro from '@tarojs/taro'

/** A question asked before an action takes effect (提交报名信息, 撤回): the action's name on the confirm button. */
export interface Confirmation {
  title: string
  content: string
  /** At most four characters (WeChat's limit for `confirmText`): 确认提交, 确认撤回. */
  confirmText: string
  /** Undoes something the candidate did (撤回, 删除): the confirm button in the theme's danger red where it can be. */
  destructive?: boolean
}

/** The theme's danger red ($color-danger in src/theme/theme.scss), as WeChat and Baidu take it: a hex string. */
export const DANGER_HEX = '#C62828'

/**
 * Asks the candidate to confirm; true only for the confirm button. The platforms' own modal through Taro:
 * - WeChat `wx.showModal`: `confirmText` at most 4 characters, `confirmColor` a hex string; `res.confirm` true for
 *   确定. Android below 6.7.2 calls `fail` ("fail cancel") for a cancel: not confirmed.
 *   https://developers.weixin.qq.com/miniprogram/dev/api/ui/interaction/wx.showModal.html
 * - Alipay: Taro calls `my.confirm` (`confirmButtonText`, `cancelButtonText`; no colours), `result.confirm` true for
 *   the confirm button. https://opendocs.alipay.com/mini/api/lt3uqc
 * - Baidu `swan.showModal` (the same fields as WeChat's).
 *   https://smartprogram.baidu.com/docs/develop/api/show/toast_swan-showModal/
 * - H5: Taro draws its own modal with the same fields.
 */
export async function confirmAction(question: Confirmation): Promise<boolean> {
  try {
    const res = await Taro.showModal({
      title: question.title,
      content: question.content,
      confirmText: question.confirmText,
      cancelText: '取消',
      ...(question.destructive ? { confirmColor: DANGER_HEX } : {}),
    })
    return res.confirm === true
  } catch {
    return false
  }
}
