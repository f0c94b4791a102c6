import { Text } from '@tarojs/components'
import './index.scss'

export type StatusTone = 'success' | 'warning' | 'danger' | 'info' | 'neutral'

/** A coloured status word (核验通过, 待核验 ...). */
export function StatusTag({ id, tone, children }: { id?: string; tone: StatusTone; children: string }) {
  return (
    <Text id={id} className={`status-tag status-tag--${tone}`}>
      {children}
    </Text>
  )
}
