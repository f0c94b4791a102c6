import { Image, Text, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { Button } from '../../../components/button'
import { DrawingCanvas } from '../../../components/drawing-canvas'
import { PageContainer } from '../../../components/page-container'
import { StatusTag } from '../../../components/status-tag'
import { toast } from '../../../components/toast'
import { PermissionHelp, refusalText } from '../../../components/permission-help'
import { platform } from '../../../platform/platform'
import { refusalOfSave, saveDrawingAsImage, savedImageWhere } from '../../../platform/save-image'
import type { RefusalKind } from '../../../platform/types'
import { go, routes, useQuery } from '../../../routes'
import { useApplication } from '../../../stores/application'
import { useGuardedLoad } from '../../../stores/guarded-load'
import { messageOf, serverImageSrc } from '../../../stores/shared'
import { NAVIGATION_FAILED, Sections } from '../sections'
import { ApplicationNotes } from '../wizard'
import { layoutForm } from './layout'
import { Card, LabelValue } from '../../../components/card'
import { statusMeaning, WITHDRAW_CONFIRM } from '@domain/process-actions'
import { COLORS } from '../../../theme/colors'
import '../application.scss'

const STATUS_NAMES: Record<string, string> = {
  filling: '未提交',
  submitted: '已提交，待报名确认',
  'confirm-rejected': '报名确认未通过',
  confirmed: '已确认',
  'review-failed': '资格审核未通过',
  'awaiting-payment': '待缴费',
  succeeded: '报名成功',
}

/** 报名表: all the data, the photo and the 验证码; 保存报名表 as an image; 撤回 before 报名确认, then edit. */
export default function ApplyFormPage() {
  const id = useQuery(routes.applyForm).id ?? ''
  const view = useApplication((s) => (s.view?.id === id ? s.view : null))
  const form = useApplication((s) => (s.form?.id === id ? s.form : null))
  const loadError = useApplication((s) => s.errors.form ?? null)
  const [message, setMessage] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const [denied, setDenied] = useState<RefusalKind | null>(null)
  // The answer to the reminders asked at 提交报名信息 (the review), for this application.
  const reminder = useApplication((s) => (s.subscription?.id === id ? s.subscription : null))
  const [busy, setBusy] = useState<'save' | 'withdraw' | null>(null)

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

  const save = async () => {
    if (!form || !drawing) return
    setBusy('save')
    setMessage(null)
    setSaved(null)
    setDenied(null)
    const result = await saveDrawingAsImage(drawing, 'apply-form-canvas', `报名表-${form.code}.png`)
    setBusy(null)
    const refusal = refusalOfSave(result)
    if (result === 'saved') setSaved(`报名表${savedImageWhere()}`)
    else if (refusal) {
      setDenied(refusal)
      setMessage(refusalText(refusal, 'save'))
    } else if (result === 'unsupported') setMessage('当前平台暂不支持保存图片，请截屏保存报名表')
    else setMessage('保存失败，请重试')
  }

  const withdraw = async () => {
    // 撤回 takes the submission back (the test centre no longer sees it): asked first, its confirm button red.
    if (!(await platform.confirm({ ...WITHDRAW_CONFIRM, confirmColor: COLORS.danger }))) return
    setBusy('withdraw')
    setMessage(null)
    try {
      await useApplication.getState().withdraw(id)
      void toast.success('已撤回，可修改后重新提交')
      load()
    } catch (err) {
      setMessage(messageOf(err))
    } finally {
      setBusy(null)
    }
  }

  return (
    <PageContainer id='apply-form-page' loading={!form && !loadError} error={!form ? loadError : null} onRetry={load}>
      {form && (
        <>
          {view && <ApplicationNotes view={view} />}
          <Card title={form.title}>
            {view && (
              <LabelValue layout='form' label='报名状态'>
                <StatusTag id='apply-form-status' meaning={statusMeaning(view.status)}>
                  {STATUS_NAMES[view.status] ?? view.status}
                </StatusTag>
              </LabelValue>
            )}
            {view?.autoConfirmNote && (
              <Text className='apply-note' id='apply-form-auto-note'>
                {view.autoConfirmNote}
              </Text>
            )}
            {view?.confirmationReason && (
              <Text className='apply-note apply-note--warn' id='apply-form-reason'>
                {view.confirmationReason}
              </Text>
            )}
            <Text className='apply-note'>验证码</Text>
            <Text className='apply-code' id='apply-form-code'>
              {form.code}
            </Text>
            {photoUrl && <Image id='apply-form-photo' className='apply-photo__image' src={photoUrl} mode='aspectFit' />}
          </Card>
          <Sections prefix='apply-form' sections={form.sections} />
          {reminder && (
            <Card id='apply-form-reminders'>
              <Text
                className={reminder.ok ? 'apply-note' : 'apply-note apply-note--warn'}
                id='apply-form-reminders-text'
              >
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
          )}
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
