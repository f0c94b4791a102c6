import { Form } from '@tarojs/components'
import { useEffect, useState, type ReactNode } from 'react'
import type { ReminderPurpose } from '@contract/states'
import { platform } from '../../platform/platform'
import { useReminders } from '../../stores/reminders'
import { SubmitsForm } from '../button'

/**
 * Around the button that asks for reminders (提交报名信息, 订阅审核和缴费提醒, 开放打印时提醒我). Where the platform asks
 * with a call (WeChat, Alipay, H5) it adds nothing. Baidu asks through the form itself: `<form report-submit
 * report-type="subscribe" template-id subscribe-id>` with the templates the server issued for this purpose, the
 * button inside becomes its `form-type="submit"` button, and the form's submit event brings Baidu's answer to the
 * page's requestSubscribe (platform.swan.ts). https://smartprogram.baidu.com/docs/develop/component/formlist_form/
 * Id: `<id>` on the form (Baidu only).
 */
export function SubscribeForm({
  id,
  purpose,
  children,
}: {
  id: string
  purpose: ReminderPurpose
  children: ReactNode
}) {
  const channel = platform.subscribeForm
  const templateIds = useReminders((s) => s.templates?.[purpose])
  // Baidu's 500101 earlier (stores/reminders.ts): Baidu's panel is not shown again; the button does its own work.
  const refused = useReminders((s) => s.refused)
  // Baidu sends one message per subscribe-id and grant: each asking is its own scene.
  const [subscribeId] = useState(() => `${purpose}-${Date.now().toString(36)}`)
  useEffect(() => channel?.attach(), [channel])
  if (!channel || refused) return <>{children}</>
  return (
    <Form
      id={id}
      {...channel.props(templateIds ?? [], subscribeId)}
      onSubmit={(e) => channel.submitted({ ...(e.detail as object), subscribeId })}
    >
      <SubmitsForm.Provider value>{children}</SubmitsForm.Provider>
    </Form>
  )
}
