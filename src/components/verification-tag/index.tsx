import { StatusTag, type StatusMeaning } from '../status-tag'
import { RECORD_STATE_NAMES, type RecordState } from '@domain/education'
import type { IdentityState, PhotoState } from '@contract/states'
import { VERIFICATION } from '@domain/glossary'

/** The hub's verification states as coloured words, the same everywhere they appear (domain/glossary.ts). */

const PHOTO: Record<PhotoState, [string, StatusMeaning]> = {
  none: ['未上传', 'current'],
  pending: [VERIFICATION.pending, 'waiting'],
  passed: [VERIFICATION.passed, 'done'],
  failed: [VERIFICATION.failed, 'refused'],
}

const IDENTITY: Record<IdentityState, [string, StatusMeaning]> = {
  pending: [VERIFICATION.checking, 'waiting'],
  passed: [VERIFICATION.passed, 'done'],
  failed: [VERIFICATION.failed, 'refused'],
}

const RECORD_MEANING: Record<RecordState, StatusMeaning> = {
  unverified: 'waiting',
  verified: 'done',
  rejected: 'refused',
}

export function PhotoTag({ id, state }: { id?: string; state: PhotoState }) {
  return (
    <StatusTag id={id} meaning={PHOTO[state][1]}>
      {PHOTO[state][0]}
    </StatusTag>
  )
}

export function IdentityTag({ id, state }: { id?: string; state: IdentityState }) {
  return (
    <StatusTag id={id} meaning={IDENTITY[state][1]}>
      {IDENTITY[state][0]}
    </StatusTag>
  )
}

export function RecordTag({ id, state }: { id?: string; state: RecordState }) {
  return (
    <StatusTag id={id} meaning={RECORD_MEANING[state]}>
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
      <StatusTag id={id} meaning={optional ? 'waiting' : 'current'}>
        {optional ? '未添加（选填）' : '未添加'}
      </StatusTag>
    )
  }
  if (counts.verified > 0) {
    return (
      <StatusTag id={id} meaning='done'>
        {`已核验 ${counts.verified} 条`}
      </StatusTag>
    )
  }
  const waiting = counts.total - counts.rejected
  return (
    <StatusTag id={id} meaning={waiting > 0 ? 'waiting' : 'refused'}>
      {waiting > 0 ? VERIFICATION.pending : VERIFICATION.failed}
    </StatusTag>
  )
}
