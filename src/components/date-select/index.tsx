import { Picker, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { dateFromParts, dateParts, daysInMonth, graduationYears, type DateParts } from '../../domain/education'
import './index.scss'

export interface DateSelectProps {
  /** `<id>` shows the whole date; `<id>-picker`, `<id>-month-picker`, `<id>-day-picker` are the wheels and
   * `<id>-year`, `<id>-month`, `<id>-day` their texts. */
  id: string
  /** YYYY-MM-DD, or '' while nothing is picked. */
  value: string
  /** The last day that may be picked (YYYY-MM-DD): the year wheel ends at its year. */
  end: string
  placeholder: string
  onChange: (date: string) => void
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1)
const pad = (n: number) => String(n).padStart(2, '0')

/**
 * A date picked as year, month and day on three single-column selectors. Taro documents Picker's `mode='date'` for
 * weapp and H5 only (https://docs.taro.zone/docs/components/forms/picker) and Alipay's picker has one column only,
 * no date or multi-column mode (https://opendocs.alipay.com/mini/component/picker); a selector is the mode every
 * platform has, so this is the same on all four.
 *
 * The year wheel also takes a whole `YYYY-MM-DD` as its change value (what the former date picker sent), so a spec
 * can set the date in one step on any platform.
 */
export function DateSelect({ id, value, end, placeholder, onChange }: DateSelectProps) {
  const [parts, setParts] = useState<DateParts>(() => dateParts(value))
  // A date set from outside (a scan, a restored draft) replaces what was picked.
  useEffect(() => {
    if (value) setParts(dateParts(value))
  }, [value])

  const years = graduationYears(end)
  const days = Array.from({ length: daysInMonth(parts.year ?? 2000, parts.month ?? 1) }, (_, i) => i + 1)
  const pick = (patch: DateParts) => {
    const next = { ...parts, ...patch }
    setParts(next)
    const date = dateFromParts(next)
    if (date) onChange(date)
  }
  const indexOf = (list: number[], v: number | undefined) => Math.max(0, v === undefined ? 0 : list.indexOf(v))

  return (
    <View className='date-select'>
      <View className='date-select__wheels'>
        <Picker
          id={`${id}-picker`}
          className='date-select__wheel'
          mode='selector'
          range={years.map((y) => `${y}年`)}
          value={indexOf(years, parts.year)}
          onChange={(e) => {
            const v = e.detail.value
            const whole = typeof v === 'string' ? dateParts(v) : {}
            if (whole.year !== undefined) return pick(whole)
            const year = years[Number(v)]
            if (year !== undefined) pick({ year })
          }}
        >
          <Text id={`${id}-year`} className={`date-select__part ${parts.year ? '' : 'date-select__placeholder'}`}>
            {parts.year ? `${parts.year}年` : '年'}
          </Text>
        </Picker>
        <Picker
          id={`${id}-month-picker`}
          className='date-select__wheel'
          mode='selector'
          range={MONTHS.map((m) => `${pad(m)}月`)}
          value={indexOf(MONTHS, parts.month)}
          onChange={(e) => {
            const month = MONTHS[Number(e.detail.value)]
            if (month !== undefined) pick({ month })
          }}
        >
          <Text id={`${id}-month`} className={`date-select__part ${parts.month ? '' : 'date-select__placeholder'}`}>
            {parts.month ? `${pad(parts.month)}月` : '月'}
          </Text>
        </Picker>
        <Picker
          id={`${id}-day-picker`}
          className='date-select__wheel'
          mode='selector'
          range={days.map((d) => `${pad(d)}日`)}
          value={indexOf(days, parts.day)}
          onChange={(e) => {
            const day = days[Number(e.detail.value)]
            if (day !== undefined) pick({ day })
          }}
        >
          <Text id={`${id}-day`} className={`date-select__part ${parts.day ? '' : 'date-select__placeholder'}`}>
            {parts.day ? `${pad(parts.day)}日` : '日'}
          </Text>
        </Picker>
      </View>
      <Text id={id} className={`date-select__value ${value ? '' : 'date-select__placeholder'}`}>
        {value || placeholder}
      </Text>
    </View>
  )
}
