import { USERNAME_RULE_TEXT } from '@contract/account'
import { takesLatinName } from '@domain/id-documents'
import { TextField } from '../../components/form-field/text-field'
import { NameField } from '../../components/name-field'
import { PasswordPair } from '../../components/password-pair'
import type { Form } from '../../forms/use-form'
import type { RegisterFormState } from './form-state'

type Kit = Pick<Form<never, RegisterFormState>, 'values' | 'field'>

/**
 * 用户名, 密码 with its live meter and 确认密码 (PasswordPair, as 找回密码 sets one), 姓名 (with the 生僻字 picker; in
 * Latin letters where the chosen document prints the name so: a passport, the 外国人永久居留身份证).
 */
export function AccountFields({ kit }: { kit: Kit }) {
  return (
    <>
      <TextField
        id='register-username'
        label='用户名'
        required
        hint={USERNAME_RULE_TEXT}
        {...kit.field('username')}
        maxlength={20}
        placeholder='请输入用户名'
      />
      <PasswordPair
        id='register-password'
        label='密码'
        placeholder='请设置密码'
        password={kit.field('password')}
        confirmId='register-password-confirm'
        confirmLabel='确认密码'
        confirmPlaceholder='请再次输入密码'
        confirm={kit.field('passwordConfirm')}
      />
      <NameField id='register-name' {...kit.field('name')} latin={takesLatinName(kit.values.idType)} />
    </>
  )
}
