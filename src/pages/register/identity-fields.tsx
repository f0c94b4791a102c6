import { Text, View } from '@tarojs/components'
import { GENDER_LABELS, type Gender } from '@contract/account'
import { GENDERS } from '@domain/id-card'
import { ID_NUMBER_HINTS } from '@domain/id-documents'
import { TextField } from '../../components/form-field/text-field'
import { OptionSelect } from '../../components/option-select'
import { DateSelect } from '../../components/picker-select'
import type { Form } from '../../forms/use-form'
import { go, routes } from '../../routes'
import { accountToday } from '../../stores/account'
import { asked, type RegisterFormState } from './form-state'

const GENDER_OPTIONS = GENDERS.map((value) => ({ value, label: GENDER_LABELS[value] }))

/** Numbers of digits and a final X get the phone's ID keyboard; the others (letters) the full one. */
const DIGITS_AND_X = new Set(['resident-id', 'residence-permit'])

type Kit = Pick<Form<never, RegisterFormState>, 'values' | 'field'>

/** 证件号码 by the chosen type's rules, then 性别 and 出生日期 where the number does not carry them. */
export function IdentityFields({ kit, duplicate }: { kit: Kit; duplicate: boolean }) {
  const { idType } = kit.values
  const ask = asked(kit.values)
  const digits = DIGITS_AND_X.has(idType)
  return (
    <>
      <TextField
        id='register-id-number'
        label='证件号码'
        required
        hint={ID_NUMBER_HINTS[idType]}
        {...kit.field('idNumber')}
        kind={digits ? 'idcard' : 'text'}
        maxlength={digits ? 18 : 20}
        placeholder='请输入证件号码'
      />
      {duplicate && <DuplicateNotice />}
      {ask.gender && (
        <OptionSelect<Gender>
          id='register-gender'
          label='性别'
          options={GENDER_OPTIONS}
          {...kit.field('gender')}
          hint='与证件上一致'
        />
      )}
      {ask.birthDate && (
        <DateSelect
          id='register-birth-date'
          label='出生日期'
          placeholder='请选择出生日期'
          start='1900-01-01'
          end={accountToday()}
          {...kit.field('birthDate')}
        />
      )}
    </>
  )
}

/** The (type, number) is registered already: log in or recover instead. */
function DuplicateNotice() {
  return (
    <View className='register__notice register__notice--danger' id='register-duplicate'>
      <Text>该证件号码已注册。如是本人注册，请直接登录；忘记密码可找回。</Text>
      <View className='register__links'>
        <Text className='register__link' id='register-duplicate-login' onClick={() => void go.replace(routes.login)}>
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
  )
}
