import { Text, View } from '@tarojs/components'
import { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { MessagesResponse } from '@contract/process'
import { api, getSessionToken, messageOf } from '../../../api'
import { PageContainer } from '../../../components/page-container'
import { useRequireSession } from '../../../stores/session'
import { chinaTime } from '../nodes'
import '../process.scss'
import './index.scss'

/** 消息: the reminders the server queued on every change of the candidate's applications, newest first. */
export default function MessagesPage() {
  useRequireSession()
  const [data, setData] = useState<MessagesResponse | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)

  const load = async () => {
    setLoading(true)
    try {
      setData(await api.messages())
      setError(null)
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setLoading(false)
      void Taro.stopPullDownRefresh()
    }
  }
  useDidShow(() => {
    if (getSessionToken()) void load()
  })
  usePullDownRefresh(() => void load())

  return (
    <PageContainer
      id='messages-page'
      loading={!data && loading}
      error={!data ? error : null}
      onRetry={load}
      empty={!!data && data.messages.length === 0}
      emptyText='暂无消息'
    >
      {data?.messages.map((m, i) => (
        <View className={`pc-card message message--${m.kind}`} key={m.id} id={`messages-item-${i}`} data-kind={m.kind}>
          <View className='message__head'>
            <Text className='pc-title'>{m.title}</Text>
            <Text className='pc-label'>{chinaTime(m.at)}</Text>
          </View>
          <Text className='pc-note'>{m.body}</Text>
        </View>
      ))}
    </PageContainer>
  )
}
