import { Image, Text, View } from '@tarojs/components'
import { imageAlt } from '../../../components/a11y'
import type { MaterialsView } from '@contract/process'
import { Button } from '../../../components/button'
import { Card } from '../../../components/card'
import { serverImageSrc } from '../../../stores/shared'
import { fileSize } from '../nodes'

/**
 * 核对材料: every upload shown back (its thumbnail, or the label PDF 文件 in its place; its name and size), each
 * replaceable in place before the submission.
 */
export function MaterialsReview(props: {
  view: MaterialsView
  progress: Record<string, number>
  onReplace: (key: string, pdf: boolean) => void
}) {
  const { progress } = props
  return (
    <Card id='materials-review' title='核对证明材料'>
      <Text className='pc-note'>请逐项核对，有误可重新上传；确认无误后再提交</Text>
      {props.view.required.map((m) => (
        <View className='ui-row ui-row--ruled materials__review-item' key={m.key} id={`materials-review-item-${m.key}`}>
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
            onClick={() => props.onReplace(m.key, m.pdf)}
          >
            重新上传
          </Button>
        </View>
      ))}
    </Card>
  )
}
