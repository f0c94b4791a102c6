import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { RetryStatus } from '../../stores/network'
import { useNetwork } from '../../stores/network'
import './index.scss'

/**
 * What the banner says, `elapsedMs` after the client began to wait:
 * - the login waiting room (503 LOGIN_QUEUE): 排队人数较多, the place in line when the server gave it and the wait
 *   left by its estimate, counting down; the client comes back by itself with the same key (its place);
 * - a rate limit with Retry-After (429): 操作过于频繁，请 N 秒后再试, counting down to the automatic retry;
 * - otherwise (busy, broken connection): 网络不稳定，正在重试 with the try count.
 */
export function bannerText(retry: RetryStatus, elapsedMs: number): string {
  const secondsLeft = (ms: number) => Math.max(1, Math.ceil((ms - elapsedMs) / 1000))
  if (retry.reason === 'queue') {
    const wait = secondsLeft(retry.queue ? retry.queue.waitSeconds * 1000 : retry.waitMs)
    const place = retry.queue?.position ? `您排在第 ${retry.queue.position} 位，` : ''
    return `排队人数较多，${place}预计等待约 ${wait} 秒，将自动继续`
  }
  if (retry.reason === 'rate-limit') return `操作过于频繁，请 ${secondsLeft(retry.waitMs)} 秒后再试（将自动重试）`
  return `网络不稳定，正在重试（第 ${retry.attempt - 1}/${retry.of - 1} 次）`
}

/**
 * A calm line at the top of the page while the API client waits to retry (busy server, broken connection, the login
 * waiting room, a rate limit): the page and what was typed stay as they are. A wait the server asked for counts down
 * once a second. QA id: network-banner (its text: network-banner-text).
 */
export function NetworkBanner() {
  const retry = useNetwork((s) => s.retry)
  const [since, setSince] = useState(0)
  const [now, setNow] = useState(0)
  useEffect(() => {
    if (!retry) return
    const start = Date.now()
    setSince(start)
    setNow(start)
    if (!retry.reason) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [retry])
  if (!retry) return null
  const elapsed = Math.max(0, now - since)
  const progress = retry.reason
    ? Math.min(100, Math.round((elapsed / Math.max(1, retry.waitMs)) * 100))
    : Math.round(((retry.attempt - 1) / retry.of) * 100)
  return (
    <View id='network-banner' className='network-banner' role='status' data-reason={retry.reason ?? 'network'}>
      <Text id='network-banner-text' className='network-banner__text'>
        {bannerText(retry, elapsed)}
      </Text>
      <View className='network-banner__track'>
        <View className='network-banner__bar' style={{ width: `${progress}%` }} />
      </View>
    </View>
  )
}
