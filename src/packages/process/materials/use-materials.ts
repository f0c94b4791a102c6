import { useRef, useState } from 'react'
import { platform } from '../../../platform/platform'
import type { RefusalKind } from '../../../platform/types'
import { toast } from '../../../components/toast'
import { ofApplication, useProcess } from '../../../stores/process'
import { messageOf } from '../../../stores/shared'

/**
 * The materials page's actions and their state: picking and uploading one material (or every one left), the source
 * chooser for a material that takes PDF, the review step and the submission. `load` reloads the page's view.
 */
export function useMaterialsActions(id: string | undefined, load: () => Promise<void>) {
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
  const retryPick = () => lastPick.current && void uploadOne(lastPick.current.key, lastPick.current.source)

  // Fresh thumbnail addresses on the way in (each lives five minutes on the server).
  const review = () => {
    setReviewing(true)
    void load()
  }

  // 上传全部证明材料: one after another, every material not uploaded yet; once all are in, the review.
  const uploadAll = async () => {
    for (const m of ofApplication(useProcess.getState().materials, id)?.required ?? [])
      if (!m.uploaded && !(await uploadOne(m.key))) return
    review()
  }

  const submit = async () => {
    if (!id) return
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

  return {
    actionError,
    refusal,
    choosing,
    setChoosing,
    filePicker,
    busy,
    submitted,
    reviewing,
    setReviewing,
    startUpload,
    upload,
    retryPick,
    uploadAll,
    review,
    submit,
  }
}
