import { Text, View } from '@tarojs/components'
import { GENDER_LABELS, ID_TYPE_LABELS } from '@contract/account'
import { normaliseDocumentNumber, takesLatinName } from '@domain/id-documents'
import { normaliseNameFor } from '@domain/person-name'
import { Sheet } from '../../components/sheet'
import { asked, foreignNationality, type RegisterFormState } from './form-state'

/** The identity as it will be registered, with the warning that it can never be changed by the candidate. */
export function ConfirmSheet(props: {
  values: RegisterFormState
  submitting: boolean
  onOk: () => void
  onCancel: () => void
}) {
  const { values } = props
  const ask = asked(values)
  const rows: Array<[string, string, string]> = [
    ['姓名', 'register-confirm-name', normaliseNameFor(values.name, takesLatinName(values.idType))],
    ['证件类型', 'register-confirm-id-type', ID_TYPE_LABELS[values.idType]],
    ['证件号码', 'register-confirm-id-number', normaliseDocumentNumber(values.idNumber)],
  ]
  if (ask.gender && values.gender) rows.push(['性别', 'register-confirm-gender', GENDER_LABELS[values.gender]])
  if (ask.birthDate) rows.push(['出生日期', 'register-confirm-birth-date', values.birthDate])
  const nationality = foreignNationality(values)
  if (nationality) rows.push(['国籍/地区', 'register-confirm-nationality', nationality])
  return (
    <Sheet
      id='register-confirm'
      title='请确认身份信息'
      okId='register-confirm-ok'
      okText='确认注册'
      loading={props.submitting}
      onOk={props.onOk}
      onCancel={props.onCancel}
    >
      {rows.map(([label, id, value]) => (
        <View className='register__confirm-row' key={id}>
          <Text className='register__confirm-label'>{label}</Text>
          <Text className='register__confirm-value' id={id}>
            {value}
          </Text>
        </View>
      ))}
      <Text className='register__warning' id='register-confirm-warning'>
        姓名、证件类型、证件号码注册后考生本人不能修改，请仔细核对，确保与{ID_TYPE_LABELS[values.idType]}一致。
      </Text>
    </Sheet>
  )
}
