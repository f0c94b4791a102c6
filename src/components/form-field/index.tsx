import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

export interface FormFieldProps {
  /** The field's id; its message gets `<id>-error`. */
  id: string
  label: string
  required?: boolean
  error?: string | null
  hint?: string
  children: ReactNode
}

/** A labelled field with its required mark, hint and error message. */
export function FormField({ id, label, required, error, hint, children }: FormFieldProps) {
  return (
    <View className={`form-field ${error ? 'form-field--error' : ''}`} id={`${id}-field`}>
      <View className='form-field__label'>
        {required && <Text className='form-field__required'>*</Text>}
        <Text>{label}</Text>
      </View>
      <View className='form-field__control'>{children}</View>
      {hint && !error && <Text className='form-field__hint'>{hint}</Text>}
      {error && (
        <Text className='form-field__error' id={`${id}-error`}>
          {error}
        </Text>
      )}
    </View>
  )
}
