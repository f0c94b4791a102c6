import { Text, View } from '@tarojs/components'
import { SelectorPicker } from '../form-field/controls'
import { FormField, type FormFieldProps } from '../form-field'
import './index.scss'

/**
 * The shared select and date fields: the platform's own picker (a wheel on phones), labelled like every field.
 * Ids: the shown value is `<id>`, the picker `<id>-picker` (QA opens the one and drives the other), the message
 * `<id>-error`, the 请核对 mark `<id>-tag`.
 * Only the `selector` mode is used: Taro documents `mode='date'` for WeChat and H5 only
 * (https://docs.taro.zone/docs/components/forms/picker), and Alipay's picker has one column only, no date or
 * multi-column mode (https://opendocs.alipay.com/mini/component/picker), so the date is three single-column wheels.
 */
interface FieldProps extends Omit<FormFieldProps, 'children'> {
  placeholder: string
}

export interface PickerSelectProps<V extends string> extends FieldProps {
  value: V | ''
  options: readonly V[]
  onChange: (value: V) => void
}

/** One choice from a list of labels. */
export function PickerSelect<V extends string>(props: PickerSelectProps<V>) {
  const { id, value, options, onChange, placeholder, ...field } = props
  return (
    <FormField id={id} {...field} required={field.required ?? true}>
      <SelectorPicker
        id={`${id}-picker`}
        className='picker-select__wrap'
        range={options as V[]}
        value={Math.max(0, options.indexOf(value as V))}
        onChange={(e) => {
          const picked = options[Number(e.detail.value)]
          if (picked !== undefined) onChange(picked)
        }}
      >
        <ShownValue id={id} value={value} placeholder={placeholder} />
      </SelectorPicker>
    </FormField>
  )
}

/** A date's or month's field: the value, or '' before one is chosen; the earliest and latest that may be chosen. */
interface WheelsFieldProps extends FieldProps {
  value: string
  /** The wheels open on `end` when the value is empty. */
  start: string
  end: string
  onChange: (value: string) => void
}

/** value, start and end as YYYY-MM-DD. */
export type DateSelectProps = WheelsFieldProps

/**
 * A date as three single-column wheels (year, month, day), each a `selector` every platform has; a day past the
 * month's end or past `end` is brought back. Ids: `<id>` shows the whole date, `<id>-picker` is the year wheel
 * (text `<id>-year`), `<id>-month-picker` (`<id>-month`) and `<id>-day-picker` (`<id>-day`) the others.
 * The year wheel also takes the whole date in one change: the three indexes `[year, month, day]` (as a three-column
 * picker sends them) or `YYYY-MM-DD`, so a spec sets the date in one step on every platform.
 */
export function DateSelect(props: DateSelectProps) {
  const { value, start, end, onChange } = props
  const columns = dateColumns(start, end)
  const shown = dateIndexes(value || end, columns)
  const pick = (column: number, index: number) => {
    const next = [...shown]
    next[column] = index
    onChange(dateFromIndexes(next, columns, start, end))
  }
  const onYear = (v: unknown) => {
    if (Array.isArray(v)) return onChange(dateFromIndexes(v.map(Number), columns, start, end))
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
      const within = v < start ? start : v > end ? end : v
      return onChange(dateFromIndexes(dateIndexes(within, columns), columns, start, end))
    }
    pick(0, Number(v))
  }
  return (
    <Wheels
      field={props}
      labels={columns.labels}
      shown={shown}
      wheelTextIds
      onPick={[onYear, (v) => pick(1, Number(v)), (v) => pick(2, Number(v))]}
    />
  )
}

/** The wheels' words: 年, 月, 日 after a chosen part, and alone before one is chosen. */
const UNITS = ['年', '月', '日']
/** The wheels' id suffixes: `<id>-picker` (the year), `<id>-month-picker`, `<id>-day-picker`. */
const SUFFIXES = ['', '-month', '-day']

/**
 * A date's or month's field: one single-column wheel a column (as many as `onPick` has), each showing its part of
 * the value or its unit, then the whole value (or the placeholder) as `<id>`. With `wheelTextIds` the wheels' texts
 * have ids too (`<id>-year`, `<id>-month`, `<id>-day`).
 */
function Wheels(props: {
  field: WheelsFieldProps
  labels: string[][]
  shown: number[]
  wheelTextIds?: boolean
  onPick: Array<(v: unknown) => void>
}) {
  const { id, value, placeholder, start: _start, end: _end, onChange: _onChange, ...field } = props.field
  const parts = value ? value.split('-') : []
  return (
    <FormField id={id} {...field} required={field.required ?? true}>
      <View className='picker-select__date'>
        <View className='picker-select__wheels'>
          {props.onPick.map((onPick, column) => {
            const text = parts[column] && `${parts[column]}${UNITS[column]}`
            return (
              <SelectorPicker
                key={column}
                id={`${id}${SUFFIXES[column]}-picker`}
                className='picker-select__wheel'
                range={props.labels[column]}
                value={props.shown[column]}
                onChange={(e) => onPick(e.detail.value)}
              >
                <Text
                  id={props.wheelTextIds ? `${id}${SUFFIXES[column] || '-year'}` : undefined}
                  className={`picker-select__value ${text ? '' : 'picker-select__placeholder'}`}
                >
                  {text ?? UNITS[column]}
                </Text>
              </SelectorPicker>
            )
          })}
        </View>
        <Text id={id} className={`picker-select__date-value ${value ? '' : 'picker-select__placeholder'}`}>
          {value || placeholder}
        </Text>
      </View>
    </FormField>
  )
}

function ShownValue({ id, value, placeholder }: { id: string; value: string; placeholder: string }) {
  return (
    <Text id={id} className={`picker-select__value ${value ? '' : 'picker-select__placeholder'}`}>
      {value || placeholder}
    </Text>
  )
}

export interface DateColumns {
  years: number[]
  labels: string[][]
}

export function dateColumns(start: string, end: string): DateColumns {
  const first = Number(start.slice(0, 4))
  const last = Number(end.slice(0, 4))
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i)
  const pad = (n: number) => String(n).padStart(2, '0')
  return {
    years,
    labels: [
      years.map((y) => `${y}年`),
      Array.from({ length: 12 }, (_, i) => `${pad(i + 1)}月`),
      Array.from({ length: 31 }, (_, i) => `${pad(i + 1)}日`),
    ],
  }
}

/** The column indexes that show `date` (YYYY-MM-DD). */
export function dateIndexes(date: string, columns: DateColumns): number[] {
  const [y, m, d] = date.split('-').map(Number)
  return [Math.max(0, columns.years.indexOf(y)), Math.max(0, (m || 1) - 1), Math.max(0, (d || 1) - 1)]
}

/** The date the columns show, made real (31 February → 28/29 February) and kept within start..end. */
export function dateFromIndexes(indexes: number[], columns: DateColumns, start: string, end: string): string {
  const year = columns.years[indexes[0] ?? 0] ?? columns.years[0]
  const month = (indexes[1] ?? 0) + 1
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const day = Math.min((indexes[2] ?? 0) + 1, lastDay)
  const pad = (n: number) => String(n).padStart(2, '0')
  const date = `${year}-${pad(month)}-${pad(day)}`
  return date < start ? start : date > end ? end : date
}

/** value, start and end as YYYY-MM. */
export type MonthSelectProps = WheelsFieldProps

/**
 * A month (年月) as two single-column wheels, year and month (selectors every platform has, as DateSelect), kept
 * within start..end. Ids: `<id>` shows the month, `<id>-picker` is the year wheel, `<id>-month-picker` the month's.
 * The year wheel also takes `[year, month]` indexes in one change, so a spec sets the month in one step.
 */
export function MonthSelect(props: MonthSelectProps) {
  const { value, start, end, onChange } = props
  const columns = dateColumns(`${start}-01`, `${end}-01`)
  const shown = dateIndexes(`${value || end}-01`, columns).slice(0, 2)
  const pick = (column: number, index: number) => {
    const next = [...shown]
    next[column] = index
    onChange(monthFromIndexes(next, columns, start, end))
  }
  return (
    <Wheels
      field={props}
      labels={columns.labels}
      shown={shown}
      onPick={[
        (v) => (Array.isArray(v) ? onChange(monthFromIndexes(v.map(Number), columns, start, end)) : pick(0, Number(v))),
        (v) => pick(1, Number(v)),
      ]}
    />
  )
}

/** The month (YYYY-MM) the two columns show, kept within start..end. */
export function monthFromIndexes(indexes: number[], columns: DateColumns, start: string, end: string): string {
  return dateFromIndexes([indexes[0] ?? 0, indexes[1] ?? 0, 0], columns, `${start}-01`, `${end}-01`).slice(0, 7)
}
