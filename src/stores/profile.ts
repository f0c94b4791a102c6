import { create } from 'zustand'
import type { RequestOf } from '@contract/api'
import type { BasicInfo, BindingInfo, EducationRecord, PhotoInfo, ProfileSummary } from '@contract/profile'
import { api, ApiError, getApiBase } from '../api'
import type { RecordKind } from '@domain/education'
import { uprightSize, type PhotoProblem } from '@domain/photo'
import { platform } from '../platform/platform'
import type { ImageSource } from '../platform/types'
import { clearDraft as forgetDraft, readDraft, writeDraft } from './drafts'
import { checkChosenPhoto } from './pick'
import { onCandidateLeft, onLogin } from './session'
import { sectionLoader, type SectionFlags } from './sections'

/**
 * The personal-info hub's data (issue 5): every hub page reads and changes it through these actions, so pages stay
 * thin and the hub's statuses refresh after a change made on another page.
 */

/** The record form's fields as typed (or filled by the scanner, then corrected). */
export interface RecordDraft {
  certificateNo: string
  school: string
  otherSchool: string
  graduationDate: string
  major: string
  otherMajor: string
  level: string
  studyMode: string
}

export const EMPTY_DRAFT: RecordDraft = {
  certificateNo: '',
  school: '',
  otherSchool: '',
  graduationDate: '',
  major: '',
  otherMajor: '',
  level: '',
  studyMode: '',
}

export type Section = 'summary' | 'basic' | 'photo' | 'education' | 'degree' | 'binding'

/** A photo the candidate picked, with what the phone found wrong before any upload. */
export interface PhotoCandidate {
  path: string
  size: number
  width: number | null
  height: number | null
  problems: PhotoProblem[]
}

interface ProfileState extends SectionFlags<Section> {
  summary: ProfileSummary | null
  basic: BasicInfo | null
  photo: PhotoInfo | null
  records: Record<RecordKind, EducationRecord[] | null>
  binding: BindingInfo | null

  candidate: PhotoCandidate | null
  /** The record forms' drafts, by kind: the form page edits them, the scanner (its own issue) fills them. */
  drafts: Record<RecordKind, RecordDraft>
  schoolResults: string[]
  /** 0-100 while uploading, null otherwise. */
  uploadPercent: number | null
  uploadError: string | null

  loadSummary: () => Promise<void>
  loadBasic: () => Promise<void>
  loadPhoto: () => Promise<void>
  loadRecords: (kind: RecordKind) => Promise<void>
  loadBinding: () => Promise<void>

  setDraft: (kind: RecordKind, patch: Partial<RecordDraft>) => void
  clearDraft: (kind: RecordKind) => void
  /** Keyword search over the server's school list; results in `schoolResults`. */
  searchSchools: (keyword: string) => Promise<void>

  /** Lets the candidate pick a photo and checks it here first; the result is in `candidate`. */
  pickPhoto: (source: Exclude<ImageSource, 'any'>) => Promise<void>
  /** Uploads `candidate` (only when it has no problems); resolves true when the server kept it. */
  uploadPhoto: () => Promise<boolean>

  /** Adds a record; rejects with an ApiError whose `fields` the form shows. */
  addRecord: (input: RequestOf<'addRecord'>, idempotencyKey: string) => Promise<EducationRecord>
  deleteRecord: (kind: RecordKind, id: string) => Promise<void>

  bind: () => Promise<void>
  unbind: () => Promise<void>
  /**
   * Forgets everything held in memory (logout, an expired session, another candidate). The record drafts are read
   * again from the device, which keeps them only for the candidate who typed them (drafts.ts).
   */
  reset: () => void
}

const initial = {
  summary: null,
  basic: null,
  photo: null,
  records: { education: null, degree: null },
  binding: null,
  loading: {},
  errors: {},
  candidate: null,
  drafts: { education: EMPTY_DRAFT, degree: EMPTY_DRAFT } as Record<RecordKind, RecordDraft>,
  schoolResults: [] as string[],
  uploadPercent: null,
  uploadError: null,
}

let searchSeq = 0

export const useProfile = create<ProfileState>((set, get) => {
  // A change the candidate made to a section while its load was under way (bind, unbind, upload) is newer than the
  // load's answer, which is then dropped (sections.ts).
  const { load, changed } = sectionLoader<Section, ProfileState>(set)

  /** A change on one page moves the hub's statuses: refresh them quietly (the hub shows its own error if this fails). */
  const refreshSummary = () => void get().loadSummary()

  return {
    ...initial,

    loadSummary: async () => void (await load('summary', api.profileSummary, (summary) => ({ summary }))),
    loadBasic: async () => void (await load('basic', api.profileBasic, (basic) => ({ basic }))),
    loadPhoto: async () => void (await load('photo', api.profilePhoto, (photo) => ({ photo }))),
    loadRecords: async (kind) =>
      void (await load(
        kind,
        () => api.listRecords(kind),
        (r) => ({ records: { ...get().records, [kind]: r.records } }),
      )),
    loadBinding: async () => void (await load('binding', api.binding, (binding) => ({ binding }))),

    // Drafts are kept on the device too, so a closed app or an expired session loses nothing typed.
    drafts: storedDrafts(),
    setDraft: (kind, patch) => {
      const next = { ...get().drafts[kind], ...patch }
      writeDraft(draftKey(kind), next)
      set((s) => ({ drafts: { ...s.drafts, [kind]: next } }))
    },
    clearDraft: (kind) => {
      forgetDraft(draftKey(kind))
      set((s) => ({ drafts: { ...s.drafts, [kind]: EMPTY_DRAFT }, schoolResults: [] }))
    },
    searchSchools: async (keyword) => {
      const k = keyword.trim()
      if (!k) return set({ schoolResults: [] })
      // A slower earlier answer must not replace a later one: only the latest search may set the results.
      const seq = ++searchSeq
      try {
        const { schools } = await api.searchSchools(k)
        if (seq === searchSeq) set({ schoolResults: schools })
      } catch {
        if (seq === searchSeq) set({ schoolResults: [] })
      }
    },

    pickPhoto: async (source) => {
      set({ uploadError: null })
      let chosen
      try {
        chosen = await platform.chooseImage(source)
      } catch {
        set({ uploadError: '无法打开相册或相机，请检查授权后重试' })
        return
      }
      if (!chosen) return
      const { problems, info } = await checkChosenPhoto(chosen)
      set({
        candidate: {
          path: chosen.path,
          size: chosen.size,
          // Shown as the upright picture's size, the one the rules judge.
          width: info ? uprightSize(info, info.orientation).width : null,
          height: info ? uprightSize(info, info.orientation).height : null,
          problems,
        },
      })
    },

    uploadPhoto: async () => {
      const candidate = get().candidate
      if (!candidate || candidate.problems.length || get().uploadPercent !== null) return false
      set({ uploadPercent: 0, uploadError: null })
      try {
        const photo = await api.upload(
          'uploadPhoto',
          candidate.path,
          {},
          { onProgress: (percent) => set({ uploadPercent: Math.min(99, percent) }) },
        )
        changed('photo')
        set({ photo, candidate: null, uploadPercent: null })
        refreshSummary()
        return true
      } catch (err) {
        const message = err instanceof ApiError && !err.isNetwork ? err.message : '照片上传失败，请检查网络后重试'
        set({ uploadPercent: null, uploadError: message })
        return false
      }
    },

    addRecord: async (input, idempotencyKey) => {
      const record = await api.addRecord(input, { idempotencyKey })
      const list = get().records[record.kind] ?? []
      set({ records: { ...get().records, [record.kind]: [...list, record] } })
      refreshSummary()
      return record
    },

    deleteRecord: async (kind, id) => {
      await api.deleteRecord(kind, id)
      set({ records: { ...get().records, [kind]: (get().records[kind] ?? []).filter((r) => r.id !== id) } })
      refreshSummary()
    },

    bind: async () => {
      const code = await platform.getLoginCode()
      const binding = await api.bind({ platform: platform.name, code })
      changed('binding')
      set({ binding })
      refreshSummary()
    },

    unbind: async () => {
      const binding = await api.unbind()
      changed('binding')
      set({ binding })
      refreshSummary()
    },

    reset: () => set({ ...initial, drafts: storedDrafts() }),
  }
})

function draftKey(kind: RecordKind): string {
  return `profile.record.${kind}`
}

function storedDraft(kind: RecordKind): RecordDraft {
  return { ...EMPTY_DRAFT, ...readDraft<RecordDraft>(draftKey(kind)) }
}

function storedDrafts(): Record<RecordKind, RecordDraft> {
  return { education: storedDraft('education'), degree: storedDraft('degree') }
}

// A shared phone: nothing of the last candidate (records, photo, a half-typed record) is shown to the next. A login
// reads the drafts again: after an expired session they are the same candidate's, kept; anyone else finds them gone.
onCandidateLeft(() => useProfile.getState().reset())
onLogin(() => useProfile.setState({ drafts: storedDrafts() }))

/** The photo's display URL: the server's ticket path under the API base. */
export function photoSrc(photo: PhotoInfo | null): string | null {
  return photo?.imageUrl ? `${getApiBase()}${photo.imageUrl}` : null
}
