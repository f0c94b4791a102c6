import { ON_PC_SITE, SECURITY_ANSWER } from '../domain/glossary'
import type { QueuePlace } from './login-queue'

/**
 * Every error the API can answer with. The code is for machines (tests, the client's branching); the message is
 * the Chinese sentence a candidate sees. The server may send a more specific message; these are the defaults.
 */
export const ERROR_MESSAGES = {
  // Generic request problems
  VALIDATION_FAILED: '填写的信息有误，请检查后重试',
  BAD_REQUEST: '请求格式不正确',
  NOT_FOUND: '请求的内容不存在',
  METHOD_NOT_ALLOWED: '不支持的请求方式',
  PAYLOAD_TOO_LARGE: '上传的内容过大',
  UNSUPPORTED_MEDIA_TYPE: '不支持的文件类型',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  SERVICE_BUSY: '当前访问人数较多，请稍后再试',
  // The login waiting room (types/login-queue.ts): 503 with Retry-After and the place in line
  LOGIN_QUEUE: '排队人数较多，请稍候，将自动重试',
  INTERNAL: '系统繁忙，请稍后再试',
  IDEMPOTENCY_CONFLICT: '该操作正在处理中，请勿重复提交',
  // Session
  UNAUTHORIZED: '请先登录',
  SESSION_EXPIRED: '登录已过期，请重新登录',
  // Captcha
  CAPTCHA_INVALID: '验证码不正确，请重新输入',
  CAPTCHA_EXPIRED: '验证码已过期，请点击图片刷新',
  // Account (issue 4)
  ID_NUMBER_TAKEN: '该证件号码已注册，请直接登录或找回密码',
  USERNAME_TAKEN: '该用户名已被使用，请换一个',
  INVALID_CREDENTIALS: '用户名或密码不正确',
  ACCOUNT_LOCKED: '密码错误次数过多，账号已暂时锁定，请稍后再试',
  IDENTITY_MISMATCH: '姓名与证件号码不匹配，或该证件号码尚未注册',
  // Every ID type (issue 24): one number registered under two document types, and nothing says which.
  ID_NUMBER_AMBIGUOUS: '该证件号码以多种证件类型注册了账号，请使用用户名登录',
  FACE_VERIFY_PENDING: '人脸识别尚未完成，请完成识别后再试',
  FACE_VERIFY_FAILED: '人脸识别未通过，请重试',
  FACE_VERIFY_CANCELLED: '您已取消人脸识别',
  FACE_VERIFY_EXPIRED: '人脸识别已失效，请重新开始',
  FACE_VERIFY_UNSUPPORTED: '当前手机不支持人脸识别，请使用其他方式',
  PLATFORM_CODE_INVALID: '登录凭证无效，请重试',
  SECURITY_ANSWER_WRONG: `${SECURITY_ANSWER}不正确`,
  RECOVERY_EXPIRED: '找回密码的操作已失效，请重新开始',
  PASSWORD_WEAK: '密码强度不够，请按要求设置',
  CANCEL_REFUSED: '当前账号不能注销',
  // Personal-info hub (issue 5)
  PHOTO_FORMAT: '照片格式不符：只能上传 JPG/JPEG 格式',
  PHOTO_FILE_TOO_SMALL: '照片文件太小：须大于 45 KB',
  PHOTO_FILE_TOO_LARGE: '照片文件太大：须不超过 5 MB',
  PHOTO_PIXELS_TOO_FEW: '照片像素不足：须至少 295×413（宽×高）',
  PHOTO_LOCKED: '照片已锁定，不能更换',
  PHOTO_MISSING: '还没有上传照片',
  RECORD_LIMIT: '最多添加 5 条记录',
  RECORD_NOT_DELETABLE: '已核验通过的记录不能删除',
  BINDING_TAKEN: '该平台账号已绑定其他考生，不能重复绑定',
  BINDING_EXISTS: '已绑定平台账号，如需更换请先解除绑定',
  BINDING_NONE: '尚未绑定平台账号',
  BINDING_CODE_INVALID: '登录凭证无效，请重试',
  // Screenshot scanner (issue 6)
  SCAN_UNREADABLE: '无法读取这张图片，请重新截图后上传',
  SCAN_NOT_XUEXIN: '这张截图不像学信网的学历/学位查询结果，请检查截图或手动填写',
  SCAN_UNAVAILABLE: '识别服务暂时不可用，请稍后重试，或直接手动填写',
  // After the exam (issue 15)
  TICKET_NOT_FOUND: '没有找到这张准考证',
  TICKET_NOT_OPEN: '准考证打印尚未开始',
  TICKET_CLOSED: '考试已结束，准考证不再提供打印',
  // Online application (issue 13)
  APPLY_GATE_LOCKED: '请先完善个人信息（照片、学历信息、账号绑定），再进行网上报名',
  APPLICATION_WINDOW_CLOSED: '当前不在该考试的网上报名时间内',
  APPLICATION_EXISTS: '您已报名该考试，请在报考流程中继续',
  DECLARATIONS_REQUIRED: '请先阅读并同意《重要声明》和《考生诚信考试承诺书》',
  APPLICATION_SUBMITTED: '报名信息已提交，如需修改请先撤回',
  APPLICATION_CONFIRMED: '报名已确认，不能撤回或修改报名信息',
  APPLICATION_INCOMPLETE: '报名信息尚未填写完整',
  APPLICATION_NOT_SUBMITTED: '报名信息尚未提交',
  APPLICATION_CHANGED: '报名信息已在其他设备上修改，请重新核对后提交',
  WITHDRAW_CLOSED: '报名确认已结束，不能撤回',
  PROVINCE_CHANGE_REFUSED: '报名信息已提交，不能修改考区',
  PROVINCE_CHANGED: '考区已修改，请按新考区的要求重新上传材料',
  RECORD_NOT_VERIFIED: '只能选择核验通过的学历学位信息',
  APPLICATION_STATE: '当前报名状态不能进行此操作',
  // After submission (issue 14)
  PAY_NOT_READY: '资格审核通过后才能缴费',
  PAY_CLOSED: '缴费时间已结束，未缴费视为放弃考试',
  PAY_PC_ONLY: `本考区未开通手机缴费，请使用电脑登录${ON_PC_SITE}完成缴费`,
  PAY_NOT_ONLINE: '本考区不在网上收取考试费',
  ALREADY_PAID: '已缴费，无需重复缴费',
  MATERIALS_NOT_REQUIRED: '本考区无需上传证明材料',
  MATERIALS_CLOSED: '报名确认已结束，不能再上传材料，逾期视为放弃考试',
  MATERIALS_LOCKED: '材料正在确认中或已确认，不能修改',
  /** A subscription to a template this platform's console does not hold for the app (issue 19). */
  SUBSCRIBE_TEMPLATE_UNKNOWN: '提醒模板已更新，请刷新页面后重新订阅',
  /** Payment: the payer's code from the platform is missing or was refused (issue 19). */
  PAYER_CODE_INVALID: '无法确认付款账户，请重新点击缴费',
  MATERIALS_INCOMPLETE: '请上传全部证明材料',
  MATERIAL_FORMAT: '材料格式不符：只能上传 JPG 图片（部分材料可上传 PDF）',
  // Hostile files (issue 20; limits in types/process.ts MATERIAL_LIMITS)
  MATERIAL_PDF_ENCRYPTED: 'PDF 文件已加密或设有密码，请取消加密后重新导出上传',
  MATERIAL_PDF_ACTIVE_CONTENT: 'PDF 文件含有脚本、附件或自动执行的操作，请用“打印为 PDF”重新导出后上传',
  MATERIAL_PDF_TOO_COMPLEX: 'PDF 文件结构过于复杂，无法处理，请用“打印为 PDF”重新导出后上传',
  MATERIAL_PDF_TOO_MANY_PAGES: 'PDF 文件页数过多，请只保留所需的页面后上传',
  UPLOAD_POLYGLOT: '文件中夹带了其他内容（如网页或 PDF），请上传相机或相册中的原图，或重新导出的文件',
  // QA control API
  QA_DISABLED: 'QA 控制接口未开启',
  SCENARIO_UNKNOWN: '没有这个场景',
  // Client-side only (never sent by the server)
  NETWORK_ERROR: '网络连接失败，请检查网络后重试',
  TIMEOUT: '网络请求超时，请稍后重试',
} as const

export type ErrorCode = keyof typeof ERROR_MESSAGES

/** The body of every 4xx/5xx answer. `fields` maps a request field to its own message, for forms. */
export interface ApiErrorBody {
  error: {
    code: ErrorCode
    message: string
    fields?: Record<string, string>
    /** Extra machine-readable facts, e.g. remaining login attempts. Never personal data. */
    details?: Record<string, string | number | boolean>
    /** The place in the login waiting room (code LOGIN_QUEUE only; types/login-queue.ts). */
    queue?: QueuePlace
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value)
}
