import { Text } from '@tarojs/components'
import { useEffect } from 'react'
import { FieldInput } from '../../../components/form-field/controls'
import { FormField } from '../../../components/form-field'
import { OTHER_SCHOOL } from '@domain/education'
import { useProfile } from '../../../stores/profile'
import { SearchOptions, TypedName } from './parts'
import type { RecordFormState } from './use-record-form'

/**
 * 毕业院校 / 学位授予单位: search the school list as the candidate types (once they pause), pick a result, or choose
 * 其他学校 and type the name. Ids `<kind>-form-school…`, `<kind>-form-other-school`.
 */
export function SchoolField({ f }: { f: RecordFormState }) {
  const { kind: p, draft, keyword, setKeyword, update } = f
  const schoolResults = useProfile((s) => s.schoolResults)
  const { searchSchools } = useProfile.getState()

  useEffect(() => {
    if (!keyword.trim() || keyword === draft.school) return
    const timer = setTimeout(() => void searchSchools(keyword), 300)
    return () => clearTimeout(timer)
  }, [keyword, draft.school, searchSchools])

  const school = f.field('school')
  const schoolChosen = draft.school !== '' && (draft.school === OTHER_SCHOOL || draft.school === keyword)
  const showResults = keyword.trim() !== '' && !schoolChosen
  return (
    <>
      <FormField {...school} required hint={draft.school ? undefined : '输入学校名称关键字搜索，如“医科”“卫生职业”'}>
        <FieldInput
          id={school.id}
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
        <SearchOptions
          id={school.id}
          names={schoolResults}
          onPick={(name) => {
            setKeyword(name)
            update({ school: name, otherSchool: '' })
          }}
          other={schoolResults.length ? '以上都不是，选择“其他学校”' : '未找到学校，选择“其他学校”'}
          onOther={() => update({ school: OTHER_SCHOOL, otherSchool: keyword.trim() })}
        />
      )}
      {draft.school === OTHER_SCHOOL && (
        <TypedName f={f} of='school'>
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
        </TypedName>
      )}
    </>
  )
}
