import { Text, View } from '@tarojs/components'
import type { ApplicationView } from '@contract/application'
import { Button } from '../../../components/button'
import { chinaTime, qaKeyOf } from '../nodes'

/** What a node offers the candidate: a button with its id. */
export interface NodeAction {
  id: string
  text: string
  go: () => unknown
}

/** 报名成功 reached: the node drawn in the success style. */
const succeeded = (n: { key: string; state: string }) => n.key === 'success' && n.state === 'done'

/**
 * One node of the tracker: its dot on the rail (its number, ! when failed, ✓ at 报名成功), its name and hint, the
 * deadline while it is due, the countdown (`left`), what to do next after a failure (`next`) and the node's actions
 * (the first the main one).
 */
export function TrackerNode(props: {
  node: ApplicationView['nodes'][number]
  index: number
  last: boolean
  left: string | null
  next: string | null
  actions: NodeAction[]
}) {
  const { node: n, index: i, left, next, actions } = props
  const key = qaKeyOf(n.key)
  return (
    <View
      id={`tracker-node-${key}`}
      className={`tracker-node node-${n.state}${succeeded(n) ? ' node-success' : ''}`}
      data-state={n.state}
    >
      <View className='tracker-node__rail'>
        <View className='tracker-node__dot'>
          <Text className='tracker-node__index'>{n.state === 'failed' ? '!' : succeeded(n) ? '✓' : String(i + 1)}</Text>
        </View>
        {!props.last && <View className='tracker-node__line' />}
      </View>
      <View className='tracker-node__body'>
        <Text className='tracker-node__name' id={`tracker-node-${key}-name`}>
          {n.name}
        </Text>
        <Text className='tracker-node__hint' id={`tracker-node-${key}-hint`}>
          {n.hint}
        </Text>
        {n.deadline && n.state !== 'done' && n.state !== 'todo' && (
          <Text className='tracker-node__deadline' id={`tracker-node-${key}-deadline`}>
            {`截止时间：${chinaTime(n.deadline)}`}
          </Text>
        )}
        {left && (
          <Text className='tracker-node__countdown' id={`tracker-node-${key}-countdown`}>
            {left}
          </Text>
        )}
        {next && (
          <Text className='tracker-node__next' id={`tracker-node-${key}-next`}>
            {`下一步：${next}`}
          </Text>
        )}
        {actions.length > 0 && (
          <View className='tracker-node__action'>
            {actions.map((a, k) => (
              <Button
                key={a.id}
                id={a.id}
                block={false}
                variant={k === 0 ? 'primary' : 'secondary'}
                onClick={() => void a.go()}
              >
                {a.text}
              </Button>
            ))}
          </View>
        )}
      </View>
    </View>
  )
}
