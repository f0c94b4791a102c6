import type { FacePlatform } from '../../../types/account'
import type { FaceOutcome } from '../../../types/platform-sim'
import { normaliseIdNumber } from '../../../domain/id-card'
import { fieldsOf, mapFrom, setFrom } from '../../core/persist'
import { certHashOf } from './platforms'

/**
 * The face feature's slice of the state (issue 12), so a restart with `--data` keeps open verifications, rate-limit
 * counts and the platform stand-ins' records. Every collection keyed by an id is a Map or a Set.
 */

/** A verification as the platform (WeChat, Alipay, the H5 simulation) keeps it. */
export interface PlatformVerification {
  id: string
  /** The business side's serial number (WeChat out_seq_no, Alipay outer_order_no). */
  outSeqNo: string
  /** Digest of the identity it was opened for (WeChat's cert_hash; Alipay keeps the same internally). */
  certHash: string
  /** WeChat only: the user it is bound to. */
  openid?: string
  createdAt: number
  expiresAt: number
  /** What the candidate did, once known. */
  scan: Exclude<FaceOutcome, 'pending'> | null
}

export type FacePurpose = 'login' | 'recover'

/** The business server's record of one verification it opened. */
export interface FaceFlow {
  verifyId: string
  platform: FacePlatform
  purpose: FacePurpose
  name: string
  idNumber: string
  outSeqNo: string
  certHash: string
  openid?: string
  expiresAt: number
  used: boolean
}

export interface FaceState {
  /** Our verifications, by the platform's id of each. */
  flows: Map<string, FaceFlow>
  /** Start times by caller (a digest of the ID number, or the client address), for the rate limits. */
  starts: Map<string, number[]>
  /** For QA: the id of the verification opened last. */
  lastVerifyId: string | null
  /** The platforms' own records, as their servers would keep them (the mock plays them). */
  wechat: { verifications: Map<string, PlatformVerification>; usedCodes: Map<string, number>; seqNos: Set<string> }
  alipay: { verifications: Map<string, PlatformVerification>; orderNos: Set<string> }
  sim: { verifications: Map<string, PlatformVerification> }
}

export function emptyFaceState(): FaceState {
  return {
    flows: new Map(),
    starts: new Map(),
    lastVerifyId: null,
    wechat: { verifications: new Map(), usedCodes: new Map(), seqNos: new Set() },
    alipay: { verifications: new Map(), orderNos: new Set() },
    sim: { verifications: new Map() },
  }
}

export function reviveFaceState(raw: unknown): FaceState {
  const json = fieldsOf(raw)
  const wechat = fieldsOf(json.wechat)
  const alipay = fieldsOf(json.alipay)
  const sim = fieldsOf(json.sim)
  return {
    flows: mapFrom<FaceFlow>(json.flows),
    starts: mapFrom<number[]>(json.starts),
    lastVerifyId: typeof json.lastVerifyId === 'string' ? json.lastVerifyId : null,
    wechat: {
      verifications: mapFrom<PlatformVerification>(wechat.verifications),
      usedCodes: mapFrom<number>(wechat.usedCodes),
      seqNos: setFrom(wechat.seqNos),
    },
    alipay: { verifications: mapFrom<PlatformVerification>(alipay.verifications), orderNos: setFrom(alipay.orderNos) },
    sim: { verifications: mapFrom<PlatformVerification>(sim.verifications) },
  }
}

/** Drops the verifications whose time is up (ours, and the platform stand-ins' a while later); how many went. */
export function pruneFaceState(face: FaceState, now: number): number {
  let removed = 0
  for (const [id, flow] of face.flows) {
    if (flow.expiresAt > now) continue
    face.flows.delete(id)
    removed++
  }
  for (const verifications of [face.wechat.verifications, face.alipay.verifications, face.sim.verifications]) {
    for (const [id, v] of verifications) {
      // The platforms keep a verification an hour past its end, so a late query still gets its answer.
      if (v.expiresAt + 3600 * 1000 >= now) continue
      verifications.delete(id)
      removed++
    }
  }
  return removed
}

/**
 * Cancellation erases every face record that names the candidate (issue 20): our verifications opened with their ID
 * number, whoever opened them (their own face logins and recoveries, a stranger's start with their number), and the
 * platform stand-ins' records of those and of any other opened for their name and number. What stays is the rate
 * limit's count, kept under a digest of the ID number (`starts`), which holds neither.
 */
export function eraseFaceRecordsOf(face: FaceState, person: { name: string; idNumber: string }): void {
  const idNumber = normaliseIdNumber(person.idNumber)
  const platformRecords = [face.wechat.verifications, face.alipay.verifications, face.sim.verifications]
  for (const [verifyId, flow] of face.flows) {
    if (normaliseIdNumber(flow.idNumber) !== idNumber) continue
    face.flows.delete(verifyId)
    for (const records of platformRecords) records.delete(verifyId)
    if (face.lastVerifyId === verifyId) face.lastVerifyId = null
  }
  const certHash = certHashOf({ cert_type: 'IDENTITY_CARD', cert_name: person.name, cert_no: person.idNumber })
  for (const records of platformRecords) for (const [id, v] of records) if (v.certHash === certHash) records.delete(id)
}
