import { create } from 'zustand'
import type { ReminderTemplatesResponse } from '@contract/process'
import type { ReminderPurpose } from '@contract/states'
import { api } from '../api'
import { platform } from '../platform/platform'
import { notAsked } from '../platform/subscribe'
import type { SubscribeResult } from '../platform/types'

/**
 * The reminder templates the server issued for this platform (issue 19: never ids written into the bundle), loaded
 * when a page that asks shows, so that the ask itself runs inside the tap (WeChat and Alipay show the dialog only
 * for a tap, and an await before the call loses it).
 */
interface RemindersState {
  templates: ReminderTemplatesResponse['templates'] | null
  load: () => Promise<void>
  /** Asks the platform for this purpose's templates, synchronously inside the caller's tap. */
  ask: (purpose: ReminderPurpose) => Promise<SubscribeResult>
}

export const useReminders = create<RemindersState>((set, get) => ({
  templates: null,
  load: async () => {
    if (get().templates || !platform.capabilities.subscribeMessages) return
    try {
      set({ templates: (await api.reminderTemplates(platform.name)).templates })
    } catch {
      // Asked again on the next show; a tap meanwhile says the reminders are not available.
    }
  },
  ask: (purpose) => {
    const ids = get().templates?.[purpose]
    if (!platform.capabilities.subscribeMessages || !ids?.length) {
      void get().load()
      return Promise.resolve(notAsked('unavailable'))
    }
    return platform.requestSubscribe(ids)
  },
}))

/** What a subscription's end says to the candidate, and the way forward (messages, or the settings). */
export function subscribeWords(r: SubscribeResult): { ok: boolean; text: string; settings: boolean } {
  if (r.outcome === 'accept') return { ok: true, text: '已订阅提醒', settings: false }
  switch (r.failure) {
    case 'switched-off':
      return { ok: false, text: '您已关闭本小程序的消息通知，可在设置中开启；提醒仍会出现在"消息"中', settings: true }
    case 'templates':
    case 'unavailable':
      return { ok: false, text: '暂时无法订阅提醒，请稍后重试；提醒仍会出现在"消息"中', settings: false }
    default:
      return { ok: false, text: '未订阅提醒；审核、缴费等提醒仍会出现在"消息"中', settings: false }
  }
}

/**
 * Records what the candidate answered (each template's answer too) on the server, which sends reminders through the
 * platform only where one was accepted. A request the platform refused asked nothing: nothing to record.
 */
export async function recordSubscription(purpose: ReminderPurpose, result: SubscribeResult): Promise<void> {
  const templateIds = useReminders.getState().templates?.[purpose]
  if (result.failure || !templateIds?.length) return
  await api.subscribeReminders({
    platform: platform.name,
    templateIds,
    outcome: result.outcome,
    answers: result.answers,
    ...(result.subscribeId ? { subscribeId: result.subscribeId } : {}),
  })
}
