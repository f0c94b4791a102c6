import { Text } from '@tarojs/components'
import { CaptchaField, captchaOf } from '../../components/captcha-field'
import { FaceNoticeView } from '../../components/face-notice'
import { FormField } from '../../components/form-field'
import { IdNumberField, TextField } from '../../components/form-field/text-field'
import { NameField } from '../../components/name-field'
import { platform } from '../../platform/platform'
import type { Recover } from './use-recover'

/** Who is recovering, by question: 姓名, 证件号码 of any type, the image captcha. */
export function QuestionIdentify({ recover }: { recover: Recover }) {
  const { byQuestion } = recover
  return (
    <>
      <NameField id='recover-name' {...byQuestion.field('name')} />
      {/* Any document type (issue 24): letters too, so the full keyboard. */}
      <TextField
        id='recover-id-number'
        label='证件号码'
        required
        hint='注册时填写的证件号码（任一证件类型）'
        kind='text'
        maxlength={20}
        placeholder='请输入证件号码'
        {...byQuestion.field('idNumber')}
      />
      <CaptchaField ref={recover.captcha} page='recover' {...captchaOf(byQuestion)} />
      {!platform.capabilities.faceVerification && (
        <Text className='recover__hint' id='recover-face-unavailable'>
          当前平台暂不支持人脸识别找回，请通过密保问题找回密码；也可在电脑端网站找回。
        </Text>
      )}
    </>
  )
}

/** Who is recovering, by face: 姓名, the resident ID (the only type), 证件号码, the captcha, the last attempt's notice. */
export function FaceIdentify({ recover }: { recover: Recover }) {
  const { byFace } = recover
  return (
    <>
      <NameField id='recover-face-name' {...byFace.field('name')} />
      <FormField id='recover-face-id-type' label='证件类型' required>
        <Text className='recover__fixed' id='recover-face-id-type'>
          居民身份证
        </Text>
      </FormField>
      <IdNumberField id='recover-face-id-number' {...byFace.field('idNumber')} />
      <CaptchaField ref={recover.captcha} page='recover-face' {...captchaOf(byFace)} />
      <FaceNoticeView
        page='recover'
        notice={recover.faceNotice}
        afterFailed='可填写验证码后重新识别，或改用密保问题找回。'
        afterUnsupported='，请改用密保问题找回密码。'
      />
    </>
  )
}
