import crypto from 'node:crypto'
import { hubGate, type PhotoState } from '../../../domain/hub-gate'
import { VERIFICATION } from '../../../domain/glossary'
import type { EducationRecord, PhotoInfo, ProfileSummary } from '../../../types/profile'
import type { RecordKind } from '../../../types/states'
import type { State, Store } from '../../core/store'
import { accountErasers, hasApplicationData } from '../account'
import { emptyProfile, type CandidateProfile, type StoredRecord } from './state'

/** The hub's rules on the mock state, shared by its routes and its QA routes. */

export function profileOf(store: Store, accountId: string): CandidateProfile {
  const all = store.state.profile.byAccount
  let profile = all.get(accountId)
  if (!profile) all.set(accountId, (profile = emptyProfile()))
  return profile
}

export function photoState(profile: CandidateProfile): PhotoState {
  return profile.photo?.state ?? 'none'
}

/** Why the photo can no longer be changed, or null. */
export function photoLockReason(state: State, accountId: string, profile: CandidateProfile): string | null {
  if (profile.photo?.state === 'passed') return `照片已${VERIFICATION.passed}，不能更换`
  if (hasApplicationData(state, accountId)) return '您已报名考试，照片不能更换'
  return null
}

export function bindingOf(state: State, accountId: string): { user: string; platform: string; boundAt: string } | null {
  for (const [user, b] of state.profile.bindings) {
    if (b.accountId === accountId) return { user, platform: b.platform, boundAt: b.boundAt }
  }
  return null
}

export function summaryOf(store: Store, accountId: string): ProfileSummary {
  const profile = profileOf(store, accountId)
  const counts = (kind: RecordKind) => {
    const records = profile.records.filter((r) => r.kind === kind)
    const count = (state: string) => records.filter((r) => r.state === state).length
    return { total: records.length, verified: count('verified'), rejected: count('rejected') }
  }
  const bound = bindingOf(store.state, accountId) !== null
  return {
    basic: { identity: profile.identity },
    photo: { state: photoState(profile) },
    education: counts('education'),
    degree: counts('degree'),
    binding: { bound },
    gate: hubGate({
      photo: photoState(profile),
      education: profile.records.filter((r) => r.kind === 'education').map((r) => r.state),
      bound,
    }),
  }
}

export function recordView(r: StoredRecord): EducationRecord {
  return { ...r, deletable: r.state !== 'verified' }
}

/** Short-lived tickets for showing the photo: random, never the candidate's id, kept in memory only. */
const TICKET_TTL_MS = 5 * 60 * 1000
const tickets = new Map<string, { accountId: string; expiresAt: number }>()

export function photoTicket(accountId: string, now: number): string {
  for (const [t, v] of tickets) if (v.expiresAt <= now) tickets.delete(t)
  const ticket = crypto.randomBytes(18).toString('base64url')
  tickets.set(ticket, { accountId, expiresAt: now + TICKET_TTL_MS })
  return ticket
}

export function accountOfTicket(ticket: string, now: number): string | null {
  const t = tickets.get(ticket)
  return t && t.expiresAt > now ? t.accountId : null
}

export function photoView(store: Store, accountId: string): PhotoInfo {
  const profile = profileOf(store, accountId)
  const p = profile.photo
  const lockReason = photoLockReason(store.state, accountId, profile)
  return {
    state: photoState(profile),
    reason: p?.reason ?? null,
    locked: lockReason !== null,
    lockReason,
    imageUrl: p ? `/api/photo-view/${photoTicket(accountId, store.clock.now())}` : null,
    width: p?.width ?? null,
    height: p?.height ?? null,
    size: p?.size ?? null,
    uploadedAt: p?.uploadedAt ?? null,
  }
}

/** Cancellation erases the candidate's hub: photo, records, platform binding and any photo tickets. */
accountErasers.push((state, accountId) => {
  state.profile.byAccount.delete(accountId)
  for (const [user, b] of state.profile.bindings) if (b.accountId === accountId) state.profile.bindings.delete(user)
  for (const [t, v] of tickets) if (v.accountId === accountId) tickets.delete(t)
})
