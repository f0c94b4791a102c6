import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { currentNode } from '@domain/application-process'
import { nextStep, nodeActions } from '@domain/process-actions'
import type { ApplicationView } from '@contract/application'
import { countdown } from '@domain/process-deadlines'
import { Button } from '../../../components/button'
import { SubscribeForm } from '../../../components/subscribe-form'
import { PageContainer } from '../../../components/page-container'
import { toast } from '../../../components/toast'
import { go, routes, useQuery } from '../../../routes'
import { useApplication } from '../../../stores/application'
import { useGuardedLoad } from '../../../stores/guarded-load'
import { useProcess } from '../../../stores/process'
import { platform } from '../../../platform/platform'
import { REFUSED_FOR_GOOD_TEXT, useReminders } from '../../../stores/reminders'
import { serverNow } from '../../../stores/shared'
import { NODE_ACTION_PAGES } from './actions'
import { TrackerNode, type NodeAction } from './node'
import { Card } from '../../../components/card'
import '../process.scss'
import './index.scss'

/**
 * 报考流程: each node of the application with its state (done dark blue, current blue and marked, todo grey, failed
 * red, 报名成功 green), what to do next and by when, a countdown in the last days on the server's clock, and on the
 * node the application is at its actions (查看报名表, 上传材料, 去缴费, 打印准考证…) and, after a failure, the next step.
 */
type Node = ApplicationView['nodes'][number]

export default function TrackerPage() {
  const { id } = useQuery(routes.tracker)
  const app = useApplication((s) => (id && s.view?.id === id ? s.view : null))
  const loading = useApplication((s) => !!s.loading.application)
  const loadError = useApplication((s) => s.errors.application ?? null)
  const [now, setNow] = useState(serverNow())

  const load = async () => {
    if (id) await useApplication.getState().refreshApplication(id)
    setNow(serverNow())
    void Taro.stopPullDownRefresh()
  }
  // Every show: back from the materials or the payment, the nodes have moved.
  useGuardedLoad(load, { on: 'show' })
  usePullDownRefresh(() => void load())
  // The countdown moves on between refreshes (the server's clock, learnt from every answer).
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), 30_000)
    return () => clearInterval(timer)
  }, [])

  // The templates (审核结果、缴费提醒) come from the server, loaded before the tap that asks for them.
  useDidShow(() => void useReminders.getState().load())
  // Baidu's 500101 from this candidate on this device: no 订阅 entry, and the words say why.
  const refusedForGood = useReminders((s) => s.refused)
  const [subscribed, setSubscribed] = useState<{ ok: boolean; text: string; settings: boolean } | null>(null)
  const subscribe = async () => {
    const answer = await useProcess.getState().subscribe('process')
    setSubscribed(answer)
    void (answer.ok ? toast.success(answer.text) : toast.info(answer.text))
  }

  const error = id ? loadError : '没有找到这条报名信息'
  const at = app ? currentNode(app.nodes) : undefined
  // The way forward from the node the application is at (domain/process-actions): its buttons, and after a failure
  // what to do next.
  const actionsOf = (n: Node): NodeAction[] =>
    app
      ? nodeActions(app.nodes, n, now).map((a) => {
          const page = NODE_ACTION_PAGES[a.kind]
          return { id: page.id, text: a.text, go: () => page.go(app.id) }
        })
      : []
  // After a failure there is nothing more to be reminded of: no 订阅审核和缴费提醒.
  const failed = at?.state === 'failed'

  return (
    <PageContainer id='tracker-page' loading={!app && loading} error={!app ? error : null} onRetry={load}>
      {app && (
        <>
          <Card titleId='tracker-exam' title={app.examName}>
            <Text className='pc-note' id='tracker-province'>{`报考考区：${app.provinceName}`}</Text>
          </Card>
          <Card className='tracker__nodes'>
            {app.nodes.map((n, i) => (
              <TrackerNode
                key={n.key}
                node={n}
                index={i}
                last={i === app.nodes.length - 1}
                // The countdown is the node the application is at (domain/application-process), while not done.
                left={n === at && n.state !== 'done' ? countdown(n.deadline, now) : null}
                next={app ? nextStep(app.nodes, n, now) : null}
                actions={actionsOf(n)}
              />
            ))}
          </Card>
          <View className='pc-actions'>
            {platform.capabilities.subscribeMessages && !failed && !refusedForGood && (
              <SubscribeForm id='tracker-subscribe-form' purpose='process'>
                <Button id='tracker-subscribe' variant='secondary' onClick={() => void subscribe()}>
                  订阅审核和缴费提醒
                </Button>
              </SubscribeForm>
            )}
            {refusedForGood && !subscribed && (
              <Text className='pc-note' id='tracker-subscribe-off'>
                {REFUSED_FOR_GOOD_TEXT}
              </Text>
            )}
            {subscribed && (
              <Text className='pc-note' id='tracker-subscribe-result'>
                {subscribed.text}
              </Text>
            )}
            {subscribed?.settings && (
              <Button id='tracker-subscribe-settings' variant='text' onClick={() => void platform.openSettings()}>
                去设置开启通知
              </Button>
            )}
            <Button id='tracker-messages' variant='text' onClick={() => void go.to(routes.messages)}>
              查看消息
            </Button>
            <Text className='pc-note'>下拉可刷新报名状态</Text>
          </View>
        </>
      )}
    </PageContainer>
  )
}
