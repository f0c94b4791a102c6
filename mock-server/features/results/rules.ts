import crypto from 'node:crypto'
import QRCode from 'qrcode'
import { chinaClock, chinaDate } from '../../../domain/china-time'
import { isLatinName } from '../../../domain/person-name'
import {
  examYearOf,
  isPassed,
  rollingStanding,
  ROLLING_YEARS,
  subjectName,
  ticketWindowState,
  type SubjectScore,
} from '../../../domain/results'
import type { CertificateResult, QrCode, Scores, Ticket, TicketBrief } from '../../../types/results'
import type { Store } from '../../core/store'
import { applicationDataChecks } from '../account'
import type { CandidateResults, StoredTicket } from './state'

/** 考生须知 printed on every ticket. */
export const CANDIDATE_RULES = [
  '考生须携带准考证和有效身份证件原件，按准考证上的时间、地点参加考试。',
  '开考前 30 分钟进入考场，开考 15 分钟后不得入场，考试开始 60 分钟后方可交卷离场。',
  '除黑色签字笔、2B 铅笔和橡皮外，不得携带任何物品进入座位；手机等通讯工具须关闭后放在指定位置。',
  '考试采用人机对话方式，考生须核对屏幕上的姓名、准考证号和科目，如有不符立即向监考人员报告。',
  '考生须服从监考人员管理，违纪违规者按《专业技术人员资格考试违纪违规行为处理规定》处理。',
]

/** YYYY-MM-DD and HH:mm of an instant in China time. */
function chinaParts(iso: string): { date: string; time: string } {
  return { date: chinaDate(iso), time: chinaClock(iso) }
}

/** A QR code as the page shows it (PNG) and as the canvas draws it (modules). */
export async function qrOf(text: string): Promise<QrCode> {
  const code = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const size = code.modules.size
  let modules = ''
  for (let i = 0; i < size * size; i++) modules += code.modules.data[i] ? '1' : '0'
  const dataUrl = await QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 1, width: 240 })
  return { text, dataUrl, size, modules }
}

export function ticketBrief(t: StoredTicket, now: number): TicketBrief {
  return {
    ticketId: t.id,
    examName: t.examName,
    examYear: t.examYear,
    state: ticketWindowState(now, t.opensAt, t.closesAt),
    opensAt: t.opensAt,
    closesAt: t.closesAt,
    reminder: t.reminder,
  }
}

/** The candidate's current ticket: the latest exam's. */
export function currentTicket(store: Store, accountId: string): StoredTicket | null {
  let best: StoredTicket | null = null
  for (const t of store.state.results.tickets.values())
    if (t.accountId === accountId && (!best || t.opensAt > best.opensAt)) best = t
  return best
}

export function ticketView(
  t: StoredTicket,
  who: { name: string; idTypeName: string; idNumberMasked: string; idNumber: string; photoUrl: string | null },
  qr: QrCode,
  now: number,
  kind: CandidateResults['kind'],
): Ticket {
  return {
    brief: ticketBrief(t, now),
    ticketNo: t.ticketNo,
    ...who,
    speciality: t.speciality,
    sittings: [...t.sittings]
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
      .map((s) => {
        const start = chinaParts(s.startsAt)
        return {
          subjectCode: s.subjectCode,
          subjectName: subjectName(kind, s.subjectCode),
          date: start.date,
          time: `${start.time}–${chinaParts(s.endsAt).time}`,
          startsAt: s.startsAt,
          endsAt: s.endsAt,
          centre: s.centre,
          address: s.address,
          location: s.location ?? null,
          room: s.room,
          seat: s.seat,
        }
      }),
    rules: CANDIDATE_RULES,
    qr,
  }
}

function scoresOf(results: CandidateResults): SubjectScore[] {
  return results.years.flatMap((y) => y.scores.map((s) => ({ year: y.year, ...s })))
}

/** The exam year the rolling rule is judged in: this year, or a later year whose scores are already out. */
function asOfYear(results: CandidateResults, now: number): number {
  return Math.max(examYearOf(now), ...results.years.map((y) => y.year))
}

export function scoresView(results: CandidateResults, now: number): Scores {
  const standing = rollingStanding(results.kind, scoresOf(results), asOfYear(results, now))
  return {
    examName: results.examName,
    speciality: results.speciality,
    rollingYears: ROLLING_YEARS[results.kind],
    years: [...results.years]
      .sort((a, b) => b.year - a.year)
      .map((y) => ({
        year: y.year,
        examName: y.examName,
        subjects: y.scores.map((s) => ({
          code: s.code,
          name: subjectName(results.kind, s.code),
          score: s.score,
          passMark: s.passMark,
          passed: isPassed(s),
        })),
      })),
    standing: {
      asOfYear: standing.asOfYear,
      completed: standing.completed,
      subjects: standing.subjects.map((s) => ({
        code: s.code,
        name: subjectName(results.kind, s.code),
        state: s.state,
        passedYear: s.state === 'retake' ? null : s.passedYear,
        countsThrough: s.state === 'retake' ? null : s.countsThrough,
      })),
    },
  }
}

/** Every subject passed within one rolling window. */
export function certificateReady(results: CandidateResults | undefined, now: number): boolean {
  if (!results) return false
  return rollingStanding(results.kind, scoresOf(results), asOfYear(results, now)).completed !== null
}

/** 发证机构 of the 成绩合格证明: the national exam's administering body. */
export const CERTIFICATE_ISSUER = '国家卫生健康委人才交流服务中心'

/** The certificate when every subject passed within one window; its number is given the first time. */
export async function certificateOf(
  store: Store,
  accountId: string,
  who: { name: string; idNumberMasked: string },
  verifyBase: string,
): Promise<CertificateResult> {
  const results = store.state.results.byAccount.get(accountId)
  if (!results) return { available: false, reason: '暂无考试成绩' }
  const now = store.clock.now()
  const standing = rollingStanding(results.kind, scoresOf(results), asOfYear(results, now))
  if (!standing.completed) {
    const left = standing.subjects.filter((s) => s.state !== 'counts').map((s) => subjectName(results.kind, s.code))
    return { available: false, reason: `尚未在滚动周期内通过全部科目：还需通过${left.join('、')}` }
  }
  if (!results.certificateNo) {
    results.certificateNo = `${standing.completed.toYear}${crypto.randomInt(10 ** 9, 10 ** 10)}`
    store.state.results.certificates.set(results.certificateNo, accountId)
    store.save()
  }
  const verifyUrl = `${verifyBase}/api/results/verify/${results.certificateNo}`
  const issued = results.years.find((y) => y.year === standing.completed!.toYear)
  return {
    available: true,
    certificate: {
      number: results.certificateNo,
      ...who,
      examName: issued?.examName ?? results.examName,
      speciality: results.speciality,
      fromYear: standing.completed.fromYear,
      toYear: standing.completed.toYear,
      // Scores are published in the exam year's summer; the certificate is dated from then.
      issuedOn: `${standing.completed.toYear}-07-01`,
      issuer: CERTIFICATE_ISSUER,
      verifyUrl,
      qr: await qrOf(verifyUrl),
    },
  }
}

/**
 * 张三 → 张*, 欧阳娜娜 → 欧**娜: enough for a checker to match the paper, not enough to learn a stranger's name. A
 * name in Latin letters (a passport's, issue 24) keeps each word's initial: JOHN SMITH → J*** S****.
 */
export function maskName(name: string): string {
  if (isLatinName(name)) return name.replace(/\S+/g, (word) => word[0] + '*'.repeat(word.length - 1))
  const chars = [...name]
  if (chars.length <= 1) return '*'
  if (chars.length === 2) return `${chars[0]}*`
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1]
}

/**
 * SPEC 1.4: an account that has applied for an exam cannot be cancelled. A ticket or published scores are that
 * exam's record (the exam authority's, kept whatever the app does), so they refuse cancellation too.
 */
applicationDataChecks.push((state, accountId) => {
  const hasTicket = [...state.results.tickets.values()].some((t) => t.accountId === accountId)
  return hasTicket || state.results.byAccount.has(accountId) ? '您已有准考证或考试成绩，不能注销账号' : null
})
