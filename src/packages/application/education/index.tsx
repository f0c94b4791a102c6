import { Text, View } from '@tarojs/components'
import { a11y } from '../../../components/a11y'
import { useDidShow } from '@tarojs/taro'
import { useEffect } from 'react'
import { EducationStep, type ApplicationView } from '@contract/application'
import type { EducationRecord, RecordKind } from '@contract/profile'
import { Button } from '../../../components/button'
import { FormField } from '../../../components/form-field'
import { useForm } from '../../../forms/use-form'
import { go, routes } from '../../../routes'
import { useApplication } from '../../../stores/application'
import { draftKey, savedOr, StepPage } from '../wizard'
import { StepSubmit } from '../step-submit'
import { Card } from '../../../components/card'
import './index.scss'

/**
 * Step 5 教育情况: chosen only from the hub's verified 学历 (required) and 学位 (optional) records. A link opens the
 * hub's records; coming back here reloads them.
 */
export default function ApplyEducationPage() {
  return <StepPage step='education'>{(view) => <EducationForm view={view} />}</StepPage>
}

function EducationForm({ view }: { view: ApplicationView }) {
  const p = 'apply-education'
  const verified = useApplication((s) => s.verified)
  // On mount (the page was already shown when the form appeared) and on every return from the hub's records.
  const loadRecords = () =>
    void useApplication
      .getState()
      .loadVerifiedRecords()
      .catch(() => undefined)
  useEffect(loadRecords, [])
  useDidShow(loadRecords)
  const form = useForm({
    schema: EducationStep,
    initial: savedOr(view, 'education', { educationRecordId: '', degreeRecordId: null as string | null }, (s) => ({
      educationRecordId: s.educationRecordId,
      degreeRecordId: s.degreeRecordId ?? null,
    })),
    draft: { key: draftKey(view.id, 'education') },
  })
  const { values, errors } = form

  const list = (
    kind: RecordKind,
    records: EducationRecord[],
    chosen: string | null,
    pick: (id: string | null) => void,
  ) =>
    records.length === 0 ? (
      <Text className='apply-note' id={`${p}-${kind}-none`}>
        {kind === 'education' ? '没有已核验通过的学历信息' : '没有已核验通过的学位信息（学位为选填）'}
      </Text>
    ) : (
      records.map((r) => (
        <View
          key={r.id}
          id={`${p}-${kind}-${r.id}`}
          className={`education__record ${chosen === r.id ? 'record-on' : ''}`}
          {...a11y('radio', undefined, { checked: chosen === r.id })}
          onClick={() => pick(chosen === r.id && kind === 'degree' ? null : r.id)}
        >
          <Text className='education__mark'>{chosen === r.id ? '◉' : '○'}</Text>
          <View className='education__text'>
            <Text className='education__school'>{`${r.school} · ${r.major}`}</Text>
            <Text className='apply-note'>{`${[r.level, r.studyMode].filter(Boolean).join(' ')} 毕业时间 ${r.graduationDate}`}</Text>
          </View>
        </View>
      ))
    )

  return (
    <View>
      <Card>
        <Text className='apply-note'>教育情况只能从个人信息管理中已核验通过的学历、学位信息中选择。</Text>
        <FormField id={`${p}-education`} group label='学历' required error={errors.educationRecordId}>
          {verified ? (
            list('education', verified.education, values.educationRecordId, (id) =>
              form.set('educationRecordId', id ?? ''),
            )
          ) : (
            <Text className='apply-note'>正在加载…</Text>
          )}
        </FormField>
        <FormField id={`${p}-degree`} group label='学位' error={errors.degreeRecordId}>
          {verified ? (
            list('degree', verified.degree, values.degreeRecordId, (id) => form.set('degreeRecordId', id))
          ) : (
            <Text className='apply-note'>正在加载…</Text>
          )}
        </FormField>
        <Button id={`${p}-hub`} variant='text' onClick={() => void go.to(routes.profileRecords, { kind: 'education' })}>
          去个人信息管理添加或查看学历信息
        </Button>
      </Card>
      <StepSubmit
        view={view}
        step='education'
        form={form}
        problems={(value): Record<string, string> =>
          verified && !verified.education.some((r) => r.id === value.educationRecordId)
            ? { educationRecordId: '请选择已核验通过的学历信息' }
            : {}
        }
      />
    </View>
  )
}
