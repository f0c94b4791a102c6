import * as v from 'valibot'
import { checkIdNumber, GENDERS, ID_NUMBER_MESSAGES, normaliseIdNumber } from '../domain/id-card'
import {
  BIRTH_DATE_MESSAGES,
  checkBirthDate,
  checkDocumentNumber,
  documentFacts,
  documentMessage,
  FACE_ID_TYPES,
  ID_TYPES,
  ID_TYPE_LABELS as DOCUMENT_LABELS,
  normaliseDocumentNumber,
  numberCarries,
  takesLatinName,
  typesFitting,
  type IdType as DocumentType,
} from '../domain/id-documents'
import { SECURITY_ANSWER, SECURITY_QUESTION } from '../domain/glossary'
import { isNationality } from '../domain/nationalities'
import {
  checkName,
  checkNameFor,
  NAME_MESSAGES,
  nameMessage,
  normaliseName,
  normaliseNameFor,
} from '../domain/person-name'
import { checkPassword, PASSWORD_MESSAGES } from '../domain/password'
import { ANSWER_MAX_LENGTH, SECURITY_QUESTION_IDS } from '../domain/security-questions'
import { CaptchaAnswer } from './captcha'

/**
 * The account contract: registration, password and face login, recovery, cancellation, session. The forms and the
 * mock server validate with these same schemas, so both show the same Chinese messages.
 */

export const USERNAME_RULE_TEXT = '6–20位，以字母开头，可含字母、数字和下划线'

export const Username = v.pipe(
  v.string('请输入用户名'),
  v.trim(),
  v.minLength(1, '请输入用户名'),
  v.minLength(6, '用户名至少6位'),
  v.maxLength(20, '用户名不能超过20位'),
  // Starting with a letter keeps a username from ever looking like an ID number (login accepts either).
  v.regex(/^[A-Za-z][A-Za-z0-9_]*$/, '用户名以字母开头，只能包含字母、数字和下划线'),
)

export const Password = v.pipe(
  v.string('请输入密码'),
  v.check(
    (p) => checkPassword(p) === null,
    (issue) => PASSWORD_MESSAGES[checkPassword(String(issue.input)) ?? 'kinds'],
  ),
)

/**
 * 姓名 by the Chinese rule alone (domain/person-name.ts): where the document is the resident ID card (face login and
 * face recovery). Where the type is chosen with the name (registration, question recovery), the name is checked with
 * the type instead, on the whole request (nameOk below): a passport's or a permanent-residence card's holder may
 * write it in Latin letters.
 */
export const PersonName = v.pipe(
  v.string('请输入姓名'),
  v.transform(normaliseName),
  v.check(
    (n) => checkName(n) === null,
    (issue) => NAME_MESSAGES[checkName(String(issue.input)) ?? 'characters'],
  ),
)

/**
 * Whether a Latin name is allowed: by the document's type (domain/id-documents.ts, takesLatinName), and where no type
 * is given (question recovery from an app older than issue 24) either way, the account's own name then deciding.
 */
const latinFor = (idType: DocumentType | undefined) => idType === undefined || takesLatinName(idType)
type Named = { idType?: DocumentType; name: string }
const nameProblem = (f: Named) => checkNameFor(f.name, latinFor(f.idType))
/**
 * 姓名 checked with the document type, on the whole request (the name's own entry is only a string): the Latin rule
 * where the document prints a Latin name, else the Chinese rule with today's messages. The message goes on `name`.
 */
const nameOk = (f: Named) => nameProblem(f) === null
const nameIssue = ({ input }: Issue) => nameMessage(nameProblem(input as Named) ?? 'characters')
/** The name as kept: a Latin one upper case with single spaces (as the document prints it), a Chinese one as today. */
function keepName<T extends Named>(f: T): T {
  return { ...f, name: normaliseNameFor(f.name, latinFor(f.idType)) }
}
/** The name's own entry where the type checks it: a string, trimmed only (the rule runs with the type). */
const NameText = v.pipe(v.string('请输入姓名'), v.trim())

/** The six documents a candidate registers with (domain/id-documents.ts: each one's number rules and sources). */
export const IdType = v.picklist(ID_TYPES, '请选择证件类型')
export type IdType = DocumentType
export const ID_TYPE_LABELS: Record<IdType, string> = DOCUMENT_LABELS

/** Face login and face recovery: the resident ID card only (the platforms verify faces against it). */
export const FaceIdType = v.picklist(
  FACE_ID_TYPES,
  `人脸识别仅支持居民身份证，请使用账号密码登录或回答${SECURITY_QUESTION}找回密码`,
)

/** A resident ID number (face login and recovery, which take only that document). */
export const IdNumber = v.pipe(
  v.string('请输入证件号码'),
  v.transform(normaliseIdNumber),
  v.check(
    (id) => checkIdNumber(id) === null,
    (issue) => ID_NUMBER_MESSAGES[checkIdNumber(String(issue.input)) ?? 'format'],
  ),
)

/**
 * A number of any of the six types, before its type is known (password login takes a username or a number; question
 * recovery takes the number): the shape every type's number shares. Each type's own rules run where the type is known.
 */
export const AnyIdNumber = v.pipe(
  v.string('请输入证件号码'),
  v.transform(normaliseDocumentNumber),
  v.minLength(1, '请输入证件号码'),
  v.regex(/^[A-Z0-9()]{5,20}$/, '证件号码格式不正确'),
)

export const Gender = v.picklist(GENDERS, '请选择性别')
export type Gender = v.InferOutput<typeof Gender>
export const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' }

/**
 * 国籍/地区 where the document does not carry it (a passport): an ISO 3166-1 letter code (domain/nationalities.ts),
 * '' before one is chosen.
 */
export const NATIONALITY_MESSAGES = { empty: '请选择国籍/地区', unknown: '国籍/地区不正确，请重新选择' } as const

/** The registration's identity part: the type, its number by that type's rules, and what the number does not carry. */
const identityEntries = {
  idType: IdType,
  idNumber: v.pipe(v.string('请输入证件号码'), v.transform(normaliseDocumentNumber)),
  gender: v.optional(v.union([Gender, v.literal('')])),
  birthDate: v.optional(v.string()),
  nationality: v.optional(v.pipe(v.string(NATIONALITY_MESSAGES.unknown), v.trim(), v.toUpperCase())),
}

type IdentityInput = {
  idType: IdType
  idNumber: string
  gender?: Gender | ''
  birthDate?: string
  nationality?: string
}
type Issue = { input: unknown }

/** The checks that need the type: the number by its type's rules, then gender and birth date where the number has none. */
const numberOk = (f: IdentityInput) => checkDocumentNumber(f.idType, f.idNumber) === null
const numberMessage = ({ input }: Issue) => {
  const f = input as IdentityInput
  return documentMessage(f.idType, checkDocumentNumber(f.idType, f.idNumber) ?? 'format')
}
// Gender and birth date are checked even while the number is wrong (its path is not among theirs, so a wrong number
// does not hide their messages); valibot hands the requirement the whole object, the number typed so far included.
const typedNumber = (f: object) => {
  const n = (f as { idNumber?: unknown }).idNumber
  return typeof n === 'string' ? n : ''
}
const genderOk = (f: Pick<IdentityInput, 'idType' | 'gender'>) =>
  numberCarries(f.idType, typedNumber(f)).gender || f.gender === 'male' || f.gender === 'female'
const birthDateOk = (f: Pick<IdentityInput, 'idType' | 'birthDate'>) =>
  numberCarries(f.idType, typedNumber(f)).birthDate || checkBirthDate(f.birthDate ?? '') === null
const birthDateMessage = ({ input }: Issue) =>
  BIRTH_DATE_MESSAGES[checkBirthDate((input as IdentityInput).birthDate ?? '') ?? 'format']
const nationalityOk = (f: Pick<IdentityInput, 'idType' | 'nationality'>) =>
  numberCarries(f.idType, '').nationality || isNationality(f.nationality ?? '')
const nationalityMessage = ({ input }: Issue) =>
  (input as IdentityInput).nationality ? NATIONALITY_MESSAGES.unknown : NATIONALITY_MESSAGES.empty

/** The holder's gender, birth date and nationality: from the number where it carries them, else as given. */
export function identityFacts(input: IdentityInput): { gender: Gender; birthDate: string; nationality: string } {
  const facts = documentFacts(input.idType, input.idNumber)
  return {
    gender: facts.gender ?? (input.gender || 'male'),
    birthDate: facts.birthDate ?? input.birthDate ?? '',
    nationality: facts.nationality ?? input.nationality ?? '',
  }
}

export const SecurityQuestionId = v.picklist(SECURITY_QUESTION_IDS, '请选择密码找回问题')

export const SecurityAnswer = v.pipe(
  v.string(`请输入${SECURITY_ANSWER}`),
  v.trim(),
  v.minLength(1, `请输入${SECURITY_ANSWER}`),
  v.maxLength(ANSWER_MAX_LENGTH, `答案不能超过${ANSWER_MAX_LENGTH}个字`),
)

const registerEntries = {
  username: Username,
  password: Password,
  name: NameText,
  ...identityEntries,
  questionId: SecurityQuestionId,
  answer: SecurityAnswer,
  ...CaptchaAnswer.entries,
}

/**
 * 注册, with any of the six documents: the number by its type's rules; 性别, 出生日期 and 国籍/地区 where the number
 * does not carry them (domain/id-documents.ts, numberCarries). Unique per (type, number) on the server.
 */
export const RegisterRequest = v.pipe(
  v.object(registerEntries),
  v.forward(v.partialCheck([['idType'], ['name']], nameOk, nameIssue), ['name']),
  v.forward(v.partialCheck([['idType'], ['idNumber']], numberOk, numberMessage), ['idNumber']),
  v.forward(v.partialCheck([['idType'], ['gender']], genderOk, '请选择性别'), ['gender']),
  v.forward(v.partialCheck([['idType'], ['birthDate']], birthDateOk, birthDateMessage), ['birthDate']),
  v.forward(v.partialCheck([['idType'], ['nationality']], nationalityOk, nationalityMessage), ['nationality']),
  v.transform((f) => keepName(f)),
)
export type RegisterRequest = v.InferInput<typeof RegisterRequest>

/** The registration form: the request plus 确认密码, which never leaves the phone. */
export const RegisterForm = v.pipe(
  v.object({ ...registerEntries, passwordConfirm: v.string('请再次输入密码') }),
  v.forward(v.partialCheck([['idType'], ['name']], nameOk, nameIssue), ['name']),
  v.forward(v.partialCheck([['idType'], ['idNumber']], numberOk, numberMessage), ['idNumber']),
  v.forward(v.partialCheck([['idType'], ['gender']], genderOk, '请选择性别'), ['gender']),
  v.forward(v.partialCheck([['idType'], ['birthDate']], birthDateOk, birthDateMessage), ['birthDate']),
  v.forward(v.partialCheck([['idType'], ['nationality']], nationalityOk, nationalityMessage), ['nationality']),
  v.forward(
    v.partialCheck(
      [['password'], ['passwordConfirm']],
      (f) => f.password === f.passwordConfirm,
      '两次输入的密码不一致',
    ),
    ['passwordConfirm'],
  ),
  v.transform((f) => keepName(f)),
)

/** The candidate as the app sees them. The ID number only ever travels masked. */
export const Me = v.object({
  username: v.string(),
  name: v.string(),
  idType: IdType,
  idNumberMasked: v.string(),
  createdAt: v.string(),
})
export type Me = v.InferOutput<typeof Me>

/** What every successful login answers with. */
export const SessionResponse = v.object({
  token: v.string(),
  expiresAt: v.string(),
  account: Me,
})
export type SessionResponse = v.InferOutput<typeof SessionResponse>

/** Where a face verification runs: WeChat's 人脸核身, Alipay's 身份验证, or the mock server's simulation (H5). */
export const FacePlatform = v.picklist(['weapp', 'alipay', 'h5'], '当前平台不支持人脸识别')
export type FacePlatform = v.InferOutput<typeof FacePlatform>

/**
 * 面容ID登录 / 人脸找回, step 1: who is to be verified, on which platform, after an image captcha. On WeChat the
 * request carries a wx.login code: the server exchanges it for the candidate's openid, to which WeChat binds the
 * verification. The answer is the same whether or not an account has this name and ID number.
 */
export const FaceStartRequest = v.object({
  name: PersonName,
  idType: v.optional(FaceIdType, 'resident-id'),
  idNumber: IdNumber,
  platform: FacePlatform,
  loginCode: v.optional(v.pipe(v.string(), v.maxLength(256, '登录凭证无效，请重试'))),
  ...CaptchaAnswer.entries,
})
export type FaceStartRequest = v.InferInput<typeof FaceStartRequest>

/** The form the pages validate before asking for a captcha answer: the identity part of the request. */
export const FaceIdentityForm = v.object({ name: PersonName, idNumber: IdNumber })

export const FaceStartResponse = v.object({
  /** The platform's id of this verification (WeChat verifyId, Alipay certifyId, or the simulation's). */
  verifyId: v.string(),
  /** Alipay only: the certification's gateway url, which my.startAPVerify needs with the certifyId. */
  certifyUrl: v.optional(v.string()),
  expiresAt: v.string(),
})
export type FaceStartResponse = v.InferOutput<typeof FaceStartResponse>

/**
 * Step 2, after the platform's screen closed: the server asks the platform for the real result (queryVerifyInfo,
 * alipay.user.certify.open.query) and decides. Name and ID number again: a verification opened for someone else is
 * refused.
 */
export const FaceFinishRequest = v.object({
  verifyId: v.pipe(v.string(), v.minLength(1, '请重新进行人脸识别'), v.maxLength(256, '请重新进行人脸识别')),
  name: PersonName,
  idNumber: IdNumber,
})
export type FaceFinishRequest = v.InferInput<typeof FaceFinishRequest>

/**
 * The number under the chosen type's rules; where it fits other types' instead (domain/id-documents.ts, typesFitting:
 * a passport's and a permit's formats overlap), the message names the type to choose.
 */
function recoveryNumberMessage({ input }: Issue): string {
  const f = input as { idType: IdType; idNumber: string }
  const others = typesFitting(f.idNumber)
  if (others.length > 0) {
    const label = ID_TYPE_LABELS[others[0]]
    return `该号码不符合${ID_TYPE_LABELS[f.idType]}号码的格式；如是${label}，请将证件类型选为“${label}”`
  }
  return documentMessage(f.idType, checkDocumentNumber(f.idType, f.idNumber) ?? 'format')
}

/**
 * 找回密码 by the 密码找回问题, step 1: 证件类型 + 姓名 + 证件号码 + 验证码 → the question. The account is looked up by type
 * and number (the formats overlap, so a number alone may name two documents); the number is checked by the type's
 * rules. A request without `idType` (an older app) is looked up among every type's numbers, and refused as
 * ambiguous when two types match.
 */
export const RecoverQuestionStartRequest = v.pipe(
  v.object({
    name: NameText,
    idNumber: AnyIdNumber,
    idType: v.optional(IdType),
    ...CaptchaAnswer.entries,
  }),
  v.forward(v.partialCheck([['idType'], ['name']], nameOk, nameIssue), ['name']),
  v.forward(
    v.partialCheck(
      [['idType'], ['idNumber']],
      (f) => !f.idType || checkDocumentNumber(f.idType, f.idNumber) === null,
      recoveryNumberMessage,
    ),
    ['idNumber'],
  ),
  v.transform((f) => keepName(f)),
)
export const RecoverQuestionStartResponse = v.object({
  recoveryId: v.string(),
  questionId: SecurityQuestionId,
  question: v.string(),
})
export type RecoverQuestionStartResponse = v.InferOutput<typeof RecoverQuestionStartResponse>

/** Step 2: the answer → a one-time reset token. */
export const RecoverQuestionAnswerRequest = v.object({
  recoveryId: v.pipe(v.string(), v.minLength(1, '请重新开始找回密码')),
  answer: SecurityAnswer,
})

export const ResetTokenResponse = v.object({ resetToken: v.string(), expiresAt: v.string() })
export type ResetTokenResponse = v.InferOutput<typeof ResetTokenResponse>

/** Last step of either way: the new password (same strength rules as registration). */
export const ResetPasswordRequest = v.object({
  resetToken: v.pipe(v.string(), v.minLength(1, '请重新开始找回密码')),
  newPassword: Password,
})

export const ResetPasswordForm = v.pipe(
  v.object({ ...ResetPasswordRequest.entries, newPasswordConfirm: v.string('请再次输入新密码') }),
  v.forward(
    v.partialCheck(
      [['newPassword'], ['newPasswordConfirm']],
      (f) => f.newPassword === f.newPasswordConfirm,
      '两次输入的密码不一致',
    ),
    ['newPasswordConfirm'],
  ),
)

/** 注销账号: whether it is possible now, and why not. */
export const CancelCheckResponse = v.object({ allowed: v.boolean(), reason: v.optional(v.string()) })
export type CancelCheckResponse = v.InferOutput<typeof CancelCheckResponse>

/** The second confirmation travels as `confirm: true`; the optional reason helps the service improve. */
export const CancelAccountRequest = v.object({
  confirm: v.literal(true, '请确认注销'),
  reason: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, '注销原因不能超过200字'))),
})
