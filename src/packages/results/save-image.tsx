import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Button } from '../../components/button'
import { DrawingCanvas } from '../../components/drawing-canvas'
import type { Drawing } from '../../platform/drawing'
import { platform } from '../../platform/platform'
import { saveDrawingAsImage, savedImageWhere } from '../../platform/save-image'
import type { SaveImageResult } from '../../platform/types'

const MESSAGES: Record<SaveImageResult, string> = {
  saved: '已保存到相册',
  denied: '没有保存：需要允许使用相册。请点击“去设置”，打开“保存到相册”后再保存。',
  cancel: '已取消保存',
  failed: '保存失败，请稍后重试',
  unsupported: '此平台暂不能保存图片，请截屏保存',
}

/**
 * 保存为图片: the document's drawing painted, exported and saved (album on the mini-programs, a download on H5). A
 * refused album permission says how to allow it and offers the settings.
 * Ids: `<page>-save`, `<page>-save-result` (data-result saved/denied/cancel/failed), `<page>-open-settings`,
 * `<page>-canvas` (the off-screen canvas Alipay and Baidu paint on).
 */
export function SaveAsImage(props: { page: string; fileName: string; drawing: Drawing }) {
  const { page } = props
  const canvasId = `${page}-canvas`
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<SaveImageResult | null>(null)
  const { drawing } = props

  const save = async () => {
    setBusy(true)
    setResult(null)
    setResult(await saveDrawingAsImage(drawing, canvasId, props.fileName))
    setBusy(false)
  }

  return (
    <View className='rs-save'>
      <Button id={`${page}-save`} disabled={busy} onClick={() => void save()}>
        {busy ? '正在生成图片…' : '保存为图片'}
      </Button>
      {result && (
        <Text
          id={`${page}-save-result`}
          data-result={result}
          className={`rs-save__result ${result === 'saved' ? '' : 'rs-save__result--warn'}`}
        >
          {result === 'saved' ? savedImageWhere() : MESSAGES[result]}
        </Text>
      )}
      {result === 'denied' && (
        <Button id={`${page}-open-settings`} variant='secondary' onClick={() => void platform.openSettings()}>
          去设置
        </Button>
      )}
      <DrawingCanvas canvasId={canvasId} width={drawing.width} height={drawing.height} />
    </View>
  )
}
