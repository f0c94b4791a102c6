import * as v from 'valibot'
import { Gender, IdType, SecurityQuestionId } from './account'
import type { Endpoint } from './api'
import { Empty } from './common'
import { LoginQueueStatus, SetLoginQueueRequest } from './login-queue'
import { FaceOutcome, PayOutcome, SimPayOutcome, SubscribeAnswer, SubscribeOutcome } from './platform-sim'
import { ApplicationView } from './application'
import { EducationRecord, RecordKind } from './profile'
import { ExamKind, IdentityState, PhotoState, PhotoVerdict, RecordVerdict } from './states'
import { Message, OrderState } from './process'
import { PlatformName } from './states'

/**
 * The QA control API (mock server started with --qa; absent otherwise): each endpoint by name, with its request and
 * response schemas, like the app's endpoints in types/api.ts. The server validates with these schemas; tests call
 * the endpoints by name through scripts/lib/qa-client.ts, and the README lists them by name.
 * `:name` path parameters are filled from the request object's field of the same name.
 */
function qa<Req extends v.GenericSchema, Res extends v.GenericSchema>(
  e: Omit<Endpoint<Req, Res>, 'auth'>,
): Endpoint<Req, Res> {
  return { ...e, auth: false }
}

const Ok = v.object({ ok: v.literal(true) })

/** One rate limit's figures: its rule, the most one client was let through within one window, all let through and refused. */
const RateFigures = v.object({
  limit: v.number(),
  windowMs: v.number(),
  peak: v.number(),
  allowed: v.number(),
  refused: v.number(),
})

/** QA `serverLoad` (mock-server/core/server-load.ts): what a load cost the server since its start or the last reset. */
export const ServerLoadStatus = v.object({
  eventLoop: v.object({
    /** How late the loop ran a 10 ms timer: every request waits at least this long to be looked at. */
    delayP50Ms: v.number(),
    delayP99Ms: v.number(),
    delayMaxMs: v.number(),
    /** The share of time the loop ran code (0-1), and that time in ms. */
    utilization: v.number(),
    busyMs: v.number(),
  }),
  /** Answer times on the server (request read to answer sent), and how many took the app's timeout or longer. */
  answers: v.object({
    count: v.number(),
    p50Ms: v.number(),
    p99Ms: v.number(),
    maxMs: v.number(),
    overTimeout: v.number(),
  }),
  /**
   * The whole-state writes (with --data): how many, the last one's size, the loop time spent serializing them, and
   * the answers held until their changes were on disk (how many, how long on average and at most).
   */
  stateWrites: v.object({
    writes: v.number(),
    lastKb: v.number(),
    serializeMs: v.number(),
    meanSerializeMs: v.number(),
    maxSerializeMs: v.number(),
    durableWaits: v.number(),
    meanDurableWaitMs: v.number(),
    maxDurableWaitMs: v.number(),
  }),
  /** The most one client asked within a window and the refusals, since the server started (QA reset keeps them). */
  rateLimits: v.object({ captcha: RateFigures, certificateCheck: RateFigures }),
})
export type ServerLoadStatus = v.InferOutput<typeof ServerLoadStatus>
const Username = v.pipe(v.string(), v.minLength(1))
const ByUsername = v.object({ username: Username })
const MAX_SHIFT_MS = 100 * 365 * 24 * 60 * 60 * 1000
const LATEST_MS = Date.UTC(2200, 0, 1)

export const ClockRequest = v.pipe(
  v.object({
    /** Jump to this moment (time flows on from there). */
    now: v.optional(
      v.pipe(
        v.string(),
        v.isoTimestamp('now 必须是 ISO 时间，如 2026-03-01T08:00:00.000Z'),
        v.check((s) => Date.parse(s) > 0 && Date.parse(s) < LATEST_MS, 'now 须在 1970 年到 2200 年之间'),
      ),
    ),
    /** Move on (or back, when negative) by this many milliseconds. */
    advanceMs: v.optional(
      v.pipe(v.number(), v.integer('advanceMs 必须是整数毫秒'), v.minValue(-MAX_SHIFT_MS), v.maxValue(MAX_SHIFT_MS)),
    ),
    /** Back to the machine's time. */
    real: v.optional(v.boolean()),
  }),
  v.check(
    (r) => r.now !== undefined || r.advanceMs !== undefined || r.real === true,
    '请给出 now（ISO 时间）、advanceMs（毫秒）或 real: true',
  ),
)
export const ClockResponse = v.object({ now: v.string(), offsetMs: v.number() })

const QaTicket = v.object({ ticketId: v.string(), ticketNo: v.string(), opensAt: v.string(), closesAt: v.string() })

const CaptchaAnswerResponse = v.object({ captchaId: v.string(), answer: v.string() })

export const CreateCandidateRequest = v.object({
  username: v.string(),
  password: v.string(),
  name: v.string(),
  idNumber: v.string(),
  // Any of the six ID types (issue 24; the resident ID card unless given), and, where its number does not carry
  // them, the holder's gender and birth date (YYYY-MM-DD) and 国籍/地区 (ISO 3166-1 letter code, a passport's).
  idType: v.optional(IdType),
  gender: v.optional(Gender),
  birthDate: v.optional(v.string()),
  nationality: v.optional(v.string()),
  // The password-recovery question and answer (optional).
  questionId: v.optional(SecurityQuestionId),
  answer: v.optional(v.string()),
})

/** Many candidates at once, for load runs: usernames `<prefix><n>`, one password, generated valid ID numbers. */
export const CreateCandidatesRequest = v.object({
  prefix: v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9_]{0,11}$/, 'prefix 以字母开头，至多12位')),
  count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5000)),
  password: v.optional(v.string(), 'Abcdef12'),
  name: v.optional(v.string(), '张三'),
})
export const CreateCandidatesResponse = v.object({
  candidates: v.array(v.object({ username: v.string(), idNumber: v.string() })),
})

export const FaultRequest = v.object({
  path: v.pipe(v.string(), v.startsWith('/api/', 'path 必须以 /api/ 开头')),
  status: v.optional(v.picklist([502, 503, 504]), 503),
  count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)), 1),
})

/** Faults on the wire (mock-server/core/wire-faults.ts): a share of API requests busy, rate-limited, delayed or cut. */
export const WIRE_FAULT_KINDS = ['busy', 'rate-limit', 'delay', 'drop'] as const
export const WireFaults = v.object({
  /** The share of matching requests that meet a fault, 0-1. */
  rate: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  kinds: v.optional(v.pipe(v.array(v.picklist(WIRE_FAULT_KINDS)), v.minLength(1)), [...WIRE_FAULT_KINDS]),
  /** Only requests whose path starts with this. */
  path: v.optional(v.pipe(v.string(), v.startsWith('/api/', 'path 必须以 /api/ 开头')), '/api/'),
  /** The Retry-After of a 503/429, in seconds. */
  retryAfterSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(60)), 1),
  /** How long a delayed request is held back, in ms. */
  delayMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(20000)), 2000),
})
const WireFaultCounts = v.record(v.string(), v.number())
/** An application as QA sees it: the candidate's view plus the current 验证码 of its form. */
const QaApplication = v.object({ ...ApplicationView.entries, code: v.string() })
const ByApplication = v.object({ id: v.pipe(v.string(), v.minLength(1)) })
const QaReason = v.pipe(v.string(), v.trim(), v.minLength(1, '请给出原因'), v.maxLength(200))
const Iso = v.pipe(v.string(), v.isoTimestamp('须是 ISO 时间，如 2026-03-01T08:00:00.000Z'))
/** One exam of the calendar: its dates and its application, confirmation and payment windows. */
const CalendarExam = v.object({
  id: v.string(),
  kind: ExamKind,
  name: v.string(),
  examDate: v.string(),
  examEndDate: v.string(),
  applyOpensAt: v.string(),
  applyClosesAt: v.string(),
  confirmOpensAt: v.string(),
  confirmClosesAt: v.string(),
  payClosesAt: v.string(),
})

/** A payment order as the server holds it (issue 14). */
const QaOrder = v.object({
  id: v.string(),
  applicationId: v.string(),
  accountId: v.string(),
  amount: v.number(),
  state: OrderState,
  attempts: v.number(),
  payments: v.number(),
  platform: PlatformName,
  createdAt: v.string(),
  paidAt: v.nullable(v.string()),
  lastOutcome: v.nullable(PayOutcome),
})

/** The state-changing calls of one endpoint the server answered (mock-server/core/call-log.ts). */
export const CallCounts = v.object({
  calls: v.number(),
  /** Sent with an Origin other than the server's own, as the H5 app on its own port sends them. */
  crossOrigin: v.number(),
  /** Of those, answered 2xx. */
  crossOriginOk: v.number(),
})
export type CallCounts = v.InferOutput<typeof CallCounts>

export const qaEndpoints = {
  reset: qa({ method: 'POST', path: '/__qa/reset', request: Empty, response: Ok }),
  scenarios: qa({
    method: 'GET',
    path: '/__qa/scenarios',
    request: Empty,
    response: v.object({ scenarios: v.array(v.string()) }),
  }),
  loadScenario: qa({
    method: 'POST',
    path: '/__qa/scenario',
    request: v.object({ name: v.string() }),
    response: v.object({ ok: v.literal(true), scenario: v.string() }),
  }),
  clock: qa({ method: 'GET', path: '/__qa/clock', request: Empty, response: ClockResponse }),
  setClock: qa({ method: 'POST', path: '/__qa/clock', request: ClockRequest, response: ClockResponse }),
  addFault: qa({
    method: 'POST',
    path: '/__qa/faults',
    request: FaultRequest,
    response: v.object({
      ok: v.literal(true),
      pending: v.array(v.object({ path: v.string(), status: v.number(), remaining: v.number() })),
    }),
  }),
  clearFaults: qa({ method: 'DELETE', path: '/__qa/faults', request: Empty, response: Ok }),
  setWireFaults: qa({
    method: 'POST',
    path: '/__qa/faults/wire',
    request: WireFaults,
    response: v.object({ ok: v.literal(true), config: WireFaults }),
  }),
  loginQueue: qa({ method: 'GET', path: '/__qa/login-queue', request: Empty, response: LoginQueueStatus }),
  /** What a load costs the server (event-loop delay and use, whole-state writes, rate-limit figures). */
  serverLoad: qa({ method: 'GET', path: '/__qa/server-load', request: Empty, response: ServerLoadStatus }),
  resetServerLoad: qa({ method: 'POST', path: '/__qa/server-load/reset', request: Empty, response: Ok }),
  setLoginQueue: qa({
    method: 'POST',
    path: '/__qa/login-queue',
    request: SetLoginQueueRequest,
    response: LoginQueueStatus,
  }),
  wireFaults: qa({
    method: 'GET',
    path: '/__qa/faults/wire',
    request: Empty,
    response: v.object({ config: v.nullable(WireFaults), counts: WireFaultCounts }),
  }),
  clearWireFaults: qa({
    method: 'DELETE',
    path: '/__qa/faults/wire',
    request: Empty,
    response: v.object({ ok: v.literal(true), counts: WireFaultCounts }),
  }),
  /** Every state-changing endpoint (types/api.ts) the server answered since it started, by name. */
  calls: qa({
    method: 'GET',
    path: '/__qa/calls',
    request: Empty,
    response: v.object({ calls: v.record(v.string(), CallCounts) }),
  }),

  lastCaptcha: qa({ method: 'GET', path: '/__qa/captcha/last', request: Empty, response: CaptchaAnswerResponse }),
  shownCaptcha: qa({
    method: 'POST',
    path: '/__qa/captcha/shown',
    // A captcha PNG as a data URL is a few KB.
    request: v.object({ image: v.pipe(v.string(), v.startsWith('data:image/'), v.maxLength(200_000)) }),
    response: CaptchaAnswerResponse,
  }),
  captchaAnswer: qa({
    method: 'GET',
    path: '/__qa/captcha/:captchaId',
    request: v.object({ captchaId: v.pipe(v.string(), v.minLength(1)) }),
    response: CaptchaAnswerResponse,
  }),

  simFace: qa({
    method: 'POST',
    path: '/__qa/sim/face',
    request: v.object({ outcome: FaceOutcome }),
    response: v.object({ ok: v.literal(true), face: FaceOutcome }),
  }),
  resetFaceRateLimits: qa({ method: 'POST', path: '/__qa/face/rate-limits/reset', request: Empty, response: Ok }),
  lastFaceVerification: qa({
    method: 'GET',
    path: '/__qa/face/last',
    request: Empty,
    response: v.object({ verifyId: v.string() }),
  }),
  simPay: qa({
    method: 'POST',
    path: '/__qa/sim/pay',
    request: v.object({ outcome: SimPayOutcome }),
    response: v.object({ ok: v.literal(true), pay: SimPayOutcome }),
  }),
  simSubscribe: qa({
    method: 'POST',
    path: '/__qa/sim/subscribe',
    /** `outcome` answers every template; `answers` names some by id (WeChat's seven answers; Alipay reads the accepting ones as accept). */
    request: v.object({
      outcome: SubscribeAnswer,
      answers: v.optional(v.record(v.pipe(v.string(), v.maxLength(64)), SubscribeAnswer), {}),
    }),
    response: v.object({ ok: v.literal(true), subscribe: SubscribeAnswer }),
  }),

  createCandidate: qa({
    method: 'POST',
    path: '/__qa/candidates',
    request: CreateCandidateRequest,
    response: v.object({ id: v.string(), username: v.string() }),
  }),
  createCandidates: qa({
    method: 'POST',
    path: '/__qa/candidates/bulk',
    request: CreateCandidatesRequest,
    response: CreateCandidatesResponse,
  }),
  candidate: qa({
    method: 'GET',
    path: '/__qa/candidates/:username',
    request: ByUsername,
    response: v.object({
      id: v.string(),
      username: v.string(),
      name: v.string(),
      idNumber: v.string(),
      /** 国籍/地区 as stored (ISO 3166-1 letter code); absent where none was given or carried. */
      nationality: v.optional(v.string()),
    }),
  }),
  createSession: qa({
    method: 'POST',
    path: '/__qa/sessions',
    request: ByUsername,
    response: v.object({ token: v.string(), expiresAt: v.string() }),
  }),
  expireSessions: qa({
    method: 'POST',
    path: '/__qa/candidates/:username/expire-sessions',
    request: ByUsername,
    response: v.object({ ok: v.literal(true), expired: v.number() }),
  }),
  unlock: qa({ method: 'POST', path: '/__qa/candidates/:username/unlock', request: ByUsername, response: Ok }),
  loginGuard: qa({
    method: 'GET',
    path: '/__qa/candidates/:username/login-guard',
    request: ByUsername,
    response: v.object({
      failures: v.number(),
      lockedUntil: v.nullable(v.string()),
      /** Wrong passwords actually checked (scrypt run) for this account since it was created or unlocked by QA. */
      wrongChecked: v.number(),
    }),
  }),
  applicationData: qa({
    method: 'POST',
    path: '/__qa/candidates/:username/application-data',
    request: v.object({ username: Username, present: v.optional(v.boolean(), true) }),
    response: v.object({ ok: v.literal(true), present: v.boolean() }),
  }),

  photoOutcome: qa({
    method: 'POST',
    path: '/__qa/profile/photo',
    request: v.object({
      username: Username,
      outcome: PhotoVerdict,
      reason: v.optional(v.string()),
    }),
    response: v.object({ ok: v.literal(true), state: PhotoState, reason: v.nullable(v.string()) }),
  }),
  recordOutcome: qa({
    method: 'POST',
    path: '/__qa/profile/records',
    request: v.object({
      username: Username,
      kind: v.optional(RecordKind, 'education'),
      /** Without an id: the oldest unverified record of the kind. */
      id: v.optional(v.string()),
      outcome: RecordVerdict,
      reason: v.optional(v.string()),
    }),
    response: EducationRecord,
  }),
  identity: qa({
    method: 'POST',
    path: '/__qa/profile/identity',
    request: v.object({ username: Username, state: IdentityState }),
    response: v.object({ ok: v.literal(true), identity: IdentityState }),
  }),
  // After the exam (issue 15, docs/results.md)
  publishTicket: qa({
    method: 'POST',
    path: '/__qa/results/tickets',
    request: v.object({
      username: Username,
      /**
       * The candidate's application the ticket is for (报名成功 only): its exam, speciality, subjects and test centre.
       * Without it, the mock's 北京 health ticket (four subjects, 内科护理（中级）).
       */
      applicationId: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(64))),
      /** Printing opens (default: now). */
      opensAt: v.optional(v.pipe(v.string(), v.isoTimestamp())),
      /** The first sitting starts (default: in 7 days); printing ends when the last one ends. */
      examAt: v.optional(v.pipe(v.string(), v.isoTimestamp())),
    }),
    response: QaTicket,
  }),
  publishScores: qa({
    method: 'POST',
    path: '/__qa/results/scores',
    request: v.object({
      username: Username,
      year: v.pipe(v.number(), v.integer(), v.minValue(2000), v.maxValue(2100)),
      /** Subject code (1–4) → score out of 100; pass mark 60. */
      scores: v.record(v.picklist(['1', '2', '3', '4']), v.pipe(v.number(), v.minValue(0), v.maxValue(100))),
    }),
    response: v.object({ ok: v.literal(true), years: v.array(v.number()) }),
  }),
  candidateTickets: qa({
    method: 'GET',
    path: '/__qa/results/tickets/:username',
    request: ByUsername,
    response: v.object({
      tickets: v.array(
        v.object({
          ...QaTicket.entries,
          reminder: v.boolean(),
          /** When the printing-window reminder was queued (once per subscription); null before. */
          reminderSentAt: v.nullable(v.string()),
        }),
      ),
    }),
  }),

  // Online application (issue 13, docs/application.md): what test centres and provinces decide.
  applications: qa({
    method: 'GET',
    path: '/__qa/applications/:username',
    request: ByUsername,
    response: v.object({ applications: v.array(QaApplication) }),
  }),
  confirmApplication: qa({
    method: 'POST',
    path: '/__qa/applications/:id/confirm',
    request: ByApplication,
    response: QaApplication,
  }),
  rejectConfirmation: qa({
    method: 'POST',
    path: '/__qa/applications/:id/reject-confirmation',
    request: v.object({ ...ByApplication.entries, reason: QaReason }),
    response: QaApplication,
  }),
  reviewStage: qa({
    method: 'POST',
    path: '/__qa/applications/:id/review',
    request: v.object({
      ...ByApplication.entries,
      stage: v.picklist(['centre', 'region'], 'stage 须是 centre（考点审核）或 region（考区审核）'),
      outcome: v.picklist(['pass', 'fail'], 'outcome 须是 pass 或 fail'),
      reason: v.optional(QaReason),
    }),
    response: QaApplication,
  }),
  applicationCalendar: qa({
    method: 'GET',
    path: '/__qa/application/calendar',
    request: Empty,
    response: v.object({ exams: v.array(CalendarExam) }),
  }),
  setApplicationCalendar: qa({
    method: 'POST',
    path: '/__qa/application/calendar',
    request: v.object({
      examId: v.string(),
      examDate: v.optional(v.pipe(v.string(), v.isoDate('须是日期，如 2026-04-12'))),
      applyOpensAt: v.optional(Iso),
      applyClosesAt: v.optional(Iso),
      confirmClosesAt: v.optional(Iso),
      payClosesAt: v.optional(Iso),
    }),
    response: v.object({ exam: CalendarExam }),
  }),
  // After submission (issue 14, docs/process.md): the platform's payment notification, orders, reminders, deadlines.
  notifyPayment: qa({
    method: 'POST',
    path: '/__qa/applications/:id/payment',
    request: v.object({
      ...ByApplication.entries,
      outcome: PayOutcome,
      /** When the payment was made, as the platform reports it (ISO; by default now): a late payment is refunded. */
      paidAt: v.optional(v.pipe(v.string(), v.isoTimestamp('paidAt 必须是 ISO 时间'))),
    }),
    response: v.object({ order: QaOrder }),
  }),
  applicationOrders: qa({
    method: 'GET',
    path: '/__qa/applications/:id/orders',
    request: ByApplication,
    response: v.object({ orders: v.array(QaOrder), payments: v.number() }),
  }),
  reminders: qa({
    method: 'GET',
    path: '/__qa/reminders/:username',
    request: ByUsername,
    response: v.object({
      reminders: v.array(Message),
      subscriptions: v.array(
        v.object({
          platform: PlatformName,
          templateIds: v.array(v.string()),
          outcome: SubscribeOutcome,
          answers: v.optional(v.record(v.string(), SubscribeAnswer)),
          subscribeId: v.optional(v.string()),
          at: v.string(),
        }),
      ),
    }),
  }),
  moveToDeadline: qa({
    method: 'POST',
    path: '/__qa/applications/:id/deadline',
    request: v.object({
      ...ByApplication.entries,
      deadline: v.picklist(['apply', 'confirm', 'pay'], 'deadline 须是 apply、confirm 或 pay'),
      at: v.picklist(['near', 'past'], 'at 须是 near 或 past'),
    }),
    response: v.object({ now: v.string(), deadline: v.string() }),
  }),
  processApplication: qa({
    method: 'POST',
    path: '/__qa/process/applications',
    request: v.object({
      username: Username,
      province: v.pipe(v.string(), v.regex(/^\d{2}$/, 'province 须是两位考区代码')),
      examKind: v.optional(ExamKind, 'health'),
      submit: v.optional(v.boolean(), true),
      materials: v.optional(v.boolean(), true),
    }),
    response: QaApplication,
  }),
}

export type QaEndpoints = typeof qaEndpoints
export type QaEndpointName = keyof QaEndpoints
export type QaRequestOf<N extends QaEndpointName> = v.InferInput<QaEndpoints[N]['request']>
export type QaResponseOf<N extends QaEndpointName> = v.InferOutput<QaEndpoints[N]['response']>
