import { Text, View } from '@tarojs/components'
import { a11y } from '../../../components/a11y'
import { FormField } from '../../../components/form-field'

/** 报考科目: the chosen speciality's subjects, each ticked or not; until a speciality is chosen, a hint. */
export function SubjectsField(props: {
  /** The page's id prefix: the field is `<prefix>-subjects`, a subject `<prefix>-subject-<code>`. */
  prefix: string
  subjects: ReadonlyArray<{ code: string; name: string }> | null
  chosen: string[]
  error: string | undefined
  onToggle: (code: string) => void
}) {
  const { prefix, subjects, chosen } = props
  return (
    <FormField id={`${prefix}-subjects`} group label='报考科目' required error={props.error}>
      {subjects ? (
        <View className='exam-info__subjects'>
          {subjects.map((s) => (
            <View
              key={s.code}
              id={`${prefix}-subject-${s.code}`}
              className={`exam-info__subject ${chosen.includes(s.code) ? 'subject-on' : ''}`}
              {...a11y('checkbox', undefined, { checked: chosen.includes(s.code) })}
              onClick={() => props.onToggle(s.code)}
            >
              <Text>{`${chosen.includes(s.code) ? '☑' : '☐'} ${s.name}`}</Text>
            </View>
          ))}
        </View>
      ) : (
        <Text className='apply-note'>请先选择专业</Text>
      )}
    </FormField>
  )
}
