import { Text, View } from '@tarojs/components'
import { useNetwork } from '../../stores/network'
import './index.scss'

/**
 * A calm line at the top of the page while the API client waits to retry (busy server, broken connection): the page
 * and what was typed stay as they are. QA id: network-banner (its text: network-banner-text).
 */
export function NetworkBanner() {
  const retry = useNetwork((s) => s.retry)
  if (!retry) return null
  const progress = Math.round(((retry.attempt - 1) / retry.of) * 100)
  return (
    <View id='network-banner' className='network-banner' role='status'>
      <Text id='network-banner-text' className='network-banner__text'>
        网络不稳定，正在重试（第 {retry.attempt - 1}/{retry.of - 1} 次）
      </Text>
      <View className='network-banner__track'>
        <View className='network-banner__bar' style={{ width: `${progress}%` }} />
      </View>
    </View>
  )
}
