import { useState } from 'react'
import { refusalText } from '../../../components/permission-help'
import { toast } from '../../../components/toast'
import type { Drawing } from '../../../platform/drawing'
import { confirmAction } from '../../../platform/modal'
import { refusalOfSave, saveDrawingAsImage, savedImageWhere } from '../../../platform/save-image'
import type { RefusalKind } from '../../../platform/types'
import { useApplication } from '../../../stores/application'
import { messageOf } from '../../../stores/shared'
import { WITHDRAW_CONFIRMATION } from '../confirmations'

/**
 * The 报名表's two actions and what they tell: 保存报名表 (the platform paints the drawing and keeps it; a refused
 * permission offers the settings) and 撤回 (once confirmed; then `reload`, so the page shows the withdrawn application).
 */
export function useFormActions(id: string, code: string | null, drawing: Drawing | null, reload: () => void) {
  const [message, setMessage] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const [denied, setDenied] = useState<RefusalKind | null>(null)
  const [busy, setBusy] = useState<'save' | 'withdraw' | null>(null)

  const save = async () => {
    if (!code || !drawing) return
    setBusy('save')
    setMessage(null)
    setSaved(null)
    setDenied(null)
    const result = await saveDrawingAsImage(drawing, 'apply-form-canvas', `报名表-${code}.png`)
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
    setMessage(null)
    if (!(await confirmAction(WITHDRAW_CONFIRMATION))) return
    setBusy('withdraw')
    setMessage(null)
    try {
      await useApplication.getState().withdraw(id)
      void toast.success('已撤回，可修改后重新提交')
      reload()
    } catch (err) {
      setMessage(messageOf(err))
    } finally {
      setBusy(null)
    }
  }

  return { message, saved, denied, busy, save, withdraw }
}
