import { Text } from '@tarojs/components'
import { ON_PC_SITE, SECURITY_QUESTION } from '@domain/glossary'
import { ID_NUMBER_HINTS, ID_TYPE_LABELS, ID_TYPES, takesLatinName } from '@domain/id-documents'
import { CaptchaField, captchaOf } from '../../components/captcha-field'
import { FaceNoticeView } from '../../components/face-notice'
import { FormField } from '../../components/form-field'
import { IdNumberField, TextField } from '../../components/form-field/text-field'
import { NameField } from '../../components/name-field'
import { OptionSelect } from '../../components/option-select'
import { platform } from '../../platform/platform'
import type { Recover } from './use-recover'

const ID_TYPE_OPTIONS = ID_TYPES.map((value) => ({ value, label: ID_TYPE_LABELS[value] }))
/** Numbers of digits and a final X get the phone's ID keyboard; the others (letters) the full one. */
const DIGITS_AND_X = new Set(['resident-id', 'residence-permit'])

/**
 * Who is recovering, by question: 证件类型 first (as at registration: one number may fit two types' formats, and the
 * account is looked up by type and number), 姓名, 证件号码 by the type's rules, the image captcha.
 */
export function QuestionIdentify({ recover }: { recover: Recover }) {
  const { byQuestion } = recover
  const { idType } = byQuestion.values
  const digits = DIGITS_AND_X.has(idType)
  return (
    <>
      <OptionSelect
        id='recover-id-type'
        label='证件类型'
        options={ID_TYPE_OPTIONS}
        {...byQuestion.field('idType')}
        hint='注册时选择的证件类型'
      />
      <NameField id='recover-name' {...byQuestion.field('name')} latin={takesLatinName(idType)} />
      <TextField
        id='recover-id-number'
        label='证件号码'
        required
        hint={ID_NUMBER_HINTS[idType]}
        kind={digits ? 'idcard' : 'text'}
        maxlength={digits ? 18 : 20}
        placeholder='请输入证件号码'
        {...byQuestion.field('idNumber')}
      />
      <CaptchaField ref={recover.captcha} page='recover' {...captchaOf(byQuestion)} />
      {!platform.capabilities.faceVerification && (
        <Text className='recover__hint' id='recover-face-unavailable'>
          当前平台暂不支持人脸识别找回，请通过{SECURITY_QUESTION}找回密码；也可登录{ON_PC_SITE}找回。
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
      <Text className='recover__hint' id='recover-face-resident-only'>
        人脸识别找回仅支持居民身份证；持其他证件的考生请回答{SECURITY_QUESTION}找回密码。
      </Text>
      <CaptchaField ref={recover.captcha} page='recover-face' {...captchaOf(byFace)} />
      <FaceNoticeView
        page='recover'
        notice={recover.faceNotice}
        afterFailed={`可填写验证码后重新识别，或改为回答${SECURITY_QUESTION}找回。`}
        afterUnsupported={`，请改为回答${SECURITY_QUESTION}找回密码。`}
      />
    </>
  )
}
