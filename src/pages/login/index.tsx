import { Text, View } from '@tarojs/components'
import { go, routes, useQuery } from '../../routes'
import { useRef, useState } from 'react'
import * as v from 'valibot'
import { FaceStartRequest, type SessionResponse } from '@contract/account'
import { PasswordLoginRequest } from '@contract/auth'
import { Button } from '../../components/button'
import { CaptchaField, type CaptchaFieldHandle } from '../../components/captcha-field'
import { IdNumberField, TextField } from '../../components/form-field/text-field'
import { Checkbox } from '../../components/form-field/controls'
import { ModeTabs } from '../../components/mode-tabs'
import { NameField } from '../../components/name-field'
import { PageContainer } from '../../components/page-container'
import { FormRefusal, useForm } from '../../forms/use-form'
import { platform } from '../../platform/platform'
import { useAccount } from '../../stores/account'
import type { FaceAttempt } from '../../stores/face-verification'
import { goAfterLogin, useSession } from '../../stores/session'
import './index.scss'

type Mode = 'password' | 'face'
/** What the last face attempt left on the page: the platform's refusal (with its reason), or no face on this phone. */
type FaceNotice = { kind: 'failed' | 'unsupported'; message: string } | null

const AGREE_FIRST = '请先阅读并勾选同意《服务协议》和《隐私政策》'

/** What the candidate types for a face login: the start request without what the platform adds (faceStartContext). */
const FaceLoginForm = v.omit(FaceStartRequest, ['idType', 'platform', 'loginCode'])

/** 登录: password mode with the image captcha, and the face-ID mode. */
export default function LoginPage() {
  const expired = useQuery(routes.login).expired === '1'
  const [mode, setMode] = useState<Mode>('password')
  const [agreed, setAgreed] = useState(false)
  // Each mode's form is a draft on the device; the password and the captcha never go into it.
  const pwd = useForm({
    schema: PasswordLoginRequest,
    initial: { username: '', password: '', captchaId: '', captchaCode: '' },
    draft: { key: 'login', never: ['password', 'captchaId', 'captchaCode'] },
  })
  const face = useForm({
    schema: FaceLoginForm,
    initial: { name: '', idNumber: '', captchaId: '', captchaCode: '' },
    draft: { key: 'login-face', never: ['captchaId', 'captchaCode'] },
  })
  const form = mode === 'password' ? pwd : face
  // A username a draft brought back, not typed on this visit: the ID number of a failed face login takes its place.
  const usernameTyped = useRef(false)
  const [faceNotice, setFaceNotice] = useState<FaceNotice>(null)
  const captcha = useRef<CaptchaFieldHandle>(null)
  const faceCaptcha = useRef<CaptchaFieldHandle>(null)
  const signIn = useSession((s) => s.signIn)

  /** In: neither mode's draft is needed any more (the kit forgets the one that submitted), back to where they were. */
  const signedIn = (session: SessionResponse) => {
    signIn(session)
    pwd.clearDraft()
    face.clearDraft()
    void goAfterLogin()
  }

  const switchMode = (next: Mode) => {
    setMode(next)
    for (const kit of [pwd, face]) {
      kit.setErrors({})
      kit.setFormError(null)
    }
    setFaceNotice(null)
  }

  /** From a face refusal to the password form, the ID number already in 用户名或证件号码 (the same account). */
  const usePassword = () => {
    const idNumber = face.values.idNumber
    if ((!pwd.values.username || !usernameTyped.current) && idNumber) pwd.set('username', idNumber)
    switchMode('password')
  }

  const submitPassword = async () => {
    pwd.setFormError(null)
    if (!pwd.check().ok) return
    if (!agreed) {
      pwd.setFormError(AGREE_FIRST)
      return
    }
    await pwd.submit(
      async (value, idempotencyKey) => {
        signedIn(await useAccount.getState().loginPassword(value, idempotencyKey))
      },
      {
        // A wrong username or password is said once, above the button, without telling which.
        showFieldErrors: (err) => err.code !== 'INVALID_CREDENTIALS',
        // The captcha is used up by every try, right or wrong.
        onError: () => captcha.current?.refresh(),
      },
    )
  }

  /**
   * Face login: after the captcha, the server opens a verification on this platform, the platform's face screen
   * runs, and the server asks the platform for the result before it issues a session.
   */
  const submitFace = async () => {
    face.setFormError(null)
    setFaceNotice(null)
    if (!face.check().ok) return
    if (!agreed) {
      face.setFormError(AGREE_FIRST)
      return
    }
    await face.submit(
      async (value, idempotencyKey) => {
        const result = await useAccount.getState().loginFace(value, idempotencyKey)
        if (result.kind !== 'passed') throw notPassed(result)
        signedIn(result.value)
      },
      // Every start used the captcha up; what was typed stays.
      { onError: () => faceCaptcha.current?.refresh() },
    )
  }

  /** A face attempt that did not pass: the platform's refusal gets its notice, anything else a message by the button. */
  const notPassed = (result: Exclude<FaceAttempt<unknown>, { kind: 'passed' }>): FormRefusal => {
    if (result.kind === 'failed' || result.kind === 'unsupported') {
      setFaceNotice(result)
      return new FormRefusal(null)
    }
    return new FormRefusal(result.message, result.kind === 'error' ? result.fields : {})
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
          { mode: 'password' as const, id: 'login-mode-password', label: '账号密码登录' },
          // Only where the platform has a face verification its server can confirm (not on Baidu).
          ...(platform.capabilities.faceVerification
            ? [{ mode: 'face' as const, id: 'login-mode-face', label: '面容ID登录' }]
            : []),
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
              {...pwd.field('username')}
              onChange={(username) => {
                usernameTyped.current = true
                pwd.set('username', username)
              }}
              maxlength={32}
              placeholder='请输入用户名或证件号码'
            />
            <TextField
              id='login-password'
              label='密码'
              required
              {...pwd.field('password')}
              kind='password'
              maxlength={64}
              placeholder='请输入密码'
            />
            <CaptchaField
              ref={captcha}
              page='login'
              value={pwd.values.captchaCode}
              error={pwd.errors.captchaCode ?? pwd.errors.captchaId}
              onChange={(captchaCode, captchaId) => pwd.patch({ captchaCode, captchaId }, { keepErrors: true })}
            />
            {!platform.capabilities.faceVerification && (
              <Text className='login__hint' id='login-face-unavailable'>
                当前平台暂不支持面容ID登录，请使用账号密码登录；忘记密码可通过密保问题找回。
              </Text>
            )}
          </>
        )}

        {mode === 'face' && (
          <>
            <NameField id='login-face-name' {...face.field('name')} />
            <IdNumberField id='login-face-id-number' label='证件号码（居民身份证）' {...face.field('idNumber')} />
            <CaptchaField
              ref={faceCaptcha}
              page='login-face'
              value={face.values.captchaCode}
              error={face.errors.captchaCode ?? face.errors.captchaId}
              onChange={(captchaCode, captchaId) => face.patch({ captchaCode, captchaId }, { keepErrors: true })}
            />
            <Text className='login__hint'>点击“开始人脸识别”后，请按提示完成本人面部识别。</Text>
            {faceNotice?.kind === 'failed' && (
              <View className='login__face-notice' id='login-face-failed'>
                <Text className='login__face-notice-text' id='login-face-failed-reason'>
                  {faceNotice.message}
                </Text>
                <Text className='login__face-notice-text'>可填写验证码后重新识别，或改用账号密码登录。</Text>
              </View>
            )}
            {faceNotice?.kind === 'unsupported' && (
              <View className='login__face-notice' id='login-face-unsupported'>
                <Text className='login__face-notice-text'>
                  {faceNotice.message}，请改用账号密码登录（用户名或证件号码均可）。
                </Text>
              </View>
            )}
          </>
        )}

        <View className='login__agree'>
          <View className='login__agree-tick' id='login-agree' onClick={() => setAgreed(!agreed)}>
            <Checkbox value='agree' checked={agreed} color='#1456b8' label='我已阅读并同意《服务协议》和《隐私政策》' />
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

        {form.formError && (
          <Text className='login__error' id='login-error'>
            {form.formError}
          </Text>
        )}

        {mode === 'password' ? (
          <Button id='login-submit' loading={pwd.submitting} onClick={() => void submitPassword()}>
            登录
          </Button>
        ) : (
          <>
            {faceNotice?.kind !== 'unsupported' && (
              <Button id='login-face-submit' loading={face.submitting} onClick={() => void submitFace()}>
                {faceNotice?.kind === 'failed' ? '重新人脸识别' : '开始人脸识别'}
              </Button>
            )}
            {faceNotice && (
              <Button
                id='login-face-use-password'
                variant={faceNotice.kind === 'failed' ? 'text' : undefined}
                onClick={usePassword}
              >
                改用账号密码登录
              </Button>
            )}
          </>
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
