import { Button as TaroButton } from '@tarojs/components'
import { createContext, useContext, type ReactNode } from 'react'
import { a11y } from '../a11y'
import './index.scss'

export interface ButtonProps {
  id: string
  variant?: 'primary' | 'secondary' | 'text' | 'danger'
  loading?: boolean
  disabled?: boolean
  block?: boolean
  onClick?: () => void
  children: ReactNode
}

/** Inside a form the button submits (Baidu's subscribe form: components/subscribe-form): `form-type="submit"`. */
export const SubmitsForm = createContext(false)

/** The app's button. While loading it ignores taps, so a slow network never submits twice. */
export function Button({ id, variant = 'primary', loading, disabled, block = true, onClick, children }: ButtonProps) {
  const inactive = !!(loading || disabled)
  const submits = useContext(SubmitsForm)
  return (
    <TaroButton
      id={id}
      className={`btn btn--${variant} ${block ? 'btn--block' : 'btn--inline'} ${inactive ? 'btn--inactive' : ''}`}
      // H5 renders disabled={false} as the attribute disabled="false", which its styles take as disabled.
      disabled={disabled || undefined}
      loading={loading}
      formType={submits ? 'submit' : undefined}
      // Taro's H5 button is a custom element without a role or the keyboard's focus; a greyed-out one says so.
      {...a11y('button', undefined, { disabled: inactive })}
      onClick={() => {
        if (!inactive) onClick?.()
      }}
    >
      {children}
    </TaroButton>
  )
}
