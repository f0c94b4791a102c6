import { View } from '@tarojs/components'
import { a11y } from '../a11y'
import './index.scss'

export interface ModeTab<M extends string> {
  mode: M
  /** The tab's id for QA, e.g. login-mode-password. */
  id: string
  label: string
}

/** Two or more ways to do one thing (账号密码登录 / 面容ID登录), as tabs sitting on top of the form's card. */
export function ModeTabs<M extends string>({
  tabs,
  active,
  onChange,
}: {
  tabs: ModeTab<M>[]
  active: M
  onChange: (mode: M) => void
}) {
  return (
    <View className='mode-tabs' {...a11y('tablist')}>
      {tabs.map((tab) => (
        <View
          key={tab.mode}
          id={tab.id}
          className={`mode-tabs__tab ${tab.mode === active ? 'mode-tabs__tab--active' : ''}`}
          {...a11y('tab', undefined, { selected: tab.mode === active })}
          onClick={() => onChange(tab.mode)}
        >
          {tab.label}
        </View>
      ))}
    </View>
  )
}
