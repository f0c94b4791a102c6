import { COLORS } from '../theme/colors'
import { platform } from './platform'

/** A question asked before an action takes effect (提交报名信息, 撤回): the action's name on the confirm button. */
export interface Confirmation {
  title: string
  content: string
  /** At most four characters (WeChat's limit for `confirmText`): 确认提交, 确认撤回. */
  confirmText: string
  /** Undoes something the candidate did (撤回, 删除): the confirm button in the theme's danger red where it can be. */
  destructive?: boolean
}

/**
 * Asks the candidate to confirm; true only for the confirm button. One way for every question: `platform.confirm`
 * (each platform's modal, its documentation cited there: wx.showModal, my.confirm, swan.showModal, Taro's on H5),
 * what undoes something with the theme's red confirm button (src/theme/colors.ts).
 */
export function confirmAction(question: Confirmation): Promise<boolean> {
  return platform.confirm({
    title: question.title,
    content: question.content,
    confirmText: question.confirmText,
    cancelText: '取消',
    ...(question.destructive ? { confirmColor: COLORS.danger } : {}),
  })
}
