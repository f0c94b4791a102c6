import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import { Button } from '../button'
import './index.scss'

export interface SheetProps {
  /** The sheet's id; its buttons are `<okId>` and `<id>-cancel`. */
  id: string
  title: string
  okId: string
  okText: string
  cancelText?: string
  danger?: boolean
  loading?: boolean
  onOk: () => void
  onCancel: () => void
  children?: ReactNode
}

/** A confirmation sheet over the page, drawn by the app (the same on every platform, and tappable by id). */
export function Sheet({
  id,
  title,
  okId,
  okText,
  cancelText = '返回修改',
  danger,
  loading,
  onOk,
  onCancel,
  children,
}: SheetProps) {
  return (
    <View className='sheet__mask' id={`${id}-mask`}>
      <View className='sheet' id={id}>
        <Text className='sheet__title'>{title}</Text>
        <View className='sheet__body'>{children}</View>
        <View className='sheet__actions'>
          <Button id={`${id}-cancel`} variant='secondary' onClick={onCancel}>
            {cancelText}
          </Button>
          <Button id={okId} variant={danger ? 'danger' : 'primary'} loading={loading} onClick={onOk}>
            {okText}
          </Button>
        </View>
      </View>
    </View>
  )
}
