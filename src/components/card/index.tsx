import { Text, View } from '@tarojs/components'
import type { CSSProperties, ReactNode } from 'react'
import { a11y } from '../a11y'
import './index.scss'

/**
 * The app's card and its label/value rows, one class namespace (`ui-`) for every page: the hub's items, the process,
 * the results and the application pages draw their cards and rows with these, never by hand.
 */

/**
 * A white card with an optional title (`ui-card__title`); `tone='warn'` for what the candidate must know; `data` as
 * the card's data attributes (`data={{ kind }}` is `data-kind`).
 */
export function Card(props: {
  id?: string
  data?: Record<string, string | number>
  title?: ReactNode
  titleId?: string
  tone?: 'warn'
  className?: string
  style?: CSSProperties
  /** A card that opens something (a message): tappable, announced as a button with this name. */
  onClick?: () => void
  ariaLabel?: string
  children?: ReactNode
}) {
  const className = ['ui-card', props.tone && `ui-card--${props.tone}`, props.className].filter(Boolean).join(' ')
  const data = Object.fromEntries(Object.entries(props.data ?? {}).map(([k, v]) => [`data-${k}`, v]))
  return (
    <View
      className={className}
      id={props.id}
      style={props.style}
      {...data}
      {...(props.onClick ? { onClick: props.onClick, ...a11y('button', props.ariaLabel) } : {})}
    >
      {props.title !== undefined && (
        <Text className='ui-card__title' id={props.titleId}>
          {props.title}
        </Text>
      )}
      {props.children}
    </View>
  )
}

/**
 * One label and its value on a line. `layout`: 'ruled' (the default: at either end, a rule under each row but the
 * last), 'compact' (at either end, closer, no rules: the ticket and the certificate), 'form' (the label in a column,
 * the value beside it: the application's pages). The value is `value` as text (`valueId` its QA id) or, for a tag,
 * `children`.
 */
export function LabelValue(props: {
  label: ReactNode
  value?: ReactNode
  valueId?: string
  valueClassName?: string
  id?: string
  layout?: 'ruled' | 'compact' | 'form'
  className?: string
  children?: ReactNode
}) {
  const className = ['ui-row', `ui-row--${props.layout ?? 'ruled'}`, props.className].filter(Boolean).join(' ')
  return (
    <View className={className} id={props.id}>
      <Text className='ui-row__label'>{props.label}</Text>
      {props.children ?? (
        <Text
          className={props.valueClassName ? `ui-row__value ${props.valueClassName}` : 'ui-row__value'}
          id={props.valueId}
        >
          {props.value}
        </Text>
      )}
    </View>
  )
}
