import * as v from 'valibot'
import { TicketWindowState } from './states'

/**
 * After the exam (issue 15): the admission ticket (准考证) in its printing window, the scores (成绩查询) with the
 * rolling rule (成绩滚动管理), the pass certificate (成绩合格证明). The rule itself is domain/results.ts.
 */

export { TicketWindowState }
export const SubjectStandingState = v.picklist(['counts', 'lapsed', 'retake'])

/** A QR code the page shows as an image and the canvas draws module by module (no QR generator ships to phones). */
export const QrCode = v.object({
  /** The text it carries. */
  text: v.string(),
  /** A PNG data URL for the page. */
  dataUrl: v.string(),
  /** Side length in modules. */
  size: v.number(),
  /** size×size characters, row by row, '1' dark and '0' light: what the ticket image draws. */
  modules: v.string(),
})
export type QrCode = v.InferOutput<typeof QrCode>

/** The ticket as the hub and the ticket page first see it: its window, without the ticket itself. */
export const TicketBrief = v.object({
  /** Opaque: names the ticket in URLs (never the 准考证号 or anything personal). */
  ticketId: v.string(),
  examName: v.string(),
  examYear: v.number(),
  state: TicketWindowState,
  /** Printing opens (ISO 8601). */
  opensAt: v.string(),
  /** Printing ends when the last subject's sitting ends (ISO 8601). */
  closesAt: v.string(),
  /** The candidate asked to be reminded when printing opens. */
  reminder: v.boolean(),
})
export type TicketBrief = v.InferOutput<typeof TicketBrief>

export const ResultsSummaryResponse = v.object({
  /** This year's ticket, if one was issued. */
  ticket: v.nullable(TicketBrief),
  /** Exam years with published scores, newest first. */
  scoreYears: v.array(v.number()),
  /** The 成绩合格证明 is available. */
  certificate: v.boolean(),
})
export type ResultsSummary = v.InferOutput<typeof ResultsSummaryResponse>

/**
 * A test centre's position in GCJ-02 (国测局坐标系, "火星坐标"), the datum every map in mainland China uses and the one
 * wx.openLocation, my.openLocation and swan.openLocation take (a GPS/WGS-84 position would land a few hundred metres
 * off): https://developers.weixin.qq.com/miniprogram/dev/api/location/wx.openLocation.html ("使用 gcj02 国测局坐标系").
 */
export const GeoPoint = v.object({
  latitude: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
  longitude: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
})
export type GeoPoint = v.InferOutput<typeof GeoPoint>

export const TicketSitting = v.object({
  subjectCode: v.string(),
  subjectName: v.string(),
  /** YYYY-MM-DD, China time. */
  date: v.string(),
  /** HH:mm–HH:mm, China time. */
  time: v.string(),
  /** The sitting's start and end (ISO 8601): what the phone's calendar entry is made from. */
  startsAt: v.string(),
  endsAt: v.string(),
  centre: v.string(),
  address: v.string(),
  /** Where the centre is (GCJ-02), for the map; null for a centre the server has no position for. */
  location: v.nullable(GeoPoint),
  room: v.string(),
  seat: v.string(),
})
export type TicketSitting = v.InferOutput<typeof TicketSitting>

export const TicketRequest = v.object({ ticketId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)) })

export const TicketResponse = v.object({
  brief: TicketBrief,
  /** 准考证号. */
  ticketNo: v.string(),
  name: v.string(),
  /** 证件类型 the candidate registered with (居民身份证, 护照 ...): the entrance checks the number against that document. */
  idTypeName: v.string(),
  /** The screen's (masked, as everywhere on screen). */
  idNumberMasked: v.string(),
  /**
   * The whole ID number, for the saved, printable 准考证 only: the official ticket prints it in full, as the exam
   * entrance checks it against the ID card. The candidate's own, sent only on their authenticated ticket call.
   */
  idNumber: v.string(),
  /** The exam photo, through a short-lived ticket (a path under the API base), or null. */
  photoUrl: v.nullable(v.string()),
  speciality: v.string(),
  sittings: v.array(TicketSitting),
  /** 考生须知. */
  rules: v.array(v.string()),
  /** Carries the 准考证号. */
  qr: QrCode,
})
export type Ticket = v.InferOutput<typeof TicketResponse>

export const ReminderResponse = v.object({ ok: v.literal(true), reminder: v.boolean() })

export const SubjectScoreView = v.object({
  code: v.string(),
  name: v.string(),
  score: v.number(),
  passMark: v.number(),
  passed: v.boolean(),
})

export const ScoreYear = v.object({
  year: v.number(),
  examName: v.string(),
  subjects: v.array(SubjectScoreView),
})
export type ScoreYear = v.InferOutput<typeof ScoreYear>

export const SubjectStandingView = v.object({
  code: v.string(),
  name: v.string(),
  state: SubjectStandingState,
  passedYear: v.nullable(v.number()),
  /** The last exam year the pass counts in. */
  countsThrough: v.nullable(v.number()),
})
export type SubjectStandingView = v.InferOutput<typeof SubjectStandingView>

export const ScoresResponse = v.object({
  examName: v.string(),
  speciality: v.string(),
  /** How many consecutive exam years a pass counts (2 for 卫生专业技术资格). */
  rollingYears: v.number(),
  /** Newest first. */
  years: v.array(ScoreYear),
  standing: v.object({
    asOfYear: v.number(),
    subjects: v.array(SubjectStandingView),
    completed: v.nullable(v.object({ fromYear: v.number(), toYear: v.number() })),
  }),
})
export type Scores = v.InferOutput<typeof ScoresResponse>

export const Certificate = v.object({
  /** 证明编号. */
  number: v.string(),
  name: v.string(),
  idNumberMasked: v.string(),
  examName: v.string(),
  speciality: v.string(),
  fromYear: v.number(),
  toYear: v.number(),
  /** YYYY-MM-DD. */
  issuedOn: v.string(),
  /** 发证机构: the body that issues the certificate, printed on it. */
  issuer: v.string(),
  /** Where anyone can check it (the QR code carries this address). */
  verifyUrl: v.string(),
  qr: QrCode,
})
export type Certificate = v.InferOutput<typeof Certificate>

export const CertificateResponse = v.variant('available', [
  v.object({ available: v.literal(true), certificate: Certificate }),
  v.object({ available: v.literal(false), reason: v.string() }),
])
export type CertificateResult = v.InferOutput<typeof CertificateResponse>

export const VerifyCertificateRequest = v.object({ number: v.pipe(v.string(), v.minLength(1), v.maxLength(40)) })
/** What a stranger holding the QR learns: that it is genuine, the name masked, the exam. Never the ID number. */
export const VerifyCertificateResponse = v.object({
  valid: v.boolean(),
  nameMasked: v.nullable(v.string()),
  examName: v.nullable(v.string()),
  speciality: v.nullable(v.string()),
  toYear: v.nullable(v.number()),
})

/** The subscription template for the printing-window reminder (待办事项提醒). */
