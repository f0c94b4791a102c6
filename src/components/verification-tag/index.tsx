import { StatusTag, type StatusTone } from '../status-tag'
import { RECORD_STATE_NAMES, type RecordState } from '@domain/education'
import type { IdentityState, PhotoState } from '@contract/states'
import { VERIFICATION } from '@domain/glossary'

/** The hub's verification states as coloured words, the same everywhere they appear (domain/glossary.ts). */

const PHOTO: Record<PhotoState, [string, StatusTone]> = {
  none: ['未上传', 'neutral'],
  pending: [VERIFICATION.pending, 'warning'],
  passed: [VERIFICATION.passed, 'success'],
  failed: [VERIFICATION.failed, 'danger'],
}

const IDENTITY: Record<IdentityState, [string, StatusTone]> = {
  pending: [VERIFICATION.checking, 'warning'],
  passed: [VERIFICATION.passed, 'success'],
  failed: [VERIFICATION.failed, 'danger'],
}

const RECORD_TONE: Record<RecordState, StatusTone> = { unverified: 'warning', verified: 'success', rejected: 'danger' }

export function PhotoTag({ id, state }: { id?: string; state: PhotoState }) {
  return (
    <StatusTag id={id} tone={PHOTO[state][1]}>
      {PHOTO[state][0]}
    </StatusTag>
  )
}

export function IdentityTag({ id, state }: { id?: string; state: IdentityState }) {
  return (
    <StatusTag id={id} tone={IDENTITY[state][1]}>
      {IDENTITY[state][0]}
    </StatusTag>
  )
}

export function RecordTag({ id, state }: { id?: string; state: RecordState }) {
  return (
    <StatusTag id={id} tone={RECORD_TONE[state]}>
      {RECORD_STATE_NAMES[state]}
    </StatusTag>
  )
}

/** A list's summary in a few words: 未添加, 已核验 N 条, 待核验, 核验未通过. */
export function RecordsTag({
  id,
  counts,
  optional,
}: {
  id?: string
  counts: { total: number; verified: number; rejected: number }
  optional?: boolean
}) {
  if (counts.total === 0) {
    return (
      <StatusTag id={id} tone='neutral'>
        {optional ? '未添加（选填）' : '未添加'}
      </StatusTag>
    )
  }
  if (counts.verified > 0) {
    return (
      <StatusTag id={id} tone='success'>
        {`已核验 ${counts.verified} 条`}
      </StatusTag>
    )
  }
  const waiting = counts.total - counts.rejected
  return (
    <StatusTag id={id} tone={waiting > 0 ? 'warning' : 'danger'}>
      {waiting > 0 ? VERIFICATION.pending : VERIFICATION.failed}
    </StatusTag>
  )
}
