import type { ProcessNode } from './application-process'
import { chinaDateTime } from './china-time'

/**
 * The clock's part of the tracker (SPEC 4: 逾期视为放弃考试): a node still waiting for the candidate whose deadline
 * has passed is failed, and says the candidate has given up. Pure; the server applies it to every view's nodes.
 */
export function withGivenUp(nodes: ProcessNode[], now: number): ProcessNode[] {
  return nodes.map((n) =>
    n.state !== 'done' && n.state !== 'todo' && n.deadline && now >= Date.parse(n.deadline)
      ? { ...n, state: 'failed', hint: `已超过截止时间（${chinaDateTime(n.deadline)}），视为放弃考试` }
      : n,
  )
}

/** The last days before a deadline show a countdown. */
export const COUNTDOWN_FROM_MS = 3 * 24 * 3600 * 1000

/** "剩余2天5小时" / "剩余3小时12分" before a deadline, null when it is further than COUNTDOWN_FROM_MS or past. */
export function countdown(deadline: string | null, now: number): string | null {
  if (!deadline) return null
  const left = Date.parse(deadline) - now
  if (left <= 0 || left > COUNTDOWN_FROM_MS) return null
  const minutes = Math.floor(left / 60000)
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const mins = minutes % 60
  return days > 0 ? `剩余${days}天${hours}小时` : `剩余${hours}小时${mins}分`
}
