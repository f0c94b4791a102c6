import { Text } from '@tarojs/components'
import type { ApplicationForm, ApplicationView } from '@contract/application'
import { StatusTag } from '../../../components/status-tag'
import { statusMeaning } from '@domain/process-actions'
import { Card, LabelValue } from '../../../components/card'
import { ExamPhoto } from '../exam-photo'

const STATUS_NAMES: Record<string, string> = {
  filling: '未提交',
  submitted: '已提交，待报名确认',
  'confirm-rejected': '报名确认未通过',
  confirmed: '已确认',
  'review-failed': '资格审核未通过',
  'awaiting-payment': '待缴费',
  succeeded: '报名成功',
}

/** The 报名表's head: its title, the status with the server's notes, the 验证码 and the exam photo. */
export function FormSummary(props: { form: ApplicationForm; view: ApplicationView | null; photoUrl: string | null }) {
  const { form, view, photoUrl } = props
  return (
    <Card title={form.title}>
      {view && (
        <LabelValue layout='form' label='报名状态'>
          <StatusTag id='apply-form-status' meaning={statusMeaning(view.status)}>
            {STATUS_NAMES[view.status] ?? view.status}
          </StatusTag>
        </LabelValue>
      )}
      {view?.autoConfirmNote && (
        <Text className='apply-note' id='apply-form-auto-note'>
          {view.autoConfirmNote}
        </Text>
      )}
      {view?.confirmationReason && (
        <Text className='apply-note apply-note--warn' id='apply-form-reason'>
          {view.confirmationReason}
        </Text>
      )}
      <Text className='apply-note'>验证码</Text>
      <Text className='apply-code' id='apply-form-code'>
        {form.code}
      </Text>
      {photoUrl && <ExamPhoto id='apply-form-photo' src={photoUrl} />}
    </Card>
  )
}
