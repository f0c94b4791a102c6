import { Image, Text, View } from '@tarojs/components'
import { imageAlt } from '../../../components/a11y'
import { useState } from 'react'
import { Button } from '../../../components/button'
import { PageContainer } from '../../../components/page-container'
import { StatusTag } from '../../../components/status-tag'
import { toast } from '../../../components/toast'
import { useProfile } from '../../../stores/profile'
import { useGuardedLoad } from '../../../stores/guarded-load'
import { messageOf } from '../../../stores/shared'
import { Card, LabelValue } from '../../../components/card'
import '../profile.scss'
import './index.scss'
import { confirmAction } from '../../../platform/modal'

const PLATFORM_NAMES: Record<string, string> = { weapp: '微信', swan: '百度', alipay: '支付宝', h5: '浏览器' }

/** 账号绑定与关注: bind this platform account to the candidate, unbind, and the follow step with its QR code. */
export default function BindingPage() {
  const binding = useProfile((s) => s.binding)
  const loading = useProfile((s) => s.loading.binding)
  const error = useProfile((s) => s.errors.binding)
  const { loadBinding, bind, unbind } = useProfile.getState()
  const [busy, setBusy] = useState(false)
  const [actionError, setActionError] = useState<string | null>(null)

  useGuardedLoad(loadBinding)

  const run = (action: () => Promise<void>, done: string) => async () => {
    setBusy(true)
    setActionError(null)
    try {
      await action()
      void toast.success(done)
    } catch (err) {
      setActionError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  const confirmUnbind = async () => {
    const confirm = await confirmAction({
      title: '解除绑定',
      content: '解除后需要重新绑定账号才能进行网上报名，确定解除吗？',
      confirmText: '解除绑定',
      destructive: true,
    })
    if (confirm) await run(unbind, '已解除绑定')()
  }

  return (
    <PageContainer
      id='binding-page'
      loading={!binding && loading}
      error={!binding ? error : null}
      onRetry={loadBinding}
    >
      {binding && (
        <>
          <Card title='第一步：绑定账号'>
            <LabelValue label='绑定状态'>
              <StatusTag id='binding-status' meaning={binding.bound ? 'done' : 'current'}>
                {binding.bound ? '已绑定' : '未绑定'}
              </StatusTag>
            </LabelValue>
            {binding.bound && (
              <LabelValue
                label='已绑定账号'
                valueId='binding-account'
                value={`${PLATFORM_NAMES[binding.platform ?? ''] ?? ''} ${binding.accountMasked ?? ''}`}
              />
            )}
            <Text className='pf-note'>
              {binding.bound
                ? '一个平台账号只能绑定一名考生。解除绑定后，须重新绑定账号才能报名。'
                : '将当前登录的平台账号与您的考生账号绑定，用于接收报名提醒。一个平台账号只能绑定一名考生。'}
            </Text>
            {actionError && (
              <Text className='pf-error' id='binding-error'>
                {actionError}
              </Text>
            )}
            <View className='pf-actions'>
              {binding.bound ? (
                <Button id='binding-unbind' variant='secondary' loading={busy} onClick={() => void confirmUnbind()}>
                  解除绑定
                </Button>
              ) : (
                <Button id='binding-bind' loading={busy} onClick={() => void run(bind, '绑定成功')()}>
                  绑定当前账号
                </Button>
              )}
            </View>
          </Card>

          <Card className='binding__follow' title='第二步：关注官方公众号'>
            <Image
              id='binding-qr'
              className='binding__qr'
              src={binding.followQr}
              mode='aspectFit'
              {...imageAlt('公众号二维码')}
              showMenuByLongpress
            />
            <Text className='pf-note binding__qr-note'>
              长按或截图保存二维码，用微信扫一扫关注，及时获取报名、审核和缴费通知。
            </Text>
          </Card>
        </>
      )}
    </PageContainer>
  )
}
