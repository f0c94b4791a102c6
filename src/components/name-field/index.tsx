import { View } from '@tarojs/components'
import { FieldInput } from '../form-field/controls'
import { useRef, useState } from 'react'
import { nameHasPinyin, NAME_RULE_TEXT } from '@domain/person-name'
import { FormField } from '../form-field'
import { RareCharPicker } from '../rare-char-picker'
import './index.scss'

export interface NameFieldProps {
  /** The input's id (`register-name`); the picker button is `<id>-picker`, its panel `<id>-rare`. */
  id: string
  value: string
  onChange: (name: string) => void
  error?: string | null
  label?: string
}

/**
 * 姓名 with the 生僻字 picker: the panel inserts at the cursor, which we follow from the input's events (onInput and
 * onBlur report detail.cursor on every platform that has one; otherwise the end of the text).
 */
export function NameField({ id, value, onChange, error, label = '姓名' }: NameFieldProps) {
  const [open, setOpen] = useState(false)
  const cursor = useRef<number | null>(null)

  const insert = (char: string) => {
    const at = Math.min(cursor.current ?? value.length, value.length)
    onChange(value.slice(0, at) + char + value.slice(at))
    cursor.current = at + char.length
  }

  const hint = nameHasPinyin(value) ? '姓名中含拼音：工作人员将按身份证核对该字' : NAME_RULE_TEXT

  return (
    <View className='name-field'>
      <FormField id={id} label={label} required error={error} hint={hint}>
        <FieldInput
          id={id}
          className='form-field__input'
          value={value}
          maxlength={40}
          placeholder='请输入姓名'
          onInput={(e) => {
            cursor.current = typeof e.detail.cursor === 'number' ? e.detail.cursor : e.detail.value.length
            onChange(e.detail.value)
          }}
          onBlur={(e) => {
            const detail = e.detail as { value: string; cursor?: number }
            if (typeof detail.cursor === 'number') cursor.current = detail.cursor
          }}
        />
        <View className='name-field__picker-btn' id={`${id}-picker`} onClick={() => setOpen(!open)}>
          生僻字
        </View>
      </FormField>
      {open && <RareCharPicker id={`${id}-rare`} onPick={insert} onClose={() => setOpen(false)} />}
    </View>
  )
}
