import { Checkbox, Text, View } from '@tarojs/components'
import { go, routes, useQuery } from '../../routes'
import { useRef, useState } from 'react'
import { FaceStartRequest } from '@contract/account'
import { PasswordLoginRequest } from '@contract/auth'
import { validate } from '@contract/validate'
import { ApiError, api, messageOf } from '../../api'
import { Button } from '../../components/button'
import { CaptchaField, type CaptchaFieldHandle } from '../../components/captcha-field'
import { IdNumberField, TextField } from '../../components/form-field/text-field'
import { ModeTabs } from '../../components/mode-tabs'
import { NameField } from '../../components/name-field'
import { PageContainer } from '../../components/page-container'
import { useForm } from '../../forms/use-form'
import { platform } from '../../platform/platform'
import { goAfterLogin, useSession } from '../../stores/session'
import './index.scss'

type Mode = 'password' | 'face'

const AGREE_FIRST = '请先阅读并勾选同意《服务协议》和《隐私政策》'

/** 登录: password mode with the image captcha, and the face-ID mode. */
export default function LoginPage() {
  const expired = useQuery(routes.login).expired === '1'
  const [mode, setMode] = useState<Mode>('password')
  const [agreed, setAgreed] = useState(false)
  // Nothing of a login is kept as a draft: it is a password and a captcha answer.
  const pwd = useForm({
    schema: PasswordLoginRequest,
    initial: { username: '', password: '', captchaId: '', captchaCode: '' },
  })
  const { values: form, errors, setErrors, formError, setFormError } = pwd
  const [face, setFace] = useState({ name: '', idNumber: '' })
  const [busy, setBusy] = useState(false)
  const captcha = useRef<CaptchaFieldHandle>(null)
  const signIn = useSession((s) => s.signIn)

  const switchMode = (next: Mode) => {
    setMode(next)
    setErrors({})
    setFormError(null)
  }

  const submitPassword = async () => {
    setFormError(null)
    if (!pwd.check().ok) return
    if (!agreed) {
      setFormError(AGREE_FIRST)
      return
    }
    await pwd.submit(
      async (value) => {
        signIn(await api.loginPassword(value))
        void goAfterLogin()
      },
      {
        // A wrong username or password is said once, above the button, without telling which.
        showFieldErrors: (err) => err.code !== 'INVALID_CREDENTIALS',
        // The captcha is used up by every try, right or wrong.
        onError: () => captcha.current?.refresh(),
      },
    )
  }

  /** Face login: the server opens a verification, the platform runs it, the server decides from its own record. */
  const submitFace = async () => {
    setFormError(null)
    const checked = validate(FaceStartRequest, face)
    setErrors(checked.errors)
    if (!checked.ok) return
    if (!agreed) {
      setFormError(AGREE_FIRST)
      return
    }
    setBusy(true)
    try {
      const { verifyId } = await api.faceLoginStart(checked.value)
      await platform.verifyFace({ verifyId, name: checked.value.name, idNumber: checked.value.idNumber })
      signIn(await api.faceLoginFinish(verifyId))
      goAfterLogin()
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fields)
      setFormError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  const openDoc = (doc: 'service' | 'privacy') => void go.to(routes.agreement, { doc })

  return (
    <PageContainer id='login-page'>
      <View className='login__header'>
        <Text className='login__title'>卫生专业技术资格考试</Text>
        <Text className='login__subtitle'>护士执业资格考试 · 考生服务</Text>
      </View>

      {expired && (
        <Text className='login__notice' id='login-expired'>
          登录已过期，请重新登录。登录后将回到刚才的页面，已填写的内容不会丢失。
        </Text>
      )}

      <ModeTabs
        tabs={[
          { mode: 'password', id: 'login-mode-password', label: '账号密码登录' },
          { mode: 'face', id: 'login-mode-face', label: '面容ID登录' },
        ]}
        active={mode}
        onChange={switchMode}
      />

      <View className='login__card'>
        {mode === 'password' && (
          <>
            <TextField
              id='login-username'
              label='用户名或证件号码'
              required
              error={errors.username}
              value={form.username}
              onChange={(v) => pwd.set('username', v)}
              maxlength={32}
              placeholder='请输入用户名或证件号码'
            />
            <TextField
              id='login-password'
              label='密码'
              required
              error={errors.password}
              value={form.password}
              onChange={(v) => pwd.set('password', v)}
              kind='password'
              maxlength={64}
              placeholder='请输入密码'
            />
            <CaptchaField
              ref={captcha}
              page='login'
              value={form.captchaCode}
              error={errors.captchaCode ?? errors.captchaId}
              onChange={(captchaCode, captchaId) => pwd.patch({ captchaCode, captchaId }, { keepErrors: true })}
            />
          </>
        )}

        {mode === 'face' && (
          <>
            <NameField
              id='login-face-name'
              value={face.name}
              onChange={(name) => setFace((f) => ({ ...f, name }))}
              error={errors.name}
            />
            <IdNumberField
              id='login-face-id-number'
              label='证件号码（居民身份证）'
              error={errors.idNumber}
              value={face.idNumber}
              onChange={(v) => setFace((f) => ({ ...f, idNumber: v }))}
            />
            <Text className='login__hint'>点击“开始人脸识别”后，请按提示完成本人面部识别。</Text>
          </>
        )}

        <View className='login__agree'>
          <View className='login__agree-tick' id='login-agree' onClick={() => setAgreed(!agreed)}>
            <Checkbox value='agree' checked={agreed} color='#1456b8' />
            <Text className='login__agree-text'>我已阅读并同意</Text>
          </View>
          <Text className='login__doc-link' id='login-doc-service' onClick={() => openDoc('service')}>
            《服务协议》
          </Text>
          <Text className='login__agree-text'>和</Text>
          <Text className='login__doc-link' id='login-doc-privacy' onClick={() => openDoc('privacy')}>
            《隐私政策》
          </Text>
        </View>

        {formError && (
          <Text className='login__error' id='login-error'>
            {formError}
          </Text>
        )}

        {mode === 'password' ? (
          <Button id='login-submit' loading={pwd.submitting} onClick={() => void submitPassword()}>
            登录
          </Button>
        ) : (
          <Button id='login-face-submit' loading={busy} onClick={() => void submitFace()}>
            开始人脸识别
          </Button>
        )}

        <View className='login__links'>
          <Text className='login__link' id='login-to-register' onClick={() => void go.to(routes.register)}>
            注册账号
          </Text>
          <Text className='login__link' id='login-to-recover' onClick={() => void go.to(routes.recover)}>
            忘记密码
          </Text>
        </View>
      </View>
    </PageContainer>
  )
}
