import { Text, View } from '@tarojs/components'
import { GENDER_LABELS, type Gender } from '@contract/account'
import { GENDERS } from '@domain/id-card'
import { ID_NUMBER_HINTS } from '@domain/id-documents'
import { NATIONALITIES, nationalityName } from '@domain/nationalities'
import { TextField } from '../../components/form-field/text-field'
import { OptionSelect } from '../../components/option-select'
import { DateSelect, PickerSelect } from '../../components/picker-select'
import type { Form } from '../../forms/use-form'
import { go, routes } from '../../routes'
import { accountToday } from '../../stores/account'
import { asked, foreignNationality, type RegisterFormState } from './form-state'

const GENDER_OPTIONS = GENDERS.map((value) => ({ value, label: GENDER_LABELS[value] }))
/** 国籍/地区 on the platform's wheel by name (中国 first, then pinyin order); the form keeps the letter code. */
const NATIONALITY_NAMES = NATIONALITIES.map((n) => n.name)
const CODE_OF_NAME = new Map(NATIONALITIES.map((n) => [n.name, n.code]))

/** Numbers of digits and a final X get the phone's ID keyboard; the others (letters) the full one. */
const DIGITS_AND_X = new Set(['resident-id', 'residence-permit'])

type Kit = Pick<Form<never, RegisterFormState>, 'values' | 'field'>

/**
 * 证件号码 by the chosen type's rules, then 性别, 出生日期 and 国籍/地区 where the number does not carry them; a
 * permanent-residence number's nationality is shown as read from it.
 */
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
      <NationalityField kit={kit} asked={ask.nationality} />
    </>
  )
}

/** 国籍/地区: chosen by a passport's holder; read from a permanent-residence number (shown once it carries one). */
function NationalityField({ kit, asked: ask }: { kit: Kit; asked: boolean }) {
  const { onChange, error } = kit.field('nationality')
  if (ask) {
    return (
      <PickerSelect
        id='register-nationality'
        label='国籍/地区'
        placeholder='请选择国籍/地区'
        hint='与护照上一致'
        options={NATIONALITY_NAMES}
        value={nationalityName(kit.values.nationality)}
        error={error}
        onChange={(name) => onChange(CODE_OF_NAME.get(name) ?? '')}
      />
    )
  }
  const read = kit.values.idType === 'foreign-permanent' ? foreignNationality(kit.values) : ''
  if (!read) return null
  return (
    <View className='register__notice' id='register-nationality-read'>
      <Text>国籍/地区：{read}（由证件号码识别）</Text>
    </View>
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
