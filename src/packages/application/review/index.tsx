import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { STEP_NAMES } from '@contract/application'
import { Button } from '../../../components/button'
import { SubscribeForm } from '../../../components/subscribe-form'
import { PageContainer } from '../../../components/page-container'
import { toast } from '../../../components/toast'
import { go, routes, useQuery } from '../../../routes'
import { useApplication } from '../../../stores/application'
import { recordSubscription, subscribeWords, useReminders } from '../../../stores/reminders'
import { useGuardedLoad } from '../../../stores/guarded-load'
import { messageOf } from '../../../stores/shared'
import { NAVIGATION_FAILED, Sections } from '../sections'
import { ApplicationNotes } from '../notes'
import { Card, LabelValue } from '../../../components/card'
import '../application.scss'

/** 确认报名信息: everything on one page, each section linking to its step; 提交报名信息 and 修改考区. */
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

  const submit = () => {
    if (!view || busy) return
    setBusy(true)
    setError(null)
    // WeChat asks for subscriptions only inside the tap itself, so the request starts before anything is awaited; its
    // answer is recorded (the server pushes reminders only for accepted templates) and told on the 报名表.
    const asked = useReminders.getState().ask('apply')
    void asked
      .then(async (answer) => {
        useApplication.getState().setSubscription(id, subscribeWords(answer))
        await recordSubscription('apply', answer).catch(() => undefined)
      })
      // One key per reviewed version (the store's): a retried tap after a lost answer is not a second submission.
      .then(() => useApplication.getState().submit(id, view.version))
      .then(() => go.replace(routes.applyForm, { id }))
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
                  提交报名信息
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
