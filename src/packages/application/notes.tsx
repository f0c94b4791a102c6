import { Text } from '@tarojs/components'
import type { ApplicationView } from '@contract/application'
import { Card } from '../../components/card'

/** What the server says the candidate must know: warnings, the 成绩合并 notice. */
export function ApplicationNotes({ view }: { view: ApplicationView }) {
  return (
    <>
      {view.mergeNotice && (
        <Card tone='warn' id='apply-merge-notice'>
          <Text className='apply-note'>{view.mergeNotice}</Text>
        </Card>
      )}
      {view.warnings.map((w, i) => (
        <Text key={w} className='apply-note apply-note--warn' id={`apply-warning-${i}`}>
          {w}
        </Text>
      ))}
    </>
  )
}
