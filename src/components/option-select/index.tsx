import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { FormField } from '../form-field'
import { a11y } from '../a11y'
import './index.scss'

export interface Option<V extends string> {
  value: V
  label: string
}

export interface OptionSelectProps<V extends string> {
  /** The field's id; each option is `<id>-option-<value>`. */
  id: string
  label: string
  value: V | ''
  options: ReadonlyArray<Option<V>>
  onChange: (value: V) => void
  placeholder?: string
  error?: string | null
  hint?: string
  required?: boolean
}

/**
 * A choice from a short list, opened in place: every option is a tappable row with its own id, the same on every
 * platform (QA taps them by id; the native picker differs per platform).
 */
export function OptionSelect<V extends string>(props: OptionSelectProps<V>) {
  const { id, label, value, options, onChange, placeholder = '请选择', error, hint, required = true } = props
  const [open, setOpen] = useState(false)
  const current = options.find((o) => o.value === value)
  return (
    <View className='option-select'>
      <FormField id={id} label={label} required={required} error={error} hint={hint}>
        <View
          id={id}
          className='option-select__value'
          onClick={() => setOpen(!open)}
          {...a11y('button', `${label}：${current?.label ?? placeholder}`)}
        >
          <Text className={current ? '' : 'option-select__placeholder'}>{current?.label ?? placeholder}</Text>
          <Text className='option-select__arrow'>{open ? '▲' : '▼'}</Text>
        </View>
      </FormField>
      {open && (
        <View className='option-select__list' id={`${id}-options`} {...a11y('radiogroup', label)}>
          {options.map((o) => (
            <View
              key={o.value}
              id={`${id}-option-${o.value}`}
              className={`option-select__option ${o.value === value ? 'option-select__option--on' : ''}`}
              {...a11y('radio', undefined, { checked: o.value === value })}
              onClick={() => {
                onChange(o.value)
                setOpen(false)
              }}
            >
              {o.label}
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
