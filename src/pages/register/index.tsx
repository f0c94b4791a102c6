import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { ID_TYPE_LABELS, RegisterForm, USERNAME_RULE_TEXT } from '@contract/account'
import { ApiError, api } from '../../api'
import { Button } from '../../components/button'
import { CaptchaField, type CaptchaFieldHandle } from '../../components/captcha-field'
import { IdNumberField, TextField } from '../../components/form-field/text-field'
import { NameField } from '../../components/name-field'
import { OptionSelect } from '../../components/option-select'
import { PageContainer } from '../../components/page-container'
import { PasswordMeter } from '../../components/password-meter'
import { Sheet } from '../../components/sheet'
import { toast } from '../../components/toast'
import { normaliseIdNumber } from '@domain/id-card'
import { normaliseName } from '@domain/person-name'
import { PASSWORD_RULE_TEXT } from '@domain/password'
import { SECURITY_QUESTIONS, type SecurityQuestionId } from '@domain/security-questions'
import { useForm } from '../../forms/use-form'
import { go, routes } from '../../routes'
import { goAfterLogin, useSession } from '../../stores/session'
import './index.scss'

/** 证件类型: only the resident ID card registers here; the others are listed so their holders learn where to go. */
const ID_TYPES = [
  { value: 'resident-id', label: '居民身份证' },
  { value: 'hk-mo-permit', label: '港澳居民来往内地通行证' },
  { value: 'tw-permit', label: '台湾居民来往大陆通行证' },
  { value: 'residence-permit', label: '港澳台居民居住证' },
  { value: 'passport', label: '护照' },
  { value: 'foreign-permanent', label: '外国人永久居留身份证' },
] as const
type IdTypeChoice = (typeof ID_TYPES)[number]['value']

interface RegisterFormState {
  username: string
  password: string
  passwordConfirm: string
  name: string
  idType: IdTypeChoice
  idNumber: string
  questionId: SecurityQuestionId | ''
  answer: string
  captchaId: string
  captchaCode: string
}

const EMPTY: RegisterFormState = {
  username: '',
  password: '',
  passwordConfirm: '',
  name: '',
  idType: 'resident-id',
  idNumber: '',
  questionId: '',
  answer: '',
  captchaId: '',
  captchaCode: '',
}

/** 注册: every field of SPEC 1.1, a confirmation of the identity fields, then straight into the hub. */
export default function RegisterPage() {
  // Passwords and the captcha never go into the draft.
  const kit = useForm({
    schema: RegisterForm,
    initial: EMPTY,
    draft: { key: 'register', never: ['password', 'passwordConfirm', 'captchaId', 'captchaCode'] },
  })
  const { values: form, errors, formError, submitting } = kit
  const [confirming, setConfirming] = useState(false)
  const [duplicate, setDuplicate] = useState(false)
  const captcha = useRef<CaptchaFieldHandle>(null)
  const signIn = useSession((s) => s.signIn)

  const otherDocument = form.idType !== 'resident-id'

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
        const session = await api.register(request, { idempotencyKey })
        signIn(session)
        void toast.success('注册成功')
        void goAfterLogin()
      },
      {
        onError: (err) => {
          setConfirming(false)
          captcha.current?.refresh()
          if (err instanceof ApiError && err.code === 'ID_NUMBER_TAKEN') setDuplicate(true)
        },
      },
    )

  return (
    <PageContainer id='register-page'>
      <View className='register__card'>
        <TextField
          id='register-username'
          label='用户名'
          required
          hint={USERNAME_RULE_TEXT}
          {...kit.field('username')}
          maxlength={20}
          placeholder='请输入用户名'
        />

        <TextField
          id='register-password'
          label='密码'
          required
          hint={PASSWORD_RULE_TEXT}
          {...kit.field('password')}
          kind='password'
          maxlength={32}
          placeholder='请设置密码'
        />
        <PasswordMeter id='register-password-strength' password={form.password} />

        <TextField
          id='register-password-confirm'
          label='确认密码'
          required
          {...kit.field('passwordConfirm')}
          kind='password'
          maxlength={32}
          placeholder='请再次输入密码'
        />

        <NameField id='register-name' {...kit.field('name')} />

        <OptionSelect id='register-id-type' label='证件类型' options={ID_TYPES} {...kit.field('idType')} />
        {otherDocument && (
          <View className='register__notice' id='register-id-type-notice'>
            <Text>
              小程序仅支持持居民身份证的考生注册和登录。持其他证件的考生，请在电脑端登录考生服务网站进行注册。
            </Text>
          </View>
        )}

        {!otherDocument && (
          <>
            <IdNumberField
              id='register-id-number'
              hint='18位身份证号码，末位X可大写或小写'
              {...kit.field('idNumber')}
            />

            {duplicate && (
              <View className='register__notice register__notice--danger' id='register-duplicate'>
                <Text>该证件号码已注册。如是本人注册，请直接登录；忘记密码可找回。</Text>
                <View className='register__links'>
                  <Text
                    className='register__link'
                    id='register-duplicate-login'
                    onClick={() => void go.replace(routes.login)}
                  >
                    去登录
                  </Text>
                  <Text
                    className='register__link'
                    id='register-duplicate-recover'
                    onClick={() => void go.replace(routes.recover)}
                  >
                    找回密码
                  </Text>
                </View>
              </View>
            )}

            <OptionSelect
              id='register-question'
              label='密码找回问题'
              options={SECURITY_QUESTIONS.map((q) => ({ value: q.id, label: q.text }))}
              {...kit.field('questionId')}
            />
            <TextField
              id='register-answer'
              label='密码问题答案'
              required
              hint='找回密码时需要回答，请牢记'
              {...kit.field('answer')}
              maxlength={30}
              placeholder='请输入答案'
            />

            <CaptchaField
              ref={captcha}
              page='register'
              value={form.captchaCode}
              error={errors.captchaCode ?? errors.captchaId}
              onChange={(captchaCode, captchaId) => kit.patch({ captchaCode, captchaId }, { keepErrors: true })}
            />
          </>
        )}

        {formError && (
          <Text className='register__error' id='register-error'>
            {formError}
          </Text>
        )}

        <Button id='register-submit' disabled={otherDocument} onClick={review}>
          注册
        </Button>
        <View className='register__footer'>
          <Text className='register__link' id='register-to-login' onClick={() => void go.replace(routes.login)}>
            已有账号？去登录
          </Text>
        </View>
      </View>

      {confirming && (
        <Sheet
          id='register-confirm'
          title='请确认身份信息'
          okId='register-confirm-ok'
          okText='确认注册'
          loading={submitting}
          onOk={() => void submit()}
          onCancel={() => setConfirming(false)}
        >
          <View className='register__confirm-row'>
            <Text className='register__confirm-label'>姓名</Text>
            <Text className='register__confirm-value' id='register-confirm-name'>
              {normaliseName(form.name)}
            </Text>
          </View>
          <View className='register__confirm-row'>
            <Text className='register__confirm-label'>证件类型</Text>
            <Text className='register__confirm-value' id='register-confirm-id-type'>
              {ID_TYPE_LABELS['resident-id']}
            </Text>
          </View>
          <View className='register__confirm-row'>
            <Text className='register__confirm-label'>证件号码</Text>
            <Text className='register__confirm-value' id='register-confirm-id-number'>
              {normaliseIdNumber(form.idNumber)}
            </Text>
          </View>
          <Text className='register__warning' id='register-confirm-warning'>
            姓名、证件类型、证件号码注册后考生本人不能修改，请仔细核对，确保与身份证一致。
          </Text>
        </Sheet>
      )}
    </PageContainer>
  )
}
