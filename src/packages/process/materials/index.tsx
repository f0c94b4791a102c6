import { Image, Text, View } from '@tarojs/components'
import { imageAlt } from '../../../components/a11y'
import { useRef, useState } from 'react'
import { MATERIAL_LIMITS } from '@contract/process'
import { messageOf, serverImageSrc } from '../../../stores/shared'
import { Button } from '../../../components/button'
import { PageContainer } from '../../../components/page-container'
import { PermissionHelp } from '../../../components/permission-help'
import { platform } from '../../../platform/platform'
import type { RefusalKind } from '../../../platform/types'
import { StatusTag } from '../../../components/status-tag'
import { toast } from '../../../components/toast'
import { go, routes, useQuery } from '../../../routes'
import { ofApplication, useProcess } from '../../../stores/process'
import { useGuardedLoad } from '../../../stores/guarded-load'
import { chinaTime, fileSize } from '../nodes'
import { Card } from '../../../components/card'
import '../process.scss'
import './index.scss'

/**
 * 上传材料 (天津、上海、新疆兵团): the province's required materials, each uploaded with its progress (JPG checked as the
 * photo is; PDF where allowed; the server checks the bytes again), 上传全部证明材料, then 核对材料 (every upload shown
 * back: its thumbnail or a PDF label and its size, any one replaceable) and only there 提交报名信息 — or, after
 * 确认不通过, the re-uploaded materials reviewed and sent for confirmation again until the deadline.
 */
export default function MaterialsPage() {
  const { id } = useQuery(routes.materials)
  const view = useProcess((s) => ofApplication(s.materials, id))
  const loading = useProcess((s) => !!s.loading.materials)
  const loadError = useProcess((s) => s.errors.materials ?? null)
  const progress = useProcess((s) => s.uploads)
  const [actionError, setActionError] = useState<string | null>(null)
  // A refused picker: its kind, for the way forward (PermissionHelp).
  const [refusal, setRefusal] = useState<RefusalKind | null>(null)
  // The material whose source (photo or chat file) the candidate is choosing (WeChat, a material that takes PDF).
  const [choosing, setChoosing] = useState<string | null>(null)
  // Only WeChat can pick a file other than a photo (chooseMessageFile); elsewhere every material goes up as a JPG.
  const filePicker = platform.capabilities.filePicker
  const [busy, setBusy] = useState(false)
  const [submitted, setSubmitted] = useState(false)
  // 核对材料: the step between uploading every material and submitting them.
  const [reviewing, setReviewing] = useState(false)

  const load = async () => {
    if (id) await useProcess.getState().loadMaterials(id)
  }
  useGuardedLoad(load, { keys: [id] })

  // The last pick, tried again once WeChat's privacy popup is agreed (PermissionHelp's 重新授权).
  const lastPick = useRef<{ key: string; source: 'photo' | 'file' } | null>(null)
  /** Picks a file and uploads it for one material; false when the candidate cancelled or it was refused. */
  const uploadOne = async (key: string, source: 'photo' | 'file' = 'photo'): Promise<boolean> => {
    if (!id) return false
    lastPick.current = { key, source }
    setChoosing(null)
    setActionError(null)
    setRefusal(null)
    const problem = await useProcess.getState().uploadMaterial(id, key, source)
    setActionError(problem?.text ?? null)
    setRefusal(problem?.refusal ?? null)
    return !problem && !!useProcess.getState().materials?.required.find((m) => m.key === key)?.uploaded
  }

  /** 上传 / 重新上传: a material that takes PDF offers 相册 or 聊天文件 first where the platform can pick files. */
  const startUpload = (key: string, pdf: boolean) => {
    if (pdf && filePicker) {
      setChoosing(key)
      return
    }
    void uploadOne(key)
  }
  const upload = (key: string, source: 'photo' | 'file') => void uploadOne(key, source)

  // 上传全部证明材料: one after another, every material not uploaded yet; once all are in, the review.
  const uploadAll = async () => {
    for (const m of view?.required ?? []) if (!m.uploaded && !(await uploadOne(m.key))) return
    review()
  }

  // Fresh thumbnail addresses on the way in (each lives five minutes on the server).
  const review = () => {
    setReviewing(true)
    void load()
  }

  const submit = async () => {
    if (!id || !view) return
    setBusy(true)
    setActionError(null)
    try {
      await useProcess.getState().submitMaterials(id)
      setSubmitted(true)
      setReviewing(false)
      void toast.success('已提交，等待确认')
    } catch (err) {
      setActionError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  const error = id ? loadError : '没有找到这条报名信息'
  const canSubmit = !!view && view.complete && view.canUpload && (view.canResubmit || view.confirmation !== 'rejected')
  // The review holds only while there is something to submit (a deadline passing ends it).
  const inReview = reviewing && canSubmit
  return (
    <PageContainer id='materials-page' loading={!view && loading} error={!view ? error : null} onRetry={load}>
      {view && (
        <>
          {view.reason && view.confirmation === 'rejected' && (
            <Card className='materials__rejected' title='确认不通过'>
              <Text className='pc-note' id='materials-reason'>{`原因：${view.reason}`}</Text>
              {!view.givenUp && (
                <Text className='pc-note'>{`请在${chinaTime(view.deadline)}前重新上传材料并提交，逾期视为放弃考试`}</Text>
              )}
            </Card>
          )}
          {view.givenUp && (
            <Text className='pc-error' id='materials-given-up'>
              报名确认时间已结束，未通过确认，视为放弃考试
            </Text>
          )}
          {inReview ? (
            <Card id='materials-review' title='核对证明材料'>
              <Text className='pc-note'>请逐项核对，有误可重新上传；确认无误后再提交</Text>
              {view.required.map((m) => (
                <View
                  className='ui-row ui-row--ruled materials__review-item'
                  key={m.key}
                  id={`materials-review-item-${m.key}`}
                >
                  {m.uploaded?.imageUrl ? (
                    <Image
                      id={`materials-review-item-${m.key}-thumb`}
                      className='materials__thumb'
                      src={serverImageSrc(m.uploaded.imageUrl)}
                      mode='aspectFit'
                      {...imageAlt(m.name)}
                    />
                  ) : (
                    <View className='materials__thumb materials__thumb--pdf'>
                      <Text id={`materials-review-item-${m.key}-pdf`}>PDF 文件</Text>
                    </View>
                  )}
                  <View className='materials__name'>
                    <Text className='pc-value materials__review-name' id={`materials-review-item-${m.key}-name`}>
                      {m.name}
                    </Text>
                    <Text className='pc-label' id={`materials-review-item-${m.key}-size`}>
                      {m.uploaded ? fileSize(m.uploaded.size) : ''}
                    </Text>
                    {progress[m.key] !== undefined && (
                      <Text
                        className='pc-label'
                        id={`materials-review-item-${m.key}-progress`}
                      >{`上传中 ${progress[m.key]}%`}</Text>
                    )}
                  </View>
                  <Button
                    id={`materials-review-item-${m.key}-replace`}
                    variant='secondary'
                    block={false}
                    onClick={() => startUpload(m.key, m.pdf)}
                  >
                    重新上传
                  </Button>
                </View>
              ))}
            </Card>
          ) : (
            <Card title='证明材料'>
              <Text
                className='pc-note'
                id='materials-limits'
              >{`请在${chinaTime(view.deadline)}前上传。图片须为 JPG 格式、大于45KB、不小于295×413像素（过大的照片会先压缩）；文件不超过 ${MATERIAL_LIMITS.maxBytes / 1024 / 1024} MB，PDF 不超过 ${MATERIAL_LIMITS.pdfMaxPages} 页，不能加密或含有脚本、附件`}</Text>
              {!filePicker && view.required.some((m) => m.pdf) && (
                <Text className='pc-note' id='materials-jpg-only'>
                  本平台只能选择照片（JPG）；如需上传 PDF 文件，请使用微信小程序
                </Text>
              )}
              {view.required.map((m) => (
                <View className='ui-row ui-row--ruled materials__item' key={m.key} id={`materials-item-${m.key}`}>
                  <View className='materials__name'>
                    <Text className='pc-value'>{m.name}</Text>
                    <Text className='pc-label' id={`materials-item-${m.key}-format`}>
                      {m.pdf && filePicker ? 'JPG 或 PDF' : 'JPG'}
                    </Text>
                  </View>
                  <View className='materials__side'>
                    {progress[m.key] !== undefined ? (
                      <Text
                        className='pc-label'
                        id={`materials-item-${m.key}-progress`}
                      >{`上传中 ${progress[m.key]}%`}</Text>
                    ) : (
                      <StatusTag id={`materials-item-${m.key}-status`} tone={m.uploaded ? 'success' : 'neutral'}>
                        {m.uploaded ? '已上传' : '未上传'}
                      </StatusTag>
                    )}
                    {view.canUpload && (
                      <Button
                        id={`materials-upload-${m.key}`}
                        variant='secondary'
                        block={false}
                        onClick={() => startUpload(m.key, m.pdf)}
                      >
                        {m.uploaded ? '重新上传' : '上传'}
                      </Button>
                    )}
                  </View>
                </View>
              ))}
            </Card>
          )}
          {choosing && (
            <Card id='materials-pick'>
              <Text className='pc-note'>选择上传方式：照片（JPG）或微信聊天中的 PDF 文件</Text>
              <Button id='materials-pick-photo' variant='secondary' onClick={() => upload(choosing, 'photo')}>
                从相册或相机选择照片
              </Button>
              <Button id='materials-pick-file' variant='secondary' onClick={() => upload(choosing, 'file')}>
                从聊天文件选择 PDF
              </Button>
              <Button id='materials-pick-cancel' variant='text' onClick={() => setChoosing(null)}>
                取消
              </Button>
            </Card>
          )}
          {actionError && (
            <Text className='pc-error' id='materials-error'>
              {actionError}
            </Text>
          )}
          {refusal && (
            <PermissionHelp
              page='materials'
              kind={refusal}
              use='picker'
              showText={false}
              onRetry={() => lastPick.current && void uploadOne(lastPick.current.key, lastPick.current.source)}
            />
          )}
          {submitted && (
            <Text className='pc-ok' id='materials-submitted'>
              已提交，确认中
            </Text>
          )}
          <View className='pc-actions'>
            {view.canUpload && !view.complete && (
              <Button id='materials-upload-all' variant='secondary' onClick={() => void uploadAll()}>
                上传全部证明材料
              </Button>
            )}
            {canSubmit && !inReview && (
              <Button id='materials-to-review' onClick={review}>
                下一步：核对材料
              </Button>
            )}
            {inReview && (
              <Button id='materials-submit' loading={busy} onClick={() => void submit()}>
                {view.confirmation === 'rejected' ? '重新提交确认' : '提交报名信息'}
              </Button>
            )}
            {inReview && (
              <Button id='materials-review-back' variant='secondary' onClick={() => setReviewing(false)}>
                返回修改
              </Button>
            )}
            <Button id='materials-back' variant='text' onClick={() => void go.back()}>
              返回报考流程
            </Button>
          </View>
        </>
      )}
    </PageContainer>
  )
}
