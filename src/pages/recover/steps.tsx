import { Text, View } from '@tarojs/components'
import { SECURITY_QUESTION } from '@domain/glossary'
import { TextField } from '../../components/form-field/text-field'
import { PasswordPair } from '../../components/password-pair'
import type { Recover } from './use-recover'

/** The question the candidate chose at registration, and the answer. */
export function AnswerStep({ recover }: { recover: Recover }) {
  const { question, answer } = recover
  if (!question) return null
  return (
    <>
      <View className='recover__question'>
        <Text className='recover__question-label'>{SECURITY_QUESTION}</Text>
        <Text className='recover__question-text' id='recover-question-text'>
          {question.text}
        </Text>
      </View>
      <TextField
        id='recover-answer'
        label='答案'
        required
        {...answer.field('answer')}
        maxlength={30}
        placeholder='请输入注册时设置的答案'
      />
    </>
  )
}

/** Identity confirmed: the new password and its confirmation. */
export function ResetStep({ recover }: { recover: Recover }) {
  const { reset } = recover
  return (
    <>
      <Text className='recover__ok' id='recover-verified'>
        身份验证通过，请设置新密码。
      </Text>
      <PasswordPair
        id='recover-new-password'
        label='新密码'
        placeholder='请设置新密码'
        password={reset.field('newPassword')}
        confirmId='recover-new-password-confirm'
        confirmLabel='确认新密码'
        confirmPlaceholder='请再次输入新密码'
        confirm={reset.field('newPasswordConfirm')}
      />
    </>
  )
}

export function DoneStep() {
  return (
    <View className='recover__done' id='recover-done'>
      <Text className='recover__done-title'>密码已重置</Text>
      <Text className='recover__done-text'>请使用新密码登录。</Text>
    </View>
  )
}
