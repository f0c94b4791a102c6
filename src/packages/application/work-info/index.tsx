import { View } from '@tarojs/components'
import { OTHER_UNIT, WorkStep, type ApplicationView } from '@contract/application'
import { workProblems } from '@domain/application-steps'
import { TextField, type TextFieldSpec } from '../../../components/form-field/text-field'
import { MonthSelect, PickerSelect } from '../../../components/picker-select'
import { useForm } from '../../../forms/use-form'
import { serverToday, useApplication } from '../../../stores/application'
import { draftKey, NO_ITEMS, savedOr, StepPage } from '../wizard'
import { StepSubmit } from '../step-submit'
import { Card } from '../../../components/card'

/**
 * Step 6 工作情况: 单位名称 from the province's list or 其他 (OTHER_UNIT, then the name and a 单位类别), 参加工作时间 not in the
 * future and not before graduation, 从事本专业工作年限 within the years since.
 */
export default function ApplyWorkPage() {
  return <StepPage step='work'>{(view) => <WorkForm view={view} />}</StepPage>
}

interface WorkValues {
  unitName: string
  otherUnitName: string
  unitType: string
  workStart: string
  /** As typed; a number once checked. */
  specialityYears: string
}

/** The step's text fields (the pickers between them are drawn in place): 其他's unit name, the years. */
const WORK_FIELDS = {
  otherUnitName: {
    id: 'apply-work-other-unit',
    label: '填写单位名称',
    required: true,
    maxlength: 50,
    placeholder: '请输入单位全称',
  },
  specialityYears: {
    id: 'apply-work-years',
    label: '从事本专业工作年限',
    required: true,
    kind: 'number',
    maxlength: 2,
    placeholder: '整年数',
  },
} satisfies Record<string, TextFieldSpec>

function WorkForm({ view }: { view: ApplicationView }) {
  const p = 'apply-work'
  const units = useApplication((s) => s.centres?.units ?? NO_ITEMS)
  const unitTypes = useApplication((s) => s.dicts?.unitTypes ?? NO_ITEMS)
  const form = useForm({
    schema: WorkStep,
    initial: savedOr<'work', WorkValues>(
      view,
      'work',
      { unitName: '', otherUnitName: '', unitType: '', workStart: '', specialityYears: '' },
      (s) => ({ ...s, specialityYears: String(s.specialityYears) }),
    ),
    draft: { key: draftKey(view.id, 'work') },
    toInput: (d: WorkValues) => ({
      ...d,
      otherUnitName: d.unitName === OTHER_UNIT ? d.otherUnitName : '',
      unitType: d.unitName === OTHER_UNIT ? d.unitType : '',
      specialityYears: d.specialityYears.trim() === '' ? undefined : Number(d.specialityYears),
    }),
  })
  const { values } = form
  const today = serverToday()
  const records = view.steps.education?.records
  const graduations = records
    ? [records.education.graduationDate, ...(records.degree ? [records.degree.graduationDate] : [])]
    : []
  const other = values.unitName === OTHER_UNIT

  return (
    <View>
      <Card>
        <PickerSelect
          id={`${p}-unit`}
          label='单位名称'
          placeholder='请选择单位名称'
          options={units}
          {...form.field('unitName')}
        />
        {other && <TextField {...WORK_FIELDS.otherUnitName} {...form.field('otherUnitName')} />}
        {other && (
          <PickerSelect
            id={`${p}-unit-type`}
            label='单位类别'
            placeholder='请选择单位类别'
            options={unitTypes}
            {...form.field('unitType')}
          />
        )}
        <MonthSelect
          id={`${p}-start`}
          label='参加工作时间'
          placeholder='请选择参加工作时间'
          start='1960-01'
          end={today.slice(0, 7)}
          {...form.field('workStart')}
        />
        <TextField {...WORK_FIELDS.specialityYears} {...form.field('specialityYears')} />
      </Card>
      <StepSubmit
        view={view}
        step='work'
        form={form}
        problems={(value) => workProblems(value, { units, unitTypes }, graduations, today)}
      />
    </View>
  )
}
