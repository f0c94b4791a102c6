import crypto from 'node:crypto'
import { formCode } from '../../../domain/application-code'
import {
  autoConfirmation,
  MERGE_NOTICE,
  mergeNoticeNeeded,
  subjectsToPreselect,
  type ComparedApplication,
} from '../../../domain/application-history'
import { processNodes, type ProcessFacts } from '../../../domain/application-process'
import { withGivenUp } from '../../../domain/process-deadlines'
import { idExpiryWarning, ID_VALID_LONG_TERM } from '../../../domain/application-rules'
import { chinaDate } from '../../../domain/china-time'
import { maskIdNumber } from '../../../domain/id-card'
import {
  STEP_KEYS,
  STEP_NAMES,
  type ApplicationStatus,
  type ApplicationView,
  type ExamSummary,
} from '../../../types/application'
import { HttpError, conflict, notFound } from '../../core/errors'
import type { State, Store } from '../../core/store'
import { accountErasers, applicationDataChecks, holderOf, type Account } from '../account'
import { makeCalendar, windowState, type ExamEntry } from './data/calendar'
import { centresOf, provinceOf, type ProvinceEntry } from './data/provinces'
import { dictionaryOf } from './data/specialities'
import { emptySteps, type LastYearApplication, type Steps, type StoredApplication } from './state'

/** The application feature's rules on the mock state, shared by its routes, QA routes and scenarios. */

// --- Calendar and lookups -----------------------------------------------------------------------------------------

export function calendarOf(store: Store): ExamEntry[] {
  const slice = store.state.application
  if (!slice.calendar) {
    slice.calendar = makeCalendar(store.clock.now())
    store.save()
  }
  return slice.calendar
}

export function examOf(store: Store, examId: string): ExamEntry | undefined {
  return calendarOf(store).find((e) => e.id === examId)
}

export function applicationsOf(state: State, accountId: string): StoredApplication[] {
  return [...state.application.byId.values()].filter((a) => a.accountId === accountId)
}

/** The candidate's own application; another candidate's, or an unknown id, is the same 404 (nothing leaks). */
export function ownApplication(store: Store, accountId: string, id: string): StoredApplication {
  const app = store.state.application.byId.get(id)
  if (!app || app.accountId !== accountId) throw notFound('NOT_FOUND', '报名信息不存在')
  return app
}

export function provinceOrThrow(code: string): ProvinceEntry {
  const p = provinceOf(code)
  if (!p) throw new HttpError(400, 'VALIDATION_FAILED', '请选择考区', { province: '请选择考区' })
  return p
}

// --- Derived facts ------------------------------------------------------------------------------------------------

/** The steps (and the photo) still to save, in order. */
export function missingOf(app: StoredApplication): string[] {
  const missing: string[] = STEP_KEYS.filter((k) => app.steps[k] === null)
  if (!app.photo) missing.push('photo')
  return missing
}

export function statusOf(app: StoredApplication, province: ProvinceEntry): ApplicationStatus {
  if (!app.submittedAt) return 'filling'
  if (app.confirmation === 'rejected') return 'confirm-rejected'
  if (app.confirmation === 'none') return 'submitted'
  if (app.centreReview === 'failed' || app.regionReview === 'failed') return 'review-failed'
  if (app.centreReview === 'passed' && app.regionReview === 'passed')
    return province.onlinePayment && !app.paid ? 'awaiting-payment' : 'succeeded'
  return 'confirmed'
}

const isOpen = (e: ExamEntry, now: number) => windowState(e.applyOpensAt, e.applyClosesAt, now) === 'open'
const confirmOpen = (e: ExamEntry, now: number) => now < Date.parse(e.confirmClosesAt)

/**
 * Editing (and so submitting) is open during the application window; an application submitted before and withdrawn
 * may be edited and resubmitted until the confirmation window ends (the seed: 在报名确认结束前撤回…再次提交).
 */
function editWindowOpen(app: StoredApplication, exam: ExamEntry, now: number): boolean {
  return isOpen(exam, now) || (app.everSubmitted && confirmOpen(exam, now))
}

export function abilities(app: StoredApplication, exam: ExamEntry, now: number) {
  const edit = !app.submittedAt && !!app.declarationsAcceptedAt && editWindowOpen(app, exam, now)
  return {
    edit,
    submit: edit && missingOf(app).length === 0,
    withdraw: !!app.submittedAt && app.confirmation !== 'confirmed' && confirmOpen(exam, now),
    changeProvince: !app.submittedAt && isOpen(exam, now),
  }
}

/** Refuses a change of the content unless the application is open to edits, with the reason's own code. */
export function ensureEditable(store: Store, app: StoredApplication, exam: ExamEntry): void {
  if (app.confirmation === 'confirmed') throw conflict('APPLICATION_CONFIRMED')
  if (app.submittedAt) throw conflict('APPLICATION_SUBMITTED')
  if (!app.declarationsAcceptedAt) throw conflict('DECLARATIONS_REQUIRED')
  if (!editWindowOpen(app, exam, store.clock.now())) throw windowClosed(exam)
}

export function windowClosed(exam: ExamEntry): HttpError {
  const at = (iso: string) => chinaDate(iso)
  return conflict(
    'APPLICATION_WINDOW_CLOSED',
    `${exam.name}的网上报名时间为${at(exam.applyOpensAt)}至${at(exam.applyClosesAt)}，当前不在报名时间内`,
  )
}

/** Records a change of the content: a new version (so a new 验证码) and the time. */
export function changed(store: Store, app: StoredApplication): void {
  app.version++
  app.updatedAt = store.clock.iso()
  store.save()
}

// --- Historical candidates ----------------------------------------------------------------------------------------

export function historyOf(state: State, accountId: string, examKind: string): LastYearApplication | null {
  const last = state.application.history.get(accountId)
  return last && last.examId.startsWith(`${examKind}-`) ? last : null
}

/** What is compared with last year for the auto-confirmation (SPEC 3.1); 从事本专业工作年限 grows every year. */
export function compared(steps: Steps, province: string, idType: string, idNumber: string): ComparedApplication {
  return {
    basic: { idType, idNumber: idNumber.toUpperCase(), ...steps.basic },
    province,
    centre: steps.centre?.centre ?? '',
    speciality: steps.examInfo?.speciality ?? '',
    level: steps.examInfo?.level ?? '',
    education: {
      education: steps.education?.records.education.certificateNo ?? null,
      degree: steps.education?.records.degree?.certificateNo ?? null,
    },
    work: steps.work
      ? {
          unitName: steps.work.unitName,
          otherUnitName: steps.work.otherUnitName,
          unitType: steps.work.unitType,
          workStart: steps.work.workStart,
        }
      : null,
  }
}

export function autoConfirmOf(store: Store, app: StoredApplication, account: Account, exam: ExamEntry) {
  const last = historyOf(store.state, account.id, exam.kind)
  if (!last) return null
  return autoConfirmation(
    app.province,
    compared(app.steps, app.province, account.idType, account.idNumber),
    compared(last.steps, last.province, last.idType, last.idNumber),
  )
}

/**
 * Last year's data as this application's prefill: the test centre only in the same province, the education only
 * while its records are still verified in the hub, and the subjects not passed last year preselected.
 */
export function prefillFrom(store: Store, accountId: string, last: LastYearApplication, province: string): Steps {
  const steps = structuredClone(last.steps)
  if (province !== last.province) steps.centre = null
  const records = store.state.profile.byAccount.get(accountId)?.records ?? []
  const verified = (id: string | null | undefined) => !id || records.some((r) => r.id === id && r.state === 'verified')
  if (steps.education && !(verified(steps.education.educationRecordId) && verified(steps.education.degreeRecordId)))
    steps.education = null
  if (steps.examInfo) {
    const offered = specialityOf(last.examId, steps.examInfo.speciality)?.subjects.map((s) => s.code) ?? []
    steps.examInfo.subjects = subjectsToPreselect(
      offered,
      { speciality: steps.examInfo.speciality, level: steps.examInfo.level, passed: last.passed },
      steps.examInfo.speciality,
      steps.examInfo.level,
    )
  }
  return steps
}

function specialityOf(examId: string, code: string) {
  const kind = examId.startsWith('nurse-') ? 'nurse' : 'health'
  return dictionaryOf(kind).specialities.find((s) => s.code === code)
}

// --- Views --------------------------------------------------------------------------------------------------------

/** Short-lived tickets for showing an application's photo: random, never an id, memory only. */
const PHOTO_TICKET_TTL_MS = 5 * 60 * 1000
const photoTickets = new Map<string, { applicationId: string; expiresAt: number }>()

export function photoTicket(applicationId: string, now: number): string {
  for (const [t, v] of photoTickets) if (v.expiresAt <= now) photoTickets.delete(t)
  const ticket = crypto.randomBytes(18).toString('base64url')
  photoTickets.set(ticket, { applicationId, expiresAt: now + PHOTO_TICKET_TTL_MS })
  return ticket
}

export function applicationOfTicket(ticket: string, now: number): string | null {
  const t = photoTickets.get(ticket)
  return t && t.expiresAt > now ? t.applicationId : null
}

export const PHOTO_VIEW_PATH = '/api/application-photo'

export function identityOf(account: Account) {
  // The document's type and the holder's gender and birth date as registered (every ID type: issue 24).
  const holder = holderOf(account)
  return {
    name: account.name,
    idType: account.idType,
    idTypeName: holder.idTypeName,
    idNumberMasked: maskIdNumber(account.idNumber),
    gender: holder.gender === 'male' ? '男' : '女',
    birthDate: holder.birthDate,
    nationality: holder.nationality,
  }
}

export function viewOf(store: Store, app: StoredApplication, account: Account): ApplicationView {
  const exam = examOf(store, app.examId)!
  const province = provinceOf(app.province)!
  const now = store.clock.now()
  const last = historyOf(store.state, account.id, exam.kind)
  const facts: ProcessFacts = {
    filled: missingOf(app).length === 0,
    submitted: !!app.submittedAt,
    confirmation: app.confirmation,
    autoConfirmed: app.autoConfirmed,
    confirmationReason: app.confirmationReason,
    centreReview: app.centreReview,
    regionReview: app.regionReview,
    reviewReason: app.reviewReason,
    paid: app.paid,
  }
  // A withdrawn application may be resubmitted until the confirmation window ends: that is its deadline then.
  const applyBy =
    app.everSubmitted && exam.confirmClosesAt > exam.applyClosesAt ? exam.confirmClosesAt : exam.applyClosesAt
  const deadlines = { applyBy, confirmBy: exam.confirmClosesAt, payBy: exam.payClosesAt }
  const expiry = app.steps.basic?.idValidUntil
  const warning = expiry && expiry !== ID_VALID_LONG_TERM ? idExpiryWarning(expiry, exam.examDate) : null
  return {
    id: app.id,
    examId: app.examId,
    examName: exam.name,
    province: app.province,
    provinceName: province.name,
    status: statusOf(app, province),
    version: app.version,
    declarationsAccepted: !!app.declarationsAcceptedAt,
    steps: app.steps,
    prefill: app.prefill,
    identity: identityOf(account),
    photo: app.photo
      ? {
          source: app.photo.source,
          width: app.photo.width,
          height: app.photo.height,
          size: app.photo.size,
          confirmedAt: app.photo.confirmedAt,
          imageUrl: `${PHOTO_VIEW_PATH}/${photoTicket(app.id, now)}`,
        }
      : null,
    missing: missingOf(app),
    warnings: warning ? [warning] : [],
    submittedAt: app.submittedAt,
    autoConfirmed: app.autoConfirmed,
    confirmationReason: app.confirmationReason,
    reviewReason: app.reviewReason,
    autoConfirmNote: app.autoConfirmNote,
    can: abilities(app, exam, now),
    historical: !!last,
    mergeNotice: mergeNoticeNeeded(last, account) ? MERGE_NOTICE : null,
    nodes: withGivenUp(processNodes(facts, province, deadlines), now),
    deadlines,
    updatedAt: app.updatedAt,
  }
}

export function examSummaries(store: Store, accountId: string): ExamSummary[] {
  const now = store.clock.now()
  const mine = applicationsOf(store.state, accountId)
  return calendarOf(store).map((e) => {
    const app = mine.find((a) => a.examId === e.id)
    return {
      id: e.id,
      kind: e.kind,
      name: e.name,
      examDate: e.examDate,
      examEndDate: e.examEndDate,
      window: { opensAt: e.applyOpensAt, closesAt: e.applyClosesAt },
      windowState: windowState(e.applyOpensAt, e.applyClosesAt, now),
      confirmWindow: { opensAt: e.confirmOpensAt, closesAt: e.confirmClosesAt },
      application: app
        ? { id: app.id, province: app.province, status: statusOf(app, provinceOf(app.province)!) }
        : null,
    }
  })
}

// --- The printed form and the review page -------------------------------------------------------------------------

/** Everything printed on the form, for the 验证码: the content, with the photo by its fingerprint. */
export function formContent(app: StoredApplication): unknown {
  return {
    examId: app.examId,
    province: app.province,
    steps: app.steps,
    // The blob id is the SHA-256 of the photo's bytes.
    photo: app.photo ? app.photo.blob : null,
  }
}

export function codeOf(app: StoredApplication): string {
  return formCode({ applicationId: app.id, version: app.version, content: formContent(app) })
}

type Row = { label: string; value: string }
type Section = { step: string; title: string; rows: Row[] }

export function sectionsOf(store: Store, app: StoredApplication, account: Account): Section[] {
  const exam = examOf(store, app.examId)!
  const dict = dictionaryOf(exam.kind)
  const province = provinceOf(app.province)!
  const id = identityOf(account)
  const s = app.steps
  const or = (v: string | null | undefined) => (v ? v : '—')
  const centre = centresOf(app.province).find((c) => c.code === s.centre?.centre)
  const enrol = centre?.enrolPoints.find((p) => p.code === s.centre?.enrolPoint)
  const spec = dict.specialities.find((x) => x.code === s.examInfo?.speciality)
  const subjectNames = (s.examInfo?.subjects ?? []).map((c) => spec?.subjects.find((x) => x.code === c)?.name ?? c)
  const record = (r: { school: string; major: string; level: string; graduationDate: string } | null | undefined) =>
    r ? `${r.school} ${r.major} ${r.level}（${r.graduationDate.slice(0, 7)}毕业）` : '—'
  const sections: Section[] = [
    {
      step: 'centre',
      title: STEP_NAMES.centre,
      rows: [
        { label: '报考考试', value: exam.name },
        { label: '报考考区', value: province.name },
        { label: '考点', value: or(centre?.name) },
        ...(province.onlineConfirmation ? [{ label: '报名点', value: or(enrol?.name) }] : []),
      ],
    },
    {
      step: 'basic',
      title: STEP_NAMES.basic,
      rows: [
        { label: '姓名', value: id.name },
        { label: '证件类型', value: id.idTypeName },
        { label: '证件号码', value: id.idNumberMasked },
        { label: '性别', value: id.gender },
        { label: '出生日期', value: id.birthDate },
        { label: '国籍', value: id.nationality },
        { label: '民族', value: or(s.basic?.ethnicity) },
        { label: '证件有效截止日期', value: or(s.basic?.idValidUntil) },
      ],
    },
    {
      step: 'contact',
      title: STEP_NAMES.contact,
      rows: [
        { label: '手机号码', value: or(s.contact?.mobile) },
        { label: '通讯地址', value: or(s.contact?.address) },
        { label: '邮政编码', value: or(s.contact?.postcode) },
        { label: '电子邮箱', value: or(s.contact?.email) },
      ],
    },
    {
      step: 'examInfo',
      title: STEP_NAMES.examInfo,
      rows: [
        { label: '专业类别', value: or(dict.categories.find((c) => c.code === s.examInfo?.category)?.name) },
        { label: '级别', value: or(dict.levels.find((l) => l.code === s.examInfo?.level)?.name) },
        { label: '专业', value: spec ? `${spec.code} ${spec.name}` : '—' },
        { label: '执业类别', value: or(s.examInfo?.practiceCategory) },
        { label: '首次注册年月', value: or(s.examInfo?.firstRegistration) },
        { label: '是否取得住培合格证书', value: s.examInfo ? (s.examInfo.residencyHolder ? '是' : '否') : '—' },
        ...(s.examInfo?.residencyHolder
          ? [{ label: '住培合格证书发证年月', value: or(s.examInfo.residencyCertDate) }]
          : []),
        { label: '报考科目', value: subjectNames.length ? subjectNames.join('、') : '—' },
      ],
    },
    {
      step: 'education',
      title: STEP_NAMES.education,
      rows: [
        { label: '学历', value: record(s.education?.records.education) },
        { label: '学位', value: record(s.education?.records.degree) },
      ],
    },
    {
      step: 'work',
      title: STEP_NAMES.work,
      rows: [
        {
          label: '单位名称',
          value: s.work ? (s.work.otherUnitName ? s.work.otherUnitName : s.work.unitName) : '—',
        },
        { label: '单位类别', value: or(s.work?.unitType) },
        { label: '参加工作时间', value: or(s.work?.workStart) },
        { label: '从事本专业工作年限', value: s.work ? `${s.work.specialityYears}年` : '—' },
      ],
    },
  ]
  return sections
}

// --- Account cancellation sees real applications ------------------------------------------------------------------

/**
 * SPEC 1.4: an account with application data cannot be cancelled (and its hub photo is locked): an application with
 * anything saved or submitted, or last year's application.
 */
export function hasFilledApplication(state: State, accountId: string): boolean {
  if (state.application.history.has(accountId)) return true
  return applicationsOf(state, accountId).some(
    (a) => a.everSubmitted || a.photo !== null || STEP_KEYS.some((k) => a.steps[k] !== null),
  )
}

/** Cancellation (allowed only without application data) erases what is left: applications started but empty. */
accountErasers.push((state, accountId) => {
  for (const app of applicationsOf(state, accountId)) state.application.byId.delete(app.id)
  state.application.history.delete(accountId)
})

applicationDataChecks.push((state, accountId) =>
  hasFilledApplication(state, accountId) ? '您已填写报名信息，不能注销账号' : null,
)

/**
 * What other features require before a submission (the materials of the online-confirmation provinces, issue 14):
 * each answers the refusal or null. They register here so this feature imports none of them.
 */
export const submitChecks: Array<(store: Store, app: StoredApplication) => HttpError | null> = []

/**
 * What other features keep for an application that belongs to its province (the materials uploaded for that
 * province's list and formats, issue 20): each forgets its part when the province changes (修改考区). They register
 * here so this feature imports none of them. Called in the same turn as the change itself.
 */
export const provinceChangeHooks: Array<(store: Store, app: StoredApplication) => void> = []

export function newApplication(store: Store, account: Account, exam: ExamEntry, province: string): StoredApplication {
  const at = store.clock.iso()
  const last = historyOf(store.state, account.id, exam.kind)
  return {
    id: crypto.randomUUID(),
    accountId: account.id,
    examId: exam.id,
    province,
    version: 1,
    createdAt: at,
    updatedAt: at,
    declarationsAcceptedAt: null,
    steps: emptySteps(),
    prefill: last ? prefillFrom(store, account.id, last, province) : emptySteps(),
    photo: null,
    submittedAt: null,
    everSubmitted: false,
    confirmation: 'none',
    autoConfirmed: false,
    autoConfirmNote: null,
    confirmationReason: null,
    centreReview: 'none',
    regionReview: 'none',
    reviewReason: null,
    paid: false,
  }
}
