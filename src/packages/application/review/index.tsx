import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { STEP_NAMES } from '@contract/application'
import { SUBMIT_BUTTON } from '@domain/glossary'
import { Button } from '../../../components/button'
import { SubscribeForm } from '../../../components/subscribe-form'
import { PageContainer } from '../../../components/page-container'
import { toast } from '../../../components/toast'
import { confirmAction } from '../../../platform/modal'
import { go, routes, useQuery } from '../../../routes'
import { examPhotoSrc, useApplication } from '../../../stores/application'
import { recordSubscription, subscribeWords, useReminders } from '../../../stores/reminders'
import { useGuardedLoad } from '../../../stores/guarded-load'
import { messageOf } from '../../../stores/shared'
import { NAVIGATION_FAILED, Sections } from '../sections'
import { ApplicationNotes } from '../notes'
import { SUBMIT_CONFIRMATION } from '../confirmations'
import { showSubmittedForm } from '../wizard'
import { Card, LabelValue } from '../../../components/card'
import '../application.scss'
import { ExamPhoto } from '../exam-photo'

/**
 * 确认报名信息: everything on one page with the exam photo, each section linking to its step; 提交报名信息 (after a
 * confirmation) and 修改考区.
 */
export default function ApplyReviewPage() {
  const id = useQuery(routes.applyReview).id ?? ''
  const review = useApplication((s) => (s.review?.application.id === id ? s.review : null))
  const loadError = useApplication((s) => s.errors.review ?? null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const load = () => void useApplication.getState().loadReview(id)
  useGuardedLoad(() => id && load(), { on: 'show' })
  useDidShow(() => void useReminders.getState().load())

  const view = review?.application
  const photo = examPhotoSrc(view ?? null)

  const submit = () => {
    if (!view || busy) return
    setBusy(true)
    setError(null)
    // WeChat asks for subscriptions only inside the tap itself, so the request starts before anything is awaited (the
    // confirmation too); its answer is recorded (the server pushes reminders only for accepted templates) and told on
    // the 报名表. Then the candidate confirms: only a confirmed submission is sent.
    const asked = useReminders.getState().ask('apply')
    void asked
      .then(async (answer) => {
        useApplication.getState().setSubscription(id, subscribeWords(answer))
        await recordSubscription('apply', answer).catch(() => undefined)
      })
      .then(() => confirmAction(SUBMIT_CONFIRMATION))
      .then(async (sure) => {
        if (!sure) return
        // One key per reviewed version (the store's): a retried tap after a lost answer is not a second submission.
        await useApplication.getState().submit(id, view.version)
        await showSubmittedForm(id)
      })
      .catch((err: unknown) => {
        setError(messageOf(err))
        load()
      })
      .finally(() => setBusy(false))
  }

  return (
    <PageContainer
      id='apply-review-page'
      loading={!review && !loadError}
      error={!review ? loadError : null}
      onRetry={load}
    >
      {review && view && (
        <>
          <ApplicationNotes view={view} />
          <Card title={view.examName}>
            <LabelValue layout='form' label='考区' valueId='apply-review-province' value={view.provinceName} />
            {photo && <ExamPhoto id='apply-review-photo' src={photo} />}
            {view.missing.length > 0 && (
              <Text className='apply-note apply-note--warn' id='apply-review-missing'>
                {`尚未完成：${view.missing.map((k) => STEP_NAMES[k as keyof typeof STEP_NAMES] ?? k).join('、')}`}
              </Text>
            )}
          </Card>
          <Sections prefix='apply-review' sections={review.sections} editId={view.can.edit ? id : undefined} />
          {error && (
            <Text className='apply-error' id='apply-review-error'>
              {error}
            </Text>
          )}
          <View className='apply-actions'>
            {view.status === 'filling' ? (
              <SubscribeForm id='apply-review-subscribe-form' purpose='apply'>
                <Button id='apply-review-submit' loading={busy} disabled={!view.can.submit} onClick={submit}>
                  {SUBMIT_BUTTON}
                </Button>
              </SubscribeForm>
            ) : (
              <Button id='apply-review-form' onClick={() => void go.replace(routes.applyForm, { id })}>
                查看报名表
              </Button>
            )}
            {view.can.changeProvince && (
              <Button
                id='apply-change-province'
                variant='secondary'
                onClick={() =>
                  void go
                    .to(routes.applyProvince, { examId: view.examId, id })
                    .catch(() => toast.error(NAVIGATION_FAILED))
                }
              >
                修改考区
              </Button>
            )}
          </View>
        </>
      )}
    </PageContainer>
  )
}
