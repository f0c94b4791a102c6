import { Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import { FieldInput } from '../../../components/form-field/controls'
import { FormField } from '../../../components/form-field'
import { OTHER_SCHOOL } from '@domain/education'
import { useProfile } from '../../../stores/profile'
import type { RecordFormState } from './use-record-form'

/**
 * 毕业院校 / 学位授予单位: search the school list as the candidate types (once they pause), pick a result, or choose
 * 其他学校 and type the name. Ids `<kind>-form-school…`, `<kind>-form-other-school`.
 */
export function SchoolField({ f }: { f: RecordFormState }) {
  const { kind: p, draft, keyword, setKeyword, update, errors, checkTag, labels } = f
  const schoolResults = useProfile((s) => s.schoolResults)
  const { searchSchools } = useProfile.getState()

  useEffect(() => {
    if (!keyword.trim() || keyword === draft.school) return
    const timer = setTimeout(() => void searchSchools(keyword), 300)
    return () => clearTimeout(timer)
  }, [keyword, draft.school, searchSchools])

  const schoolChosen = draft.school !== '' && (draft.school === OTHER_SCHOOL || draft.school === keyword)
  const showResults = keyword.trim() !== '' && !schoolChosen
  return (
    <>
      <FormField
        id={`${p}-form-school`}
        label={labels.school}
        required
        error={errors.school}
        tag={checkTag('school')}
        hint={draft.school ? undefined : '输入学校名称关键字搜索，如“医科”“卫生职业”'}
      >
        <FieldInput
          id={`${p}-form-school`}
          className='form-field__input'
          value={draft.school === OTHER_SCHOOL ? OTHER_SCHOOL : keyword}
          maxlength={40}
          placeholder='搜索学校名称'
          onInput={(e) => {
            setKeyword(e.detail.value)
            update({ school: '' })
          }}
        />
      </FormField>
      {showResults && (
        <View className='record-form__options' id={`${p}-form-school-options`}>
          {schoolResults.map((name, i) => (
            <Text
              key={name}
              id={`${p}-form-school-option-${i}`}
              className='record-form__option'
              onClick={() => {
                setKeyword(name)
                update({ school: name, otherSchool: '' })
              }}
            >
              {name}
            </Text>
          ))}
          <Text
            id={`${p}-form-school-other`}
            className='record-form__option record-form__option--other'
            onClick={() => update({ school: OTHER_SCHOOL, otherSchool: keyword.trim() })}
          >
            {schoolResults.length ? '以上都不是，选择“其他学校”' : '未找到学校，选择“其他学校”'}
          </Text>
        </View>
      )}
      {draft.school === OTHER_SCHOOL && (
        <FormField
          id={`${p}-form-other-school`}
          label='学校名称'
          required
          error={errors.otherSchool}
          tag={checkTag('school')}
        >
          <FieldInput
            id={`${p}-form-other-school`}
            className='form-field__input'
            value={draft.otherSchool}
            maxlength={40}
            placeholder='请输入毕业证上的学校全称'
            onInput={(e) => update({ otherSchool: e.detail.value })}
          />
          <Text
            id={`${p}-form-school-search`}
            className='record-form__link'
            onClick={() => {
              setKeyword('')
              update({ school: '' })
            }}
          >
            重新搜索
          </Text>
        </FormField>
      )}
    </>
  )
}
