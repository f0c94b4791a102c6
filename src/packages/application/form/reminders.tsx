import { Text } from '@tarojs/components'
import { Button } from '../../../components/button'
import { Card } from '../../../components/card'
import { toast } from '../../../components/toast'
import { platform } from '../../../platform/platform'
import { go, routes } from '../../../routes'
import { useApplication } from '../../../stores/application'
import { NAVIGATION_FAILED } from '../sections'

/**
 * What the reminders asked at 提交报名信息 (the review) ended in, for this application; when refused, the way to the
 * settings or to the messages list.
 */
export function FormReminders({ id }: { id: string }) {
  const reminder = useApplication((s) => (s.subscription?.id === id ? s.subscription : null))
  if (!reminder) return null
  return (
    <Card id='apply-form-reminders'>
      <Text className={reminder.ok ? 'apply-note' : 'apply-note apply-note--warn'} id='apply-form-reminders-text'>
        {reminder.text}
      </Text>
      {!reminder.ok && (
        <Button
          id={reminder.settings ? 'apply-form-reminders-settings' : 'apply-form-reminders-messages'}
          variant='text'
          onClick={() =>
            void (reminder.settings
              ? platform.openSettings()
              : go.to(routes.messages).catch(() => toast.error(NAVIGATION_FAILED)))
          }
        >
          {reminder.settings ? '去设置开启通知' : '查看消息'}
        </Button>
      )}
    </Card>
  )
}
