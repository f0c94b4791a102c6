import { Image, Progress, Text, View } from '@tarojs/components'
import { imageAlt } from '../../../components/a11y'
import { Button } from '../../../components/button'
import { PageContainer } from '../../../components/page-container'
import { PhotoTag } from '../../../components/verification-tag'
import { toast } from '../../../components/toast'
import { formatKb } from '@domain/photo'
import { VERIFICATION } from '@domain/glossary'
import { photoSrc, useProfile } from '../../../stores/profile'
import { useGuardedLoad } from '../../../stores/guarded-load'
import { Card, LabelValue } from '../../../components/card'
import { PhotoGuide } from './guide'
import '../profile.scss'
import './index.scss'

/** 照片: the requirements with a sample, choose (album or camera), checks before upload, upload with progress. */
export default function PhotoPage() {
  const photo = useProfile((s) => s.photo)
  const loading = useProfile((s) => s.loading.photo)
  const error = useProfile((s) => s.errors.photo)
  const candidate = useProfile((s) => s.candidate)
  const percent = useProfile((s) => s.uploadPercent)
  const uploadError = useProfile((s) => s.uploadError)
  const { loadPhoto, pickPhoto, uploadPhoto } = useProfile.getState()

  useGuardedLoad(loadPhoto)

  const upload = async () => {
    if (await uploadPhoto()) void toast.success('上传成功，等待核验')
  }
  const src = photoSrc(photo)
  const uploading = percent !== null

  return (
    <PageContainer id='photo-page' loading={!photo && loading} error={!photo ? error : null} onRetry={loadPhoto}>
      {photo && (
        <>
          <Card title='当前照片'>
            <View className='photo__current'>
              {src ? (
                <Image id='photo-image' className='photo__image' src={src} mode='aspectFit' {...imageAlt('本人照片')} />
              ) : (
                <View className='photo__empty'>
                  <Text className='pf-note'>尚未上传</Text>
                </View>
              )}
              <View className='photo__facts'>
                <LabelValue label='照片核验'>
                  <PhotoTag id='photo-status' state={photo.state} />
                </LabelValue>
                {photo.width && photo.height && (
                  <Text className='pf-note'>{`${photo.width}×${photo.height} 像素，${formatKb(photo.size ?? 0)}`}</Text>
                )}
              </View>
            </View>
            {photo.state === 'failed' && photo.reason && (
              <Text className='pf-error' id='photo-reason'>
                {`${VERIFICATION.failed}：${photo.reason}。请按照片要求重新上传。`}
              </Text>
            )}
            {photo.locked && (
              <Text className='pf-warn' id='photo-locked'>
                {photo.lockReason}
              </Text>
            )}
          </Card>

          <PhotoGuide />

          {!photo.locked && (
            <Card title={photo.state === 'none' ? '上传照片' : '更换照片'}>
              {candidate && (
                <View className='photo__candidate'>
                  <Image
                    id='photo-preview'
                    className='photo__preview'
                    src={candidate.path}
                    mode='aspectFit'
                    {...imageAlt('所选照片')}
                  />
                  <Text className='pf-note'>
                    {`所选照片：${candidate.width ?? '?'}×${candidate.height ?? '?'} 像素，${formatKb(candidate.size)}`}
                  </Text>
                </View>
              )}
              {candidate && candidate.problems.length > 0 && (
                <View className='pf-error' id='photo-error'>
                  {candidate.problems.map((p) => (
                    <Text key={p.code} className='photo__problem'>
                      {p.message}
                    </Text>
                  ))}
                </View>
              )}
              {uploadError && (
                <Text className='pf-error' id='photo-upload-error'>
                  {uploadError}
                </Text>
              )}
              {uploading && (
                <View className='photo__progress' id='photo-progress'>
                  <Progress percent={percent ?? 0} strokeWidth={6} activeColor='#1456b8' />
                  <Text className='pf-note'>{`正在上传 ${percent}%`}</Text>
                </View>
              )}
              <View className='pf-actions'>
                {candidate && candidate.problems.length === 0 && (
                  <Button id='photo-upload' loading={uploading} onClick={() => void upload()}>
                    上传照片
                  </Button>
                )}
                <Button
                  id='photo-choose'
                  variant='secondary'
                  disabled={uploading}
                  onClick={() => void pickPhoto('album')}
                >
                  从相册选择
                </Button>
                <Button
                  id='photo-camera'
                  variant='secondary'
                  disabled={uploading}
                  onClick={() => void pickPhoto('camera')}
                >
                  拍照
                </Button>
              </View>
            </Card>
          )}
        </>
      )}
    </PageContainer>
  )
}
