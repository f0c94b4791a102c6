import { Switch } from '@tarojs/components'
import { nativeLabel } from '../../../components/a11y'
import { LabelValue } from '../../../components/card'
import type { FieldBinding } from '../../../forms/use-form'
import { MonthSelect } from '../../../components/picker-select'

/** 已取得住培合格证书 and, for holders, 住培合格证书发证年月 (a month up to this one). */
export function ResidencyFields(props: {
  prefix: string
  holder: boolean
  onHolder: (holder: boolean) => void
  date: FieldBinding<string>
  month: string
}) {
  const p = props.prefix
  return (
    <>
      <LabelValue layout='form' label='已取得住培合格证书'>
        <Switch
          id={`${p}-residency`}
          {...nativeLabel('已取得住培合格证书')}
          checked={props.holder}
          onChange={(e) => props.onHolder(e.detail.value)}
        />
      </LabelValue>
      {props.holder && (
        <MonthSelect
          id={`${p}-residency-date`}
          label='住培合格证书发证年月'
          hint='以证书落款时间为准'
          placeholder='请选择发证年月'
          start='1990-01'
          end={props.month}
          {...props.date}
        />
      )}
    </>
  )
}
