import { Text, View } from '@tarojs/components'
import type { StepBarState } from '@domain/application-steps'
import { a11y } from '../a11y'
import './index.scss'

export interface StepBarItem {
  key: string
  label: string
  state: StepBarState
}

/** The class that carries a step's state: mini-program templates drop data- attributes, classes survive everywhere. */
export function stepClass(state: StepBarState): string {
  return `step-bar__step step-${state}`
}

/**
 * The wizard's step bar: `<id>` holds `<id-prefix>-<n>` (1-based) per step, each with class `step-done`,
 * `step-current` or `step-todo` (and data-state on H5). Tapping a step is offered only where `onTap` is given.
 */
export function StepBar(props: {
  id: string
  stepIdPrefix: string
  steps: StepBarItem[]
  onTap?: (key: string) => void
}) {
  return (
    <View id={props.id} className='step-bar'>
      {props.steps.map((s, i) => (
        <View
          key={s.key}
          id={`${props.stepIdPrefix}-${i + 1}`}
          className={stepClass(s.state)}
          data-state={s.state}
          onClick={() => s.state === 'done' && props.onTap?.(s.key)}
          {...(s.state === 'done' && props.onTap ? a11y('button', `第${i + 1}步 ${s.label}（已完成）`) : {})}
        >
          <Text className='step-bar__dot'>{s.state === 'done' ? '✓' : String(i + 1)}</Text>
          <Text className='step-bar__label'>{s.label}</Text>
        </View>
      ))}
    </View>
  )
}
