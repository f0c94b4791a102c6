import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import { useSettings } from '../../stores/settings'
import { Button } from '../button'
import { NetworkBanner } from '../network-banner'
import { a11y } from '../a11y'
import './index.scss'

export interface PageContainerProps {
  /** The page root id, `<page>-page`: QA waits for it. */
  id: string
  loading?: boolean
  /** A Chinese message; shows the error state with a retry button. */
  error?: string | null
  onRetry?: () => void
  empty?: boolean
  emptyText?: string
  children?: ReactNode
}

/**
 * Every page sits in one container that owns loading, error-with-retry and empty states, and applies the
 * large-font setting. The page only says which state it is in.
 */
export function PageContainer(props: PageContainerProps) {
  const largeFont = useSettings((s) => s.largeFont)
  const setLargeFont = useSettings((s) => s.setLargeFont)
  const { id } = props
  const pageName = id.replace(/-page$/, '')
  let body: ReactNode = props.children
  if (props.loading) {
    body = (
      <View className='page-state' id={`${id}-loading`}>
        <View className='page-state__spinner' />
        <Text className='page-state__text'>正在加载…</Text>
      </View>
    )
  } else if (props.error) {
    body = (
      <View className='page-state' id={`${id}-error-state`}>
        <Text className='page-state__text page-state__text--error'>{props.error}</Text>
        {props.onRetry && (
          <Button id={`${id}-retry`} variant='secondary' onClick={props.onRetry}>
            重试
          </Button>
        )}
      </View>
    )
  } else if (props.empty) {
    body = (
      <View className='page-state' id={`${id}-empty`}>
        <Text className='page-state__text'>{props.emptyText ?? '暂无内容'}</Text>
      </View>
    )
  }
  return (
    <View id={id} className={`page ${largeFont ? 'large-font' : ''}`}>
      <View className='page__toolbar'>
        <View
          id={`${pageName}-large-font`}
          className={`page__font-toggle ${largeFont ? 'page__font-toggle--on' : ''}`}
          onClick={() => setLargeFont(!largeFont)}
          {...a11y('button')}
        >
          {largeFont ? '标准字号' : '大字模式'}
        </View>
      </View>
      <NetworkBanner />
      {body}
    </View>
  )
}
