import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { RegisterForm } from '@contract/account'
import { SECURITY_ANSWER, SECURITY_QUESTION } from '@domain/glossary'
import { SECURITY_QUESTIONS } from '@domain/security-questions'
import { Button } from '../../components/button'
import { CaptchaField, captchaOf, type CaptchaFieldHandle } from '../../components/captcha-field'
import { TextField } from '../../components/form-field/text-field'
import { OptionSelect } from '../../components/option-select'
import { PageContainer } from '../../components/page-container'
import { toast } from '../../components/toast'
import { useForm } from '../../forms/use-form'
import { go, routes } from '../../routes'
import { isNumberTaken, register } from '../../stores/account'
import { goAfterLogin } from '../../stores/session'
import { AccountFields } from './account-fields'
import { ConfirmSheet } from './confirm-sheet'
import { EMPTY, NEVER_DRAFTED, toRequestInput } from './form-state'
import { IdentityFields } from './identity-fields'
import { IdTypeField } from './id-type-field'
import './index.scss'

const QUESTIONS = SECURITY_QUESTIONS.map((q) => ({ value: q.id, label: q.text }))

/**
 * 注册 (SPEC 1.1, every ID type: issue 24): the document type first, then the account, the identity by that type's
 * rules, the recovery question and the captcha; a confirmation of the identity; then straight into the hub.
 */
export default function RegisterPage() {
  const kit = useForm({
    schema: RegisterForm,
    initial: EMPTY,
    toInput: toRequestInput,
    draft: { key: 'register', never: NEVER_DRAFTED },
  })
  const { values: form, formError, submitting } = kit
  const [confirming, setConfirming] = useState(false)
  const [duplicate, setDuplicate] = useState(false)
  const captcha = useRef<CaptchaFieldHandle>(null)

  const review = () => {
    kit.setFormError(null)
    setDuplicate(false)
    if (!kit.check().ok) {
      kit.setFormError('请按提示修改标红的内容')
      return
    }
    kit.renewKey()
    setConfirming(true)
  }

  const submit = () =>
    kit.submit(
      async ({ passwordConfirm: _confirm, ...request }, idempotencyKey) => {
        await register(request, idempotencyKey)
        void toast.success('注册成功')
        void goAfterLogin()
      },
      {
        onError: (err) => {
          setConfirming(false)
          captcha.current?.refresh()
          if (isNumberTaken(err)) setDuplicate(true)
        },
      },
    )

  return (
    <PageContainer id='register-page'>
      <View className='register__card'>
        <IdTypeField {...kit.field('idType')} />
        <AccountFields kit={kit} />
        <IdentityFields kit={kit} duplicate={duplicate} />
        <OptionSelect
          id='register-question'
          label={SECURITY_QUESTION}
          options={QUESTIONS}
          {...kit.field('questionId')}
        />
        <TextField
          id='register-answer'
          label={SECURITY_ANSWER}
          required
          hint='找回密码时需要回答，请牢记'
          {...kit.field('answer')}
          maxlength={30}
          placeholder='请输入答案'
        />
        <CaptchaField ref={captcha} page='register' {...captchaOf(kit)} />
        {formError && (
          <Text className='register__error' id='register-error'>
            {formError}
          </Text>
        )}
        <Button id='register-submit' onClick={review}>
          注册
        </Button>
        <View className='register__footer'>
          <Text className='register__link' id='register-to-login' onClick={() => void go.replace(routes.login)}>
            已有账号？去登录
          </Text>
        </View>
      </View>
      {confirming && (
        <ConfirmSheet
          values={form}
          submitting={submitting}
          onOk={() => void submit()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </PageContainer>
  )
}
