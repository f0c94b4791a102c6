import { create } from 'zustand'
import type { ResponseOf } from '@contract/api'
import type { ApplicationView, Dictionaries, ExamSummary } from '@contract/application'
import type { EducationRecord } from '@contract/profile'
import { chinaDateOf } from '@domain/today'
import { checkPhoto } from '@domain/photo'
import { api, ApiError, getApiBase, messageOf, serverNow } from '../api'
import { platform } from '../platform/platform'
import { fitForUpload, isProblem, pick, type PickProblem } from './pick'

/**
 * The online application (issue 13): the exams list, the application being filled, the exam's dictionaries and the
 * province's centres. Every wizard page reads it; a saved step replaces `view` with the server's answer, so the step
 * bar and the next page show what the server holds.
 */
type Centres = ResponseOf<'applicationCentres'>
type Gate = ResponseOf<'applicationExams'>['gate']

interface ApplicationState {
  exams: ExamSummary[] | null
  gate: Gate | null
  view: ApplicationView | null
  dicts: Dictionaries | null
  centres: Centres | null
  /** The hub's verified 学历 and 学位 records (教育情况 offers only these). */
  verified: { education: EducationRecord[]; degree: EducationRecord[] } | null
  loading: boolean
  error: string | null
  /** What the reminder subscription asked at 提交报名信息 ended in, for that application (the 报名表 tells it). */
  subscription: { id: string; ok: boolean; text: string; settings: boolean } | null

  loadExams(): Promise<void>
  /** The application with its exam's dictionaries and its province's centres (cached per exam and province). */
  loadApplication(id: string): Promise<ApplicationView | null>
  loadVerifiedRecords(): Promise<void>
  /** Keeps a view the server answered with (after a save, a submission, a withdrawal). */
  setView(view: ApplicationView): void
  setSubscription(id: string, words: { ok: boolean; text: string; settings: boolean }): void
  /**
   * 更换考试照片: picks a photo, runs the hub's checks on the phone, uploads it for this application only. Resolves
   * with what to show when it was refused (the words, and the platform's refusal for its way forward; null when
   * saved or cancelled). A photo over 5 MB is compressed on the phone first.
   */
  changeExamPhoto(id: string): Promise<PickProblem | null>
}

export const useApplication = create<ApplicationState>((set, get) => ({
  exams: null,
  gate: null,
  view: null,
  dicts: null,
  centres: null,
  verified: null,
  loading: false,
  error: null,
  subscription: null,

  async loadExams() {
    set({ loading: true, error: null })
    try {
      const { exams, gate } = await api.applicationExams()
      set({ exams, gate, loading: false })
    } catch (err) {
      set({ loading: false, error: messageOf(err) })
    }
  },

  async loadApplication(id) {
    set({ loading: true, error: null })
    try {
      const view = await api.getApplication(id)
      const { dicts, centres } = get()
      const [nextDicts, nextCentres] = await Promise.all([
        dicts?.examId === view.examId ? dicts : api.applicationDictionaries(view.examId),
        centres?.province === view.province && dicts?.examId === view.examId
          ? centres
          : api.applicationCentres(view.examId, view.province),
      ])
      set({ view, dicts: nextDicts, centres: nextCentres, loading: false })
      return view
    } catch (err) {
      set({ loading: false, error: messageOf(err) })
      return null
    }
  },

  async loadVerifiedRecords() {
    const [e, d] = await Promise.all([api.listRecords('education'), api.listRecords('degree')])
    const ok = (r: EducationRecord) => r.state === 'verified'
    set({ verified: { education: e.records.filter(ok), degree: d.records.filter(ok) } })
  },

  async changeExamPhoto(id) {
    const picked = await pick(() => platform.chooseImage('any'))
    if (isProblem(picked)) return picked
    if (!picked.file) return null
    // Over 5 MB: the platform's compressed copy, if that fits; the rules below then judge what is sent.
    const fitted = await fitForUpload(picked.file, 'photo')
    if (isProblem(fitted)) return fitted
    const chosen = fitted
    const [head, info] = await Promise.all([
      platform.readFileHead ? platform.readFileHead(chosen.path, 16) : Promise.resolve(null),
      platform.getImageInfo(chosen.path).catch(() => null),
    ])
    const problems = checkPhoto({
      head,
      reportedType: info?.type,
      size: chosen.size,
      width: info?.width,
      height: info?.height,
    })
    if (problems.length > 0) return { text: problems.map((p) => p.message).join('\n'), refusal: null }
    try {
      get().setView(await api.upload('uploadExamPhoto', chosen.path, { id }))
      return null
    } catch (err) {
      return {
        text: err instanceof ApiError && !err.isNetwork ? err.message : '照片上传失败，请检查网络后重试',
        refusal: null,
      }
    }
  },

  setView(view) {
    const { centres } = get()
    set({ view, centres: centres?.province === view.province ? centres : null })
  },
  setSubscription(id, words) {
    set({ subscription: { id, ...words } })
  },
}))

/** China's today by the server's clock: the step checks use it, as the server does. */
export function serverToday(): string {
  return chinaDateOf(serverNow())
}

/** The exam photo's address for an <image> (a ticketed path under the API base), or null. */
export function examPhotoSrc(view: ApplicationView | null): string | null {
  return view?.photo ? `${getApiBase()}${view.photo.imageUrl}` : null
}
