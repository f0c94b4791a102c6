import { Text, View } from '@tarojs/components'
import { go, routes, useQuery } from '../../routes'
import { Button } from '../../components/button'
import { ModeTabs } from '../../components/mode-tabs'
import { PageContainer } from '../../components/page-container'
import { platform } from '../../platform/platform'
import { AgreementTick } from './agreement-tick'
import { FaceFields } from './face-fields'
import { PasswordFields } from './password-fields'
import { useLogin, type Login } from './use-login'
import './index.scss'

/** 登录: password mode with the image captcha, and the face-ID mode (state and actions: use-login.ts). */
export default function LoginPage() {
  const expired = useQuery(routes.login).expired === '1'
  const login = useLogin()
  const { mode, form } = login

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
        onChange={login.switchMode}
      />

      <View className='login__card'>
        {mode === 'password' && <PasswordFields login={login} />}
        {mode === 'face' && <FaceFields login={login} />}

        <AgreementTick agreed={login.agreed} onToggle={login.toggleAgreed} />

        {form.formError && (
          <Text className='login__error' id='login-error'>
            {form.formError}
          </Text>
        )}

        <SubmitButtons login={login} />

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

/** 登录, or in face mode 开始/重新人脸识别 and, after a face attempt that did not pass, 改用账号密码登录. */
function SubmitButtons({ login }: { login: Login }) {
  const { faceNotice } = login
  if (login.mode === 'password') {
    return (
      <Button id='login-submit' loading={login.pwd.submitting} onClick={() => void login.submitPassword()}>
        登录
      </Button>
    )
  }
  return (
    <>
      {faceNotice?.kind !== 'unsupported' && (
        <Button id='login-face-submit' loading={login.face.submitting} onClick={() => void login.submitFace()}>
          {faceNotice?.kind === 'failed' ? '重新人脸识别' : '开始人脸识别'}
        </Button>
      )}
      {faceNotice && (
        <Button
          id='login-face-use-password'
          variant={faceNotice.kind === 'failed' ? 'text' : undefined}
          onClick={login.switchToPassword}
        >
          改用账号密码登录
        </Button>
      )}
    </>
  )
}
