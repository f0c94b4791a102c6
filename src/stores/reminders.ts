import Taro from '@tarojs/taro'
import { create } from 'zustand'
import type { ReminderTemplatesResponse } from '@contract/process'
import type { ReminderPurpose } from '@contract/states'
import { api } from '../api'
import { platform } from '../platform/platform'
import { notAsked, SWAN_SUBSCRIBE_STATUS } from '../platform/subscribe'
import type { SubscribeResult } from '../platform/types'
import { onCandidateLeft, useSession } from './session'

/**
 * Baidu's 500101 (the candidate chose, in Baidu's panel, never to be asked again): Baidu says to offer no subscription
 * entry again (https://smartprogram.baidu.com/docs/develop/component/formlist_form/, report-type 为 subscribe 时的
 * status), and swan-docs document no place where a candidate turns it back on. Kept on the device, per candidate
 * (the usernames whose candidate answered it; the same device key space as the drafts' owner), so the entries stay
 * hidden after a restart and another candidate on the same phone is still offered them.
 */
export const REFUSED_FOR_GOOD_KEY = 'reminders.refusedForGood'

function refusedHere(): string[] {
  try {
    const v: unknown = Taro.getStorageSync(REFUSED_FOR_GOOD_KEY)
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

/** Whether the candidate logged in here refused Baidu's panel for good (500101) on this device. */
export function refusedForGood(): boolean {
  const username = useSession.getState().account?.username
  return !!username && refusedHere().includes(username)
}

function keepRefusedForGood(): void {
  const username = useSession.getState().account?.username
  if (!username) return
  try {
    Taro.setStorageSync(REFUSED_FOR_GOOD_KEY, [...new Set([...refusedHere(), username])])
  } catch {
    // Storage full: this run still hides the entries (the store's flag); the next may ask once more.
  }
}

/** What the app says when the candidate refused Baidu's subscription for good: no way back is documented. */
export const REFUSED_FOR_GOOD_TEXT =
  '您已选择不再接收本小程序的订阅消息，将不再询问；审核、缴费等提醒仍会出现在"消息"中'

/**
 * The reminder templates the server issued for this platform (issue 19: never ids written into the bundle), loaded
 * when a page that asks shows, so that the ask itself runs inside the tap (WeChat and Alipay show the dialog only
 * for a tap, and an await before the call loses it).
 */
interface RemindersState {
  templates: ReminderTemplatesResponse['templates'] | null
  /** Baidu's 500101 for this candidate (refusedForGood): the pages offer no subscription entry. */
  refused: boolean
  load: () => Promise<void>
  /** Asks the platform for this purpose's templates, synchronously inside the caller's tap. */
  ask: (purpose: ReminderPurpose) => Promise<SubscribeResult>
}

export const useReminders = create<RemindersState>((set, get) => ({
  templates: null,
  refused: false,
  load: async () => {
    if (get().refused !== refusedForGood()) set({ refused: refusedForGood() })
    if (get().templates || !platform.capabilities.subscribeMessages) return
    try {
      set({ templates: (await api.reminderTemplates(platform.name)).templates })
    } catch {
      // Asked again on the next show; a tap meanwhile says the reminders are not available.
    }
  },
  ask: (purpose) => {
    const ids = get().templates?.[purpose]
    // Refused for good: nothing is asked, nothing recorded (the failure), and the words say so.
    if (get().refused) return Promise.resolve(notAsked('refused-for-good', SWAN_SUBSCRIBE_STATUS.refusedForGood))
    if (!platform.capabilities.subscribeMessages || !ids?.length) {
      void get().load()
      return Promise.resolve(notAsked('unavailable'))
    }
    return platform.requestSubscribe(ids).then((result) => {
      if (result.code === SWAN_SUBSCRIBE_STATUS.refusedForGood && !result.failure) {
        keepRefusedForGood()
        set({ refused: true })
      }
      return result
    })
  },
}))

// Another candidate (or nobody) on this device: their own answer decides, read again on the next page show.
onCandidateLeft(() => useReminders.setState({ refused: false }))

/** What a subscription's end says to the candidate, and the way forward (messages, or the settings). */
export function subscribeWords(r: SubscribeResult): { ok: boolean; text: string; settings: boolean } {
  if (r.outcome === 'accept') return { ok: true, text: '已订阅提醒', settings: false }
  if (r.code === SWAN_SUBSCRIBE_STATUS.refusedForGood)
    return { ok: false, text: REFUSED_FOR_GOOD_TEXT, settings: false }
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
