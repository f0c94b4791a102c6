import { SUBMIT_BUTTON } from '@domain/glossary'
import type { Confirmation } from '../../platform/modal'

/** Asked before 提交报名信息 takes effect (the review). */
export const SUBMIT_CONFIRMATION: Confirmation = {
  title: SUBMIT_BUTTON,
  content: '提交后不能修改考区；报名确认前如需修改，须先撤回。确定提交吗？',
  confirmText: '确认提交',
}

/** Asked before 撤回 takes effect (the 报名表): it undoes a submission, so its button is red. */
export const WITHDRAW_CONFIRMATION: Confirmation = {
  title: '撤回报名信息',
  content: '撤回后报名信息回到未提交状态，须在报名确认结束前修改并重新提交。确定撤回吗？',
  confirmText: '确认撤回',
  destructive: true,
}
