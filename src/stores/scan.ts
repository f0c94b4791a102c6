import * as v from 'valibot'
import { create } from 'zustand'
import { ScanEducationResponse, type ScanKind } from '@contract/scan'
import { api, ApiError } from '../api'
import { OTHER_SCHOOL, type RecordKind } from '@domain/education'
import { isKnownMajor } from '@domain/majors'
import { fillFromScan, type FormScanField } from '@domain/xuexin-fill'
import { platform } from '../platform/platform'
import type { ImageSource } from '../platform/types'
import { useProfile } from './profile'
import { onCandidateLeft } from './session'

/**
 * Scanning a 学信网 screenshot into the record form (issue 6): pick an image, upload it with progress, fill the
 * form's draft from the answer. Nothing is saved here; the candidate checks the marked fields and saves the form.
 */

export interface ScanOutcome {
  /** The page was not a 学信网 result: the form stays as it was, for typing. */
  notXuexin: boolean
  /** Fields filled from the page and not yet changed by the candidate: marked 请核对. */
  marked: FormScanField[]
  /** Fields the page did not give: left empty, with a note. */
  missing: FormScanField[]
  /** The page's name / birth date differ from the candidate's registration. */
  mismatch: { name?: boolean; birthDate?: boolean }
  /** The page is the other kind (a 学位 page scanned into the 学历 form, or the reverse). */
  otherKind: ScanKind | null
  /** Read without confidence and left empty (never guessed): the form's fields among them, and the name. */
  unsure: { fields: FormScanField[]; name: boolean }
}

interface ScanState {
  /** 0-100 while uploading, 100 while the server reads the image, null otherwise. */
  percent: number | null
  /** Where the image being read came from (the button that shows the spinner). */
  source: 'album' | 'camera' | null
  error: string | null
  outcome: Record<RecordKind, ScanOutcome | null>
  /** Picks the page from the album (a screenshot) or photographs it with the camera (a result shown on a PC). */
  scan: (kind: RecordKind, source?: Extract<ImageSource, 'album' | 'camera'>) => Promise<void>
  /** The candidate changed these fields: they are no longer "as scanned". */
  unmark: (kind: RecordKind, fields: string[]) => void
  clear: (kind: RecordKind) => void
}

export const useScan = create<ScanState>((set, get) => ({
  percent: null,
  source: null,
  error: null,
  outcome: { education: null, degree: null },

  scan: async (kind, source = 'album') => {
    if (get().percent !== null) return
    set({ error: null })
    let chosen
    try {
      // Each platform's own picker (src/platform): WeChat chooseMedia, Alipay my.chooseImage, Baidu
      // swan.chooseImage, with sourceType camera or album. A cancel answers null; a refusal (no permission) throws.
      chosen = await platform.chooseImage(source)
    } catch {
      set({ error: source === 'camera' ? '无法打开相机，请检查授权后重试' : '无法打开相册，请检查授权后重试' })
      return
    }
    if (!chosen) return
    set({ percent: 0, source })
    try {
      const body = await api.upload(
        'scanEducation',
        chosen.path,
        {},
        { onProgress: (percent) => set({ percent: Math.min(100, percent) }) },
      )
      const parsed = v.safeParse(ScanEducationResponse, body)
      if (!parsed.success) throw ApiError.fromResponse(500, null)
      const result = parsed.output
      if (result.notXuexin) {
        set({ percent: null, outcome: { ...get().outcome, [kind]: emptyOutcome(true) } })
        return
      }
      const fill = fillFromScan(kind, result.recognised, isKnownMajor)
      const school = await schoolChoice(fill.schoolName)
      useProfile.getState().setDraft(kind, { ...fill.patch, ...school })
      const outcome: ScanOutcome = {
        notXuexin: false,
        marked: fill.filled,
        missing: fill.missing,
        mismatch: result.mismatch,
        otherKind: result.kind !== kind ? result.kind : null,
        unsure: {
          fields: result.unsure.includes('certificateNumber') ? ['certificateNo'] : [],
          name: result.unsure.includes('name'),
        },
      }
      set({ percent: null, outcome: { ...get().outcome, [kind]: outcome } })
    } catch (err) {
      const message = err instanceof ApiError && !err.isNetwork ? err.message : '截图上传失败，请检查网络后重试'
      set({ percent: null, error: message })
    }
  },

  unmark: (kind, fields) => {
    const outcome = get().outcome[kind]
    if (!outcome) return
    const keep = (f: FormScanField) => !fields.includes(f) && !fields.includes(otherOf(f))
    const marked = outcome.marked.filter(keep)
    const unsure = outcome.unsure.fields.filter(keep)
    if (marked.length !== outcome.marked.length || unsure.length !== outcome.unsure.fields.length)
      set({
        outcome: { ...get().outcome, [kind]: { ...outcome, marked, unsure: { ...outcome.unsure, fields: unsure } } },
      })
  },

  clear: (kind) => set({ error: null, outcome: { ...get().outcome, [kind]: null } }),
}))

// What the last candidate's page said (their name and birth date compared) is not the next candidate's.
onCandidateLeft(() =>
  useScan.setState({ percent: null, source: null, error: null, outcome: { education: null, degree: null } }),
)

/** otherSchool/otherMajor belong to school/major. */
function otherOf(field: FormScanField): string {
  return field === 'school' ? 'otherSchool' : field === 'major' ? 'otherMajor' : ''
}

function emptyOutcome(notXuexin: boolean): ScanOutcome {
  return { notXuexin, marked: [], missing: [], mismatch: {}, otherKind: null, unsure: { fields: [], name: false } }
}

/** The school from the list when the page's name is in it, else 其他学校 with the page's name. */
async function schoolChoice(name: string): Promise<{ school: string; otherSchool: string }> {
  if (!name) return { school: '', otherSchool: '' }
  try {
    const { schools } = await api.searchSchools(name)
    if (schools.includes(name)) return { school: name, otherSchool: '' }
  } catch {
    // The search is a convenience: without it the name still goes in as 其他学校.
  }
  return { school: OTHER_SCHOOL, otherSchool: name }
}
