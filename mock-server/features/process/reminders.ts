import crypto from 'node:crypto'
import { chinaDateTime } from '../../../domain/china-time'
import type { ReminderKind } from '../../../types/process'
import type { Store } from '../../core/store'
import { accountErasers } from '../account'
import { provinceOf, examOf, type StoredApplication } from '../application'
import { PAY_DEADLINE_NEAR_MS } from './data'
import type { Reminder } from './state'

/**
 * 待办事项提醒: every change of an application's state queues a reminder in the candidate's message list (and, when
 * the candidate accepted a subscription, it counts as sent through the platform). The events are derived from the
 * application's facts and the clock, and compared with those already announced, so a change made anywhere (a
 * candidate's call, QA's decision, the clock moving on) is announced once, the next time any answer is sent.
 */

interface Event {
  /** Unique while the fact holds (a second refusal after a resubmission is a new event). */
  id: string
  kind: ReminderKind
  title: string
  body: string
}

function eventsOf(store: Store, a: StoredApplication): Event[] {
  const exam = examOf(store, a.examId)
  const province = provinceOf(a.province)
  if (!exam || !province || !a.everSubmitted) return []
  const now = store.clock.now()
  const name = exam.name
  const events: Event[] = []
  const at = (iso: string) => chinaDateTime(iso)
  if (a.confirmation === 'confirmed')
    events.push({ id: 'confirmed', kind: 'confirmed', title: '报名已确认', body: `您报考的${name}已通过报名确认` })
  if (a.confirmation === 'rejected')
    events.push({
      id: `confirm-rejected:${a.confirmationReason ?? ''}`,
      kind: 'confirm-rejected',
      title: '报名确认不通过',
      body: `原因：${a.confirmationReason ?? '请联系考点'}。请在${at(exam.confirmClosesAt)}前修改后重新提交`,
    })
  for (const [stage, label] of [
    ['centre', '考点审核'],
    ['region', '考区审核'],
  ] as const) {
    const decision = stage === 'centre' ? a.centreReview : a.regionReview
    if (decision === 'passed')
      events.push({
        id: `review-passed:${stage}`,
        kind: 'review-passed',
        title: `${label}已通过`,
        body: `${name}${label}已通过`,
      })
    if (decision === 'failed')
      events.push({
        id: `review-failed:${stage}`,
        kind: 'review-failed',
        title: `${label}未通过`,
        body: `原因：${a.reviewReason ?? '请联系考点'}`,
      })
  }
  const reviewPassed = a.centreReview === 'passed' && a.regionReview === 'passed' && a.confirmation === 'confirmed'
  const payBy = Date.parse(exam.payClosesAt)
  if (reviewPassed && province.onlinePayment && !a.paid) {
    if (now < payBy)
      events.push({
        id: 'payment-due',
        kind: 'payment-due',
        title: '请缴纳考试费',
        body: `资格审核已通过，请在${at(exam.payClosesAt)}前完成缴费`,
      })
    if (now < payBy && now >= payBy - PAY_DEADLINE_NEAR_MS)
      events.push({
        id: 'payment-deadline-near',
        kind: 'payment-deadline-near',
        title: '缴费即将截止',
        body: `缴费将于${at(exam.payClosesAt)}截止，逾期视为放弃考试`,
      })
    if (now >= payBy)
      events.push({
        id: 'given-up:pay',
        kind: 'given-up',
        title: '未在规定时间内缴费',
        body: '缴费时间已结束，视为放弃考试',
      })
  }
  if (a.paid) events.push({ id: 'paid', kind: 'paid', title: '报名成功', body: `${name}已缴费，报名成功` })
  if (a.confirmation !== 'confirmed' && now >= Date.parse(exam.confirmClosesAt))
    events.push({
      id: 'given-up:confirm',
      kind: 'given-up',
      title: '未完成报名确认',
      body: '报名确认时间已结束，视为放弃考试',
    })
  return events
}

/**
 * Other features' reminders (the ticket's printing window): each queues its own, once, through `addReminder`, and runs
 * wherever the applications' reminders are looked for. Registered at import, like the application's submit checks.
 */
export const reminderSources: Array<(store: Store) => void> = []

/**
 * Queues one reminder in the candidate's message list (pushed: also sent through the platform's subscription); returns
 * it, so a source can record when it was sent by the same clock reading.
 */
export function addReminder(
  store: Store,
  accountId: string,
  r: Pick<Reminder, 'applicationId' | 'kind' | 'title' | 'body' | 'pushed' | 'examName'>,
): Reminder {
  const list = store.state.process.reminders.get(accountId) ?? []
  const reminder = { id: crypto.randomUUID(), at: store.clock.iso(), ...r }
  list.push(reminder)
  store.state.process.reminders.set(accountId, list)
  store.save()
  return reminder
}

/**
 * Announces what changed since the last look, for every application, then every other source's reminders. Cheap
 * enough to run after every answer.
 */
export function queueReminders(store: Store): void {
  queueApplicationReminders(store)
  for (const source of reminderSources) source(store)
}

function queueApplicationReminders(store: Store): void {
  const { announced, reminders, subscriptions } = store.state.process
  let changed = false
  for (const a of store.state.application.byId.values()) {
    const events = eventsOf(store, a)
    const before = announced.get(a.id) ?? []
    const fresh = events.filter((e) => !before.includes(e.id))
    const now = events.map((e) => e.id)
    if (fresh.length === 0 && now.length === before.length) continue
    announced.set(a.id, now)
    changed = true
    if (fresh.length === 0) continue
    const subscribed = (subscriptions.get(a.accountId) ?? []).some((s) => s.outcome === 'accept')
    const list = reminders.get(a.accountId) ?? []
    for (const e of fresh) {
      const reminder: Reminder = {
        id: crypto.randomUUID(),
        applicationId: a.id,
        kind: e.kind,
        title: e.title,
        body: e.body,
        at: store.clock.iso(),
        pushed: subscribed,
        examName: examOf(store, a.examId)?.name ?? null,
      }
      list.push(reminder)
    }
    reminders.set(a.accountId, list)
  }
  if (changed) store.save()
}

export function remindersOf(store: Store, accountId: string): Reminder[] {
  return store.state.process.reminders.get(accountId) ?? []
}

/** Cancellation erases the candidate's subscriptions and message list (the applications go with the application feature). */
accountErasers.push((state, accountId) => {
  state.process.subscriptions.delete(accountId)
  state.process.reminders.delete(accountId)
})

/** The name of the exam an application is for (a reminder stored before messages named their exam); null if gone. */
export function examNameOf(store: Store, applicationId: string | null): string | null {
  const a = applicationId ? store.state.application.byId.get(applicationId) : undefined
  return (a && examOf(store, a.examId)?.name) ?? null
}
