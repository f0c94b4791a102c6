import { View } from '@tarojs/components'
import { FieldInput } from '../form-field/controls'
import { useRef, useState } from 'react'
import {
  isLatinName,
  LATIN_NAME_MAX_LENGTH,
  LATIN_NAME_RULE_TEXT,
  nameHasPinyin,
  NAME_OR_LATIN_RULE_TEXT,
  NAME_RULE_TEXT,
  normaliseLatinName,
} from '@domain/person-name'
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
  /**
   * Whether the holder's document prints the name in Latin letters (domain/id-documents.ts, takesLatinName: a
   * passport, the 外国人永久居留身份证), so the name may be written as printed: the hint says so, a Latin name is put
   * in capitals with single spaces when the field is left, and the 生僻字 button is not offered for it.
   */
  latin?: boolean
}

/**
 * 姓名 with the 生僻字 picker: the panel inserts at the cursor, which we follow from the input's events (onInput and
 * onBlur report detail.cursor on every platform that has one; otherwise the end of the text).
 */
export function NameField({ id, value, onChange, error, label = '姓名', latin = false }: NameFieldProps) {
  const [open, setOpen] = useState(false)
  const cursor = useRef<number | null>(null)

  const insert = (char: string) => {
    const at = Math.min(cursor.current ?? value.length, value.length)
    onChange(value.slice(0, at) + char + value.slice(at))
    cursor.current = at + char.length
  }

  const latinName = latin && isLatinName(value)
  const hint = latinName
    ? LATIN_NAME_RULE_TEXT
    : nameHasPinyin(value)
      ? '姓名中含拼音：工作人员将按身份证核对该字'
      : latin
        ? NAME_OR_LATIN_RULE_TEXT
        : NAME_RULE_TEXT

  return (
    <View className='name-field'>
      <FormField id={id} label={label} required error={error} hint={hint}>
        <FieldInput
          id={id}
          className='form-field__input'
          value={value}
          // A Latin name's limit and room for the spaces that leaving the field collapses.
          maxlength={latin ? LATIN_NAME_MAX_LENGTH + 20 : 40}
          placeholder={latin ? '中文姓名或证件上的外文姓名' : '请输入姓名'}
          onInput={(e) => {
            cursor.current = typeof e.detail.cursor === 'number' ? e.detail.cursor : e.detail.value.length
            onChange(e.detail.value)
          }}
          onBlur={(e) => {
            const detail = e.detail as { value: string; cursor?: number }
            if (typeof detail.cursor === 'number') cursor.current = detail.cursor
            // As the document prints it: capitals, one space between words (the schema keeps it so in any case).
            const text = typeof detail.value === 'string' ? detail.value : value
            if (latin && isLatinName(text) && normaliseLatinName(text) !== text) onChange(normaliseLatinName(text))
          }}
        />
        {!latinName && (
          <View className='name-field__picker-btn' id={`${id}-picker`} onClick={() => setOpen(!open)}>
            生僻字
          </View>
        )}
      </FormField>
      {open && !latinName && <RareCharPicker id={`${id}-rare`} onPick={insert} onClose={() => setOpen(false)} />}
    </View>
  )
}
