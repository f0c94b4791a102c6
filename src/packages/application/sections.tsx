import { Text, View } from '@tarojs/components'
import type { ResponseOf } from '@contract/api'
import { Button } from '../../components/button'
import { toast } from '../../components/toast'
import { go } from '../../routes'
import { routeOfSection } from './wizard'
import { Card, LabelValue } from '../../components/card'

type Section = ResponseOf<'reviewApplication'>['sections'][number]

/** What a failed page change says (the candidate must never tap a button that does nothing). */
export const NAVIGATION_FAILED = '页面打开失败，请返回后重试'

/** The label/value sections of the review page and the form; with `id`, each links to its step (修改). */
export function Sections(props: { prefix: string; sections: Section[]; editId?: string }) {
  return (
    <>
      {props.sections.map((s) => {
        const target = props.editId ? routeOfSection(s.step) : null
        return (
          <Card key={s.step + s.title} id={`${props.prefix}-section-${s.step}`}>
            <View className='sections__head'>
              <Text className='ui-card__title'>{s.title}</Text>
              {target && props.editId && (
                <Button
                  id={`${props.prefix}-edit-${s.step}`}
                  variant='text'
                  block={false}
                  onClick={() =>
                    // Back to the step where the candidate came through it, else in place of this page: never a
                    // page more (the review sits at the stack's limit after the wizard).
                    void go.backTo(target, { id: props.editId ?? '' }).catch(() => toast.error(NAVIGATION_FAILED))
                  }
                >
                  修改
                </Button>
              )}
            </View>
            {s.rows.map((r, i) => (
              <LabelValue key={`${r.label}${i}`} layout='form' label={r.label} value={r.value} />
            ))}
          </Card>
        )
      })}
    </>
  )
}
