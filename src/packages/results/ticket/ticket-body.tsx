import { Image, Text, View } from '@tarojs/components'
import type { Ticket } from '@contract/results'
import { imageAlt } from '../../../components/a11y'
import { Card, LabelValue } from '../../../components/card'
import { SittingMapButton } from '../exam-day-card'

/** The ticket itself as the screen shows it: who, the number (masked), the photo, the QR code, and each sitting. */
export function TicketBody({ ticket, photoUrl }: { ticket: Ticket; photoUrl: string | null }) {
  return (
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
            <Image id='ticket-photo' className='rs-photo' mode='aspectFill' src={photoUrl} {...imageAlt('考生照片')} />
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
    </>
  )
}

function Field({ label, id, value }: { label: string; id: string; value: string }) {
  return <LabelValue layout='compact' label={label} valueId={id} value={value} />
}
