import * as v from 'valibot'
import {
  DEGREE_LEVELS,
  EDUCATION_LEVELS,
  STUDY_MODES,
  OTHER_MAJOR,
  OTHER_SCHOOL,
  graduationDateProblem,
  levelLabel,
} from '../domain/education'

/** The personal-info hub (个人信息管理): basic info, photo, education/degree records, binding, the gate to applying. */

import { GateItem, IdentityState, PhotoState, PlatformName, RecordKind, RecordState } from './states'
export { GateItem, IdentityState, PhotoState, RecordKind, RecordState }
/** The platforms an account binds to: every platform the app runs on. */
export const BindPlatform = PlatformName

export const HubGate = v.object({ unlocked: v.boolean(), missing: v.array(GateItem), reason: v.nullable(v.string()) })

const RecordCounts = v.object({ total: v.number(), verified: v.number(), rejected: v.number() })

export const ProfileSummaryResponse = v.object({
  basic: v.object({ identity: IdentityState }),
  photo: v.object({ state: PhotoState }),
  education: RecordCounts,
  degree: RecordCounts,
  binding: v.object({ bound: v.boolean() }),
  gate: HubGate,
})
export type ProfileSummary = v.InferOutput<typeof ProfileSummaryResponse>

export const BasicInfoResponse = v.object({
  username: v.string(),
  name: v.string(),
  idTypeName: v.string(),
  /** First 4 and last 4 shown (1101**********1234): the full number never leaves the server here. */
  idNumberMasked: v.string(),
  identity: IdentityState,
  photo: PhotoState,
})
export type BasicInfo = v.InferOutput<typeof BasicInfoResponse>

export const PhotoResponse = v.object({
  state: PhotoState,
  /** Why verification refused it (不通过). */
  reason: v.nullable(v.string()),
  locked: v.boolean(),
  lockReason: v.nullable(v.string()),
  /**
   * A path under the API base that shows the photo for a few minutes. It holds a random one-time ticket, never the
   * candidate's id, so the image component can load it without the session header.
   */
  imageUrl: v.nullable(v.string()),
  width: v.nullable(v.number()),
  height: v.nullable(v.number()),
  size: v.nullable(v.number()),
  uploadedAt: v.nullable(v.string()),
})
export type PhotoInfo = v.InferOutput<typeof PhotoResponse>

/** Multipart upload (not JSON): field `photo` holds the JPEG. Answers with PhotoResponse. */
export const PHOTO_UPLOAD_PATH = '/api/profile/photo'
export const PHOTO_UPLOAD_FIELD = 'photo'

const requiredText = (label: string, max: number) =>
  v.pipe(
    v.string(`请填写${label}`),
    v.trim(),
    v.minLength(1, `请填写${label}`),
    v.maxLength(max, `${label}不能超过${max}个字`),
  )

/**
 * A record as typed (or scanned, then corrected) by the candidate, with its kind. The form validates this very
 * schema, so the form and the server give the same message on the same field.
 */
export const AddRecordRequest = v.pipe(
  v.object({
    kind: RecordKind,
    certificateNo: v.pipe(
      v.string('请填写证书编号'),
      v.trim(),
      v.minLength(1, '请填写证书编号'),
      v.regex(/^[0-9A-Za-z-]{6,30}$/, '证书编号应为6-30位数字或字母'),
    ),
    school: requiredText('毕业院校', 40),
    otherSchool: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(40, '学校名称不能超过40个字'))),
    graduationDate: v.pipe(
      v.string('请选择毕业时间'),
      v.check(
        (d) => graduationDateProblem(d) === null,
        (issue) => graduationDateProblem(String(issue.input)) ?? '毕业时间不正确',
      ),
    ),
    // Chosen from the list (the wheel or the search), not typed: 请选择.
    major: v.pipe(
      v.string('请选择所学专业'),
      v.trim(),
      v.minLength(1, '请选择所学专业'),
      v.maxLength(40, '所学专业不能超过40个字'),
    ),
    otherMajor: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(40, '专业名称不能超过40个字'))),
    level: v.pipe(v.string('请选择学历层次'), v.minLength(1, '请选择学历层次')),
    /** Education records only: a degree has no 培养方式 (domain/education.ts RECORD_FIELDS); ignored on a degree. */
    studyMode: v.optional(v.string()),
  }),
  // Each cross-field rule reports on the field to fix, so the form shows it in place.
  v.forward(
    v.partialCheck(
      [['school'], ['otherSchool']],
      (r) => r.school !== OTHER_SCHOOL || !!r.otherSchool?.trim(),
      '请填写学校名称',
    ),
    ['otherSchool'],
  ),
  v.forward(
    v.partialCheck(
      [['major'], ['otherMajor']],
      (r) => r.major !== OTHER_MAJOR || !!r.otherMajor?.trim(),
      '请填写专业名称',
    ),
    ['otherMajor'],
  ),
  v.forward(
    v.partialCheck(
      [['kind'], ['level']],
      (r) => levelMatchesKind(r.kind, r.level),
      // The kind's own word: 请选择学位 on a degree, 请选择学历层次 on an education record.
      (issue) => `请选择${levelLabel((issue.input as { kind: RecordKind }).kind)}`,
    ),
    ['level'],
  ),
  v.forward(
    v.partialCheck(
      [['kind'], ['studyMode']],
      (r) => r.kind === 'degree' || (STUDY_MODES as readonly string[]).includes(r.studyMode ?? ''),
      '请选择培养方式',
    ),
    ['studyMode'],
  ),
)
export type AddRecordRequest = v.InferInput<typeof AddRecordRequest>

/** The level must belong to the kind: 学历层次 for education, 学位 for degree. */
export function levelMatchesKind(kind: RecordKind, level: string): boolean {
  const levels: readonly string[] = kind === 'education' ? EDUCATION_LEVELS : DEGREE_LEVELS
  return levels.includes(level)
}

export const EducationRecord = v.object({
  id: v.string(),
  kind: RecordKind,
  certificateNo: v.string(),
  school: v.string(),
  otherSchool: v.nullable(v.string()),
  graduationDate: v.string(),
  major: v.string(),
  otherMajor: v.nullable(v.string()),
  level: v.string(),
  /** '' on a degree record (a degree has no 培养方式). */
  studyMode: v.string(),
  state: RecordState,
  /** Why verification refused it. */
  reason: v.nullable(v.string()),
  /** False for verified records: the client hides the delete control, the server refuses. */
  deletable: v.boolean(),
  createdAt: v.string(),
})
export type EducationRecord = v.InferOutput<typeof EducationRecord>

export const ListRecordsRequest = v.object({ kind: RecordKind })
export const ListRecordsResponse = v.object({ records: v.array(EducationRecord), max: v.number() })
export const DeleteRecordRequest = v.object({ kind: RecordKind, id: v.pipe(v.string(), v.minLength(1)) })

export const SchoolSearchRequest = v.object({
  keyword: v.pipe(v.string('请输入学校名称关键字'), v.trim(), v.minLength(1, '请输入学校名称关键字'), v.maxLength(20)),
})
export const SchoolSearchResponse = v.object({ schools: v.array(v.string()) })

export const BindingResponse = v.object({
  bound: v.boolean(),
  platform: v.nullable(BindPlatform),
  /** The platform user id with all but its ends hidden, so the candidate can tell which account is bound. */
  accountMasked: v.nullable(v.string()),
  boundAt: v.nullable(v.string()),
  /** The official account to follow: its address and a QR code of it (PNG data URI). */
  followUrl: v.string(),
  followQr: v.string(),
})
export type BindingInfo = v.InferOutput<typeof BindingResponse>

export const BindRequest = v.object({
  platform: BindPlatform,
  /** The one-time login code from wx.login / my.getAuthCode / swan.getLoginCode; on H5 `h5-<device>`. */
  code: v.pipe(v.string('缺少登录凭证'), v.minLength(1, '缺少登录凭证'), v.maxLength(128)),
})
