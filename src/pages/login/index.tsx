import { Checkbox, Input, Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { PasswordLoginRequest } from '@contract/auth'
import { validate, type FieldErrors } from '@contract/validate'
import { Button } from '../../components/button'
import { CaptchaField, type CaptchaFieldHandle } from '../../components/captcha-field'
import { FormField } from '../../components/form-field'
import { PageContainer } from '../../components/page-container'
import './index.scss'

type Mode = 'password' | 'face'

/** 登录: password mode with the image captcha, and the face-ID mode. */
export default function LoginPage() {
  const [mode, setMode] = useState<Mode>('password')
  const [agreed, setAgreed] = useState(false)
  const [form, setForm] = useState({ username: '', password: '', captchaId: '', captchaCode: '' })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const captcha = useRef<CaptchaFieldHandle>(null)

  const submitPassword = () => {
    setFormError(null)
    const checked = validate(PasswordLoginRequest, form)
    setErrors(checked.errors)
    if (!checked.ok) return
    if (!agreed) {
      setFormError('请先阅读并勾选同意《服务协议》和《隐私政策》')
      return
    }
  }

  return (
    <PageContainer id='login-page'>
      <View className='login__header'>
        <Text className='login__title'>卫生专业技术资格考试</Text>
        <Text className='login__subtitle'>护士执业资格考试 · 考生服务</Text>
      </View>

      <View className='login__tabs'>
        <View
          id='login-mode-password'
          className={`login__tab ${mode === 'password' ? 'login__tab--active' : ''}`}
          onClick={() => setMode('password')}
        >
          账号密码登录
        </View>
        <View
          id='login-mode-face'
          className={`login__tab ${mode === 'face' ? 'login__tab--active' : ''}`}
          onClick={() => setMode('face')}
        >
          面容ID登录
        </View>
      </View>

      <View className='login__card'>
        {mode === 'password' && (
          <>
            <FormField id='login-username' label='用户名或证件号码' required error={errors.username}>
              <Input
                id='login-username'
                className='form-field__input'
                value={form.username}
                maxlength={32}
                placeholder='请输入用户名或证件号码'
                onInput={(e) => setForm({ ...form, username: e.detail.value })}
              />
            </FormField>
            <FormField id='login-password' label='密码' required error={errors.password}>
              <Input
                id='login-password'
                className='form-field__input'
                password
                value={form.password}
                maxlength={64}
                placeholder='请输入密码'
                onInput={(e) => setForm({ ...form, password: e.detail.value })}
              />
            </FormField>
            <CaptchaField
              ref={captcha}
              page='login'
              value={form.captchaCode}
              error={errors.captchaCode ?? errors.captchaId}
              onChange={(captchaCode, captchaId) => setForm((f) => ({ ...f, captchaCode, captchaId }))}
            />
          </>
        )}

        <View className='login__agree' id='login-agree' onClick={() => setAgreed(!agreed)}>
          <Checkbox value='agree' checked={agreed} color='#1456b8' />
          <Text className='login__agree-text'>我已阅读并同意《服务协议》和《隐私政策》</Text>
        </View>

        {formError && (
          <Text className='login__error' id='login-error'>
            {formError}
          </Text>
        )}

        {mode === 'password' && (
          <Button id='login-submit' onClick={submitPassword}>
            登录
          </Button>
        )}
      </View>
    </PageContainer>
  )
}
