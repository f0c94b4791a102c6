import { PASSWORD_RULE_TEXT } from '@domain/password'
import type { FieldBinding } from '../../forms/use-form'
import { TextField } from '../form-field/text-field'
import { PasswordMeter } from '../password-meter'

/**
 * A new password, its strength and its confirmation (注册, 找回密码): the rule under the first field, the live meter
 * (`<id>-strength`), then the confirmation (`<confirmId>`). Both bound to the form kit (`form.field('password')`).
 */
export function PasswordPair(props: {
  id: string
  confirmId: string
  label: string
  confirmLabel: string
  placeholder: string
  confirmPlaceholder: string
  password: FieldBinding<string>
  confirm: FieldBinding<string>
}) {
  return (
    <>
      <TextField
        id={props.id}
        label={props.label}
        required
        hint={PASSWORD_RULE_TEXT}
        {...props.password}
        kind='password'
        maxlength={32}
        placeholder={props.placeholder}
      />
      <PasswordMeter id={`${props.id}-strength`} password={props.password.value} />
      <TextField
        id={props.confirmId}
        label={props.confirmLabel}
        required
        {...props.confirm}
        kind='password'
        maxlength={32}
        placeholder={props.confirmPlaceholder}
      />
    </>
  )
}
