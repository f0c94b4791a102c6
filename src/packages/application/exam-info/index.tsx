import { View } from '@tarojs/components'
import { ExamInfoStep, type ApplicationView } from '@contract/application'
import { firstRegistrationRequired } from '@domain/application-rules'
import { examInfoProblems } from '@domain/application-steps'
import { MonthSelect, PickerSelect } from '../../../components/picker-select'
import { useForm } from '../../../forms/use-form'
import { serverToday, useApplication } from '../../../stores/application'
import { draftKey, savedOr, StepPage } from '../wizard'
import { StepSubmit } from '../step-submit'
import { Card } from '../../../components/card'
import { examChoices } from './choices'
import { ResidencyFields } from './residency'
import { SubjectsField } from './subjects'
import './index.scss'

/**
 * Step 4 报考信息: 专业类别 → 级别 → 专业 cascading from the exam's dictionary (a change clears what depends on it),
 * 执业类别 only from the category's list, 首次注册年月 unless 执业类别 is 无, 住培合格证书发证年月 for holders, 报考科目.
 */
export default function ApplyExamInfoPage() {
  return <StepPage step='examInfo'>{(view) => <ExamInfoForm view={view} />}</StepPage>
}

const EMPTY = {
  category: '',
  level: '',
  speciality: '',
  practiceCategory: '',
  firstRegistration: '',
  residencyHolder: false,
  residencyCertDate: '',
  subjects: [] as string[],
}

function ExamInfoForm({ view }: { view: ApplicationView }) {
  const p = 'apply-exam-info'
  const dicts = useApplication((s) => s.dicts)
  const form = useForm({
    schema: ExamInfoStep,
    initial: savedOr(view, 'examInfo', EMPTY, (s) => ({ ...s, subjects: [...s.subjects] })),
    draft: { key: draftKey(view.id, 'examInfo') },
  })
  const { values, errors } = form
  const today = serverToday()
  if (!dicts) return null
  const { category, levels, level, specialities, speciality, practices } = examChoices(dicts, values)
  const month = today.slice(0, 7)

  const toggleSubject = (code: string) =>
    form.set(
      'subjects',
      values.subjects.includes(code) ? values.subjects.filter((s) => s !== code) : [...values.subjects, code],
    )

  return (
    <View>
      <Card>
        <PickerSelect
          id={`${p}-category`}
          label='专业类别'
          placeholder='请选择专业类别'
          value={category?.name ?? ''}
          options={dicts.categories.map((c) => c.name)}
          onChange={(name) =>
            form.patch({
              category: dicts.categories.find((c) => c.name === name)?.code ?? '',
              level: '',
              speciality: '',
              practiceCategory: '',
              subjects: [],
            })
          }
          error={errors.category}
        />
        <PickerSelect
          id={`${p}-level`}
          label='级别'
          placeholder={category ? '请选择级别' : '请先选择专业类别'}
          value={level?.name ?? ''}
          options={levels.map((l) => l.name)}
          onChange={(name) =>
            form.patch({ level: levels.find((l) => l.name === name)?.code ?? '', speciality: '', subjects: [] })
          }
          error={errors.level}
        />
        <PickerSelect
          id={`${p}-speciality`}
          label='专业'
          placeholder={level ? '请选择专业' : '请先选择级别'}
          value={speciality ? `${speciality.code} ${speciality.name}` : ''}
          options={specialities.map((s) => `${s.code} ${s.name}`)}
          onChange={(label) => {
            const picked = specialities.find((s) => `${s.code} ${s.name}` === label)
            // All the speciality's subjects by default; the candidate may leave some out.
            form.patch({ speciality: picked?.code ?? '', subjects: picked?.subjects.map((s) => s.code) ?? [] })
          }}
          error={errors.speciality}
        />
        <PickerSelect
          id={`${p}-practice`}
          label='执业类别'
          placeholder={category ? '请选择执业类别' : '请先选择专业类别'}
          value={values.practiceCategory}
          options={practices}
          onChange={(x) =>
            form.patch({
              practiceCategory: x,
              firstRegistration: firstRegistrationRequired(x) ? values.firstRegistration : '',
            })
          }
          error={errors.practiceCategory}
        />
        {firstRegistrationRequired(values.practiceCategory) && (
          <MonthSelect
            id={`${p}-first-registration`}
            label='首次注册年月'
            placeholder='请选择首次注册年月'
            start='1970-01'
            end={month}
            {...form.field('firstRegistration')}
          />
        )}
        <ResidencyFields
          prefix={p}
          holder={values.residencyHolder}
          onHolder={(holder) =>
            form.patch({ residencyHolder: holder, residencyCertDate: holder ? values.residencyCertDate : '' })
          }
          date={form.field('residencyCertDate')}
          month={month}
        />
        <SubjectsField
          prefix={p}
          subjects={speciality?.subjects ?? null}
          chosen={values.subjects}
          error={errors.subjects}
          onToggle={toggleSubject}
        />
      </Card>
      <StepSubmit view={view} step='examInfo' form={form} problems={(value) => examInfoProblems(value, dicts, today)} />
    </View>
  )
}
