import multipart from '@fastify/multipart'
import type { FastifyInstance } from 'fastify'
import { OTHER_UNIT, PRACTICE_NONE } from '../../../domain/application-rules'
import { chinaDateOf } from '../../../domain/today'
import {
  basicProblems,
  centreProblems,
  examInfoProblems,
  workProblems,
  type FieldProblems,
} from '../../../domain/application-steps'
import { photoDone } from '../../../domain/hub-gate'
import { isJpeg, PHOTO_MAX_BYTES, PHOTO_MAX_PIXELS } from '../../../domain/photo'
import { endpoints } from '../../../types/api'
import { EXAM_PHOTO_UPLOAD_FIELD, EXAM_PHOTO_UPLOAD_PATH, STEP_NAMES } from '../../../types/application'
import type { RecordKind } from '../../../types/states'
import { candidateScope, type CandidateScope } from '../../core/candidate-scope'
import { contractRoute } from '../../core/contract-route'
import { HttpError, badRequest, conflict, forbidden, notFound } from '../../core/errors'
import type { Store } from '../../core/store'
import { commitUpload } from '../../core/upload-commit'
import { decodeImage, readUploadedFile, refuseBadPhoto } from '../../core/uploads'
import type { Account } from '../account'
import { profileOf, summaryOf } from '../profile'
import { centresOf, PROVINCES, provinceOf, unitsOf } from './data/provinces'
import { dictionaryOf, ETHNICITIES, UNIT_TYPES } from './data/specialities'
import {
  applicationOfTicket,
  applicationsOf,
  autoConfirmOf,
  changed,
  codeOf,
  ensureEditable,
  examOf,
  examSummaries,
  missingOf,
  newApplication,
  ownApplication,
  PHOTO_VIEW_PATH,
  prefillFrom,
  historyOf,
  provinceChangeHooks,
  provinceOrThrow,
  sectionsOf,
  submitChecks,
  viewOf,
  windowClosed,
} from './rules'
import { emptySteps, type StoredApplication } from './state'

/** One 400 carrying every field's message (the form shows each under its field), or nothing when there is none. */
function refuse(problems: FieldProblems): void {
  const first = Object.values(problems)[0]
  if (first) throw badRequest('VALIDATION_FAILED', first, problems)
}

/**
 * The online application (issue 13, docs/application.md): dictionaries (public), and in one candidate scope the
 * exams list, the application's lifecycle, its six steps, the exam photo (multipart, checked from the bytes), review,
 * submission, the form with its 验证码, withdrawal and change of province.
 */
export async function applicationRoutes(app: FastifyInstance, store: Store): Promise<void> {
  contractRoute(app, store, endpoints.applicationDictionaries, async ({ examId }) => {
    const exam = examOf(store, examId)
    if (!exam) throw notFound('NOT_FOUND', '没有这个考试')
    return {
      examId,
      provinces: [...PROVINCES],
      ...dictionaryOf(exam.kind),
      unitTypes: UNIT_TYPES,
      ethnicities: ETHNICITIES,
    }
  })

  contractRoute(app, store, endpoints.applicationCentres, async ({ examId, province }) => {
    if (!examOf(store, examId)) throw notFound('NOT_FOUND', '没有这个考试')
    provinceOrThrow(province)
    return { province, centres: centresOf(province), units: unitsOf(province) }
  })

  // The exam photo for an <image>, through a fresh ticket from the application's view (no session header, no id).
  app.get(`${PHOTO_VIEW_PATH}/:ticket`, async (req, reply) => {
    const { ticket } = req.params as { ticket: string }
    const id = applicationOfTicket(ticket, store.clock.now())
    const photo = id ? store.state.application.byId.get(id)?.photo : null
    const bytes = photo ? await store.blobs.get(photo.blob) : null
    if (!bytes) throw notFound('NOT_FOUND', '照片链接已失效，请刷新页面')
    reply.header('content-type', 'image/jpeg').header('cache-control', 'private, max-age=300')
    reply.header('x-content-type-options', 'nosniff')
    return reply.send(bytes)
  })

  await candidateScope(app, store, async (scope) => {
    await scope.app.register(multipart, { limits: { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 5, parts: 6 } })
    candidateRoutes(scope, store)
  })
}

function candidateRoutes(scope: CandidateScope, store: Store): void {
  const today = () => chinaDateOf(store.clock.now())
  const examFor = (app: StoredApplication) => examOf(store, app.examId)!
  const view = (app: StoredApplication, candidate: Account) => viewOf(store, app, candidate)
  /** The application, open to edits, for a step save. */
  const editable = (accountId: string, id: string) => {
    const app = ownApplication(store, accountId, id)
    ensureEditable(store, app, examFor(app))
    return app
  }

  scope.route(endpoints.applicationExams, async (_in, { candidate }) => ({
    exams: examSummaries(store, candidate.id),
    gate: summaryOf(store, candidate.id).gate,
  }))

  scope.route(endpoints.listApplications, async (_in, { candidate }) => ({
    applications: applicationsOf(store.state, candidate.id).map((a) => view(a, candidate)),
  }))

  scope.route(endpoints.startApplication, async ({ examId, province }, { candidate, reply }) => {
    const gate = summaryOf(store, candidate.id).gate
    if (!gate.unlocked) throw forbidden('APPLY_GATE_LOCKED', gate.reason ?? undefined)
    const exam = examOf(store, examId)
    if (!exam) throw notFound('NOT_FOUND', '没有这个考试')
    const existing = applicationsOf(store.state, candidate.id).find((a) => a.examId === examId)
    if (existing)
      throw conflict('APPLICATION_EXISTS', `您已报名${exam.name}，请在报考流程中继续`, { applicationId: existing.id })
    provinceOrThrow(province)
    const now = store.clock.now()
    if (!(now >= Date.parse(exam.applyOpensAt) && now < Date.parse(exam.applyClosesAt))) throw windowClosed(exam)
    const created = newApplication(store, candidate, exam, province)
    store.state.application.byId.set(created.id, created)
    store.save()
    reply.code(201)
    return view(created, candidate)
  })

  scope.route(endpoints.getApplication, async ({ id }, { candidate, reply }) => {
    reply.header('cache-control', 'no-store')
    return view(ownApplication(store, candidate.id, id), candidate)
  })

  scope.route(endpoints.acceptDeclarations, async ({ id }, { candidate }) => {
    const app = ownApplication(store, candidate.id, id)
    if (app.confirmation === 'confirmed') throw conflict('APPLICATION_CONFIRMED')
    if (app.submittedAt) throw conflict('APPLICATION_SUBMITTED')
    if (!app.declarationsAcceptedAt) {
      app.declarationsAcceptedAt = store.clock.iso()
      store.save()
    }
    return view(app, candidate)
  })

  // --- The six steps: the schema was checked by the contract route; here the rules that need data ---

  scope.route(endpoints.saveCentreStep, async ({ id, centre, enrolPoint }, { candidate }) => {
    const app = editable(candidate.id, id)
    const province = provinceOf(app.province)!
    refuse(centreProblems({ centre, enrolPoint }, centresOf(app.province), province.onlineConfirmation))
    app.steps.centre = { centre, enrolPoint: province.onlineConfirmation ? enrolPoint : '' }
    changed(store, app)
    return view(app, candidate)
  })

  scope.route(endpoints.saveBasicStep, async ({ id, ...basic }, { candidate }) => {
    const app = editable(candidate.id, id)
    refuse(basicProblems(basic, ETHNICITIES, candidate.idType))
    app.steps.basic = basic
    changed(store, app)
    return view(app, candidate)
  })

  scope.route(endpoints.saveContactStep, async ({ id, ...contact }, { candidate }) => {
    const app = editable(candidate.id, id)
    app.steps.contact = contact
    changed(store, app)
    return view(app, candidate)
  })

  scope.route(endpoints.saveExamInfoStep, async ({ id, ...info }, { candidate }) => {
    const app = editable(candidate.id, id)
    const dict = dictionaryOf(examFor(app).kind)
    refuse(examInfoProblems(info, dict, today()))
    const spec = dict.specialities.find((s) => s.code === info.speciality)!
    app.steps.examInfo = {
      ...info,
      // Values the rules say do not apply are not kept (they would print on the form).
      firstRegistration: info.practiceCategory === PRACTICE_NONE ? '' : info.firstRegistration,
      residencyCertDate: info.residencyHolder ? info.residencyCertDate : '',
      subjects: spec.subjects.map((s) => s.code).filter((c) => info.subjects.includes(c)),
    }
    changed(store, app)
    return view(app, candidate)
  })

  scope.route(endpoints.saveEducationStep, async ({ id, educationRecordId, degreeRecordId }, { candidate }) => {
    const app = editable(candidate.id, id)
    const records = profileOf(store, candidate.id).records
    const pick = (kind: RecordKind, recordId: string) => {
      const r = records.find((x) => x.id === recordId && x.kind === kind)
      if (!r) throw badRequest('VALIDATION_FAILED', '请选择学历学位信息', { [`${kind}RecordId`]: '所选记录不存在' })
      if (r.state !== 'verified')
        throw new HttpError(400, 'RECORD_NOT_VERIFIED', undefined, {
          [`${kind}RecordId`]: '只能选择核验通过的记录，请到个人信息管理中维护',
        })
      const { id: rid, certificateNo, graduationDate, level, studyMode } = r
      return {
        id: rid,
        certificateNo,
        school: r.otherSchool || r.school,
        graduationDate,
        major: r.otherMajor || r.major,
        level,
        studyMode,
      }
    }
    const education = pick('education', educationRecordId)
    const degree = degreeRecordId ? pick('degree', degreeRecordId) : null
    app.steps.education = { educationRecordId, degreeRecordId: degreeRecordId ?? null, records: { education, degree } }
    changed(store, app)
    return view(app, candidate)
  })

  scope.route(endpoints.saveWorkStep, async ({ id, ...work }, { candidate }) => {
    const app = editable(candidate.id, id)
    const isOther = work.unitName === OTHER_UNIT
    const chosen = app.steps.education?.records
    const graduations = chosen ? [chosen.education.graduationDate] : []
    refuse(workProblems(work, { units: unitsOf(app.province), unitTypes: UNIT_TYPES }, graduations, today()))
    app.steps.work = {
      ...work,
      otherUnitName: isOther ? work.otherUnitName : '',
      unitType: isOther ? work.unitType : '',
    }
    changed(store, app)
    return view(app, candidate)
  })

  // --- The exam photo ---

  scope.route(endpoints.confirmHubPhoto, async ({ id }, { candidate }) => {
    const app = editable(candidate.id, id)
    const photo = profileOf(store, candidate.id).photo
    if (!photo || !photoDone(photo.state)) throw conflict('PHOTO_MISSING', '请先在个人信息管理中上传符合要求的照片')
    app.photo = {
      source: 'hub',
      width: photo.width,
      height: photo.height,
      size: photo.size,
      confirmedAt: store.clock.iso(),
      blob: photo.blob,
    }
    changed(store, app)
    return view(app, candidate)
  })

  scope.app.post(EXAM_PHOTO_UPLOAD_PATH, async (req) => {
    const candidate = scope.candidateOf(req)
    const { id } = req.params as { id: string }
    // Checked before the body is read, and again when it is stored (core/upload-commit.ts): a submission or a
    // confirmation that lands while the photo is on the wire wins.
    const allowed = () => editable(candidate.id, id)
    allowed()
    // Read and decoded exactly as the hub's photo (profile routes): malformed multipart is a 400, a file cut off at
    // the size limit a 413, and the hub's photo rules apply to the decoded, upright image.
    const bytes = await readUploadedFile(req, EXAM_PHOTO_UPLOAD_FIELD, {
      notMultipart: '请以文件方式上传照片',
      missing: '没有收到照片文件',
      tooLarge: new HttpError(413, 'PHOTO_FILE_TOO_LARGE'),
    })
    const size = isJpeg(bytes) ? await decodeImage(bytes, PHOTO_MAX_PIXELS) : null
    refuseBadPhoto(bytes, size)
    return commitUpload(store, req, bytes, allowed, (blob) => {
      const app = ownApplication(store, candidate.id, id)
      app.photo = {
        source: 'exam',
        width: size!.width,
        height: size!.height,
        size: bytes.length,
        confirmedAt: store.clock.iso(),
        blob,
      }
      changed(store, app)
      return view(app, candidate)
    })
  })

  // --- Review, submission, the form ---

  scope.route(endpoints.reviewApplication, async ({ id }, { candidate, reply }) => {
    reply.header('cache-control', 'no-store')
    const app = ownApplication(store, candidate.id, id)
    return { application: view(app, candidate), sections: sectionsOf(store, app, candidate) }
  })

  scope.route(endpoints.submitApplication, async ({ id, version }, { candidate }) => {
    const app = ownApplication(store, candidate.id, id)
    const exam = examFor(app)
    ensureEditable(store, app, exam)
    const missing = missingOf(app)
    if (missing.length) {
      const names = missing.map((k) => STEP_NAMES[k as keyof typeof STEP_NAMES]).join('、')
      throw new HttpError(409, 'APPLICATION_INCOMPLETE', `报名信息尚未填写完整：${names}`, undefined, {
        missing: missing.join(','),
      })
    }
    if (version !== app.version) throw conflict('APPLICATION_CHANGED', undefined, { version: app.version })
    for (const check of submitChecks) {
      const refused = check(store, app)
      if (refused) throw refused
    }
    app.submittedAt = store.clock.iso()
    app.everSubmitted = true
    app.confirmation = 'none'
    app.confirmationReason = null
    const auto = autoConfirmOf(store, app, candidate, exam)
    app.autoConfirmed = !!auto?.confirmed
    app.autoConfirmNote = auto && !auto.confirmed ? auto.reason : null
    if (auto?.confirmed) app.confirmation = 'confirmed'
    app.updatedAt = store.clock.iso()
    store.save()
    return view(app, candidate)
  })

  scope.route(endpoints.applicationForm, async ({ id }, { candidate, reply }) => {
    reply.header('cache-control', 'no-store')
    const app = ownApplication(store, candidate.id, id)
    const missing = missingOf(app)
    if (missing.length)
      throw new HttpError(409, 'APPLICATION_INCOMPLETE', '报名信息填写完整后才能查看报名表', undefined, {
        missing: missing.join(','),
      })
    const v = view(app, candidate)
    return {
      id: app.id,
      title: `${v.examName}报名申请表`,
      code: codeOf(app),
      version: app.version,
      submittedAt: app.submittedAt,
      sections: sectionsOf(store, app, candidate),
      photoUrl: v.photo!.imageUrl,
      generatedAt: store.clock.iso(),
    }
  })

  scope.route(endpoints.withdrawApplication, async ({ id }, { candidate }) => {
    const app = ownApplication(store, candidate.id, id)
    if (app.confirmation === 'confirmed') throw conflict('APPLICATION_CONFIRMED')
    if (!app.submittedAt) throw conflict('APPLICATION_NOT_SUBMITTED')
    if (store.clock.now() >= Date.parse(examFor(app).confirmClosesAt)) throw conflict('WITHDRAW_CLOSED')
    app.submittedAt = null
    app.confirmation = 'none'
    app.confirmationReason = null
    app.autoConfirmNote = null
    // A withdrawal invalidates the printed form: the next form carries a new 验证码.
    changed(store, app)
    return view(app, candidate)
  })

  scope.route(endpoints.changeProvince, async ({ id, province }, { candidate }) => {
    const app = ownApplication(store, candidate.id, id)
    if (app.confirmation === 'confirmed') throw conflict('APPLICATION_CONFIRMED')
    if (app.submittedAt) throw conflict('PROVINCE_CHANGE_REFUSED', '报名信息已提交，不能修改考区；如需修改请先撤回')
    const exam = examFor(app)
    const now = store.clock.now()
    if (!(now >= Date.parse(exam.applyOpensAt) && now < Date.parse(exam.applyClosesAt))) throw windowClosed(exam)
    provinceOrThrow(province)
    if (province === app.province) return view(app, candidate)
    // Clears this application's filled data and nothing else (the hub, other applications, last year's stay).
    // Everything tied to the old province goes with it: the centre and its enrolment point (报名点) with the steps,
    // the confirmation and the reviews (the old province's), and the materials (its list and formats; other
    // features' parts through provinceChangeHooks), so a PDF uploaded in 天津 is never "complete" in a JPG-only one.
    app.province = province
    app.steps = emptySteps()
    app.photo = null
    app.declarationsAcceptedAt = null
    app.confirmation = 'none'
    app.confirmationReason = null
    app.autoConfirmed = false
    app.autoConfirmNote = null
    app.centreReview = 'none'
    app.regionReview = 'none'
    app.reviewReason = null
    for (const forget of provinceChangeHooks) forget(store, app)
    const last = historyOf(store.state, candidate.id, exam.kind)
    app.prefill = last ? prefillFrom(store, candidate.id, last, province) : emptySteps()
    changed(store, app)
    return view(app, candidate)
  })
}
