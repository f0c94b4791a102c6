import multipart from '@fastify/multipart'
import type { FastifyInstance } from 'fastify'
import { endpoints } from '../../../types/api'
import { MATERIAL_UPLOAD_FIELD, MATERIAL_UPLOAD_PATH, MATERIAL_VIEW_PATH } from '../../../types/process'
import { candidateScope } from '../../core/candidate-scope'
import { HttpError, badRequest, conflict, notFound } from '../../core/errors'
import type { Store } from '../../core/store'
import { commitUpload } from '../../core/upload-commit'
import { readUploadedFile } from '../../core/uploads'
import { ownApplication, viewOf } from '../application'
import { materialsOfProvince } from './data'
import {
  checkMaterial,
  ensureUploadOpen,
  MATERIAL_MAX_BYTES,
  materialOfTicket,
  materialsComplete,
  materialsView,
  saveMaterial,
} from './materials'
import { notifyPayment, paymentView, payParamsOf, startPayment } from './payment'
import { payerOfCode } from './payer'
import { examNameOf, queueReminders, remindersOf } from './reminders'
import { isIssuedTemplate, issuedTemplates } from './templates'

/**
 * After submission (issue 14, docs/process.md), all under the candidate's session: the payment (its view, opening
 * the cashier, the check after it closes), the materials (view, multipart upload, sending them again after a
 * refusal), the reminder subscription and the message list. Another candidate's application is the same 404.
 */
export async function processRoutes(app: FastifyInstance, store: Store, qa: boolean): Promise<void> {
  // An uploaded JPG for the review's thumbnail, through a fresh ticket from the materials view (no session header, no
  // id in the URL). Stored JPGs were decoded at upload; nosniff and a sandbox keep a browser from reading them as more.
  app.get(`${MATERIAL_VIEW_PATH}/:ticket`, async (req, reply) => {
    const { ticket } = req.params as { ticket: string }
    const m = materialOfTicket(store, ticket)
    const bytes = m ? await store.blobs.get(m.blob) : null
    if (!bytes) throw notFound('NOT_FOUND', '材料链接已失效，请刷新页面')
    reply
      .header('content-type', 'image/jpeg')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, max-age=300')
    return reply.send(bytes)
  })

  await candidateScope(app, store, async (scope) => {
    await scope.app.register(multipart, {
      limits: { fileSize: MATERIAL_MAX_BYTES, files: 1, fields: 5, parts: 6 },
    })

    scope.route(endpoints.paymentOf, async ({ id }, { candidate, reply }) => {
      reply.header('cache-control', 'no-store')
      return paymentView(store, ownApplication(store, candidate.id, id))
    })

    scope.route(endpoints.startPayment, async ({ id, platform, payerCode }, { candidate }) => {
      const a = ownApplication(store, candidate.id, id)
      // The payer: the account whose fresh login code came with this tap (exchanged once, as the platforms do).
      const payer = platform === 'h5' ? null : payerOfCode(store, platform, payerCode ?? '')
      if (platform !== 'h5' && !payer) throw badRequest('PAYER_CODE_INVALID')
      const order = startPayment(store, a, platform, payer)
      return { orderId: order.id, payParams: payParamsOf(order), payment: paymentView(store, a) }
    })

    // The cashier closed on the phone: the server asks the platform about the order (WeChat's 查询订单, Alipay's
    // trade.query). The stand-in platform answers what QA set (/__qa/sim/pay); without the QA API there is no
    // platform, so an open order stays open. The phone's own report is never used.
    scope.route(endpoints.checkPayment, async ({ id }, { candidate }) => {
      const a = ownApplication(store, candidate.id, id)
      const order = store.state.process.orders.get(a.id)
      if (qa && order?.state === 'paying' && order.platform !== 'h5' && store.state.sim.pay !== 'pending')
        notifyPayment(store, order.id, store.state.sim.pay)
      return paymentView(store, a)
    })

    scope.route(endpoints.materialsOf, async ({ id }, { candidate }) =>
      materialsView(store, ownApplication(store, candidate.id, id)),
    )

    scope.app.post(MATERIAL_UPLOAD_PATH, async (req) => {
      const candidate = scope.candidateOf(req)
      const { id, key } = req.params as { id: string; key: string }
      const province = ownApplication(store, candidate.id, id).province
      // Checked before the body is read, and again when it is stored (core/upload-commit.ts): a submission, a
      // confirmation, the deadline or a change of province (修改考区: the list and the formats are the old
      // province's) that lands while the file is on the wire wins.
      const allowed = () => {
        const a = ownApplication(store, candidate.id, id)
        if (a.province !== province) throw conflict('PROVINCE_CHANGED')
        ensureUploadOpen(store, a)
        const entry = materialsOfProvince(a.province).find((m) => m.key === key)
        if (!entry) throw notFound('NOT_FOUND', '没有这项材料')
        return { a, entry }
      }
      const { entry } = allowed()
      // The shared reader: a malformed or cut-off body is a 400, a file past the limit a 413 (never a partial file).
      const bytes = await readUploadedFile(req, MATERIAL_UPLOAD_FIELD, {
        notMultipart: '请以文件方式上传材料',
        missing: '没有收到材料文件',
        tooLarge: new HttpError(413, 'MATERIAL_FORMAT', `${entry.name}文件过大，请上传 5MB 以内的文件`),
      })
      // Checked and put in its stored form (a JPG re-encoded; a PDF checked on a worker, never rewritten).
      const checked = await checkMaterial(entry, bytes)
      return commitUpload(store, req, checked.bytes, allowed, (blob) => {
        const { a } = allowed()
        saveMaterial(store, a, key, checked.format, checked.bytes.length, blob)
        return materialsView(store, a)
      })
    })

    // After 确认不通过: the re-uploaded materials go for confirmation again (确认中).
    scope.route(endpoints.resubmitMaterials, async ({ id }, { candidate }) => {
      const a = ownApplication(store, candidate.id, id)
      ensureUploadOpen(store, a)
      if (!a.submittedAt) throw conflict('APPLICATION_NOT_SUBMITTED', '请先提交报名信息')
      if (!materialsComplete(store, a)) throw conflict('MATERIALS_INCOMPLETE')
      a.confirmation = 'none'
      a.confirmationReason = null
      a.updatedAt = store.clock.iso()
      store.save()
      return viewOf(store, a, candidate)
    })

    scope.route(endpoints.reminderTemplates, async ({ platform }) => ({ templates: issuedTemplates(platform) }))

    scope.route(endpoints.subscribeReminders, async (input, { candidate }) => {
      // Only templates this platform issued to the app (the dialog could not have shown others), each answer for one
      // of the templates asked.
      const unknown = input.templateIds.find((id) => !isIssuedTemplate(input.platform, id))
      const stray = Object.keys(input.answers ?? {}).find((id) => !input.templateIds.includes(id))
      if (unknown !== undefined || stray !== undefined) throw badRequest('SUBSCRIBE_TEMPLATE_UNKNOWN')
      const list = store.state.process.subscriptions.get(candidate.id) ?? []
      list.push({ ...input, at: store.clock.iso() })
      store.state.process.subscriptions.set(candidate.id, list.slice(-20))
      store.save()
      return { subscribed: list.some((s) => s.outcome === 'accept'), count: list.length }
    })

    scope.route(endpoints.messages, async (_in, { candidate, reply }) => {
      reply.header('cache-control', 'no-store')
      queueReminders(store)
      const subscribed = (store.state.process.subscriptions.get(candidate.id) ?? []).some((s) => s.outcome === 'accept')
      const messages = remindersOf(store, candidate.id)
        .slice()
        .reverse()
        .map(({ id, applicationId, kind, title, body, at, pushed, examName }) => ({
          id,
          applicationId,
          kind,
          title,
          body,
          at,
          pushed,
          examName: examName ?? examNameOf(store, applicationId),
        }))
      return { messages, subscribed }
    })
  })
}
