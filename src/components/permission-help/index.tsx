import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { platform } from '../../platform/platform'
import type { RefusalKind } from '../../platform/types'
import { refusalText, type PermissionUse } from '../../stores/pick'
import { Button } from '../button'
import './index.scss'

export { refusalText }

/**
 * A refusal said on the page with its way forward. Ids: `<page>-refusal` (data-kind scope/system/privacy/failed),
 * `<page>-open-settings` (去设置), `<page>-auth-guide` (开启权限, Alipay), `<page>-privacy-retry` (重新授权, WeChat).
 * `settingsId` keeps an older page's id for 去设置. `onRetry` runs the refused action again once the privacy popup is
 * agreed.
 */
export function PermissionHelp(props: {
  page: string
  kind: RefusalKind
  use: PermissionUse
  onRetry?: () => void
  settingsId?: string
  /** false where the page already shows refusalText in its own result line. */
  showText?: boolean
}) {
  const { page, kind, use } = props
  const [note, setNote] = useState<string | null>(null)

  const retryPrivacy = async () => {
    setNote(null)
    if (await platform.requestPrivacy()) props.onRetry?.()
    else setNote('仍未同意《用户隐私保护指引》，暂时无法使用相册')
  }
  const guide = async () => {
    setNote(null)
    if (!(await platform.showPermissionGuide())) setNote('请在手机的“设置”中允许支付宝访问照片后再试')
  }
  const settings = async () => {
    setNote(null)
    if (!(await platform.openSettings())) setNote('无法打开设置，请在小程序右上角“…”中进入“设置”')
  }

  return (
    <View className='permission-help'>
      {props.showText !== false && (
        <Text id={`${page}-refusal`} data-kind={kind} className='permission-help__text'>
          {refusalText(kind, use)}
        </Text>
      )}
      {kind === 'scope' && (
        <Button id={props.settingsId ?? `${page}-open-settings`} variant='secondary' onClick={() => void settings()}>
          去设置
        </Button>
      )}
      {kind === 'system' && platform.name === 'alipay' && (
        <Button id={`${page}-auth-guide`} variant='secondary' onClick={() => void guide()}>
          开启权限
        </Button>
      )}
      {kind === 'privacy' && (
        <Button id={`${page}-privacy-retry`} variant='secondary' onClick={() => void retryPrivacy()}>
          重新授权
        </Button>
      )}
      {note && (
        <Text id={`${page}-refusal-note`} className='permission-help__note'>
          {note}
        </Text>
      )}
    </View>
  )
}
