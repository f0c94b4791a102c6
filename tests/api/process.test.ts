import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { api, ApiError, newIdempotencyKey, setSessionToken } from '../../src/api'
import { DEMO_CANDIDATE, makeIdNumber } from '../../mock-server/scenarios'
import { stateToJson } from '../../mock-server/core/persist'
import type { ApplicationView } from '../../types/application'
import { clientAgainstMock } from './support/client-mock'

const PHOTOS = path.join(__dirname, '..', 'fixtures', 'photos')
const JPG = path.join(PHOTOS, 'valid-358x441.jpg')
const PNG = path.join(PHOTOS, 'not-jpeg-358x441.png')
const SMALL = path.join(PHOTOS, 'small-file-295x413.jpg')

/** After submission (issue 14): payment, materials, reminders and the nodes, the real client against the mock server. */
describe('process API (after submission)', () => {
  const mock = clientAgainstMock()
  let seq = 700
  /** A real one-page PDF: the server parses a PDF whole before it keeps it. */
  const PDF = path.join(__dirname, '..', 'fixtures', 'materials', 'proof.pdf')
  let HEADER_ONLY_PDF = ''

  beforeAll(() => {
    HEADER_ONLY_PDF = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'process-')), 'header-only.pdf')
    fs.writeFileSync(HEADER_ONLY_PDF, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
  })
  afterEach(() => mock.qaApi('setClock', { real: true }))

  const fail = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('expected the call to fail')
      },
      (e: unknown) => e as ApiError,
    )
  async function login(username = DEMO_CANDIDATE.username): Promise<string> {
    const { token } = await mock.qaApi('createSession', { username })
    setSessionToken(token)
    return token
  }
  /** `apply-open`, the demo candidate logged in, and a complete application made by QA in `province`. */
  async function application(province: string, opts: { submit?: boolean; materials?: boolean } = {}) {
    await mock.qaApi('loadScenario', { name: 'apply-open' })
    await login()
    return (await mock.qaApi('processApplication', {
      username: DEMO_CANDIDATE.username,
      province,
      ...opts,
    })) as ApplicationView
  }
  const states = (v: ApplicationView) => Object.fromEntries(v.nodes.map((n) => [n.key, n.state]))
  const confirm = (id: string) => mock.qaApi('confirmApplication', { id })
  const review = (id: string, stage: 'centre' | 'region', outcome: 'pass' | 'fail', reason?: string) =>
    mock.qaApi('reviewStage', { id, stage, outcome, reason })
  async function reviewed(province: string): Promise<string> {
    const { id } = await application(province)
    await confirm(id)
    await review(id, 'centre', 'pass')
    await review(id, 'region', 'pass')
    return id
  }
  const orders = (id: string) => mock.qaApi('applicationOrders', { id })

  test('a normal province, node by node, from submission to 报名成功 (H5 cashier)', async () => {
    const a = await application('11')
    expect(a.status).toBe('submitted')
    expect(states(a)).toEqual({
      fill: 'done',
      submit: 'done',
      confirm: 'current',
      review: 'todo',
      payment: 'todo',
      success: 'todo',
    })
    expect((await fail(api.startPayment(a.id, 'h5'))).code).toBe('PAY_NOT_READY')
    expect((await api.paymentOf(a.id)).state).toBe('not-ready')
    await confirm(a.id)
    expect(states(await api.getApplication(a.id))).toMatchObject({ confirm: 'done', review: 'current' })
    expect((await fail(api.startPayment(a.id, 'h5'))).code).toBe('PAY_NOT_READY')
    expect((await fail(api.withdrawApplication(a.id))).code).toBe('APPLICATION_CONFIRMED')
    await review(a.id, 'centre', 'pass')
    const half = await api.getApplication(a.id)
    expect(half.nodes.find((n) => n.key === 'review')).toMatchObject({
      state: 'current',
      hint: '考点审核已通过，等待考区审核',
    })
    await review(a.id, 'region', 'pass')
    const due = await api.getApplication(a.id)
    expect(due.status).toBe('awaiting-payment')
    expect(states(due)).toMatchObject({ review: 'done', payment: 'current', success: 'todo' })
    expect(due.nodes.find((n) => n.key === 'payment')!.deadline).toBe(due.deadlines.payBy)

    const pay = await api.paymentOf(a.id)
    expect(pay).toMatchObject({ state: 'due', total: 24000, order: null, pcMessage: null })
    expect(pay.items.map((i) => [i.name, i.amount])).toEqual([
      ['基础知识', 6000],
      ['相关专业知识', 6000],
      ['专业知识', 6000],
      ['专业实践能力', 6000],
    ])
    const started = await api.startPayment(a.id, 'h5')
    expect(started.payment.state).toBe('paying')
    expect(started.payParams.cashier).toBe(`/api/sim/pay/${started.orderId}/run`)
    // The phone saying "paid" means nothing: only the platform's notification (here the H5 cashier) pays.
    expect((await api.getApplication(a.id)).status).toBe('awaiting-payment')
    await mock.qaApi('simPay', { outcome: 'success' })
    expect((await api.simPayRun(started.orderId)).outcome).toBe('success')
    const paid = await api.getApplication(a.id)
    expect(paid.status).toBe('succeeded')
    expect(states(paid)).toMatchObject({ payment: 'done', success: 'done' })
    expect((await api.paymentOf(a.id)).state).toBe('paid')
    expect((await fail(api.startPayment(a.id, 'h5'))).code).toBe('ALREADY_PAID')
    // A repeated notification changes nothing.
    await Promise.all(Array.from({ length: 5 }, () => api.simPayRun(started.orderId)))
    expect((await orders(a.id)).payments).toBe(1)
  })

  test('20 parallel pay requests for one application create one order and one payment', async () => {
    const id = await reviewed('11')
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => api.startPayment(id, 'weapp', { idempotencyKey: newIdempotencyKey() })),
    )
    expect(new Set(answers.map((x) => x.orderId)).size).toBe(1)
    expect(answers[0].payParams).toMatchObject({ signType: 'RSA', package: expect.stringMatching(/^prepay_id=/) })
    expect((await orders(id)).orders).toHaveLength(1)
    expect((await orders(id)).orders[0].attempts).toBe(1)
    await mock.qaApi('notifyPayment', { id, outcome: 'success' })
    await Promise.all(Array.from({ length: 20 }, () => mock.qaApi('notifyPayment', { id, outcome: 'success' })))
    expect(await orders(id)).toMatchObject({ payments: 1 })
    expect((await api.getApplication(id)).status).toBe('succeeded')
  })

  test('failed, then cancelled, then paid on another device: one order, one payment', async () => {
    const id = await reviewed('11')
    await mock.qaApi('simPay', { outcome: 'fail' })
    const first = await api.startPayment(id, 'weapp')
    const failed = await api.checkPayment(id)
    expect(failed).toMatchObject({ state: 'due', order: { state: 'failed', lastOutcome: 'fail', attempts: 1 } })
    expect((await api.getApplication(id)).status).toBe('awaiting-payment')
    await mock.qaApi('simPay', { outcome: 'cancel' })
    const second = await api.startPayment(id, 'weapp')
    expect(second.orderId).toBe(first.orderId)
    expect((await api.checkPayment(id)).order).toMatchObject({ state: 'cancelled', attempts: 2 })
    // Another device (another session of the same candidate) retries: the same order again.
    await login()
    await mock.qaApi('simPay', { outcome: 'success' })
    const third = await api.startPayment(id, 'alipay')
    expect(third.orderId).toBe(first.orderId)
    expect(third.payParams.tradeNO).toBeTruthy()
    // A retry after a timeout while the cashier is open: the same attempt.
    expect((await api.startPayment(id, 'alipay')).payment.order!.attempts).toBe(3)
    expect((await api.checkPayment(id)).state).toBe('paid')
    expect(await orders(id)).toMatchObject({ payments: 1, orders: [{ attempts: 3, state: 'paid' }] })
  })

  test('provinces without mobile or online payment; the window closing unpaid means given up', async () => {
    const qinghai = await reviewed('63')
    expect(await api.paymentOf(qinghai)).toMatchObject({ state: 'pc-only', pcMessage: expect.stringContaining('电脑') })
    expect(await fail(api.startPayment(qinghai, 'weapp'))).toMatchObject({ code: 'PAY_PC_ONLY', status: 409 })
    const q = await api.getApplication(qinghai)
    expect(q.nodes.find((n) => n.key === 'payment')!.hint).toContain('电脑')

    const tibet = await reviewed('54')
    const t = await api.getApplication(tibet)
    expect(t.status).toBe('succeeded')
    expect(t.nodes.map((n) => n.key)).not.toContain('payment')
    expect((await fail(api.startPayment(tibet, 'weapp'))).code).toBe('PAY_NOT_ONLINE')
    expect((await api.paymentOf(tibet)).state).toBe('none')

    const beijing = await reviewed('11')
    await mock.qaApi('moveToDeadline', { id: beijing, deadline: 'pay', at: 'past' })
    expect((await fail(api.startPayment(beijing, 'weapp'))).code).toBe('PAY_CLOSED')
    expect((await api.paymentOf(beijing)).state).toBe('closed')
    const late = await api.getApplication(beijing)
    expect(late.nodes.find((n) => n.key === 'payment')).toMatchObject({
      state: 'failed',
      hint: expect.stringContaining('视为放弃考试'),
    })
  })

  test('a malformed or cut-off materials upload is a 400 with the contract body (never a 500), and nothing is kept', async () => {
    const a = await application('12', { submit: false, materials: false })
    const token = await login()
    for (const body of [
      '--xx\r\nbroken',
      '--xx\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\nabc',
      '--xx\r\nContent-Disposition: form-data; name="x"\r\n\r\nabc\r\n--xx--\r\n',
      '',
    ]) {
      const res = await fetch(`${mock.url}/api/applications/${a.id}/materials/id-card`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'multipart/form-data; boundary=xx' },
        body,
      })
      const answer = (await res.json()) as { error?: { code: string; message: string } }
      expect([res.status, answer.error?.code]).toEqual([400, 'BAD_REQUEST'])
      expect(answer.error?.message).toMatch(/[\u4e00-\u9fff]/)
    }
    expect((await api.materialsOf(a.id)).required.every((r) => !r.uploaded)).toBe(true)
  })

  test('online confirmation (天津): materials checked from the bytes, submission, refusal, re-upload, confirmation', async () => {
    const a = await application('12', { submit: false, materials: false })
    expect(a.nodes.map((n) => n.key)).toEqual([
      'fill',
      'materials',
      'submit',
      'confirm',
      'review',
      'payment',
      'success',
    ])
    expect(states(a)).toMatchObject({ fill: 'done', materials: 'current', submit: 'todo' })
    const m = await api.materialsOf(a.id)
    expect(m.required.map((r) => [r.key, r.pdf])).toEqual([
      ['id-card', false],
      ['education', true],
      ['work-proof', true],
    ])
    expect(m).toMatchObject({ complete: false, canUpload: true, canResubmit: false })
    expect(await fail(api.submitApplication(a.id, a.version))).toMatchObject({
      code: 'MATERIALS_INCOMPLETE',
      status: 409,
    })

    const bad = async (file: string, key: string) => fail(api.upload('uploadMaterial', file, { id: a.id, key }))
    expect(await bad(PNG, 'id-card')).toMatchObject({ code: 'MATERIAL_FORMAT', status: 400 })
    expect((await bad(PDF, 'id-card')).message).toBe('身份证（正反面）只能上传 JPG 图片')
    expect((await bad(SMALL, 'id-card')).code).toBe('MATERIAL_FORMAT')
    // Decoded before it is trusted (the review shows it back): a JPG cut off and padded to its size is unreadable.
    const whole = fs.readFileSync(JPG)
    const cut = path.join(path.dirname(HEADER_ONLY_PDF), 'cut.jpg')
    fs.writeFileSync(cut, Buffer.concat([whole.subarray(0, whole.length / 2), Buffer.alloc(whole.length / 2)]))
    expect((await bad(cut, 'id-card')).message).toContain('无法读取')
    // A PDF is parsed whole: its magic bytes and a trailer without pages are not a document; nor is half of one.
    expect((await bad(HEADER_ONLY_PDF, 'education')).message).toContain('PDF 文件无法读取')
    const halfPdf = path.join(path.dirname(HEADER_ONLY_PDF), 'half.pdf')
    fs.writeFileSync(halfPdf, fs.readFileSync(PDF).subarray(0, 400))
    expect((await bad(halfPdf, 'education')).code).toBe('MATERIAL_FORMAT')
    expect((await bad(JPG, 'no-such')).status).toBe(404)
    await api.upload('uploadMaterial', JPG, { id: a.id, key: 'id-card' })
    await api.upload('uploadMaterial', PDF, { id: a.id, key: 'education' })
    const all = await api.upload('uploadMaterial', JPG, { id: a.id, key: 'work-proof' })
    expect(all.complete).toBe(true)
    expect(all.required.map((r) => r.uploaded?.format)).toEqual(['jpeg', 'pdf', 'jpeg'])

    // The review's thumbnails: a JPG through a short-lived ticket (no session, no id in the URL), a PDF has none; a
    // replaced material's old address shows nothing.
    const [idCard, education] = all.required.map((r) => r.uploaded!)
    expect(idCard.imageUrl).toMatch(/^\/api\/material-view\/[\w-]{24}$/)
    expect(idCard.imageUrl).not.toContain(a.id)
    expect(education.imageUrl).toBeNull()
    expect(education.size).toBe(fs.statSync(PDF).size)
    const shown = await fetch(`${mock.url}${idCard.imageUrl}`)
    expect(shown.status).toBe(200)
    expect(shown.headers.get('content-type')).toBe('image/jpeg')
    expect(shown.headers.get('x-content-type-options')).toBe('nosniff')
    // Stored re-encoded (issue 20; tests/api/hostile-files.test.ts): the same picture, not the bytes sent.
    const shownBytes = Buffer.from(await shown.arrayBuffer())
    expect(shownBytes.equals(fs.readFileSync(JPG))).toBe(false)
    expect(await sharp(shownBytes).metadata()).toMatchObject({ format: 'jpeg', width: 358, height: 441 })
    expect(idCard.size).toBe(shownBytes.length)
    const replaced = await api.upload('uploadMaterial', JPG, { id: a.id, key: 'id-card' })
    expect((await fetch(`${mock.url}${idCard.imageUrl}`)).status).toBe(404)
    expect((await fetch(`${mock.url}${replaced.required[0].uploaded!.imageUrl}`)).status).toBe(200)
    expect((await fetch(`${mock.url}/api/material-view/not-a-ticket`)).status).toBe(404)

    const submitted = await api.submitApplication(a.id, (await api.getApplication(a.id)).version)
    expect(states(submitted)).toMatchObject({ materials: 'done', submit: 'done', confirm: 'current' })
    expect(await bad(JPG, 'id-card')).toMatchObject({ code: 'MATERIALS_LOCKED', status: 409 })

    await mock.qaApi('rejectConfirmation', { id: a.id, reason: '学历证书不清晰' })
    const rejected = await api.getApplication(a.id)
    expect(rejected.nodes.find((n) => n.key === 'confirm')).toMatchObject({
      state: 'failed',
      hint: expect.stringContaining('学历证书不清晰'),
    })
    expect(await api.materialsOf(a.id)).toMatchObject({
      canUpload: true,
      canResubmit: true,
      reason: '学历证书不清晰',
      givenUp: false,
    })
    await api.upload('uploadMaterial', JPG, { id: a.id, key: 'education' })
    const again = await api.resubmitMaterials(a.id)
    expect(again.status).toBe('submitted')
    expect(states(again)).toMatchObject({ confirm: 'current' })
    expect((await fail(api.resubmitMaterials(a.id))).code).toBe('MATERIALS_LOCKED')
    await confirm(a.id)
    expect(states(await api.getApplication(a.id))).toMatchObject({ confirm: 'done', review: 'current' })
    expect(await bad(JPG, 'id-card')).toMatchObject({ code: 'MATERIALS_LOCKED' })
  })

  test('online confirmation refused and the deadline passed: no uploads, the node says given up', async () => {
    const a = await application('31')
    expect((await api.materialsOf(a.id)).required.map((r) => r.key)).toContain('practice-cert')
    await mock.qaApi('rejectConfirmation', { id: a.id, reason: '执业证书缺页' })
    await mock.qaApi('moveToDeadline', { id: a.id, deadline: 'confirm', at: 'past' })
    const e = await fail(api.upload('uploadMaterial', JPG, { id: a.id, key: 'id-card' }))
    expect(e).toMatchObject({ code: 'MATERIALS_CLOSED', status: 409 })
    expect((await fail(api.resubmitMaterials(a.id))).code).toBe('MATERIALS_CLOSED')
    expect(await api.materialsOf(a.id)).toMatchObject({ canUpload: false, givenUp: true })
    const v = await api.getApplication(a.id)
    expect(v.nodes.find((n) => n.key === 'confirm')).toMatchObject({
      state: 'failed',
      hint: expect.stringContaining('视为放弃考试'),
    })
  })

  test('refused: materials where none are asked, a review failure stops payment, another candidate’s application', async () => {
    const a = await application('11')
    expect((await fail(api.upload('uploadMaterial', JPG, { id: a.id, key: 'id-card' }))).code).toBe(
      'MATERIALS_NOT_REQUIRED',
    )
    await confirm(a.id)
    await review(a.id, 'centre', 'fail', '工作年限不符合报考条件')
    const failed = await api.getApplication(a.id)
    expect(states(failed)).toMatchObject({ review: 'failed', payment: 'todo' })
    expect((await fail(api.startPayment(a.id, 'weapp'))).code).toBe('PAY_NOT_READY')

    const other = `proc${seq++}`
    await mock.qaApi('createCandidate', {
      username: other,
      password: 'Abcdef12',
      name: '李四',
      idNumber: makeIdNumber('320102', '19950615', String(seq)),
    })
    await login(other)
    for (const call of [
      () => api.paymentOf(a.id),
      () => api.startPayment(a.id, 'weapp'),
      () => api.checkPayment(a.id),
      () => api.materialsOf(a.id),
      () => api.resubmitMaterials(a.id),
      () => api.upload('uploadMaterial', JPG, { id: a.id, key: 'id-card' }),
    ])
      expect(await fail(call())).toMatchObject({ status: 404, code: 'NOT_FOUND', message: '报名信息不存在' })
    expect((await api.messages()).messages).toEqual([])
  })

  test('reminders: subscriptions recorded; each state change queued once; QA and the app list them', async () => {
    const a = await application('11')
    expect(
      await api.subscribeReminders({ platform: 'weapp', templateIds: ['tmpl-review'], outcome: 'accept' }),
    ).toEqual({
      subscribed: true,
      count: 1,
    })
    await confirm(a.id)
    await review(a.id, 'centre', 'pass')
    await review(a.id, 'region', 'pass')
    await api.getApplication(a.id)
    await api.getApplication(a.id)
    await mock.qaApi('moveToDeadline', { id: a.id, deadline: 'pay', at: 'near' })
    const { messages, subscribed } = await api.messages()
    expect(subscribed).toBe(true)
    expect(messages.map((m) => m.kind).reverse()).toEqual([
      'confirmed',
      'review-passed',
      'review-passed',
      'payment-due',
      'payment-deadline-near',
    ])
    expect(messages.every((m) => m.pushed && m.applicationId === a.id)).toBe(true)
    const qa = await mock.qaApi('reminders', { username: DEMO_CANDIDATE.username })
    expect(qa.reminders).toHaveLength(5)
    expect(qa.subscriptions[0].templateIds).toEqual(['tmpl-review'])
    // A refused confirmation after a resubmission is a new event; paying is announced too.
    await api.startPayment(a.id, 'weapp')
    await mock.qaApi('notifyPayment', { id: a.id, outcome: 'success' })
    expect((await api.messages()).messages[0]).toMatchObject({ kind: 'paid', title: '报名成功' })
  })

  test('the slice survives the data file', async () => {
    const id = await reviewed('11')
    await api.startPayment(id, 'weapp')
    await api.messages()
    const revived = mock.app.store.revive(JSON.parse(stateToJson(mock.app.store.state)))
    expect(revived.process.orders.get(id)).toMatchObject({ applicationId: id, state: 'paying' })
    expect(revived.process.reminders.size).toBe(1)
    expect(revived.process.orderIndex.get(revived.process.orders.get(id)!.id)).toBe(id)
  })
})
