import { Text } from '@tarojs/components'
import { SECURITY_QUESTION } from '@domain/glossary'
import { CaptchaField, captchaOf } from '../../components/captcha-field'
import { PasswordField, TextField } from '../../components/form-field/text-field'
import { platform } from '../../platform/platform'
import type { Login } from './use-login'

/** Password mode: 用户名或证件号码, 密码, the image captcha. */
export function PasswordFields({ login }: { login: Login }) {
  const { pwd } = login
  return (
    <>
      <TextField
        id='login-username'
        label='用户名或证件号码'
        required
        {...pwd.field('username')}
        onChange={login.typeUsername}
        maxlength={32}
        placeholder='请输入用户名或证件号码'
      />
      <PasswordField
        id='login-password'
        label='密码'
        {...pwd.field('password')}
        maxlength={64}
        placeholder='请输入密码'
      />
      <CaptchaField ref={login.captcha} page='login' {...captchaOf(pwd)} />
      {!platform.capabilities.faceVerification && (
        <Text className='login__hint' id='login-face-unavailable'>
          当前平台暂不支持面容ID登录，请使用账号密码登录；忘记密码可通过{SECURITY_QUESTION}找回。
        </Text>
      )}
    </>
  )
}
