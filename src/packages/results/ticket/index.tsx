import { Text } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useMemo } from 'react'
import { PageContainer } from '../../../components/page-container'
import { Card } from '../../../components/card'
import { useGuardedLoad } from '../../../stores/guarded-load'
import { serverImageSrc } from '../../../stores/shared'
import { useReminders } from '../../../stores/reminders'
import { useResults } from '../../../stores/results'
import { ExamDayCard } from '../exam-day-card'
import { drawTicket } from '../images'
import { SaveAsImage } from '../save-image'
import { TicketBody } from './ticket-body'
import { TicketWindowCard } from './window-card'
import '../results.scss'

/** 准考证: the printing window's state; inside it, the ticket with its QR code, saved as an image. */
export default function TicketPage() {
  const summary = useResults((s) => s.summary)
  const ticket = useResults((s) => s.ticket)
  const loading = useResults((s) => s.loading.ticket)
  const error = useResults((s) => s.errors.ticket)
  const loadTicket = useResults((s) => s.loadTicket)

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
      {brief && <TicketWindowCard brief={brief} error={error} />}

      {brief?.state === 'open' && ticket && (
        <>
          <TicketBody ticket={ticket} photoUrl={photoUrl} />

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
