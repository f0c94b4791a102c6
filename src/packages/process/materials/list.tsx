import { Text, View } from '@tarojs/components'
import { MATERIAL_LIMITS, type MaterialsView } from '@contract/process'
import { Button } from '../../../components/button'
import { Card } from '../../../components/card'
import { StatusTag } from '../../../components/status-tag'
import { chinaTime } from '../nodes'

/**
 * 证明材料: the province's required materials, each with its format, its state or upload progress and its 上传 /
 * 重新上传 (while uploads are open). `filePicker`: the platform can pick a PDF (WeChat's chat files).
 */
export function MaterialsList(props: {
  view: MaterialsView
  progress: Record<string, number>
  filePicker: boolean
  onUpload: (key: string, pdf: boolean) => void
}) {
  const { view, progress, filePicker } = props
  return (
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
              <Text className='pc-label' id={`materials-item-${m.key}-progress`}>{`上传中 ${progress[m.key]}%`}</Text>
            ) : (
              <StatusTag id={`materials-item-${m.key}-status`} meaning={m.uploaded ? 'done' : 'current'}>
                {m.uploaded ? '已上传' : '未上传'}
              </StatusTag>
            )}
            {view.canUpload && (
              <Button
                id={`materials-upload-${m.key}`}
                variant='secondary'
                block={false}
                onClick={() => props.onUpload(m.key, m.pdf)}
              >
                {m.uploaded ? '重新上传' : '上传'}
              </Button>
            )}
          </View>
        </View>
      ))}
    </Card>
  )
}
