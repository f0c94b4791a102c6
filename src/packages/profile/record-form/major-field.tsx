import { FieldInput } from '../../../components/form-field/controls'
import { FormField } from '../../../components/form-field'
import { PickerSelect } from '../../../components/picker-select'
import { OTHER_MAJOR } from '@domain/education'
import { MAJORS } from '@domain/majors'
import type { RecordFormState } from './use-record-form'

const MAJOR_OPTIONS = [...MAJORS, OTHER_MAJOR]

/** 所学专业: one of the catalogue's majors, or 其他专业 and the name typed. Ids `<kind>-form-major…`. */
export function MajorField({ f }: { f: RecordFormState }) {
  const { kind: p, draft, update, errors, checkTag, labels } = f
  return (
    <>
      <PickerSelect
        id={`${p}-form-major`}
        label={labels.major}
        error={errors.major}
        tag={checkTag('major')}
        value={draft.major}
        options={MAJOR_OPTIONS}
        placeholder='请选择所学专业'
        onChange={(major) => update({ major })}
      />
      {draft.major === OTHER_MAJOR && (
        <FormField
          id={`${p}-form-other-major`}
          label='专业名称'
          required
          error={errors.otherMajor}
          tag={checkTag('major')}
        >
          <FieldInput
            id={`${p}-form-other-major`}
            className='form-field__input'
            value={draft.otherMajor}
            maxlength={40}
            placeholder='请输入毕业证上的专业名称'
            onInput={(e) => update({ otherMajor: e.detail.value })}
          />
        </FormField>
      )}
    </>
  )
}
