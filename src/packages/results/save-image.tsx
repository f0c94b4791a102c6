import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Button } from '../../components/button'
import { DrawingCanvas } from '../../components/drawing-canvas'
import { PermissionHelp, refusalText } from '../../components/permission-help'
import type { Drawing } from '../../platform/drawing'
import { refusalOfSave, saveDrawingAsImage, savedImageWhere } from '../../platform/save-image'
import type { SaveImageResult } from '../../platform/types'

const MESSAGES: Record<'saved' | 'cancel' | 'failed' | 'unsupported', string> = {
  saved: '已保存到相册',
  cancel: '已取消保存',
  failed: '保存失败，请稍后重试',
  unsupported: '此平台暂不能保存图片，请截屏保存',
}

/**
 * 保存为图片: the document's drawing painted, exported and saved (album on the mini-programs, a download on H5). A
 * refused album permission says how to allow it and offers the way forward (PermissionHelp: the settings, Alipay's
 * guide, WeChat's privacy popup again).
 * Ids: `<page>-save`, `<page>-save-result` (data-result saved/denied/system/privacy/cancel/failed),
 * `<page>-open-settings`, `<page>-auth-guide`, `<page>-privacy-retry`, `<page>-canvas` (the off-screen canvas Alipay
 * and Baidu paint on).
 */
export function SaveAsImage(props: { page: string; fileName: string; drawing: Drawing }) {
  const { page } = props
  const canvasId = `${page}-canvas`
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<SaveImageResult | null>(null)
  const { drawing } = props
  const refusal = result ? refusalOfSave(result) : null

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
          {result === 'saved'
            ? savedImageWhere()
            : refusal
              ? refusalText(refusal, 'save')
              : MESSAGES[result as keyof typeof MESSAGES]}
        </Text>
      )}
      {refusal && <PermissionHelp page={page} kind={refusal} use='save' showText={false} onRetry={() => void save()} />}
      <DrawingCanvas canvasId={canvasId} width={drawing.width} height={drawing.height} />
    </View>
  )
}
