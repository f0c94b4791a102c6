import { Switch, Text, View } from '@tarojs/components'
import { nativeLabel } from '../../../components/a11y'
import { BasicStep, type ApplicationView } from '@contract/application'
import { ID_VALID_LONG_TERM, idExpiryWarning } from '@domain/application-rules'
import { basicProblems } from '@domain/application-steps'
import { DateSelect, PickerSelect } from '../../../components/picker-select'
import { useForm } from '../../../forms/use-form'
import { serverToday, useApplication } from '../../../stores/application'
import { draftKey, NO_ITEMS, savedOr, StepPage } from '../wizard'
import { StepSubmit } from '../step-submit'
import { Card, LabelValue } from '../../../components/card'

/** Step 2 基本信息: the identity from the account, read-only (the ID number masked); 证件有效截止日期 and 民族. */
export default function ApplyBasicPage() {
  return <StepPage step='basic'>{(view) => <BasicForm view={view} />}</StepPage>
}

function BasicForm({ view }: { view: ApplicationView }) {
  const p = 'apply-basic'
  const ethnicities = useApplication((s) => s.dicts?.ethnicities ?? NO_ITEMS)
  const examDate = useApplication((s) => s.exams?.find((e) => e.id === view.examId)?.examDate)
  const form = useForm({
    schema: BasicStep,
    initial: savedOr(view, 'basic', { idValidUntil: '', ethnicity: '' }, (s) => ({ ...s })),
    draft: { key: draftKey(view.id, 'basic') },
  })
  const { values } = form
  const longTerm = values.idValidUntil === ID_VALID_LONG_TERM
  // 长期 is a 居民身份证's alone (idLongTermProblem): every other document has an end date to give.
  const longTermOffered = view.identity.idType === 'resident-id'
  const today = serverToday()
  // Before the exam date only warns: the server saves it and says so too.
  const warning = examDate && values.idValidUntil && !longTerm ? idExpiryWarning(values.idValidUntil, examDate) : null
  const rows: Array<[string, string, string]> = [
    ['name', '姓名', view.identity.name],
    ['id-type', '证件类型', view.identity.idTypeName],
    ['id-number', '证件号码', view.identity.idNumberMasked],
    ['gender', '性别', view.identity.gender],
    ['birth-date', '出生日期', view.identity.birthDate],
    ['nationality', '国籍', view.identity.nationality],
  ]

  return (
    <View>
      <Card id={`${p}-identity`}>
        <Text className='apply-note'>以下信息来自个人信息管理，不能在此修改。</Text>
        {rows.map(([key, label, value]) => (
          <LabelValue key={key} layout='form' label={label} valueId={`${p}-${key}`} value={value} />
        ))}
      </Card>
      <Card>
        {longTermOffered && (
          <LabelValue layout='form' label='证件长期有效'>
            <Switch
              id={`${p}-long-term`}
              {...nativeLabel('证件长期有效')}
              checked={longTerm}
              onChange={(e) => form.set('idValidUntil', e.detail.value ? ID_VALID_LONG_TERM : '')}
            />
          </LabelValue>
        )}
        {(!longTerm || !longTermOffered) && (
          <DateSelect
            id={`${p}-valid-until`}
            label='证件有效截止日期'
            placeholder='请选择证件有效截止日期'
            start={today}
            end={`${Number(today.slice(0, 4)) + 30}-12-31`}
            {...form.field('idValidUntil')}
            value={longTerm ? '' : values.idValidUntil}
          />
        )}
        {warning && (
          <Text className='apply-note apply-note--warn' id={`${p}-valid-until-warning`}>
            {warning}
          </Text>
        )}
        <PickerSelect
          id={`${p}-ethnicity`}
          label='民族'
          placeholder='请选择民族'
          options={ethnicities}
          {...form.field('ethnicity')}
        />
      </Card>
      <StepSubmit
        view={view}
        step='basic'
        form={form}
        problems={(value) => basicProblems(value, ethnicities, view.identity.idType)}
      />
    </View>
  )
}
