import { Text, View } from '@tarojs/components'
import { useMemo } from 'react'
import { FieldInput } from '../../../components/form-field/controls'
import { Button } from '../../../components/button'
import { FormField } from '../../../components/form-field'
import { DateSelect, PickerSelect } from '../../../components/picker-select'
import { PageContainer } from '../../../components/page-container'
import { Card } from '../../../components/card'
import { EARLIEST_GRADUATION, STUDY_MODES, levelsFor } from '@domain/education'
import { serverToday } from '../../../stores/shared'
import { useRecordForm } from './use-record-form'
import { ScanCard } from './scan-card'
import { SchoolField } from './school-field'
import { MajorField } from './major-field'
import '../profile.scss'
import './index.scss'

/** Adds one education or degree record, typed or filled from a scanned 学信网 screenshot and then checked. */
export default function RecordFormPage() {
  const f = useRecordForm()
  const { kind: p, draft, labels, field, update } = f
  const levels = useMemo(() => levelsFor(p), [p])
  // Graduation dates are checked against China's today on the server's clock, not the phone's.
  const today = serverToday()
  const certificate = field('certificateNo')

  return (
    <PageContainer id={`${p}-form-page`}>
      <ScanCard kind={p} labels={labels} />

      <Card>
        <FormField {...certificate} required>
          <FieldInput
            id={certificate.id}
            className='form-field__input'
            value={draft.certificateNo}
            maxlength={30}
            placeholder={`请输入${labels.certificateNo}`}
            onInput={(e) => update({ certificateNo: e.detail.value })}
          />
        </FormField>

        <SchoolField f={f} />

        <DateSelect
          {...field('graduationDate')}
          value={draft.graduationDate}
          start={EARLIEST_GRADUATION}
          end={today}
          placeholder={`请选择${labels.graduationDate}`}
          onChange={(graduationDate) => update({ graduationDate })}
        />

        <MajorField f={f} />

        <PickerSelect
          {...field('level')}
          value={draft.level}
          options={levels}
          placeholder={`请选择${labels.level}`}
          onChange={(level) => update({ level })}
        />

        {f.hasStudyMode && (
          <PickerSelect
            {...field('studyMode')}
            value={draft.studyMode}
            options={STUDY_MODES}
            placeholder={`请选择${labels.studyMode}`}
            onChange={(studyMode) => update({ studyMode })}
          />
        )}

        {f.formError && (
          <Text className='pf-error' id={`${p}-form-error`}>
            {f.formError}
          </Text>
        )}
        <View className='pf-actions'>
          <Button id={`${p}-save`} loading={f.saving} onClick={() => void f.save()}>
            保存
          </Button>
        </View>
      </Card>
    </PageContainer>
  )
}
