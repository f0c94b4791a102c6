import type { FieldBinding } from '../../forms/use-form'
import { FieldInput } from './controls'
import { FormField, type FormFieldProps } from './index'

export interface TextFieldProps extends Omit<FormFieldProps, 'children'> {
  value: string
  onChange: (value: string) => void
  /** Which keyboard the phone shows; `password` hides what is typed. */
  kind?: 'text' | 'password' | 'idcard' | 'number'
  maxlength?: number
  placeholder?: string
}

/** A labelled one-line input: the field most forms are made of. The input carries the field's id. */
export function TextField({ value, onChange, kind = 'text', maxlength, placeholder, ...field }: TextFieldProps) {
  return (
    <FormField {...field}>
      <FieldInput
        id={field.id}
        className='form-field__input'
        type={kind === 'password' ? 'text' : kind}
        password={kind === 'password'}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        onInput={(e) => onChange(e.detail.value)}
      />
    </FormField>
  )
}

/** One text field as data: its id and what the candidate sees (the form kit binds the value). */
export type TextFieldSpec = Pick<
  TextFieldProps,
  'id' | 'label' | 'required' | 'hint' | 'kind' | 'maxlength' | 'placeholder'
>

/**
 * Text fields drawn from a table, in its order, each bound to the form kit by its key:
 * `<TextFields field={form.field} fields={{ mobile: { id: 'apply-contact-mobile', label: '手机号码', ... } }} />`.
 */
export function TextFields<K extends string>(props: {
  fields: Record<K, TextFieldSpec>
  field: (key: K) => FieldBinding<string>
}) {
  const keys = Object.keys(props.fields) as K[]
  return (
    <>
      {keys.map((key) => (
        <TextField key={key} {...props.fields[key]} {...props.field(key)} />
      ))}
    </>
  )
}

/** A password: required, typed hidden (`kind='password'`); the login's, and each of PasswordPair's two. */
export function PasswordField(props: Omit<TextFieldProps, 'kind' | 'required'>) {
  return <TextField {...props} required kind='password' />
}

/** The 18-digit resident ID number: the ID keyboard (digits and X), 18 characters, the same words everywhere. */
export function IdNumberField({
  label = '证件号码',
  ...props
}: Omit<TextFieldProps, 'kind' | 'maxlength' | 'placeholder' | 'required' | 'label'> & { label?: string }) {
  return <TextField {...props} label={label} required kind='idcard' maxlength={18} placeholder='请输入身份证号码' />
}
