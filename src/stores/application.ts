import { create } from 'zustand'
import type { JsonEndpointName, RequestOf, ResponseOf } from '@contract/api'
import type { ApplicationForm, ApplicationView, Dictionaries, ExamSummary, StepKey } from '@contract/application'
import type { EducationRecord } from '@contract/profile'
import { api, ApiError, call, getApiBase, newIdempotencyKey } from '../api'
import { platform } from '../platform/platform'
import { checkChosenPhoto, fitForUpload, isProblem, pick, type PickProblem } from './pick'
import { sectionLoader, type SectionFlags } from './sections'
import { onCandidateLeft } from './session'

/**
 * The online application (issue 13) and every server view of it, held here only: the exams list, the application a
 * page is about (`view`: the wizard, the photo, the review, the form, the tracker), the candidate's applications (the
 * hub's list), the review and the form, the exam's dictionaries and the province's centres. Every answer about an
 * application replaces `view`, so the step bar, the tracker and the next page show what the server holds.
 */
type Centres = ResponseOf<'applicationCentres'>
type Gate = ResponseOf<'applicationExams'>['gate']
export type Review = ResponseOf<'reviewApplication'>

/** The sections, each with its loading flag and error (sections.ts). */
type Section = 'exams' | 'application' | 'applications' | 'review' | 'form' | 'dictionaries'

/** Each step's save endpoint. */
const STEP_SAVES = {
  centre: 'saveCentreStep',
  basic: 'saveBasicStep',
  contact: 'saveContactStep',
  examInfo: 'saveExamInfoStep',
  education: 'saveEducationStep',
  work: 'saveWorkStep',
} as const satisfies Record<StepKey, JsonEndpointName>

/** What a step's save sends besides the application's id: the step's form, as its schema checked it. */
export type StepInput<K extends StepKey> = Omit<RequestOf<(typeof STEP_SAVES)[K]>, 'id'>

/** Starting an application: the new view, or the one the candidate already has for this exam (another device). */
export type Started = { view: ApplicationView } | { existing: string }

interface ApplicationState extends SectionFlags<Section> {
  exams: ExamSummary[] | null
  gate: Gate | null
  view: ApplicationView | null
  /** The candidate's applications with their nodes (the hub's list). */
  applications: ApplicationView[] | null
  review: Review | null
  form: ApplicationForm | null
  dicts: Dictionaries | null
  centres: Centres | null
  /** The hub's verified 学历 and 学位 records (教育情况 offers only these). */
  verified: { education: EducationRecord[]; degree: EducationRecord[] } | null
  /** What the reminder subscription asked at 提交报名信息 ended in, for that application (the 报名表 tells it). */
  subscription: { id: string; ok: boolean; text: string; settings: boolean } | null

  loadExams(): Promise<void>
  /** The application with its exam's dictionaries and its province's centres (cached per exam and province). */
  loadApplication(id: string): Promise<ApplicationView | null>
  /** The application alone (the tracker: no dictionaries needed). */
  refreshApplication(id: string): Promise<void>
  loadApplications(): Promise<void>
  loadReview(id: string): Promise<void>
  /** The 报名表; 'incomplete' when the application cannot have one yet (the review says what is missing). */
  loadForm(id: string): Promise<'ok' | 'incomplete' | 'failed'>
  /** The exam's dictionaries alone (选择考区). */
  loadDictionaries(examId: string): Promise<void>
  loadVerifiedRecords(): Promise<void>
  /** Keeps a view the server answered with (after a save, a submission, a withdrawal). */
  setView(view: ApplicationView): void
  setSubscription(id: string, words: { ok: boolean; text: string; settings: boolean }): void

  // The actions: each keeps the server's answer and rejects with the ApiError (its message is what to show).
  /** The application of an exam already applied for, before opening it where it stands. */
  openApplication(id: string): Promise<ApplicationView>
  start(examId: string, province: string): Promise<Started>
  changeProvince(id: string, province: string): Promise<ApplicationView>
  acceptDeclarations(id: string): Promise<ApplicationView>
  /**
   * Saves one step with the form kit's idempotency key: a retried tap after a lost answer sends the same key, and the
   * server answers it once (one new version, not two).
   */
  saveStep<K extends StepKey>(
    step: K,
    id: string,
    input: StepInput<K>,
    idempotencyKey: string,
  ): Promise<ApplicationView>
  confirmHubPhoto(id: string): Promise<ApplicationView>
  /** Submits the reviewed `version`, with one key per application and version (a retried tap is not a second one). */
  submit(id: string, version: number): Promise<ApplicationView>
  withdraw(id: string): Promise<ApplicationView>
  /**
   * 更换考试照片: picks a photo, runs the hub's checks on the phone, uploads it for this application only. Resolves
   * with what to show when it was refused (the words, and the platform's refusal for its way forward; null when
   * saved or cancelled). A photo over 5 MB is compressed on the phone first.
   */
  changeExamPhoto(id: string): Promise<PickProblem | null>
  /** Forget everything (logout, another candidate). */
  reset(): void
}

const initial = {
  exams: null,
  gate: null,
  view: null,
  applications: null,
  review: null,
  form: null,
  dicts: null,
  centres: null,
  verified: null,
  subscription: null,
  loading: {},
  errors: {},
}

// One key per application and reviewed version: a retried 提交报名信息 after a lost answer is not a second submission.
const submitKeys = new Map<string, string>()

export const useApplication = create<ApplicationState>((set, get) => {
  const { load } = sectionLoader<Section, ApplicationState>(set)
  /** A view and what goes with it: centres of another province are dropped. */
  const withView = (view: ApplicationView): Partial<ApplicationState> => {
    const { centres } = get()
    return { view, centres: centres?.province === view.province ? centres : null }
  }
  const keep = (view: ApplicationView) => {
    set(withView(view))
    return view
  }

  return {
    ...initial,

    async loadExams() {
      await load('exams', api.applicationExams, ({ exams, gate }) => ({ exams, gate }))
    },

    async loadApplication(id) {
      const loaded = await load(
        'application',
        async () => {
          const view = await api.getApplication(id)
          const { dicts, centres } = get()
          const [nextDicts, nextCentres] = await Promise.all([
            dicts?.examId === view.examId ? dicts : api.applicationDictionaries(view.examId),
            centres?.province === view.province && dicts?.examId === view.examId
              ? centres
              : api.applicationCentres(view.examId, view.province),
          ])
          return { view, dicts: nextDicts, centres: nextCentres }
        },
        (value) => value,
      )
      return loaded?.view ?? null
    },

    async refreshApplication(id) {
      await load('application', () => api.getApplication(id), withView)
    },

    async loadApplications() {
      await load('applications', api.listApplications, ({ applications }) => ({ applications }))
    },

    async loadReview(id) {
      await load(
        'review',
        () => api.reviewApplication(id),
        (review) => ({ review, ...withView(review.application) }),
      )
    },

    async loadForm(id) {
      let incomplete = false
      const form = await load(
        'form',
        () =>
          api.applicationForm(id).catch((err: unknown) => {
            if (!(err instanceof ApiError && err.code === 'APPLICATION_INCOMPLETE')) throw err
            incomplete = true
            return null
          }),
        (answer) => (answer ? { form: answer } : {}),
      )
      return incomplete ? 'incomplete' : form ? 'ok' : 'failed'
    },

    async loadDictionaries(examId) {
      await load(
        'dictionaries',
        () => api.applicationDictionaries(examId),
        (dicts) => (get().dicts?.examId === examId ? { dicts } : { dicts, centres: null }),
      )
    },

    async loadVerifiedRecords() {
      const [e, d] = await Promise.all([api.listRecords('education'), api.listRecords('degree')])
      const ok = (r: EducationRecord) => r.state === 'verified'
      set({ verified: { education: e.records.filter(ok), degree: d.records.filter(ok) } })
    },

    setView(view) {
      set(withView(view))
    },
    setSubscription(id, words) {
      set({ subscription: { id, ...words } })
    },

    openApplication: async (id) => keep(await api.getApplication(id)),

    async start(examId, province) {
      try {
        return { view: keep(await api.startApplication({ examId, province })) }
      } catch (err) {
        // Already applied (another device): that application, not a second one.
        if (err instanceof ApiError && err.code === 'APPLICATION_EXISTS' && err.details.applicationId)
          return { existing: String(err.details.applicationId) }
        throw err
      }
    },

    changeProvince: async (id, province) => keep(await api.changeProvince(id, province)),
    acceptDeclarations: async (id) => keep(await api.acceptDeclarations(id)),

    async saveStep(step, id, input, idempotencyKey) {
      const name = STEP_SAVES[step] as (typeof STEP_SAVES)['centre']
      return keep(await call(name, { id, ...input } as RequestOf<typeof name>, { idempotencyKey }))
    },

    confirmHubPhoto: async (id) => keep(await api.confirmHubPhoto(id)),

    async submit(id, version) {
      const tap = `${id}:${version}`
      const idempotencyKey = submitKeys.get(tap) ?? newIdempotencyKey()
      submitKeys.set(tap, idempotencyKey)
      const view = keep(await api.submitApplication(id, version, { idempotencyKey }))
      submitKeys.delete(tap)
      return view
    },

    withdraw: async (id) => keep(await api.withdrawApplication(id)),

    async changeExamPhoto(id) {
      const picked = await pick(() => platform.chooseImage('any'))
      if (isProblem(picked)) return picked
      if (!picked.file) return null
      // Over 5 MB: the platform's compressed copy, if that fits; the rules below then judge what is sent.
      const fitted = await fitForUpload(picked.file, 'photo')
      if (isProblem(fitted)) return fitted
      const chosen = fitted
      const { problems } = await checkChosenPhoto(chosen)
      if (problems.length > 0) return { text: problems.map((p) => p.message).join('\n'), refusal: null }
      try {
        keep(await api.upload('uploadExamPhoto', chosen.path, { id }))
        return null
      } catch (err) {
        return {
          text: err instanceof ApiError && !err.isNetwork ? err.message : '照片上传失败，请检查网络后重试',
          refusal: null,
        }
      }
    },

    reset() {
      submitKeys.clear()
      set(initial)
    },
  }
})

// Logged out, or another candidate logged in: nothing of the last one's applications stays to be shown.
onCandidateLeft(() => useApplication.getState().reset())

/** China's today by the server's clock: the step checks use it, as the server does. */
export { serverToday } from './shared'

/** The exam photo's address for an <image> (a ticketed path under the API base), or null. */
export function examPhotoSrc(view: ApplicationView | null): string | null {
  return view?.photo ? `${getApiBase()}${view.photo.imageUrl}` : null
}
