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
  const { kind: p, draft, labels, errors, checkTag, update } = f
  const levels = useMemo(() => levelsFor(p), [p])
  // Graduation dates are checked against China's today on the server's clock, not the phone's.
  const today = serverToday()

  return (
    <PageContainer id={`${p}-form-page`}>
      <ScanCard kind={p} labels={labels} />

      <Card>
        <FormField
          id={`${p}-form-certificate`}
          label={labels.certificateNo}
          required
          error={errors.certificateNo}
          tag={checkTag('certificateNo')}
        >
          <FieldInput
            id={`${p}-form-certificate`}
            className='form-field__input'
            value={draft.certificateNo}
            maxlength={30}
            placeholder={`请输入${labels.certificateNo}`}
            onInput={(e) => update({ certificateNo: e.detail.value })}
          />
        </FormField>

        <SchoolField f={f} />

        <DateSelect
          id={`${p}-form-date`}
          label={labels.graduationDate}
          error={errors.graduationDate}
          tag={checkTag('graduationDate')}
          value={draft.graduationDate}
          start={EARLIEST_GRADUATION}
          end={today}
          placeholder={`请选择${labels.graduationDate}`}
          onChange={(graduationDate) => update({ graduationDate })}
        />

        <MajorField f={f} />

        <PickerSelect
          id={`${p}-form-level`}
          label={labels.level}
          error={errors.level}
          tag={checkTag('level')}
          value={draft.level}
          options={levels}
          placeholder={`请选择${labels.level}`}
          onChange={(level) => update({ level })}
        />

        {f.hasStudyMode && (
          <PickerSelect
            id={`${p}-form-mode`}
            label={labels.studyMode}
            error={errors.studyMode}
            tag={checkTag('studyMode')}
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
