import type { RecordKind, RecordState } from '../../../domain/education'
import type { PhotoState } from '../../../domain/hub-gate'
import { fieldsOf, mapFrom } from '../../core/persist'

/** The personal-info hub's part of the mock state (issue 5). JSON-able: photos are kept as base64. */

import type { IdentityState, PlatformName as BindPlatform } from '../../../types/states'
export type { IdentityState, BindPlatform }

export interface StoredPhoto {
  state: Exclude<PhotoState, 'none'>
  /** Why verification refused it. */
  reason: string | null
  size: number
  width: number
  height: number
  uploadedAt: string
  /** The JPEG bytes, base64. */
  data: string
}

export interface StoredRecord {
  id: string
  kind: RecordKind
  certificateNo: string
  school: string
  otherSchool: string | null
  graduationDate: string
  major: string
  otherMajor: string | null
  level: string
  studyMode: string
  state: RecordState
  reason: string | null
  createdAt: string
}

export interface CandidateProfile {
  /** 身份核验结果 (the identity check against the population register; decided by QA in the mock). */
  identity: IdentityState
  photo: StoredPhoto | null
  records: StoredRecord[]
}

export interface PlatformBinding {
  accountId: string
  platform: BindPlatform
  boundAt: string
}

export interface ProfileState {
  /** By account id. */
  byAccount: Map<string, CandidateProfile>
  /** Platform user id (openid or equivalent) → the one candidate it is bound to. */
  bindings: Map<string, PlatformBinding>
}

export function emptyProfileState(): ProfileState {
  return { byAccount: new Map(), bindings: new Map() }
}

export function reviveProfileState(raw: unknown): ProfileState {
  const json = fieldsOf(raw)
  return { byAccount: mapFrom(json.byAccount), bindings: mapFrom(json.bindings) }
}

export function emptyProfile(): CandidateProfile {
  // A registration's identity check passes at once in the usual case; QA sets 核验中/核验不通过 to test the others.
  return { identity: 'passed', photo: null, records: [] }
}
