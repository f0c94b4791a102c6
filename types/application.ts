import * as v from 'valibot'
import {
  addressProblem,
  firstRegistrationRequired,
  idValidUntilProblem,
  mobileProblem,
  normaliseMobile,
  OTHER_UNIT,
  postcodeProblem,
  unitTypeRequired,
  yearMonthProblem,
} from '../domain/application-rules'
import { IdType } from './account'
import { ApplicationStatus, ExamKind, ProcessNodeState, WindowState } from './states'
import { apiRoutes } from './api-routes'

/**
 * The online application (网上报名, SPEC 3, issue 13): exams, dictionaries, an application's six steps, the exam
 * photo, review, submission, the application form with its 验证码, withdrawal and change of province. Each step's
 * form validates with the step schema here; the server validates the same schema (with the application's id) and
 * then the rules that need dictionaries, dates or the candidate's records (domain/application-rules.ts).
 */

// --- Shared pieces ------------------------------------------------------------------------------------------------

export { ApplicationStatus, ExamKind, ProcessNodeState, WindowState }

const ExamId = v.pipe(v.string('请选择考试'), v.regex(/^(health|nurse)-\d{4}$/, '请选择考试'))
const ApplicationId = v.pipe(v.string(), v.minLength(1), v.maxLength(64))
export const ProvinceCode = v.pipe(v.string('请选择考区'), v.regex(/^\d{2}$/, '请选择考区'))

const chosen = (message: string) => v.pipe(v.string(message), v.trim(), v.minLength(1, message), v.maxLength(40))
const problemCheck = (problem: (s: string) => string | null) =>
  v.check(
    (s: string) => problem(s) === null,
    (issue) => problem(String(issue.input)) ?? '格式不正确',
  )
const yearMonth = (label: string) => problemCheck((s) => yearMonthProblem(s, label))
const optionalText = (max: number) => v.optional(v.pipe(v.string(), v.trim(), v.maxLength(max)), '')

/** The steps of SPEC 3, in order, with the names on their pages. */
export const STEP_KEYS = ['centre', 'basic', 'contact', 'examInfo', 'education', 'work'] as const
export const StepKey = v.picklist(STEP_KEYS)
export type StepKey = (typeof STEP_KEYS)[number]
export const STEP_NAMES: Record<StepKey | 'photo', string> = {
  centre: '考点信息',
  basic: '基本信息',
  contact: '联系方式',
  examInfo: '报考信息',
  education: '教育情况',
  work: '工作情况',
  photo: '考试照片',
}

// --- Steps (the forms' schemas) -----------------------------------------------------------------------------------

const centreEntries = {
  /** 考点 code from the province's dictionary. */
  centre: chosen('请选择考点'),
  /** 报名点 (online-confirmation provinces only; the server requires it there). */
  enrolPoint: optionalText(40),
}
export const CentreStep = v.object(centreEntries)
export type CentreStep = v.InferOutput<typeof CentreStep>

const basicEntries = {
  /** 证件有效截止日期: YYYY-MM-DD or 长期. Earlier than the exam date warns and is accepted. */
  idValidUntil: v.pipe(v.string('请填写证件有效截止日期'), v.trim(), problemCheck(idValidUntilProblem)),
  /** 民族, from the dictionary. */
  ethnicity: chosen('请选择民族'),
}
export const BasicStep = v.object(basicEntries)
export type BasicStep = v.InferOutput<typeof BasicStep>

const contactEntries = {
  mobile: v.pipe(v.string('请填写手机号码'), v.transform(normaliseMobile), problemCheck(mobileProblem)),
  address: v.pipe(v.string('请填写通讯地址'), v.trim(), problemCheck(addressProblem)),
  postcode: v.pipe(v.string('请填写邮政编码'), v.trim(), problemCheck(postcodeProblem)),
  /** Optional; checked only when given. */
  email: v.optional(
    v.union([v.literal(''), v.pipe(v.string(), v.trim(), v.maxLength(60), v.email('电子邮箱格式不正确'))]),
    '',
  ),
}
export const ContactStep = v.object(contactEntries)
export type ContactStep = v.InferOutput<typeof ContactStep>

const examInfoEntries = {
  /** 专业类别, then 级别, then 专业: codes from the exam's dictionary. */
  category: chosen('请选择专业类别'),
  level: chosen('请选择级别'),
  speciality: chosen('请选择专业'),
  /** 执业类别 matching the 专业类别 (the server checks the match against the dictionary). */
  practiceCategory: chosen('请选择执业类别'),
  /** 首次注册年月 (YYYY-MM), required unless 执业类别 is 无. */
  firstRegistration: v.optional(v.pipe(v.string(), v.trim()), ''),
  /** 是否取得住培合格证书. */
  residencyHolder: v.boolean('请选择是否取得住培合格证书'),
  /** 住培合格证书发证年月 (YYYY-MM), required of holders. */
  residencyCertDate: v.optional(v.pipe(v.string(), v.trim()), ''),
  /** 报考科目, codes from the speciality. */
  subjects: v.pipe(
    v.array(v.pipe(v.string(), v.maxLength(20)), '请选择报考科目'),
    v.minLength(1, '请至少选择一个报考科目'),
    v.maxLength(8),
  ),
}

const educationEntries = {
  /** A verified 学历 record of the hub. */
  educationRecordId: chosen('请选择学历信息'),
  /** A verified 学位 record of the hub, or none. */
  degreeRecordId: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(64))), null),
}
export const EducationStep = v.object(educationEntries)
export type EducationStep = v.InferOutput<typeof EducationStep>

const workEntries = {
  /** 单位名称 from the province's list, or 其他 (OTHER_UNIT; then otherUnitName and unitType). */
  unitName: chosen('请选择单位名称'),
  otherUnitName: optionalText(50),
  /** 单位类别, required when 单位名称 is 其他. */
  unitType: optionalText(20),
  /** 参加工作时间 (YYYY-MM). */
  workStart: v.pipe(v.string('请选择参加工作时间'), v.trim(), yearMonth('参加工作时间')),
  /** 从事本专业工作年限. */
  specialityYears: v.pipe(
    v.number('请填写从事本专业工作年限'),
    v.integer('从事本专业工作年限应为整数'),
    v.minValue(0, '从事本专业工作年限不能为负数'),
    v.maxValue(60, '从事本专业工作年限不能超过60年'),
  ),
}

/**
 * The cross-field rules of 报考信息 and 工作情况 (SPEC 3): each reports on the field to fix. Built for the form's
 * schema and again for the request's (which adds the application id), so both give the same messages.
 */
function examInfoSchema<E extends v.ObjectEntries>(extra: E) {
  type T = { practiceCategory: string; firstRegistration: string; residencyHolder: boolean; residencyCertDate: string }
  return v.pipe(
    v.object({ ...extra, ...examInfoEntries }),
    v.forward(
      v.check(
        (d) => !firstRegistrationRequired((d as T).practiceCategory) || !!(d as T).firstRegistration,
        '执业类别不为“无”时，请填写首次注册年月',
      ),
      ['firstRegistration'] as never,
    ),
    v.forward(
      v.check(
        (d) => !(d as T).firstRegistration || yearMonthProblem((d as T).firstRegistration, '首次注册年月') === null,
        '首次注册年月格式应为 年-月',
      ),
      ['firstRegistration'] as never,
    ),
    v.forward(
      v.check(
        (d) => !(d as T).residencyHolder || !!(d as T).residencyCertDate,
        '已取得住培合格证书的，请填写住培合格证书发证年月',
      ),
      ['residencyCertDate'] as never,
    ),
    v.forward(
      v.check(
        (d) => !(d as T).residencyCertDate || yearMonthProblem((d as T).residencyCertDate, '发证年月') === null,
        '住培合格证书发证年月格式应为 年-月',
      ),
      ['residencyCertDate'] as never,
    ),
  )
}
export const ExamInfoStep = examInfoSchema({})
export type ExamInfoStep = v.InferOutput<typeof ExamInfoStep>

function workSchema<E extends v.ObjectEntries>(extra: E) {
  type T = { unitName: string; otherUnitName: string; unitType: string }
  return v.pipe(
    v.object({ ...extra, ...workEntries }),
    v.forward(
      v.check((d) => !unitTypeRequired((d as T).unitName) || !!(d as T).otherUnitName, '请填写单位名称'),
      ['otherUnitName'] as never,
    ),
    v.forward(
      v.check(
        (d) => !unitTypeRequired((d as T).unitName) || !!(d as T).unitType,
        `单位名称为“${OTHER_UNIT}”时，请选择单位类别`,
      ),
      ['unitType'] as never,
    ),
  )
}
export const WorkStep = workSchema({})
export type WorkStep = v.InferOutput<typeof WorkStep>
export { OTHER_UNIT }

// --- Requests -----------------------------------------------------------------------------------------------------

const withId = { id: ApplicationId }
export const ApplicationRef = v.object(withId)
export const DictionariesRequest = v.object({ examId: ExamId })
export const CentresRequest = v.object({ examId: ExamId, province: ProvinceCode })
export const StartApplicationRequest = v.object({ examId: ExamId, province: ProvinceCode })
export const DECLARATIONS = ['important-notice', 'integrity-pledge'] as const
export const DECLARATION_NAMES: Record<(typeof DECLARATIONS)[number], string> = {
  'important-notice': '《重要声明》',
  'integrity-pledge': '《考生诚信考试承诺书》',
}
export const AcceptDeclarationsRequest = v.object({
  ...withId,
  /** Both declarations, each read to its end on the page. */
  accepted: v.pipe(
    v.array(v.picklist(DECLARATIONS)),
    v.check((a) => DECLARATIONS.every((d) => a.includes(d)), '请阅读并同意《重要声明》和《考生诚信考试承诺书》'),
  ),
})
export const SaveCentreRequest = v.object({ ...withId, ...centreEntries })
export const SaveBasicRequest = v.object({ ...withId, ...basicEntries })
export const SaveContactRequest = v.object({ ...withId, ...contactEntries })
export const SaveExamInfoRequest = examInfoSchema(withId)
export const SaveEducationRequest = v.object({ ...withId, ...educationEntries })
export const SaveWorkRequest = workSchema(withId)
export const SubmitRequest = v.object({
  ...withId,
  /** The version the candidate reviewed: a change since (another device) is refused, not submitted unseen. */
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
})
export const ChangeProvinceRequest = v.object({ ...withId, province: ProvinceCode })

/** Multipart upload of a replacement exam photo (更换考试照片), field `photo`; answers with ApplicationView. */
export const EXAM_PHOTO_UPLOAD_PATH = apiRoutes.uploadExamPhoto.path
export const EXAM_PHOTO_UPLOAD_FIELD = apiRoutes.uploadExamPhoto.upload.field
/** Where the exam photo came from: the hub's registration photo (确认使用照片) or a replacement for this exam. */
export const ExamPhotoSource = v.picklist(['hub', 'exam'])
export type ExamPhotoSource = v.InferOutput<typeof ExamPhotoSource>

// --- Responses ----------------------------------------------------------------------------------------------------

const Window = v.object({ opensAt: v.string(), closesAt: v.string() })

export const ExamSummary = v.object({
  id: v.string(),
  kind: ExamKind,
  name: v.string(),
  /** The first exam day (YYYY-MM-DD) and the last. */
  examDate: v.string(),
  examEndDate: v.string(),
  window: Window,
  windowState: WindowState,
  confirmWindow: Window,
  /** The candidate's application for this exam, if any: the list opens it instead of starting another. */
  application: v.nullable(v.object({ id: v.string(), province: v.string(), status: ApplicationStatus })),
})
export type ExamSummary = v.InferOutput<typeof ExamSummary>

export const ExamsResponse = v.object({
  exams: v.array(ExamSummary),
  /** The hub's gate (photo, verified education, binding): starting an application needs it unlocked. */
  gate: v.object({ unlocked: v.boolean(), missing: v.array(v.string()), reason: v.nullable(v.string()) }),
})

const Named = v.object({ code: v.string(), name: v.string() })
export const Province = v.object({
  code: v.string(),
  name: v.string(),
  onlineConfirmation: v.boolean(),
  autoConfirm: v.boolean(),
  onlinePayment: v.boolean(),
  mobilePayment: v.boolean(),
})
export type Province = v.InferOutput<typeof Province>

export const Speciality = v.object({
  code: v.string(),
  name: v.string(),
  category: v.string(),
  level: v.string(),
  subjects: v.array(Named),
})
export type Speciality = v.InferOutput<typeof Speciality>

export const DictionariesResponse = v.object({
  examId: v.string(),
  provinces: v.array(Province),
  /** 专业类别, each with the 执业类别 it allows. */
  categories: v.array(v.object({ code: v.string(), name: v.string(), practiceCategories: v.array(v.string()) })),
  levels: v.array(Named),
  specialities: v.array(Speciality),
  unitTypes: v.array(v.string()),
  ethnicities: v.array(v.string()),
})
export type Dictionaries = v.InferOutput<typeof DictionariesResponse>

export const CentresResponse = v.object({
  province: v.string(),
  centres: v.array(v.object({ code: v.string(), name: v.string(), enrolPoints: v.array(Named) })),
  /** 单位名称 choices of the province (plus 其他). */
  units: v.array(v.string()),
})

const ProcessNode = v.object({
  key: v.string(),
  name: v.string(),
  state: ProcessNodeState,
  hint: v.string(),
  deadline: v.nullable(v.string()),
})

const SavedRecord = v.object({
  id: v.string(),
  certificateNo: v.string(),
  school: v.string(),
  graduationDate: v.string(),
  major: v.string(),
  level: v.string(),
  studyMode: v.string(),
})

/** What the 教育情况 step stores: the chosen records as they were when chosen (verified records never change). */
export const EducationSaved = v.object({ education: SavedRecord, degree: v.nullable(SavedRecord) })

export const StepsView = v.object({
  centre: v.nullable(CentreStep),
  basic: v.nullable(BasicStep),
  contact: v.nullable(ContactStep),
  examInfo: v.nullable(v.object(examInfoEntries)),
  education: v.nullable(v.object({ ...educationEntries, records: EducationSaved })),
  work: v.nullable(v.object(workEntries)),
})

export const ApplicationView = v.object({
  id: v.string(),
  examId: v.string(),
  examName: v.string(),
  province: v.string(),
  provinceName: v.string(),
  status: ApplicationStatus,
  /** Bumped by every change of the application's content (and by a withdrawal); the 验证码 follows it. */
  version: v.number(),
  declarationsAccepted: v.boolean(),
  /** What the candidate saved, step by step. */
  steps: StepsView,
  /** Last year's data for a historical candidate, shown in a step not saved yet (each step is still checked). */
  prefill: StepsView,
  /** The read-only identity shown on 基本信息; the ID number masked. */
  identity: v.object({
    name: v.string(),
    /** The document registered with: 证件长期有效 is offered for the 居民身份证 alone (idLongTermProblem). */
    idType: IdType,
    idTypeName: v.string(),
    idNumberMasked: v.string(),
    gender: v.string(),
    birthDate: v.string(),
    nationality: v.string(),
  }),
  photo: v.nullable(
    v.object({
      source: ExamPhotoSource,
      width: v.number(),
      height: v.number(),
      size: v.number(),
      confirmedAt: v.string(),
      /** A path under the API base showing the photo for a few minutes (a random ticket, no personal data). */
      imageUrl: v.string(),
    }),
  ),
  /** The steps (and `photo`) still to save before submitting. */
  missing: v.array(v.string()),
  /** Warnings that do not stop the application (证件有效截止日期 before the exam). */
  warnings: v.array(v.string()),
  submittedAt: v.nullable(v.string()),
  autoConfirmed: v.boolean(),
  confirmationReason: v.nullable(v.string()),
  reviewReason: v.nullable(v.string()),
  /** Why the submission was not confirmed automatically (historical candidates), or null. */
  autoConfirmNote: v.nullable(v.string()),
  /** What the candidate may do now. */
  can: v.object({ edit: v.boolean(), submit: v.boolean(), withdraw: v.boolean(), changeProvince: v.boolean() }),
  /** 历史考生: last year's application exists. */
  historical: v.boolean(),
  /** 成绩合并: the ID type or number differs from last year's (show the notice). */
  mergeNotice: v.nullable(v.string()),
  nodes: v.array(ProcessNode),
  deadlines: v.object({ applyBy: v.string(), confirmBy: v.string(), payBy: v.string() }),
  updatedAt: v.string(),
})
export type ApplicationView = v.InferOutput<typeof ApplicationView>

export const ApplicationListResponse = v.object({ applications: v.array(ApplicationView) })

/** One section of the review page and of the form: label/value rows, and the step to edit it on. */
export const FormSection = v.object({
  step: v.string(),
  title: v.string(),
  rows: v.array(v.object({ label: v.string(), value: v.string() })),
})

export const ReviewResponse = v.object({
  application: ApplicationView,
  sections: v.array(FormSection),
})

export const ApplicationFormResponse = v.object({
  id: v.string(),
  title: v.string(),
  /** The 验证码: changes whenever the application changes. */
  code: v.string(),
  version: v.number(),
  submittedAt: v.nullable(v.string()),
  sections: v.array(FormSection),
  photoUrl: v.string(),
  generatedAt: v.string(),
})
export type ApplicationForm = v.InferOutput<typeof ApplicationFormResponse>
