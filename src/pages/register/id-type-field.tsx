import { Text, View } from '@tarojs/components'
import { SECURITY_QUESTION } from '@domain/glossary'
import { ID_TYPE_LABELS, ID_TYPES, type IdType } from '@domain/id-documents'
import type { FieldBinding } from '../../forms/use-form'
import { OptionSelect } from '../../components/option-select'

const OPTIONS = ID_TYPES.map((value) => ({ value, label: ID_TYPE_LABELS[value] }))

/**
 * 证件类型, chosen first: the fields below it follow the type (the number's rules and keyboard, 性别 and 出生日期
 * where the number does not carry them), and changing it later keeps everything typed.
 */
export function IdTypeField(props: FieldBinding<IdType>) {
  const type = props.value
  return (
    <>
      <OptionSelect
        id='register-id-type'
        label='证件类型'
        options={OPTIONS}
        {...props}
        hint='请先选择证件类型：下面的证件号码、性别和出生日期按所选证件填写'
      />
      {type !== 'resident-id' && (
        <View className='register__notice' id='register-id-type-notice'>
          <Text>
            持{ID_TYPE_LABELS[type]}
            的考生可在小程序注册，并使用账号密码登录、通过{SECURITY_QUESTION}
            找回密码。面容ID登录和人脸识别找回密码仅支持居民身份证。
          </Text>
        </View>
      )}
    </>
  )
}
