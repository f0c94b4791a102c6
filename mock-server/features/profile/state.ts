import type { RecordKind, RecordState } from '../../../domain/education'
import type { PhotoState } from '../../../domain/hub-gate'
import type { BlobStore } from '../../core/blobs'
import { fieldsOf, mapFrom } from '../../core/persist'

/**
 * The personal-info hub's part of the mock state (issue 5). Photo bytes are blobs beside the state (core/blobs.ts);
 * the state keeps their id.
 */

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
  /** The JPEG bytes: a blob id (Store.blobs). */
  blob: string
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

/**
 * Rebuilds the slice from its JSON. Files written before the blobs held each photo's bytes as base64 (`data`):
 * those move into the blob store.
 */
export function reviveProfileState(raw: unknown, blobs: BlobStore): ProfileState {
  const json = fieldsOf(raw)
  const byAccount = mapFrom<CandidateProfile>(json.byAccount)
  for (const profile of byAccount.values()) {
    const photo = profile.photo as (StoredPhoto & { data?: string }) | null
    if (photo && typeof photo.data === 'string') {
      photo.blob = blobs.putSync(Buffer.from(photo.data, 'base64'))
      delete photo.data
    }
  }
  return { byAccount, bindings: mapFrom(json.bindings) }
}

/** The blobs the slice refers to (the rest may be swept). */
export function profileBlobIds(state: ProfileState): Set<string> {
  const ids = new Set<string>()
  for (const profile of state.byAccount.values()) if (profile.photo) ids.add(profile.photo.blob)
  return ids
}

export function emptyProfile(): CandidateProfile {
  // A registration's identity check passes at once in the usual case; QA sets 核验中/核验未通过 to test the others.
  return { identity: 'passed', photo: null, records: [] }
}
