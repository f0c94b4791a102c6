import * as v from 'valibot'

/**
 * The contract's enums, each defined once: the pure rules (domain/) use them, the contract (types/states.ts)
 * re-exports them, the server validates with them, the app's types come from them. Nothing here imports anything but
 * valibot: domain/ is the ground floor, so every room can import it.
 */

/** The platforms the app runs on; also the account binding's platforms. */
export const PlatformName = v.picklist(['weapp', 'swan', 'alipay', 'h5'])
export type PlatformName = v.InferOutput<typeof PlatformName>

/**
 * Some members of a shared picklist as a picklist of their own. The compiler checks each member against the whole, so
 * a subset cannot drift from the enum it is part of.
 */
function membersOf<T extends string, const K extends T>(
  _whole: { readonly options: readonly T[] },
  members: readonly K[],
) {
  return v.picklist(members)
}

/** 身份核验结果: 核验中, 核验通过, 核验未通过. */
export const IdentityState = v.picklist(['pending', 'passed', 'failed'])
export type IdentityState = v.InferOutput<typeof IdentityState>

/** 照片核验: none uploaded yet, 待核验, 通过, 不通过. */
export const PhotoState = v.picklist(['none', 'pending', 'passed', 'failed'])
export type PhotoState = v.InferOutput<typeof PhotoState>

/** What a photo's review decides (QA stands in for the reviewer): the PhotoStates a decision reaches. */
export const PhotoVerdict = membersOf(PhotoState, ['passed', 'failed'])
export type PhotoVerdict = v.InferOutput<typeof PhotoVerdict>

/** 学历 or 学位. */
export const RecordKind = v.picklist(['education', 'degree'])
export type RecordKind = v.InferOutput<typeof RecordKind>

/** 待核验 → 核验通过 / 核验未通过, decided by the server. */
export const RecordState = v.picklist(['unverified', 'verified', 'rejected'])
export type RecordState = v.InferOutput<typeof RecordState>

/** What a record's check against 学信网 decides (QA stands in for it): the RecordStates a decision reaches. */
export const RecordVerdict = membersOf(RecordState, ['verified', 'rejected'])
export type RecordVerdict = v.InferOutput<typeof RecordVerdict>

/**
 * What the candidate's face verification comes to, as the platform reports it to the server: passed, failed (not the
 * same person, or the capture was unusable), cancelled, timed out (`expired`), or the phone cannot do it
 * (`unsupported`). `pending` is QA's way to say the candidate has not finished yet: the platform has no result.
 */
export const FaceOutcome = v.picklist(['pass', 'fail', 'cancel', 'expired', 'unsupported', 'pending'])
export type FaceOutcome = v.InferOutput<typeof FaceOutcome>

/** How a payment ended. */
export const PayOutcome = v.picklist(['success', 'fail', 'cancel'])
export type PayOutcome = v.InferOutput<typeof PayOutcome>

/** The answer to a request to send reminders. */
export const SubscribeOutcome = v.picklist(['accept', 'reject'])
export type SubscribeOutcome = v.InferOutput<typeof SubscribeOutcome>

/**
 * One template's answer, in WeChat's words (wx.requestSubscribeMessage's success result, `[TEMPLATE_ID]`): accepted
 * (`accept`, or with the alert, audio or force-push switches the candidate turned on), refused, banned by the
 * platform, or filtered (two templates with the same title). Alipay's answer lists accepted and refused templates,
 * read as `accept` / `reject`. https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html
 */
export const SubscribeAnswer = v.picklist([
  'accept',
  'acceptWithAlert',
  'acceptWithAudio',
  'acceptWithForcePush',
  'reject',
  'ban',
  'filter',
])
export type SubscribeAnswer = v.InferOutput<typeof SubscribeAnswer>

/** What each set of reminders is for: the application (asked at 提交报名信息), the tracker's, the admission ticket's. */
export const ReminderPurpose = v.picklist(['apply', 'process', 'ticket'])
export type ReminderPurpose = v.InferOutput<typeof ReminderPurpose>

/** 卫生专业技术资格考试 or 护士执业资格考试. */
export const ExamKind = v.picklist(['health', 'nurse'])
export type ExamKind = v.InferOutput<typeof ExamKind>

/** An application window: not open yet, open, over. */
export const WindowState = v.picklist(['upcoming', 'open', 'closed'])
export type WindowState = v.InferOutput<typeof WindowState>

/**
 * Where an application stands: 填写信息 (also after a withdrawal), submitted and waiting for 报名确认, confirmation
 * refused, confirmed (资格审核 under way), review failed, review passed in a province with online payment, done.
 */
export const ApplicationStatus = v.picklist([
  'filling',
  'submitted',
  'confirm-rejected',
  'confirmed',
  'review-failed',
  'awaiting-payment',
  'succeeded',
])
export type ApplicationStatus = v.InferOutput<typeof ApplicationStatus>

/** 报名确认: not decided yet, confirmed (by hand or automatically), or refused. */
export const ConfirmationState = v.picklist(['none', 'confirmed', 'rejected'])
export type ConfirmationState = v.InferOutput<typeof ConfirmationState>

/** A node of the process tracker (报考流程): done dark blue, current light blue, todo grey, failed red. */
export const ProcessNodeState = v.picklist(['done', 'current', 'todo', 'failed'])
export type ProcessNodeState = v.InferOutput<typeof ProcessNodeState>

/** A review stage's (考点审核, 考区审核) decision. */
export const ReviewDecision = v.picklist(['none', 'passed', 'failed'])
export type ReviewDecision = v.InferOutput<typeof ReviewDecision>

/** What the gate to 网上报名 requires (domain/hub-gate.ts): the photo, a verified education record, the binding. */
export const GateItem = v.picklist(['photo', 'education', 'binding'])
export type GateItem = v.InferOutput<typeof GateItem>

/** The ticket's printing window: before it opens, inside it, or closed (the exam is over). */
export const TicketWindowState = v.picklist(['not-open', 'open', 'closed'])
export type TicketWindowState = v.InferOutput<typeof TicketWindowState>
