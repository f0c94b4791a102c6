import { Text, View } from '@tarojs/components'
import { usePullDownRefresh } from '@tarojs/taro'
import Taro from '@tarojs/taro'
import { PageContainer } from '../../../components/page-container'
import { toast } from '../../../components/toast'
import { useProcess } from '../../../stores/process'
import { useGuardedLoad } from '../../../stores/guarded-load'
import { chinaTime } from '../nodes'
import { Card } from '../../../components/card'
import { openMessage } from './target'
import '../process.scss'
import './index.scss'

/**
 * 消息: the reminders the server queued on every change of the candidate's applications, newest first, each naming its
 * exam and opening its page (the application's tracker, the ticket, the scores).
 */
export default function MessagesPage() {
  const data = useProcess((s) => s.messages)
  const loading = useProcess((s) => !!s.loading.messages)
  const error = useProcess((s) => s.errors.messages ?? null)

  const load = async () => {
    await useProcess.getState().loadMessages()
    void Taro.stopPullDownRefresh()
  }
  useGuardedLoad(load, { on: 'show' })
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
        <Card
          className={`message message--${m.kind}`}
          key={m.id}
          id={`messages-item-${i}`}
          data={{ kind: m.kind }}
          ariaLabel={`${m.examName ? `${m.examName}：` : ''}${m.title}，查看详情`}
          onClick={() => void openMessage(m)?.catch(() => toast.error('页面打开失败，请重试'))}
        >
          <View className='message__head'>
            <Text className='ui-card__title'>{m.title}</Text>
            <Text className='pc-label'>{chinaTime(m.at)}</Text>
          </View>
          {m.examName && (
            <Text className='message__exam' id={`messages-item-${i}-exam`}>
              {m.examName}
            </Text>
          )}
          <Text className='pc-note'>{m.body}</Text>
          <Text className='message__open'>查看 ›</Text>
        </Card>
      ))}
    </PageContainer>
  )
}
