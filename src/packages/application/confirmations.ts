import { SUBMIT_BUTTON } from '@domain/glossary'
import { WITHDRAW_CONFIRM } from '@domain/process-actions'
import type { Confirmation } from '../../platform/modal'

/** Asked before 提交报名信息 takes effect (the review). */
export const SUBMIT_CONFIRMATION: Confirmation = {
  title: SUBMIT_BUTTON,
  content: '提交后不能修改考区；报名确认前如需修改，须先撤回。确定提交吗？',
  confirmText: '确认提交',
}

/** Asked before 撤回 takes effect (the 报名表): it undoes a submission, so its button is red. */
export const WITHDRAW_CONFIRMATION: Confirmation = {
  title: WITHDRAW_CONFIRM.title,
  content: WITHDRAW_CONFIRM.content,
  confirmText: '确认撤回',
  destructive: true,
}
