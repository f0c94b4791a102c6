import { Canvas, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Button } from '../../components/button'
import { platform } from '../../platform/platform'
import type { Drawing, SaveImageResult } from '../../platform/types'
import { IMAGE_WIDTH } from './images'

const MESSAGES: Record<SaveImageResult, string> = {
  saved: '已保存到相册',
  denied: '没有保存：需要允许使用相册。请点击“去设置”，打开“保存到相册”后再保存。',
  cancel: '已取消保存',
  failed: '保存失败，请稍后重试',
  unsupported: '此平台暂不能保存图片，请截屏保存',
}

/**
 * 保存为图片: draws the document on an off-screen canvas, exports it and saves it (album on the mini-programs, a
 * download on H5). A refused album permission says how to allow it and offers the settings.
 * Ids: `<page>-save`, `<page>-save-result` (data-result saved/denied/cancel/failed), `<page>-open-settings`.
 */
export function SaveAsImage(props: { page: string; height: number; fileName: string; draw: (d: Drawing) => void }) {
  const { page, height } = props
  const canvasId = `${page}-canvas`
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<SaveImageResult | null>(null)

  const save = async () => {
    setBusy(true)
    setResult(null)
    try {
      const d = platform.drawing(canvasId, IMAGE_WIDTH, height)
      props.draw(d)
      const path = await d.finish()
      setResult(await platform.saveImage(path, props.fileName))
    } catch {
      setResult('failed')
    } finally {
      setBusy(false)
    }
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
          {platform.name === 'h5' && result === 'saved' ? '图片已下载' : MESSAGES[result]}
        </Text>
      )}
      {result === 'denied' && (
        <Button id={`${page}-open-settings`} variant='secondary' onClick={() => void platform.openSettings()}>
          去设置
        </Button>
      )}
      {/* Off screen: only its export is seen. */}
      <Canvas
        canvasId={canvasId}
        id={canvasId}
        className='rs-canvas'
        style={{ width: `${IMAGE_WIDTH}px`, height: `${height}px` }}
      />
    </View>
  )
}
