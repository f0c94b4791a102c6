import { PASSWORD_RULE_TEXT } from '@domain/password'
import type { FieldBinding } from '../../forms/use-form'
import { PasswordField } from '../form-field/text-field'
import { PasswordMeter } from '../password-meter'

/**
 * A new password, its strength and its confirmation (注册, 找回密码: one component for both): the rule under the first field, the live meter
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
      <PasswordField
        id={props.id}
        label={props.label}
        hint={PASSWORD_RULE_TEXT}
        {...props.password}
        maxlength={32}
        placeholder={props.placeholder}
      />
      <PasswordMeter id={`${props.id}-strength`} password={props.password.value} />
      <PasswordField
        id={props.confirmId}
        label={props.confirmLabel}
        {...props.confirm}
        maxlength={32}
        placeholder={props.confirmPlaceholder}
      />
    </>
  )
}
