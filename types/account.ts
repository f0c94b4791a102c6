import * as v from 'valibot'
import { checkIdNumber, ID_NUMBER_MESSAGES, normaliseIdNumber } from '../domain/id-card'
import { checkName, NAME_MESSAGES, normaliseName } from '../domain/person-name'
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

export const PersonName = v.pipe(
  v.string('请输入姓名'),
  v.transform(normaliseName),
  v.check(
    (n) => checkName(n) === null,
    (issue) => NAME_MESSAGES[checkName(String(issue.input)) ?? 'characters'],
  ),
)

/** In the mini-program only the resident ID card registers and logs in; others use the PC website. */
export const IdType = v.picklist(['resident-id'], '小程序仅支持居民身份证，其他证件请在电脑端网站注册')
export type IdType = v.InferOutput<typeof IdType>
export const ID_TYPE_LABELS: Record<IdType, string> = { 'resident-id': '居民身份证' }

export const IdNumber = v.pipe(
  v.string('请输入证件号码'),
  v.transform(normaliseIdNumber),
  v.check(
    (id) => checkIdNumber(id) === null,
    (issue) => ID_NUMBER_MESSAGES[checkIdNumber(String(issue.input)) ?? 'format'],
  ),
)

export const SecurityQuestionId = v.picklist(SECURITY_QUESTION_IDS, '请选择密码找回问题')

export const SecurityAnswer = v.pipe(
  v.string('请输入密码问题答案'),
  v.trim(),
  v.minLength(1, '请输入密码问题答案'),
  v.maxLength(ANSWER_MAX_LENGTH, `答案不能超过${ANSWER_MAX_LENGTH}个字`),
)

/** 注册. */
export const RegisterRequest = v.object({
  username: Username,
  password: Password,
  name: PersonName,
  idType: IdType,
  idNumber: IdNumber,
  questionId: SecurityQuestionId,
  answer: SecurityAnswer,
  ...CaptchaAnswer.entries,
})
export type RegisterRequest = v.InferInput<typeof RegisterRequest>

/** The registration form: the request plus 确认密码, which never leaves the phone. */
export const RegisterForm = v.pipe(
  v.object({ ...RegisterRequest.entries, passwordConfirm: v.string('请再次输入密码') }),
  v.forward(
    v.partialCheck(
      [['password'], ['passwordConfirm']],
      (f) => f.password === f.passwordConfirm,
      '两次输入的密码不一致',
    ),
    ['passwordConfirm'],
  ),
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
  idType: v.optional(IdType, 'resident-id'),
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

/** 密保找回, step 1: 姓名 + 证件号码 + 验证码 → the question. */
export const RecoverQuestionStartRequest = v.object({ name: PersonName, idNumber: IdNumber, ...CaptchaAnswer.entries })
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
