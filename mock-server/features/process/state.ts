import type { PayOutcome, PlatformName, SubscribeAnswer, SubscribeOutcome } from '../../../types/states'
import type { MaterialFormat, OrderState, ReminderKind } from '../../../types/process'
import { fieldsOf, mapFrom } from '../../core/persist'

/** After submission (issue 14): orders, materials, subscriptions and reminders. JSON-able; every id-keyed collection a Map. */

export interface Order {
  id: string
  applicationId: string
  accountId: string
  /** Fen. */
  amount: number
  state: OrderState
  /** Cashier openings (a failed or cancelled one may be retried: same order, next attempt). */
  attempts: number
  /** Successful captures: the one number the "one payment" tests read. Never above 1. */
  payments: number
  platform: PlatformName
  /** The platform account the open attempt was created for (payer.ts); null on H5. Issue 19. */
  payer: string | null
  createdAt: string
  paidAt: string | null
  lastOutcome: PayOutcome | null
}

export interface StoredMaterial {
  key: string
  format: MaterialFormat
  size: number
  uploadedAt: string
  /** The file: a blob id (Store.blobs), like the exam photo. */
  blob: string
}

export interface Subscription {
  platform: PlatformName
  templateIds: string[]
  outcome: SubscribeOutcome
  /** Each template's own answer, where the platform gave one (issue 19). */
  answers?: Record<string, SubscribeAnswer>
  at: string
}

export interface Reminder {
  id: string
  /** Null for a reminder not about an application (the admission ticket's printing window, issue 15). */
  applicationId: string | null
  kind: ReminderKind
  title: string
  body: string
  at: string
  /** Sent through the platform too (the candidate had accepted a subscription). */
  pushed: boolean
  /** The exam it is about, as the candidate reads it (absent in reminders stored before messages named it). */
  examName?: string | null
}

export interface ProcessState {
  /** By application id: one order per application. */
  orders: Map<string, Order>
  /** Order id → application id (the platform's notification names the order). */
  orderIndex: Map<string, string>
  /** By application id. */
  materials: Map<string, StoredMaterial[]>
  /** By account id. */
  subscriptions: Map<string, Subscription[]>
  /** By account id, oldest first. */
  reminders: Map<string, Reminder[]>
  /** By application id: the events already announced that still hold (an event that stops holding may come again). */
  announced: Map<string, string[]>
}

export function emptyProcessState(): ProcessState {
  return {
    orders: new Map(),
    orderIndex: new Map(),
    materials: new Map(),
    subscriptions: new Map(),
    reminders: new Map(),
    announced: new Map(),
  }
}

export function reviveProcessState(raw: unknown): ProcessState {
  const json = fieldsOf(raw)
  return {
    orders: mapFrom(json.orders),
    orderIndex: mapFrom(json.orderIndex),
    materials: mapFrom(json.materials),
    subscriptions: mapFrom(json.subscriptions),
    reminders: mapFrom(json.reminders),
    announced: mapFrom(json.announced),
  }
}

/** The blobs the slice refers to (the store's sweep keeps them). */
export function processBlobIds(state: ProcessState): Set<string> {
  const ids = new Set<string>()
  for (const list of state.materials.values()) for (const m of list) ids.add(m.blob)
  return ids
}
