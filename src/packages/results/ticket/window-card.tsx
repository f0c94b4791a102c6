import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { TicketBrief } from '@contract/results'
import { chinaDateTime } from '@domain/china-time'
import { Button } from '../../../components/button'
import { Card, LabelValue } from '../../../components/card'
import { StatusTag } from '../../../components/status-tag'
import { SubscribeForm } from '../../../components/subscribe-form'
import { platform } from '../../../platform/platform'
import { REFUSED_FOR_GOOD_TEXT, useReminders } from '../../../stores/reminders'
import { useResults, type ReminderOutcome } from '../../../stores/results'

const STATE_WORDS = { 'not-open': '未开放打印', open: '可打印', closed: '已停止打印' } as const
const STATE_MEANINGS = { 'not-open': 'waiting', open: 'current', closed: 'waiting' } as const
const REMINDER_WORDS: Record<ReminderOutcome, string> = {
  on: '已订阅：准考证开放打印时提醒您',
  refused: '未订阅提醒（您拒绝了消息通知）；开放打印后可在本页或"消息"中查看',
  'switched-off': '您已关闭本小程序的消息通知，可在设置中开启后再订阅',
  failed: '订阅失败，请稍后重试',
}

/** The ticket's printing window: its state and dates; before it opens, the reminder to subscribe to. */
export function TicketWindowCard({ brief, error }: { brief: TicketBrief; error?: string | null }) {
  const remindMe = useResults((s) => s.remindMe)
  const [reminder, setReminder] = useState<ReminderOutcome | null>(null)
  // Baidu's 500101 from this candidate on this device (stores/reminders.ts): no 提醒 entry, the words say why.
  const refusedForGood = useReminders((s) => s.refused)
  return (
    <Card titleId='ticket-exam' title={brief.examName}>
      <LabelValue layout='compact' label='打印状态'>
        <StatusTag id='ticket-status' meaning={STATE_MEANINGS[brief.state]}>
          {STATE_WORDS[brief.state]}
        </StatusTag>
      </LabelValue>
      <LabelValue layout='compact' label='打印时间'>
        {/* Each end of the window stays whole: a narrow phone breaks the line at 至, not inside a date. */}
        <View className='ui-row__value' id='ticket-window'>
          <Text className='rs-keep'>{`${chinaDateTime(brief.opensAt)} 至 `}</Text>
          <Text className='rs-keep'>{chinaDateTime(brief.closesAt)}</Text>
        </View>
      </LabelValue>
      {brief.state === 'not-open' && (
        <>
          <Text className='rs-state' id='ticket-opens-at'>
            准考证将于 {chinaDateTime(brief.opensAt)} 开放打印
          </Text>
          {brief.reminder || reminder === 'on' ? (
            <Text className='rs-note' id='ticket-reminder-on'>
              {REMINDER_WORDS.on}
            </Text>
          ) : refusedForGood ? (
            <Text className='rs-note' id='ticket-reminder-off'>
              {REFUSED_FOR_GOOD_TEXT}
            </Text>
          ) : (
            <SubscribeForm id='ticket-remind-form' purpose='ticket'>
              <Button id='ticket-remind' variant='secondary' onClick={() => void remindMe().then(setReminder)}>
                开放打印时提醒我
              </Button>
            </SubscribeForm>
          )}
          {reminder && reminder !== 'on' && !refusedForGood && (
            <Text className='rs-note' id='ticket-reminder-result'>
              {REMINDER_WORDS[reminder]}
            </Text>
          )}
          {reminder === 'switched-off' && (
            <Button id='ticket-reminder-settings' variant='text' onClick={() => void platform.openSettings()}>
              去设置开启通知
            </Button>
          )}
        </>
      )}
      {brief.state === 'closed' && (
        <Text className='rs-state' id='ticket-closed'>
          考试已结束，准考证不再提供打印。成绩公布后请在“成绩查询”中查看。
        </Text>
      )}
      {brief.state === 'open' && error && (
        <Text className='rs-note' id='ticket-error'>
          {error}
        </Text>
      )}
    </Card>
  )
}
