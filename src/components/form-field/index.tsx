import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import { a11y } from '../a11y'
import './index.scss'

export interface FormFieldProps {
  /** The field's id; its message gets `<id>-error`. */
  id: string
  label: string
  required?: boolean
  error?: string | null
  hint?: string
  /** A short mark beside the label (e.g. 请核对 on a field filled from a scan); id `<id>-tag`. */
  tag?: string
  /**
   * The field is a group of choices (subjects to tick, records to pick), not one control carrying the id: its control
   * box then carries `<id>` itself, announced as a group named by the label.
   */
  group?: boolean
  children: ReactNode
}

/** A labelled field with its required mark, hint and error message. */
export function FormField({ id, label, required, error, hint, tag, group, children }: FormFieldProps) {
  return (
    <View
      className={`form-field ${error ? 'form-field--error' : ''} ${tag ? 'form-field--tagged' : ''}`}
      id={`${id}-field`}
    >
      <View className='form-field__label'>
        {required && <Text className='form-field__required'>*</Text>}
        <Text>{label}</Text>
        {tag && (
          <Text className='form-field__tag' id={`${id}-tag`}>
            {tag}
          </Text>
        )}
      </View>
      <View
        className={`form-field__control ${group ? 'form-field__control--group' : ''}`}
        {...(group ? { id, ...a11y('group', label) } : {})}
      >
        {children}
      </View>
      {hint && !error && (
        <Text className='form-field__hint' id={`${id}-hint`}>
          {hint}
        </Text>
      )}
      {error && (
        <Text className='form-field__error' id={`${id}-error`}>
          {error}
        </Text>
      )}
    </View>
  )
}
