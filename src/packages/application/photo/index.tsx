import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Button } from '../../../components/button'
import { PageContainer } from '../../../components/page-container'
import { PermissionHelp } from '../../../components/permission-help'
import type { RefusalKind } from '../../../platform/types'
import { go, routes } from '../../../routes'
import { examPhotoSrc, useApplication } from '../../../stores/application'
import { useGuardedLoad } from '../../../stores/guarded-load'
import { photoSrc, useProfile } from '../../../stores/profile'
import { messageOf } from '../../../stores/shared'
import { ApplicationNotes } from '../notes'
import { LOCKED_NOTE, useApplicationPage } from '../wizard'
import { Card } from '../../../components/card'
import './index.scss'
import { ExamPhoto } from '../exam-photo'

/**
 * 考试照片: the photo shown, then 确认使用照片 (the hub's photo) or 更换考试照片 (a new one, checked like the hub's, for
 * this exam only). Once submitted, the photo with the locked note and 下一步, no buttons that cannot be used.
 */
export default function ApplyPhotoPage() {
  const { id, view } = useApplicationPage()
  const error = useApplication((s) => s.errors.application ?? null)
  const [busy, setBusy] = useState<'confirm' | 'change' | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [refusal, setRefusal] = useState<RefusalKind | null>(null)
  const src = examPhotoSrc(view)
  // Before a photo is chosen for this exam, the hub's: the photo 确认使用照片 confirms is shown.
  const hubPhoto = useProfile((s) => photoSrc(s.photo))
  useGuardedLoad(() => void useProfile.getState().loadPhoto(), { on: 'show' })

  const confirm = async () => {
    setBusy('confirm')
    setMessage(null)
    try {
      await useApplication.getState().confirmHubPhoto(id)
      await go.to(routes.applyReview, { id })
    } catch (err) {
      setMessage(messageOf(err))
    } finally {
      setBusy(null)
    }
  }

  const change = async () => {
    setBusy('change')
    setMessage(null)
    setRefusal(null)
    const problem = await useApplication.getState().changeExamPhoto(id)
    setMessage(problem?.text ?? null)
    setRefusal(problem?.refusal ?? null)
    setBusy(null)
  }

  return (
    <PageContainer
      id='apply-photo-page'
      loading={!view && !error}
      error={!view ? error : null}
      onRetry={() => void useApplication.getState().loadApplication(id)}
    >
      {view && (
        <>
          <ApplicationNotes view={view} />
          <Card title='考试照片'>
            {src ? (
              <ExamPhoto id='apply-photo-image' src={src} />
            ) : (
              <>
                {hubPhoto && <ExamPhoto id='apply-photo-hub-image' src={hubPhoto} />}
                <Text className='apply-note' id='apply-photo-none'>
                  确认使用个人信息管理中的照片，或更换一张仅用于本次考试的照片。
                </Text>
              </>
            )}
            {view.photo && (
              <Text className='apply-note' id='apply-photo-source'>
                {view.photo.source === 'hub' ? '使用个人信息管理中的照片' : '已更换为本次考试的照片'}
              </Text>
            )}
          </Card>
          {message && (
            <Text className='apply-error' id='apply-photo-error'>
              {message}
            </Text>
          )}
          {refusal && (
            <PermissionHelp
              page='apply-photo'
              kind={refusal}
              use='picker'
              showText={false}
              onRetry={() => void change()}
            />
          )}
          {!view.can.edit && (
            <Text className='apply-note apply-note--warn' id='apply-photo-locked'>
              {LOCKED_NOTE}
            </Text>
          )}
          <View className='apply-actions'>
            {view.photo?.source === 'exam' || !view.can.edit ? (
              <Button id='apply-photo-next' onClick={() => void go.to(routes.applyReview, { id })}>
                下一步
              </Button>
            ) : (
              <Button id='apply-photo-confirm' loading={busy === 'confirm'} onClick={() => void confirm()}>
                确认使用照片
              </Button>
            )}
            {view.can.edit && (
              <Button
                id='apply-photo-change'
                variant='secondary'
                loading={busy === 'change'}
                onClick={() => void change()}
              >
                更换考试照片
              </Button>
            )}
          </View>
        </>
      )}
    </PageContainer>
  )
}
