import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { Button } from '../../components/button'
import { PageContainer } from '../../components/page-container'
import { Sheet } from '../../components/sheet'
import { toast } from '../../components/toast'
import { useDraft } from '../../stores/drafts'
import { useAccount } from '../../stores/account'
import { useGuardedLoad } from '../../stores/guarded-load'
import { messageOf } from '../../stores/shared'
import { go, routes } from '../../routes'
import './index.scss'

/**
 * 注销账号 (SPEC 1.4), reached from the hub's 基础信息: refused with the reason once application data exists;
 * otherwise two confirmations, then the account is gone and the ID number may register again.
 */
export default function AccountCancelPage() {
  const check = useAccount((s) => s.cancelCheck)
  const loadError = useAccount((s) => s.errors.cancelCheck ?? null)
  const [draft, setDraft, clearDraft] = useDraft('account-cancel', { reason: '' })
  const [confirmStep, setConfirmStep] = useState<0 | 1 | 2>(0)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const load = useAccount((s) => s.loadCancelCheck)
  useGuardedLoad(load)

  const cancel = async () => {
    setBusy(true)
    setError(null)
    try {
      await useAccount.getState().cancelAccount(draft.reason.trim() || undefined)
      clearDraft()
      void toast.success('账号已注销')
      void go.restart(routes.login)
    } catch (err) {
      setConfirmStep(0)
      setError(messageOf(err))
      void load()
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageContainer id='account-cancel-page' loading={!check && !loadError} error={loadError} onRetry={load}>
      {check && (
        <View className='cancel__card'>
          <Text className='cancel__title'>注销账号须知</Text>
          <Text className='cancel__text'>1. 仅在尚未填写报名信息时可以注销账号。</Text>
          <Text className='cancel__text'>2. 注销后，账号及其个人信息将被删除且不可恢复。</Text>
          <Text className='cancel__text'>3. 注销后，您可以使用同一证件号码重新注册。</Text>

          {!check.allowed && (
            <View className='cancel__refused' id='account-cancel-refused'>
              <Text className='cancel__refused-title'>当前账号不能注销</Text>
              <Text className='cancel__refused-reason' id='account-cancel-refused-reason'>
                {check.reason}
              </Text>
            </View>
          )}

          {check.allowed && (
            <>
              <View className='cancel__reason'>
                <Text className='cancel__label'>注销原因（选填）</Text>
                <Textarea
                  id='account-cancel-reason'
                  className='cancel__textarea'
                  value={draft.reason}
                  maxlength={200}
                  placeholder='请告诉我们注销的原因'
                  onInput={(e) => setDraft({ reason: e.detail.value })}
                />
              </View>
              {error && (
                <Text className='cancel__error' id='account-cancel-error'>
                  {error}
                </Text>
              )}
              <Button id='account-cancel-submit' variant='danger' onClick={() => setConfirmStep(1)}>
                申请注销
              </Button>
            </>
          )}
        </View>
      )}

      {confirmStep === 1 && (
        <Sheet
          id='account-cancel-confirm-first'
          title='确定要注销账号吗？'
          okId='account-cancel-confirm-first-ok'
          okText='继续注销'
          cancelText='不注销了'
          danger
          onOk={() => setConfirmStep(2)}
          onCancel={() => setConfirmStep(0)}
        >
          <Text className='cancel__text'>注销后将无法使用本账号登录，已保存的个人信息将被删除。</Text>
        </Sheet>
      )}
      {confirmStep === 2 && (
        <Sheet
          id='account-cancel-confirm'
          title='再次确认注销'
          okId='account-cancel-confirm-ok'
          okText='确认注销'
          cancelText='不注销了'
          danger
          loading={busy}
          onOk={() => void cancel()}
          onCancel={() => setConfirmStep(0)}
        >
          <Text className='cancel__text cancel__text--strong'>此操作不可恢复。确认注销当前账号？</Text>
        </Sheet>
      )}
    </PageContainer>
  )
}
