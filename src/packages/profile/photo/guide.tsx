import { Text, View } from '@tarojs/components'
import { Card } from '../../../components/card'
import { PHOTO_MIN_HEIGHT, PHOTO_MIN_WIDTH } from '@domain/photo'

const REQUIREMENTS = [
  '近期白色背景标准证件照，不得穿制服',
  '头部约占照片的 2/3，露出双耳',
  '常戴眼镜者须佩戴眼镜，不得佩戴首饰',
  'JPG/JPEG 格式，文件大于 45 KB',
  `像素不小于 ${PHOTO_MIN_WIDTH}×${PHOTO_MIN_HEIGHT}（宽×高）`,
  '不得将小照片放大后上传',
]

/** 照片要求: a drawn sample beside the rules. Ids `photo-sample`, `photo-requirements`. */
export function PhotoGuide() {
  return (
    <Card title='照片要求'>
      <View className='photo__guide'>
        <View className='photo__sample' id='photo-sample'>
          <View className='photo__sample-frame'>
            <View className='photo__sample-head' />
            <View className='photo__sample-body' />
          </View>
          <Text className='photo__sample-caption'>示例：白底、正面、免冠</Text>
        </View>
        <View className='photo__rules' id='photo-requirements'>
          {REQUIREMENTS.map((r, i) => (
            <Text key={r} className='photo__rule'>{`${i + 1}. ${r}`}</Text>
          ))}
        </View>
      </View>
    </Card>
  )
}
