import { Text } from '@tarojs/components'
import { CaptchaField, captchaOf } from '../../components/captcha-field'
import { FaceNoticeView } from '../../components/face-notice'
import { IdNumberField } from '../../components/form-field/text-field'
import { NameField } from '../../components/name-field'
import type { Login } from './use-login'

/** Face mode (面容ID登录): name, resident ID number, the image captcha, and what the last attempt left. */
export function FaceFields({ login }: { login: Login }) {
  const { face } = login
  return (
    <>
      <NameField id='login-face-name' {...face.field('name')} />
      <IdNumberField id='login-face-id-number' label='证件号码（居民身份证）' {...face.field('idNumber')} />
      <CaptchaField ref={login.faceCaptcha} page='login-face' {...captchaOf(face)} />
      <Text className='login__hint' id='login-face-resident-only'>
        面容ID登录仅支持居民身份证；持其他证件的考生请使用账号密码登录（用户名或证件号码均可）。
      </Text>
      <Text className='login__hint'>点击“开始人脸识别”后，请按提示完成本人面部识别。</Text>
      <FaceNoticeView
        page='login'
        notice={login.faceNotice}
        afterFailed='可填写验证码后重新识别，或改用账号密码登录。'
        afterUnsupported='，请改用账号密码登录（用户名或证件号码均可）。'
      />
    </>
  )
}
