import { Button as TaroButton } from '@tarojs/components'
import type { ReactNode } from 'react'
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

/** The app's button. While loading it ignores taps, so a slow network never submits twice. */
export function Button({ id, variant = 'primary', loading, disabled, block = true, onClick, children }: ButtonProps) {
  const inactive = !!(loading || disabled)
  return (
    <TaroButton
      id={id}
      className={`btn btn--${variant} ${block ? 'btn--block' : 'btn--inline'} ${inactive ? 'btn--inactive' : ''}`}
      // H5 renders disabled={false} as the attribute disabled="false", which its styles take as disabled.
      disabled={disabled || undefined}
      loading={loading}
      onClick={() => {
        if (!inactive) onClick?.()
      }}
    >
      {children}
    </TaroButton>
  )
}
