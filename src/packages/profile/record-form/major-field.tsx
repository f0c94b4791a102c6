import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { FieldInput } from '../../../components/form-field/controls'
import { PickerSelect } from '../../../components/picker-select'
import { OTHER_MAJOR } from '@domain/education'
import { MAJORS, searchMajors } from '@domain/majors'
import { SearchOptions, TypedName } from './parts'
import type { RecordFormState } from './use-record-form'

const MAJOR_OPTIONS = [...MAJORS, OTHER_MAJOR]
/** At most this many matches under the search box; more words narrow them. */
const SHOWN_MATCHES = 8

/**
 * 所学专业: the catalogue's wheel (119 majors), and a search box under it that lists the majors containing what is
 * typed (domain/majors.ts searchMajors: 护理 finds 护理学 second), tap one to choose it; no match offers 其他专业
 * with the typed name. A plain input and tappable texts, so it works alike on every platform. Ids
 * `<kind>-form-major` (the chosen major; `-picker` the wheel), `-major-search`, `-major-option-<n>`,
 * `-major-more`, `-major-other`, `<kind>-form-other-major`.
 */
export function MajorField({ f }: { f: RecordFormState }) {
  const { draft, update } = f
  const [keyword, setKeyword] = useState('')
  const matches = searchMajors(keyword)
  const major = f.field('major')
  const choose = (patch: { major: string; otherMajor?: string }) => {
    setKeyword('')
    update(patch)
  }
  return (
    <>
      <PickerSelect
        {...major}
        value={draft.major}
        options={MAJOR_OPTIONS}
        placeholder='请选择所学专业'
        onChange={(name) => choose({ major: name })}
      />
      <View className='record-form__major-search form-field__control'>
        <FieldInput
          id={`${major.id}-search`}
          className='form-field__input'
          value={keyword}
          placeholder='输入关键字查找专业，如“护理”'
          onInput={(e) => setKeyword(e.detail.value)}
        />
      </View>
      {keyword.trim() !== '' && (
        <SearchOptions
          id={major.id}
          names={matches.slice(0, SHOWN_MATCHES)}
          onPick={(name) => choose({ major: name })}
          note={
            matches.length > SHOWN_MATCHES && (
              <Text id={`${major.id}-more`} className='record-form__option record-form__option--note'>
                {`还有 ${matches.length - SHOWN_MATCHES} 个专业，请输入更多文字`}
              </Text>
            )
          }
          other={matches.length ? '以上都不是，选择“其他专业”' : '未找到专业，选择“其他专业”'}
          onOther={() => choose({ major: OTHER_MAJOR, otherMajor: keyword.trim() })}
        />
      )}
      {draft.major === OTHER_MAJOR && <TypedName f={f} of='major' />}
    </>
  )
}
