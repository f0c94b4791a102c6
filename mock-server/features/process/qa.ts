import crypto from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import sharp from 'sharp'
import { qaEndpoints } from '../../../types/qa'
import type { ExamKind, RecordKind } from '../../../types/states'
import { contractRoute } from '../../core/contract-route'
import { conflict, notFound } from '../../core/errors'
import type { Store } from '../../core/store'
import { findByExactUsername } from '../account'
import {
  centresOf,
  provinceOf,
  calendarOf,
  codeOf,
  newApplication,
  viewOf,
  type StoredApplication,
} from '../application'
import { materialsOfProvince } from './data'
import { notifyPayment } from './payment'
import { examNameOf, queueReminders, remindersOf } from './reminders'

/**
 * QA control API after submission (only with --qa), beside the application feature's confirm / reject-confirmation /
 * review routes: the platform's payment notification, the order as the server holds it, the reminders queued, the
 * clock moved to a deadline, and a submitted application without the wizard (for specs of the pages after it).
 */
export function processQaRoutes(app: FastifyInstance, store: Store): void {
  const application = (id: string): StoredApplication => {
    const found = store.state.application.byId.get(id)
    if (!found) throw notFound('NOT_FOUND', '没有这个报名')
    return found
  }

  // The platform's payment notification for the application's order (what WeChat/Alipay/Baidu would call back with).
  contractRoute(app, store, qaEndpoints.notifyPayment, async ({ id, outcome, paidAt }) => {
    const a = application(id)
    const order = store.state.process.orders.get(a.id)
    if (!order) throw conflict('APPLICATION_STATE', '该报名还没有缴费订单')
    notifyPayment(store, order.id, outcome, paidAt === undefined ? undefined : Date.parse(paidAt))
    return { order }
  })

  contractRoute(app, store, qaEndpoints.applicationOrders, async ({ id }) => {
    const a = application(id)
    const order = store.state.process.orders.get(a.id) ?? null
    // Every order of the application (there is at most one) and the captures across them.
    return { orders: order ? [order] : [], payments: order?.payments ?? 0 }
  })

  contractRoute(app, store, qaEndpoints.reminders, async ({ username }) => {
    const account = findByExactUsername(store.state, username)
    if (!account) throw notFound('NOT_FOUND', '没有这个考生')
    queueReminders(store)
    return {
      reminders: remindersOf(store, account.id).map((r) => ({
        ...r,
        examName: r.examName ?? examNameOf(store, r.applicationId),
      })),
      subscriptions: store.state.process.subscriptions.get(account.id) ?? [],
    }
  })

  // Moves the server's clock to an exam's deadline: `near` is two days before it, `past` one minute after; open
  // sessions move with it (a jump of weeks would otherwise log everyone out).
  contractRoute(app, store, qaEndpoints.moveToDeadline, async (input) => {
    const a = application(input.id)
    const exam = calendarOf(store).find((e) => e.id === a.examId)!
    const iso = { apply: exam.applyClosesAt, confirm: exam.confirmClosesAt, pay: exam.payClosesAt }[input.deadline]
    const target = Date.parse(iso) + (input.at === 'near' ? -2 * 24 * 3600 * 1000 : 60 * 1000)
    // Sessions move with the clock: the jump stands for days passing while the candidate keeps using the app.
    const delta = target - store.clock.now()
    if (delta > 0)
      for (const session of store.state.sessions.values())
        session.expiresAt = new Date(Date.parse(session.expiresAt) + delta).toISOString()
    store.clock.set(target)
    queueReminders(store)
    return { now: store.clock.iso(), deadline: iso }
  })

  // A complete application made without the wizard: every step, the hub photo, the province's materials (QA's
  // stand-in files), and submitted unless `submit` is false. The candidate needs a hub (scenario apply-open).
  contractRoute(app, store, qaEndpoints.processApplication, async (input) => {
    const account = findByExactUsername(store.state, input.username)
    if (!account) throw notFound('NOT_FOUND', '没有这个考生')
    const province = provinceOf(input.province)
    if (!province) throw notFound('NOT_FOUND', '没有这个考区')
    const exam = calendarOf(store).find(
      (e) => e.kind === input.examKind && Date.parse(e.applyClosesAt) > store.clock.now(),
    )
    if (!exam) throw conflict('APPLICATION_WINDOW_CLOSED')
    for (const [id, other] of store.state.application.byId)
      if (other.accountId === account.id && other.examId === exam.id) {
        store.state.application.byId.delete(id)
        store.state.process.orders.delete(id)
        store.state.process.materials.delete(id)
      }
    const a = filledApplication(store, account, exam, input.province, input.examKind)
    if (input.materials && province.onlineConfirmation) {
      const file = await qaMaterial()
      store.state.process.materials.set(
        a.id,
        materialsOfProvince(input.province).map((m) => ({
          key: m.key,
          format: 'jpeg' as const,
          size: file.length,
          uploadedAt: store.clock.iso(),
          blob: store.blobs.putSync(file),
        })),
      )
    }
    if (input.submit) {
      a.submittedAt = store.clock.iso()
      a.everSubmitted = true
    }
    store.state.application.byId.set(a.id, a)
    store.save()
    return { ...viewOf(store, a, account), code: codeOf(a) }
  })
}

/** QA's stand-in exam photo bytes (never shown). */
const QA_PHOTO = Buffer.from([0xff, 0xd8, 0xff, 0xd9])

/** QA's stand-in material: a plain grey JPG that the review can show as a thumbnail (made once, on first use). */
let standInMaterial: Promise<Buffer> | null = null
const qaMaterial = () =>
  (standInMaterial ??= sharp({ create: { width: 358, height: 441, channels: 3, background: '#c8ccd2' } })
    .jpeg()
    .toBuffer())

function filledApplication(
  store: Store,
  account: Parameters<typeof newApplication>[1],
  exam: Parameters<typeof newApplication>[2],
  province: string,
  kind: ExamKind,
): StoredApplication {
  const a = newApplication(store, account, exam, province)
  const centre = centresOf(province)[0]
  const records = store.state.profile.byAccount.get(account.id)?.records ?? []
  const record = (k: RecordKind) => {
    const r = records.find((x) => x.kind === k && x.state === 'verified')
    return r
      ? {
          id: r.id,
          certificateNo: r.certificateNo,
          school: r.otherSchool || r.school,
          graduationDate: r.graduationDate,
          major: r.otherMajor || r.major,
          level: r.level,
          studyMode: r.studyMode,
        }
      : null
  }
  const education = record('education') ?? {
    id: crypto.randomUUID(),
    certificateNo: '100011201305000001',
    school: '北京大学',
    graduationDate: '2013-07-01',
    major: '护理学',
    level: '本科',
    studyMode: '普通全日制',
  }
  const degree = record('degree')
  a.declarationsAcceptedAt = store.clock.iso()
  a.steps = {
    centre: { centre: centre.code, enrolPoint: centre.enrolPoints[0]?.code ?? '' },
    // 长期 is a 居民身份证's alone (idLongTermProblem); other documents run ten years from now.
    basic: {
      idValidUntil: account.idType === 'resident-id' ? '长期' : `${Number(store.clock.iso().slice(0, 4)) + 10}-06-30`,
      ethnicity: '汉族',
    },
    contact: { mobile: '13912345678', address: '北京市海淀区学院路38号', postcode: '100191', email: '' },
    examInfo:
      kind === 'health'
        ? {
            category: 'nursing',
            level: '3',
            speciality: '368',
            practiceCategory: '护士',
            firstRegistration: '2013-09',
            residencyHolder: false,
            residencyCertDate: '',
            subjects: ['1', '2', '3', '4'],
          }
        : {
            category: 'nursing',
            level: 'N',
            speciality: 'N01',
            practiceCategory: '无',
            firstRegistration: '',
            residencyHolder: false,
            residencyCertDate: '',
            subjects: ['P1', 'P2'],
          },
    education: {
      educationRecordId: education.id,
      degreeRecordId: degree?.id ?? null,
      records: { education, degree },
    },
    work: { unitName: '北京协和医院', otherUnitName: '', unitType: '', workStart: '2013-08', specialityYears: 10 },
  }
  const photo = store.state.profile.byAccount.get(account.id)?.photo
  a.photo = {
    source: 'hub',
    width: photo?.width ?? 295,
    height: photo?.height ?? 413,
    size: photo?.size ?? 50000,
    confirmedAt: store.clock.iso(),
    blob: photo?.blob ?? store.blobs.putSync(QA_PHOTO),
  }
  a.version++
  return a
}
