import { Image, Text, View } from '@tarojs/components'
import { imageAlt } from '../../../components/a11y'
import { useDidShow } from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { chinaDateTime } from '@domain/china-time'
import { Button } from '../../../components/button'
import { SubscribeForm } from '../../../components/subscribe-form'
import { PageContainer } from '../../../components/page-container'
import { StatusTag } from '../../../components/status-tag'
import { platform } from '../../../platform/platform'
import { useGuardedLoad } from '../../../stores/guarded-load'
import { serverImageSrc } from '../../../stores/shared'
import { useReminders } from '../../../stores/reminders'
import { useResults, type ReminderOutcome } from '../../../stores/results'
import { ExamDayCard, SittingMapButton } from '../exam-day-card'
import { drawTicket } from '../images'
import { SaveAsImage } from '../save-image'
import { Card, LabelValue } from '../../../components/card'
import '../results.scss'

const STATE_WORDS = { 'not-open': '未开放打印', open: '可打印', closed: '已停止打印' } as const
const STATE_MEANINGS = { 'not-open': 'waiting', open: 'current', closed: 'waiting' } as const
const REMINDER_WORDS: Record<ReminderOutcome, string> = {
  on: '已订阅：准考证开放打印时提醒您',
  refused: '未订阅提醒（您拒绝了消息通知）；开放打印后可在本页或"消息"中查看',
  'switched-off': '您已关闭本小程序的消息通知，可在设置中开启后再订阅',
  failed: '订阅失败，请稍后重试',
}

/** 准考证: the printing window's state; inside it, the ticket with its QR code, saved as an image. */
export default function TicketPage() {
  const summary = useResults((s) => s.summary)
  const ticket = useResults((s) => s.ticket)
  const loading = useResults((s) => s.loading.ticket)
  const error = useResults((s) => s.errors.ticket)
  const loadTicket = useResults((s) => s.loadTicket)
  const remindMe = useResults((s) => s.remindMe)
  const [reminder, setReminder] = useState<ReminderOutcome | null>(null)

  // Every visit asks the server again: the window opens and closes by the server's clock.
  useGuardedLoad(loadTicket, { on: 'show' })
  useDidShow(() => void useReminders.getState().load())

  const brief = summary?.ticket ?? null
  const photoUrl = ticket?.photoUrl ? serverImageSrc(ticket.photoUrl) : null
  const drawing = useMemo(() => (ticket ? drawTicket(ticket, photoUrl) : null), [ticket, photoUrl])
  return (
    <PageContainer
      id='ticket-page'
      loading={!summary && loading}
      error={!summary ? error : null}
      onRetry={loadTicket}
      empty={!!summary && !brief}
      emptyText='暂无准考证：报名成功后，准考证在打印时间内在这里查看和保存'
    >
      {brief && (
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
              ) : (
                <SubscribeForm id='ticket-remind-form' purpose='ticket'>
                  <Button id='ticket-remind' variant='secondary' onClick={() => void remindMe().then(setReminder)}>
                    开放打印时提醒我
                  </Button>
                </SubscribeForm>
              )}
              {reminder && reminder !== 'on' && (
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
      )}

      {brief?.state === 'open' && ticket && (
        <>
          <Card id='ticket-card'>
            <View className='rs-head'>
              <View className='rs-head__fields'>
                <Field label='姓名' id='ticket-name' value={ticket.name} />
                <Field label='证件类型' id='ticket-id-type' value={ticket.idTypeName} />
                <Field label='证件号码' id='ticket-id-number' value={ticket.idNumberMasked} />
                <Field label='准考证号' id='ticket-number' value={ticket.ticketNo} />
                <Field label='报考专业' id='ticket-speciality' value={ticket.speciality} />
              </View>
              {photoUrl ? (
                <Image
                  id='ticket-photo'
                  className='rs-photo'
                  mode='aspectFill'
                  src={photoUrl}
                  {...imageAlt('考生照片')}
                />
              ) : (
                <View id='ticket-photo' className='rs-photo' />
              )}
            </View>
            <Image id='ticket-qr' className='rs-qr' src={ticket.qr.dataUrl} {...imageAlt('准考证二维码')} />
            <Text className='rs-note'>二维码内容为准考证号，供考点核验</Text>
          </Card>

          <Card title='考试安排'>
            {ticket.sittings.map((s, i) => (
              <View className='rs-sitting' id={`ticket-sitting-${i}`} key={s.subjectCode}>
                <Text className='rs-sitting__title' id={`ticket-sitting-${i}-subject`}>
                  {s.subjectName}
                </Text>
                <Text className='rs-line' id={`ticket-sitting-${i}-time`}>
                  {`${s.date}\u3000${s.time}`}
                </Text>
                <Text className='rs-line' id={`ticket-sitting-${i}-centre`}>
                  {s.centre}
                </Text>
                <Text className='rs-line' id={`ticket-sitting-${i}-address`}>
                  地址：{s.address}
                </Text>
                <Text className='rs-line' id={`ticket-sitting-${i}-seat`}>
                  {`${s.room}\u3000座位号 ${s.seat}`}
                </Text>
                <SittingMapButton index={i} sitting={s} />
              </View>
            ))}
          </Card>

          <ExamDayCard ticket={ticket} />

          <Card id='ticket-rules' title='考生须知'>
            {ticket.rules.map((r, i) => (
              <Text className='rs-rule' key={r}>
                {i + 1}. {r}
              </Text>
            ))}
          </Card>

          {drawing && <SaveAsImage page='ticket' fileName={`准考证-${ticket.ticketNo}.png`} drawing={drawing} />}
        </>
      )}
    </PageContainer>
  )
}

function Field({ label, id, value }: { label: string; id: string; value: string }) {
  return <LabelValue layout='compact' label={label} valueId={id} value={value} />
}
