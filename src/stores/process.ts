import { create } from 'zustand'
import type { MaterialsView, MessagesResponse, PaymentView } from '@contract/process'
import { api, messageOf, newIdempotencyKey } from '../api'
import { platform } from '../platform/platform'
import { routes } from '../routes'
import { fitForUpload, isProblem, pick, type PickProblem } from './pick'
import { recordSubscription, subscribeWords, useReminders } from './reminders'
import { useApplication } from './application'
import { sectionLoader, type SectionFlags } from './sections'
import { onCandidateLeft } from './session'
import type { ReminderPurpose } from '@contract/states'

/**
 * After submission (issue 14): the materials, the payment and the message list, loaded and changed by the process
 * pages through these actions (the application itself, which the tracker draws, is `useApplication`'s view). Each
 * view names its application, so a page shows only its own (`ofApplication`); the message list is the candidate's.
 */
type Section = 'materials' | 'payment' | 'messages'

/** The platform or the server does not know yet how the payment ended: never a success or a failure. */
export const PAY_PENDING = '支付结果确认中，请稍后刷新查看'

/** What 缴费 ended in, as the server records it (the cashier's own word is never used). */
export type PayResult = { ok: boolean; text: string }

interface ProcessState extends SectionFlags<Section> {
  materials: MaterialsView | null
  payment: PaymentView | null
  messages: MessagesResponse | null
  /** Upload progress (0-100) by material key while one is uploading. */
  uploads: Record<string, number>

  loadMaterials: (id: string) => Promise<void>
  loadPayment: (id: string) => Promise<void>
  loadMessages: () => Promise<void>
  /**
   * Picks a photo (or, `source` 'file', a PDF from the chat files where the platform has a file picker) and uploads
   * it for one material, compressed or refused on the phone when over 5 MB: null when kept, else what to show (a
   * cancel says nothing was sent; a refusal carries its kind for the way forward).
   */
  uploadMaterial: (id: string, key: string, source?: 'photo' | 'file') => Promise<PickProblem | null>
  /** 提交报名信息 (the application's submission) or, after 确认不通过, 重新提交确认; rejects with the ApiError. */
  submitMaterials: (id: string) => Promise<void>
  /** Opens the platform's cashier for the application's one order, then asks the server how it ended. */
  pay: (id: string) => Promise<PayResult>
  /**
   * Asks the platform for the reminder subscription (inside the caller's tap) and records the answer; resolves with
   * what to tell the candidate and whether the settings are the way forward.
   */
  subscribe: (purpose: ReminderPurpose) => Promise<{ ok: boolean; text: string; settings: boolean }>
  reset: () => void
}

const initial = {
  materials: null,
  payment: null,
  messages: null,
  loading: {},
  errors: {},
  uploads: {},
}

// One key per 缴费 tap and application: a retry of the same tap (timeout) is answered, not done twice; the server keeps
// one order anyway.
const tapKeys = new Map<string, string>()

export const useProcess = create<ProcessState>((set, get) => {
  const { load } = sectionLoader<Section, ProcessState>(set)

  return {
    ...initial,

    loadMaterials: async (id) =>
      void (await load(
        'materials',
        () => api.materialsOf(id),
        (materials) => ({ materials }),
      )),
    loadPayment: async (id) =>
      void (await load(
        'payment',
        () => api.paymentOf(id),
        (payment) => ({ payment }),
      )),
    loadMessages: async () => void (await load('messages', api.messages, (messages) => ({ messages }))),

    uploadMaterial: async (id, key, source = 'photo') => {
      const chooseFile = source === 'file' ? platform.chooseFile : undefined
      const file = !!chooseFile
      const picked = await pick(() => (chooseFile ? chooseFile(['pdf']) : platform.chooseImage('any')))
      if (isProblem(picked)) return picked
      if (!picked.file) return { text: '未选择文件，材料没有上传', refusal: null }
      const chosen = await fitForUpload(picked.file, file ? 'pdf' : 'photo')
      if (isProblem(chosen)) return chosen
      set((s) => ({ uploads: { ...s.uploads, [key]: 0 } }))
      try {
        const materials = await api.upload(
          'uploadMaterial',
          chosen.path,
          { id, key },
          { onProgress: (percent) => set((s) => ({ uploads: { ...s.uploads, [key]: percent } })) },
        )
        set({ materials })
        return null
      } catch (err) {
        return { text: messageOf(err), refusal: null }
      } finally {
        set((s) => {
          const { [key]: _done, ...rest } = s.uploads
          return { uploads: rest }
        })
      }
    },

    submitMaterials: async (id) => {
      if (get().materials?.confirmation === 'rejected') await api.resubmitMaterials(id)
      else {
        const app = await api.getApplication(id)
        useApplication.getState().setView(await api.submitApplication(id, app.version))
      }
      await get().loadMaterials(id)
    },

    pay: async (id) => {
      try {
        const idempotencyKey = tapKeys.get(id) ?? newIdempotencyKey()
        tapKeys.set(id, idempotencyKey)
        // The payer: a fresh login code of the account that will open the cashier (the server binds the order to it;
        // WeChat Pay needs its openid, Alipay's trade its buyer_id). H5 has no platform account.
        const payerCode = platform.name === 'h5' ? undefined : await platform.getLoginCode()
        const started = await api.startPayment(id, platform.name, { idempotencyKey, payerCode })
        tapKeys.delete(id)
        const closed = await platform.requestPayment(
          started.orderId,
          started.payParams,
          `${routes.pay.path}?id=${encodeURIComponent(id)}`,
        )
        // Whatever the cashier said, the server's record decides: a pending answer (Alipay 8000/6004) is neither
        // success nor failure until the server knows; asked once more a moment later.
        let after = await api.checkPayment(id)
        if (closed === 'pending' && after.state === 'paying') {
          await new Promise((resolve) => setTimeout(resolve, 1500))
          after = await api.checkPayment(id)
        }
        set({ payment: after })
        if (after.state === 'paid') return { ok: true, text: '缴费成功，报名成功' }
        if (after.order?.state === 'cancelled') return { ok: false, text: '已取消支付，可重新缴费' }
        if (after.order?.state === 'failed') return { ok: false, text: '支付未成功，请重新缴费' }
        // Paid after the deadline: not honoured, refunded (the server's sentence).
        if (after.order?.state === 'refund')
          return { ok: false, text: after.refundMessage ?? '缴费已截止，款项将原路退回' }
        return { ok: false, text: PAY_PENDING }
      } catch (err) {
        void get().loadPayment(id)
        return { ok: false, text: messageOf(err) }
      }
    },

    subscribe: async (purpose) => {
      const asked = useReminders.getState().ask(purpose) // before any await: the tap's own turn
      try {
        await recordSubscription(purpose, await asked)
        return subscribeWords(await asked)
      } catch (err) {
        return { ok: false, text: messageOf(err), settings: false }
      }
    },

    reset: () => {
      tapKeys.clear()
      set(initial)
    },
  }
})

// Logged out, or another candidate logged in: nothing of the last one's (messages above all) stays to be shown.
onCandidateLeft(() => useProcess.getState().reset())

/** The view if it is this application's (the store may still hold another one's until the load answers). */
export function ofApplication<T extends { applicationId: string } | { id: string }>(
  view: T | null,
  id: string | undefined,
): T | null {
  if (!view || !id) return null
  return ('applicationId' in view ? view.applicationId : view.id) === id ? view : null
}
