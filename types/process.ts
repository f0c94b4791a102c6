import * as v from 'valibot'
import { ApplicationView } from './application'
import { ConfirmationState, PayOutcome, PlatformName, SubscribeAnswer, SubscribeOutcome } from './states'
import { apiRoutes } from './api-routes'
import { ON_PC_SITE } from '../domain/glossary'

/**
 * After submission (SPEC 4, issue 14): payment, the online-confirmation materials and the reminders. The process
 * nodes themselves travel in every ApplicationView (`nodes`); these are the pages' own endpoints.
 */

const ApplicationId = v.pipe(v.string(), v.minLength(1), v.maxLength(64))
export const ApplicationRef = v.object({ id: ApplicationId })

// --- Payment (报名缴费) ---------------------------------------------------------------------------------------------

/**
 * Where the payment stands: `not-ready` before 资格审核 passes, `due` (no order or the last attempt failed or was
 * cancelled), `paying` (the platform's cashier is open; the server waits for its notification), `paid`, `closed` (the
 * window ended unpaid: given up), `pc-only` (the province collects online but not on phones), `none` (no online fee).
 */
export const PaymentState = v.picklist(['not-ready', 'due', 'paying', 'paid', 'closed', 'pc-only', 'none'])
export type PaymentState = v.InferOutput<typeof PaymentState>

/**
 * An order's state on the server: only the platform's notification moves it to `paid` (never the client's word).
 * `refund`: the platform reported a payment made after the payment deadline; it is not honoured and goes back to the
 * payer (docs/process.md, "Late payments").
 */
export const OrderState = v.picklist(['paying', 'paid', 'failed', 'cancelled', 'refund'])
export type OrderState = v.InferOutput<typeof OrderState>

export const PaymentView = v.object({
  applicationId: v.string(),
  state: PaymentState,
  /** The subjects and their fees, in fen (1/100 yuan), from the server's fee table. */
  items: v.array(v.object({ code: v.string(), name: v.string(), amount: v.number() })),
  total: v.number(),
  /** End of the payment window (ISO). */
  deadline: v.string(),
  /** One order per application; null until the first 缴费 tap. */
  order: v.nullable(
    v.object({
      id: v.string(),
      state: OrderState,
      attempts: v.number(),
      paidAt: v.nullable(v.string()),
      /** The last attempt's outcome as the platform reported it. */
      lastOutcome: v.nullable(PayOutcome),
    }),
  ),
  /** Shown when `pc-only`. */
  pcMessage: v.nullable(v.string()),
  /** Shown when the order is `refund`: a payment made after the deadline, not honoured, going back to the payer. */
  refundMessage: v.optional(v.nullable(v.string()), null),
})
export type PaymentView = v.InferOutput<typeof PaymentView>

/**
 * 缴费: on WeChat, Alipay and Baidu a fresh login code of the account that will pay (wx.login, my.getAuthCode,
 * swan.getLoginCode), which the server exchanges for the payer's id and binds the order to: WeChat Pay's JSAPI order
 * needs the payer's openid, Alipay's alipay.trade.create the buyer_id of the account that opens the cashier, Baidu's
 * order its user. H5 has no platform account. (issue 19)
 * https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter3_5_1.shtml (payer.openid)
 * https://opendocs.alipay.com/mini/api/openapi-pay (tradePay after alipay.trade.create with buyer_id)
 */
export const StartPaymentRequest = v.object({
  id: ApplicationId,
  platform: PlatformName,
  payerCode: v.optional(v.pipe(v.string(), v.maxLength(256))),
})
export type StartPaymentRequest = v.InferOutput<typeof StartPaymentRequest>

export const StartPaymentResponse = v.object({
  orderId: v.string(),
  /** What the platform's payment call takes (WeChat: timeStamp/nonceStr/package/signType/paySign; Alipay: tradeNO; Baidu: orderInfo). */
  payParams: v.record(v.string(), v.string()),
  payment: PaymentView,
})
export type StartPaymentResponse = v.InferOutput<typeof StartPaymentResponse>

export const PC_PAYMENT_MESSAGE = `本考区未开通手机缴费，请使用电脑登录${ON_PC_SITE}完成缴费`

// --- Materials (上传材料, online-confirmation provinces) -----------------------------------------------------------

export const MATERIAL_UPLOAD_FIELD = apiRoutes.uploadMaterial.upload.field

/**
 * The limits a material file is held to (issue 20), stated here so the server enforces, the page states and the
 * README documents the same numbers. Past each, the upload is refused with its own code (types/errors.ts):
 * - `maxBytes`: the file (JPG or PDF); past it 413 `MATERIAL_FORMAT`, the file never kept in part.
 * - `pdfMaxPages`: pages of a PDF, counted by walking its page tree (never its declared /Count); past it 400
 *   `MATERIAL_PDF_TOO_MANY_PAGES`. A page tree that is no tree (a node listed twice, a cycle) or deeper than 32 levels
 *   is 400 `MATERIAL_PDF_TOO_COMPLEX`.
 * - `pdfCheckMs` and `pdfCheckMemoryMb`: the time and heap one PDF's check may take on its worker thread; past either
 *   the worker is ended and the upload is 400 `MATERIAL_PDF_TOO_COMPLEX`.
 * - `pdfQueue`: PDFs waiting for a worker; past it 503 `SERVICE_BUSY` (the candidate is asked to upload again later).
 * Encrypted PDFs are 400 `MATERIAL_PDF_ENCRYPTED`; active content (JavaScript, a non-GoTo OpenAction, Launch,
 * embedded files, XFA, additional actions, RichMedia) 400 `MATERIAL_PDF_ACTIVE_CONTENT`: refused, never rewritten.
 */
export const MATERIAL_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  pdfMaxPages: 20,
  pdfCheckMs: 3000,
  pdfCheckMemoryMb: 128,
  pdfQueue: 32,
} as const

/**
 * What an accepted material is stored as: a JPG decoded and re-encoded (EXIF orientation applied to the pixels,
 * metadata and anything after the image gone), or the PDF as sent (checked, never rewritten).
 */
export const MaterialFormat = v.picklist(['jpeg', 'pdf'])
export type MaterialFormat = v.InferOutput<typeof MaterialFormat>
export const MATERIAL_UPLOAD_PATH = apiRoutes.uploadMaterial.path
/** Where `imageUrl` points: `${MATERIAL_VIEW_PATH}/<ticket>`. */
export const MATERIAL_VIEW_PATH = '/api/material-view'

export const MaterialsView = v.object({
  applicationId: v.string(),
  /** The province's required materials, each with what was uploaded. */
  required: v.array(
    v.object({
      key: v.string(),
      name: v.string(),
      /** PDF accepted beside JPG. */
      pdf: v.boolean(),
      uploaded: v.nullable(
        v.object({
          format: MaterialFormat,
          /** Bytes, as stored. */
          size: v.number(),
          uploadedAt: v.string(),
          /**
           * A JPG's address for an <image> (a short-lived ticketed path under the API base, like the exam photo's:
           * an image cannot send the session header); null for a PDF, which the review labels instead.
           */
          imageUrl: v.nullable(v.string()),
        }),
      ),
    }),
  ),
  complete: v.boolean(),
  /** Uploads are open: before submission, or after 确认不通过 until the confirmation deadline. */
  canUpload: v.boolean(),
  /** After 确认不通过: the materials may be sent for confirmation again. */
  canResubmit: v.boolean(),
  deadline: v.string(),
  confirmation: ConfirmationState,
  reason: v.nullable(v.string()),
  /** The deadline passed after a refusal (or without submitting): the candidate has given up. */
  givenUp: v.boolean(),
})
export type MaterialsView = v.InferOutput<typeof MaterialsView>

export const MaterialUploadRequest = v.object({ id: ApplicationId, key: v.pipe(v.string(), v.maxLength(40)) })

export const ResubmitResponse = ApplicationView

// --- Reminders (待办事项提醒) ----------------------------------------------------------------------------------------

export const ReminderKind = v.picklist([
  'confirmed',
  'confirm-rejected',
  'review-passed',
  'review-failed',
  'payment-due',
  'payment-deadline-near',
  'paid',
  'given-up',
  /** The admission ticket's printing window opened (issue 15; the candidate subscribed on the ticket page). */
  'ticket-open',
  /** A year's scores were published (or corrected): opens 成绩查询 (issue 24). */
  'scores-published',
])
export type ReminderKind = v.InferOutput<typeof ReminderKind>

export const SubscribeRequest = v.object({
  platform: PlatformName,
  /** The template ids the platform's dialog was asked for. */
  templateIds: v.pipe(v.array(v.pipe(v.string(), v.maxLength(64))), v.minLength(1), v.maxLength(3)),
  /** What the dialog answered on the phone (recorded; a refused subscription sends nothing to the platform). */
  outcome: SubscribeOutcome,
  /** Each template's own answer, where the platform gave one (WeChat: accept, acceptWithAlert ... ban, filter). */
  answers: v.optional(v.record(v.pipe(v.string(), v.maxLength(64)), SubscribeAnswer)),
  /** Baidu: the subscribe-id its form asked under (Baidu sends one message per grant and subscribe-id). */
  subscribeId: v.optional(v.pipe(v.string(), v.maxLength(64))),
})
export type SubscribeRequest = v.InferOutput<typeof SubscribeRequest>

export const Message = v.object({
  id: v.string(),
  /** The application it is about; null for one that is not (the admission ticket's printing window). */
  applicationId: v.nullable(v.string()),
  kind: ReminderKind,
  title: v.string(),
  body: v.string(),
  at: v.string(),
  /** Also sent through the platform's subscription message (the candidate had subscribed). */
  pushed: v.boolean(),
  /** The exam it is about (2026年度卫生专业技术资格考试); null when none can be named. */
  examName: v.nullable(v.string()),
})
export type Message = v.InferOutput<typeof Message>

export const MessagesResponse = v.object({ messages: v.array(Message), subscribed: v.boolean() })
export type MessagesResponse = v.InferOutput<typeof MessagesResponse>
export const SubscribeResponse = v.object({ subscribed: v.boolean(), count: v.number() })

/**
 * The reminder templates this platform's console holds for the app, by purpose: the ids the app asks the platform
 * for (never written into the bundle), and the only ones the server records a subscription to. At most three per
 * request (WeChat's and Alipay's limit for one dialog).
 */
export const ReminderTemplatesRequest = v.object({ platform: PlatformName })
const TemplateIds = v.pipe(v.array(v.string()), v.maxLength(3))
export const ReminderTemplatesResponse = v.object({
  templates: v.object({ apply: TemplateIds, process: TemplateIds, ticket: TemplateIds }),
})
export type ReminderTemplatesResponse = v.InferOutput<typeof ReminderTemplatesResponse>
