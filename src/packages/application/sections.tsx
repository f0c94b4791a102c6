import { Text, View } from '@tarojs/components'
import type { ResponseOf } from '@contract/api'
import { Button } from '../../components/button'
import { go } from '../../routes'
import { routeOfSection } from './wizard'

type Section = ResponseOf<'reviewApplication'>['sections'][number]

/** The label/value sections of the review page and the form; with `id`, each links to its step (修改). */
export function Sections(props: { prefix: string; sections: Section[]; editId?: string }) {
  return (
    <>
      {props.sections.map((s) => {
        const target = props.editId ? routeOfSection(s.step) : null
        return (
          <View key={s.step + s.title} className='apply-card' id={`${props.prefix}-section-${s.step}`}>
            <View className='sections__head'>
              <Text className='apply-card__title'>{s.title}</Text>
              {target && props.editId && (
                <Button
                  id={`${props.prefix}-edit-${s.step}`}
                  variant='text'
                  block={false}
                  onClick={() => void go.to(target, { id: props.editId ?? '' })}
                >
                  修改
                </Button>
              )}
            </View>
            {s.rows.map((r, i) => (
              <View className='apply-row' key={`${r.label}${i}`}>
                <Text className='apply-row__label'>{r.label}</Text>
                <Text className='apply-row__value'>{r.value}</Text>
              </View>
            ))}
          </View>
        )
      })}
    </>
  )
}
