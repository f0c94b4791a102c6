import { Text, View } from '@tarojs/components'
import { Button } from '../../../components/button'
import { Card } from '../../../components/card'
import { PageContainer } from '../../../components/page-container'
import { PermissionHelp } from '../../../components/permission-help'
import { go, routes, useQuery } from '../../../routes'
import { ofApplication, useProcess } from '../../../stores/process'
import { useGuardedLoad } from '../../../stores/guarded-load'
import { chinaTime } from '../nodes'
import { MaterialsList } from './list'
import { MaterialsReview } from './review'
import { useMaterialsActions } from './use-materials'
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

  const load = async () => {
    if (id) await useProcess.getState().loadMaterials(id)
  }
  useGuardedLoad(load, { keys: [id] })
  const act = useMaterialsActions(id, load)
  const { choosing } = act

  const error = id ? loadError : '没有找到这条报名信息'
  const canSubmit = !!view && view.complete && view.canUpload && (view.canResubmit || view.confirmation !== 'rejected')
  // The review holds only while there is something to submit (a deadline passing ends it).
  const inReview = act.reviewing && canSubmit
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
            <MaterialsReview view={view} progress={progress} onReplace={act.startUpload} />
          ) : (
            <MaterialsList view={view} progress={progress} filePicker={act.filePicker} onUpload={act.startUpload} />
          )}
          {choosing && (
            <Card id='materials-pick'>
              <Text className='pc-note'>选择上传方式：照片（JPG）或微信聊天中的 PDF 文件</Text>
              <Button id='materials-pick-photo' variant='secondary' onClick={() => act.upload(choosing, 'photo')}>
                从相册或相机选择照片
              </Button>
              <Button id='materials-pick-file' variant='secondary' onClick={() => act.upload(choosing, 'file')}>
                从聊天文件选择 PDF
              </Button>
              <Button id='materials-pick-cancel' variant='text' onClick={() => act.setChoosing(null)}>
                取消
              </Button>
            </Card>
          )}
          {act.actionError && (
            <Text className='pc-error' id='materials-error'>
              {act.actionError}
            </Text>
          )}
          {act.refusal && (
            <PermissionHelp page='materials' kind={act.refusal} use='picker' showText={false} onRetry={act.retryPick} />
          )}
          {act.submitted && (
            <Text className='pc-ok' id='materials-submitted'>
              已提交，确认中
            </Text>
          )}
          <View className='pc-actions'>
            {view.canUpload && !view.complete && (
              <Button id='materials-upload-all' variant='secondary' onClick={() => void act.uploadAll()}>
                上传全部证明材料
              </Button>
            )}
            {canSubmit && !inReview && (
              <Button id='materials-to-review' onClick={act.review}>
                下一步：核对材料
              </Button>
            )}
            {inReview && (
              <Button id='materials-submit' loading={act.busy} onClick={() => void act.submit()}>
                {view.confirmation === 'rejected' ? '重新提交确认' : '提交报名信息'}
              </Button>
            )}
            {inReview && (
              <Button id='materials-review-back' variant='secondary' onClick={() => act.setReviewing(false)}>
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
