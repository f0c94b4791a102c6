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

/**
 * One node of the tracker: its dot on the rail (its number, or ! when failed), its name and hint, the deadline while
 * it is due, the countdown (`left`) and the node's action.
 */
export function TrackerNode(props: {
  node: ApplicationView['nodes'][number]
  index: number
  last: boolean
  left: string | null
  action: NodeAction | null
}) {
  const { node: n, index: i, left, action } = props
  const key = qaKeyOf(n.key)
  return (
    <View id={`tracker-node-${key}`} className={`tracker-node node-${n.state}`} data-state={n.state}>
      <View className='tracker-node__rail'>
        <View className='tracker-node__dot'>
          <Text className='tracker-node__index'>{n.state === 'failed' ? '!' : String(i + 1)}</Text>
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
        {action && (
          <View className='tracker-node__action'>
            <Button id={action.id} block={false} onClick={() => void action.go()}>
              {action.text}
            </Button>
          </View>
        )}
      </View>
    </View>
  )
}
