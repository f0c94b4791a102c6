import type { ExamKind } from '../../../types/states'
import { fieldsOf, mapFrom } from '../../core/persist'

/** After the exam (issue 15): tickets, published scores, certificates. JSON-able. */

export interface StoredSitting {
  subjectCode: string
  /** ISO 8601. */
  startsAt: string
  endsAt: string
  centre: string
  address: string
  /** The centre's position in GCJ-02 (types/results.ts GeoPoint). Absent in files written before it. */
  location?: { latitude: number; longitude: number } | null
  room: string
  seat: string
}

export interface StoredTicket {
  /** Opaque id used in URLs. */
  id: string
  accountId: string
  /** 准考证号. */
  ticketNo: string
  examName: string
  examYear: number
  /** The exam's kind, which names its subjects; absent for the health exam (and in files written before it). */
  kind?: ExamKind
  speciality: string
  opensAt: string
  closesAt: string
  sittings: StoredSitting[]
  /** Remind the candidate when printing opens (platform subscription accepted). */
  reminder: boolean
  /** When that reminder was queued (once per subscription); null before. Absent in files written before it. */
  reminderSentAt?: string | null
}

export interface StoredScoreYear {
  year: number
  examName: string
  scores: { code: string; score: number; passMark: number }[]
}

export interface CandidateResults {
  kind: ExamKind
  examName: string
  speciality: string
  /** Newest first. */
  years: StoredScoreYear[]
  /** Given once, when the certificate is first shown. */
  certificateNo: string | null
}

export interface ResultsState {
  /** By ticket id. */
  tickets: Map<string, StoredTicket>
  /** By account id. */
  byAccount: Map<string, CandidateResults>
  /** Certificate number → account id (public verification). */
  certificates: Map<string, string>
}

export function emptyResultsState(): ResultsState {
  return { tickets: new Map(), byAccount: new Map(), certificates: new Map() }
}

export function reviveResultsState(raw: unknown): ResultsState {
  const json = fieldsOf(raw)
  return {
    tickets: mapFrom(json.tickets),
    byAccount: mapFrom(json.byAccount),
    certificates: mapFrom(json.certificates),
  }
}
