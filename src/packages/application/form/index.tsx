import { Text, View } from '@tarojs/components'
import { useMemo } from 'react'
import { Button } from '../../../components/button'
import { DrawingCanvas } from '../../../components/drawing-canvas'
import { PageContainer } from '../../../components/page-container'
import { toast } from '../../../components/toast'
import { PermissionHelp } from '../../../components/permission-help'
import { go, routes, useQuery } from '../../../routes'
import { useApplication } from '../../../stores/application'
import { useGuardedLoad } from '../../../stores/guarded-load'
import { serverImageSrc } from '../../../stores/shared'
import { NAVIGATION_FAILED, Sections } from '../sections'
import { ApplicationNotes } from '../notes'
import { layoutForm } from './layout'
import { FormSummary } from './form-summary'
import { FormReminders } from './reminders'
import { useFormActions } from './use-form-actions'
import '../application.scss'

/**
 * 报名表: all the data, the photo and the 验证码; 保存报名表 as an image; once submitted, the way to the tracker
 * (查看报考流程); 撤回 (confirmed first) before 报名确认, then edit.
 */
export default function ApplyFormPage() {
  const id = useQuery(routes.applyForm).id ?? ''
  const view = useApplication((s) => (s.view?.id === id ? s.view : null))
  const form = useApplication((s) => (s.form?.id === id ? s.form : null))
  const loadError = useApplication((s) => s.errors.form ?? null)

  const load = () => {
    void useApplication.getState().loadApplication(id)
    void useApplication
      .getState()
      .loadForm(id)
      // Not complete yet: the review page says what is missing.
      .then((loaded) => {
        if (loaded === 'incomplete') void go.replace(routes.applyReview, { id })
      })
  }
  useGuardedLoad(() => id && load(), { on: 'show' })

  const photoUrl = form ? serverImageSrc(form.photoUrl) : null
  const drawing = useMemo(() => (form ? layoutForm(form, photoUrl) : null), [form, photoUrl])
  const { message, saved, denied, busy, save, withdraw } = useFormActions(id, form?.code ?? null, drawing, load)

  return (
    <PageContainer id='apply-form-page' loading={!form && !loadError} error={!form ? loadError : null} onRetry={load}>
      {form && (
        <>
          {view && <ApplicationNotes view={view} />}
          <FormSummary form={form} view={view} photoUrl={photoUrl} />
          <Sections prefix='apply-form' sections={form.sections} />
          <FormReminders id={id} />
          {message && (
            <Text className='apply-error' id='apply-form-message'>
              {message}
            </Text>
          )}
          {saved && (
            <Text className='apply-note' id='apply-form-saved'>
              {saved}
            </Text>
          )}
          <View className='apply-actions'>
            <Button id='apply-form-save' loading={busy === 'save'} onClick={() => void save()}>
              保存报名表
            </Button>
            {denied && (
              <PermissionHelp
                page='apply-form'
                kind={denied}
                use='save'
                showText={false}
                settingsId='apply-form-settings'
                onRetry={() => void save()}
              />
            )}
            {view && view.status !== 'filling' && (
              <Button
                id='apply-form-tracker'
                variant='secondary'
                onClick={() =>
                  // The tracker below when the form was opened from it (or after 提交报名信息), else in its place.
                  void go.backTo(routes.tracker, { id }).catch(() => toast.error(NAVIGATION_FAILED))
                }
              >
                查看报考流程
              </Button>
            )}
            {view?.can.withdraw && (
              <Button
                id='apply-withdraw'
                variant='danger'
                loading={busy === 'withdraw'}
                onClick={() => void withdraw()}
              >
                撤回
              </Button>
            )}
            {view?.status === 'filling' && (
              <Button
                id='apply-form-edit'
                variant='secondary'
                onClick={() =>
                  // The review this form replaced, in its place: a page more would pass the stack's limit.
                  void go.backTo(routes.applyReview, { id }).catch(() => toast.error(NAVIGATION_FAILED))
                }
              >
                修改并重新提交
              </Button>
            )}
          </View>
          {drawing && <DrawingCanvas canvasId='apply-form-canvas' width={drawing.width} height={drawing.height} />}
        </>
      )}
    </PageContainer>
  )
}
