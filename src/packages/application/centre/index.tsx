import { CentreStep, type ApplicationView } from '@contract/application'
import { centreProblems } from '@domain/application-steps'
import { PickerSelect } from '../../../components/picker-select'
import { useForm } from '../../../forms/use-form'
import { useApplication } from '../../../stores/application'
import { draftKey, NO_ITEMS, savedOr, StepPage } from '../wizard'
import { StepSubmit } from '../step-submit'
import { View } from '@tarojs/components'
import { Card, LabelValue } from '../../../components/card'

/** Step 1 考点信息: the 考点 of the province, and the 报名点 where confirmation is online (天津, 上海, 新疆兵团). */
export default function ApplyCentrePage() {
  return <StepPage step='centre'>{(view) => <CentreForm view={view} />}</StepPage>
}

function CentreForm({ view }: { view: ApplicationView }) {
  const p = 'apply-centre'
  const centres = useApplication((s) => s.centres?.centres ?? NO_ITEMS)
  const province = useApplication((s) => s.dicts?.provinces.find((x) => x.code === view.province))
  const online = !!province?.onlineConfirmation
  const form = useForm({
    schema: CentreStep,
    initial: savedOr(view, 'centre', { centre: '', enrolPoint: '' }, (s) => ({ ...s })),
    draft: { key: draftKey(view.id, 'centre') },
  })
  const { values, errors } = form
  const centre = centres.find((c) => c.code === values.centre)
  const points = centre?.enrolPoints ?? []

  return (
    <View>
      <Card>
        <LabelValue layout='form' label='考区' valueId={`${p}-province`} value={view.provinceName} />
        <PickerSelect
          id={`${p}-centre`}
          label='考点'
          placeholder='请选择考点'
          value={centre?.name ?? ''}
          options={centres.map((c) => c.name)}
          onChange={(name) => form.patch({ centre: centres.find((c) => c.name === name)?.code ?? '', enrolPoint: '' })}
          error={errors.centre}
        />
        {online && (
          <PickerSelect
            id={`${p}-enrol-point`}
            label='报名点'
            placeholder={centre ? '请选择报名点' : '请先选择考点'}
            value={points.find((x) => x.code === values.enrolPoint)?.name ?? ''}
            options={points.map((x) => x.name)}
            onChange={(name) => form.set('enrolPoint', points.find((x) => x.name === name)?.code ?? '')}
            error={errors.enrolPoint}
          />
        )}
      </Card>
      <StepSubmit view={view} step='centre' form={form} problems={(value) => centreProblems(value, centres, online)} />
    </View>
  )
}
