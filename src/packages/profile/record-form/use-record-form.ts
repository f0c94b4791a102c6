import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { AddRecordRequest } from '@contract/profile'
import { useForm } from '../../../forms/use-form'
import { toast } from '../../../components/toast'
import {
  OTHER_MAJOR,
  OTHER_SCHOOL,
  RECORD_FIELDS,
  RECORD_FIELD_LABELS,
  RECORD_KIND_NAMES,
  recordMessage,
  type RecordField,
  type RecordKind,
} from '@domain/education'
import type { FormScanField } from '@domain/xuexin-fill'
import { useProfile, type RecordDraft } from '../../../stores/profile'
import { useScan } from '../../../stores/scan'
import { useRequireSession } from '../../../stores/session'
import { go, routes, useQuery } from '../../../routes'

/** The fields' ids: `<kind>-form-<part>` (README's id table). */
const FIELD_IDS: Record<RecordField, string> = {
  certificateNo: 'certificate',
  school: 'school',
  graduationDate: 'date',
  major: 'major',
  level: 'level',
  studyMode: 'mode',
}

/**
 * The record form's state: the kind from the query, the draft (in the profile store, which the scanner fills too),
 * the rules' messages in the kind's own labels, the scan's 请核对 marks, and saving with the form kit's one key.
 */
export function useRecordForm() {
  const kind: RecordKind = useQuery(routes.profileRecordForm).kind === 'degree' ? 'degree' : 'education'
  useRequireSession()
  const draft = useProfile((s) => s.drafts[kind])
  const { setDraft, clearDraft, addRecord } = useProfile.getState()
  // The kind's own labels: a degree is 学位证书编号, 学位授予单位, 获学位日期; the rules' messages follow them.
  const labels = RECORD_FIELD_LABELS[kind]
  const hasStudyMode = RECORD_FIELDS[kind].includes('studyMode')
  // The draft lives in the profile store (the scanner fills it too), kept on the device there.
  const form = useForm({
    schema: AddRecordRequest,
    initial: draft,
    state: [
      draft,
      (update: RecordDraft | ((prev: RecordDraft) => RecordDraft)) =>
        setDraft(kind, typeof update === 'function' ? update(useProfile.getState().drafts[kind]) : update),
      () => clearDraft(kind),
    ],
    toInput: (d: RecordDraft) => ({
      kind,
      ...d,
      otherSchool: d.school === OTHER_SCHOOL ? d.otherSchool : undefined,
      otherMajor: d.major === OTHER_MAJOR ? d.otherMajor : undefined,
      // A degree has no 培养方式 (RECORD_FIELDS).
      studyMode: hasStudyMode ? d.studyMode : undefined,
    }),
  })
  const errors = {
    ...form.errors,
    ...Object.fromEntries(
      RECORD_FIELDS[kind].map((f: RecordField) => [f, recordMessage(kind, f, form.errors[f])] as const),
    ),
  }
  const [keyword, setKeyword] = useState(draft.school && draft.school !== OTHER_SCHOOL ? draft.school : '')
  const scanned = useScan((s) => s.outcome[kind])
  // Filled from the page, or left empty because the page could not be read with confidence: 请核对 either way.
  const checkTag = (field: FormScanField) =>
    scanned?.marked.includes(field) || scanned?.unsure.fields.includes(field) ? '请核对' : undefined

  /** What every field of the form takes: its id, the kind's own label, its message and its 请核对 mark. */
  const field = (name: RecordField) => ({
    id: `${kind}-form-${FIELD_IDS[name]}`,
    label: labels[name],
    error: errors[name],
    tag: checkTag(name),
  })

  // A scan filled the draft: show the recognised school in the search box as chosen.
  useEffect(() => {
    if (!scanned || scanned.notXuexin) return
    const school = useProfile.getState().drafts[kind].school
    if (school && school !== OTHER_SCHOOL) setKeyword(school)
  }, [scanned, kind])

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: `添加${RECORD_KIND_NAMES[kind]}` })
  }, [kind])

  const update = (patch: Partial<RecordDraft>) => {
    form.patch(patch)
    useScan.getState().unmark(kind, Object.keys(patch))
  }

  // One key per filled form (the kit's): a retried save after a lost answer is not a second record.
  const save = () =>
    form.submit(async (value, idempotencyKey) => {
      await addRecord(value, idempotencyKey)
      useScan.getState().clear(kind)
      void toast.success('已添加，等待核验')
      void go.back()
    })

  return {
    kind,
    draft,
    labels,
    hasStudyMode,
    errors,
    formError: form.formError,
    saving: form.submitting,
    keyword,
    setKeyword,
    checkTag,
    field,
    update,
    save,
  }
}

export type RecordFormState = ReturnType<typeof useRecordForm>
