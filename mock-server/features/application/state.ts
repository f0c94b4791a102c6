import type { Decision } from '../../../domain/application-process'
import type {
  BasicStep,
  CentreStep,
  ContactStep,
  EducationStep,
  ExamInfoStep,
  ExamPhotoSource,
  WorkStep,
} from '../../../types/application'
import type { ConfirmationState } from '../../../types/states'
import { fieldsOf, mapFrom } from '../../core/persist'
import type { ExamEntry } from './data/calendar'

/** The online application's part of the mock state (issue 13). JSON-able; every collection keyed by an id is a Map. */

export interface SavedRecord {
  id: string
  certificateNo: string
  school: string
  graduationDate: string
  major: string
  level: string
  studyMode: string
}

export interface Steps {
  centre: CentreStep | null
  basic: BasicStep | null
  contact: ContactStep | null
  examInfo: ExamInfoStep | null
  education: (EducationStep & { records: { education: SavedRecord; degree: SavedRecord | null } }) | null
  work: WorkStep | null
}

export function emptySteps(): Steps {
  return { centre: null, basic: null, contact: null, examInfo: null, education: null, work: null }
}

export interface ExamPhoto {
  /** The hub's registration photo confirmed (确认使用照片), or a replacement uploaded for this exam. */
  source: ExamPhotoSource
  width: number
  height: number
  size: number
  confirmedAt: string
  /**
   * The JPEG: a blob id (Store.blobs, the SHA-256 of the bytes). Kept apart from the hub's, so a later hub change
   * does not change a submitted application.
   */
  blob: string
}

export interface StoredApplication {
  id: string
  accountId: string
  examId: string
  province: string
  /** Bumped by every change of the content and by a withdrawal; the 验证码 is derived from it. */
  version: number
  createdAt: string
  updatedAt: string
  declarationsAcceptedAt: string | null
  steps: Steps
  /** Last year's data (historical candidates), shown in steps not saved yet. */
  prefill: Steps
  photo: ExamPhoto | null
  /** Set while submitted; cleared by a withdrawal. */
  submittedAt: string | null
  /** Submitted at least once: a withdrawn application may be resubmitted until the confirmation window ends. */
  everSubmitted: boolean
  confirmation: ConfirmationState
  autoConfirmed: boolean
  /** Why a historical candidate's submission was not confirmed automatically. */
  autoConfirmNote: string | null
  confirmationReason: string | null
  centreReview: Decision
  regionReview: Decision
  reviewReason: string | null
  paid: boolean
}

/** Last year's application of a historical candidate, with the subjects passed (成绩滚动管理). */
export interface LastYearApplication {
  examId: string
  province: string
  idType: string
  idNumber: string
  steps: Steps
  /** Subject codes passed last year. */
  passed: string[]
}

export interface ApplicationState {
  /** By application id. */
  byId: Map<string, StoredApplication>
  /** By account id. */
  history: Map<string, LastYearApplication>
  /** The exam calendar; built from the clock on first use when a state starts without one. */
  calendar: ExamEntry[] | null
}

export function emptyApplicationState(): ApplicationState {
  return { byId: new Map(), history: new Map(), calendar: null }
}

/** The blobs the slice refers to (the store's sweep keeps them). */
export function applicationBlobIds(state: ApplicationState): Set<string> {
  const ids = new Set<string>()
  for (const app of state.byId.values()) if (app.photo) ids.add(app.photo.blob)
  return ids
}

export function reviveApplicationState(raw: unknown): ApplicationState {
  const json = fieldsOf(raw)
  return {
    byId: mapFrom(json.byId),
    history: mapFrom(json.history),
    calendar: Array.isArray(json.calendar) ? (json.calendar as ExamEntry[]) : null,
  }
}
