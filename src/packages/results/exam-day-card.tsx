import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { Ticket, TicketSitting } from '@contract/results'
import { Button } from '../../components/button'
import { platform } from '../../platform/platform'
import type { CalendarResult, OpenLocationResult } from '../../platform/types'
import { examCalendarEvent, examDays, placeOf, whatToBring } from './exam-day'

const MAP_WORDS: Record<Exclude<OpenLocationResult, 'opened'>, string> = {
  privacy: '需要同意《用户隐私保护指引》后才能打开地图',
  blocked: '浏览器拦截了新窗口，请允许弹出窗口后重试',
  failed: '无法打开地图，请按地址前往',
}

const CALENDAR_WORDS: Record<CalendarResult, string> = {
  added: '已添加到手机日历，考前 2 小时提醒',
  denied: '没有添加：需要允许使用日历。请点击“去设置”开启后重试',
  privacy: '没有添加：需要同意《用户隐私保护指引》',
  cancel: '已取消添加',
  failed: '添加失败，请稍后重试',
  unsupported: '当前微信版本不支持添加到日历',
}

/**
 * 导航到考点 for one sitting's centre: the platform's own map at the server's coordinates (a map site on H5).
 * Ids: `ticket-sitting-<n>-map`, `ticket-sitting-<n>-map-result` (data-result privacy/blocked/failed).
 */
export function SittingMapButton({ index, sitting }: { index: number; sitting: TicketSitting }) {
  const [result, setResult] = useState<OpenLocationResult | null>(null)
  const place = placeOf(sitting)
  if (!place) return null
  return (
    <View className='rs-way'>
      <Button
        id={`ticket-sitting-${index}-map`}
        variant='secondary'
        block={false}
        onClick={() => {
          setResult(null)
          void platform.openLocation(place).then(setResult)
        }}
      >
        导航到考点
      </Button>
      {result && result !== 'opened' && (
        <Text className='rs-note' id={`ticket-sitting-${index}-map-result`} data-result={result}>
          {MAP_WORDS[result]}
        </Text>
      )}
    </View>
  )
}

/**
 * 考试当天: the exam's dates and times and what to bring (the 考生须知's own words) on one card, and where the phone
 * has a calendar the platform can write to (WeChat 基础库 2.15.0+), 添加到手机日历. Elsewhere the ticket's reminders
 * reach the candidate in the message list. Ids: `ticket-exam-card`, `ticket-exam-card-days`, `ticket-exam-card-bring`,
 * `ticket-add-calendar`, `ticket-calendar-result` (data-result), `ticket-calendar-settings`,
 * `ticket-calendar-privacy-retry`.
 */
export function ExamDayCard({ ticket }: { ticket: Ticket }) {
  const [result, setResult] = useState<CalendarResult | null>(null)
  const [busy, setBusy] = useState(false)
  const event = examCalendarEvent(ticket)
  const bring = whatToBring(ticket.rules)
  // Asked at render: the client's base library decides (wx.canIUse), not the platform's name.
  const calendar = !!event && platform.canAddToCalendar()

  // Called inside the tap itself: WeChat adds an entry only from a tap.
  const add = () => {
    if (!event) return
    setBusy(true)
    setResult(null)
    void platform.addToCalendar(event).then((r) => {
      setResult(r)
      setBusy(false)
    })
  }

  return (
    <View className='rs-card' id='ticket-exam-card'>
      <Text className='rs-card__title'>考试当天</Text>
      <View id='ticket-exam-card-days'>
        {examDays(ticket.sittings).map((d) => (
          <View className='rs-row' key={d.date}>
            <Text className='rs-row__label'>{d.date}</Text>
            <View className='rs-row__value'>
              {d.times.map((t) => (
                <Text className='rs-line' key={t}>
                  {t}
                </Text>
              ))}
            </View>
          </View>
        ))}
      </View>
      {bring.length > 0 && (
        <View id='ticket-exam-card-bring'>
          <Text className='rs-sitting__title'>须携带</Text>
          {bring.map((r) => (
            <Text className='rs-rule' key={r}>
              {r}
            </Text>
          ))}
        </View>
      )}
      {calendar && (
        <Button id='ticket-add-calendar' variant='secondary' disabled={busy} onClick={add}>
          添加到手机日历
        </Button>
      )}
      {result && (
        <Text className='rs-note' id='ticket-calendar-result' data-result={result}>
          {CALENDAR_WORDS[result]}
        </Text>
      )}
      {result === 'denied' && (
        <Button id='ticket-calendar-settings' variant='text' onClick={() => void platform.openSettings()}>
          去设置
        </Button>
      )}
      {result === 'privacy' && (
        <Button
          id='ticket-calendar-privacy-retry'
          variant='text'
          // Agreed: the candidate taps 添加到手机日历 again (WeChat adds an entry only from a tap of its own).
          onClick={() => void platform.requestPrivacy().then((ok) => ok && setResult(null))}
        >
          重新授权
        </Button>
      )}
    </View>
  )
}
