import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { FieldInput } from '../../../components/form-field/controls'
import { FormField } from '../../../components/form-field'
import type { RecordFormState } from './use-record-form'

/**
 * A search's results under its box, each a tap that chooses it, then the way out (其他学校 / 其他专业). Ids `<id>-options`,
 * `<id>-option-<n>`, `<id>-other`; `note` goes between the results and the way out.
 */
export function SearchOptions(props: {
  id: string
  names: readonly string[]
  onPick: (name: string) => void
  other: string
  onOther: () => void
  note?: ReactNode
}) {
  const { id, names, onPick } = props
  return (
    <View className='record-form__options' id={`${id}-options`}>
      {names.map((name, i) => (
        <Text key={name} id={`${id}-option-${i}`} className='record-form__option' onClick={() => onPick(name)}>
          {name}
        </Text>
      ))}
      {props.note}
      <Text id={`${id}-other`} className='record-form__option record-form__option--other' onClick={props.onOther}>
        {props.other}
      </Text>
    </View>
  )
}

/** 其他学校 / 其他专业: what is typed instead, its label and hint. */
const TYPED = {
  school: { id: 'other-school', key: 'otherSchool', label: '学校名称', placeholder: '请输入毕业证上的学校全称' },
  major: { id: 'other-major', key: 'otherMajor', label: '专业名称', placeholder: '请输入毕业证上的专业名称' },
} as const

/**
 * The name typed under 其他学校 / 其他专业, as the certificate writes it (ids `<kind>-form-other-school`,
 * `<kind>-form-other-major`); `children` follow the input. Its 请核对 mark is the school's or the major's.
 */
export function TypedName({ f, of, children }: { f: RecordFormState; of: 'school' | 'major'; children?: ReactNode }) {
  const { id, key, label, placeholder } = TYPED[of]
  const field = `${f.kind}-form-${id}`
  return (
    <FormField id={field} label={label} required error={f.errors[key]} tag={f.checkTag(of)}>
      <FieldInput
        id={field}
        className='form-field__input'
        value={f.draft[key]}
        maxlength={40}
        placeholder={placeholder}
        onInput={(e) => f.update({ [key]: e.detail.value })}
      />
      {children}
    </FormField>
  )
}
