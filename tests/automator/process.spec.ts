import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DEMO_CANDIDATE } from '../../mock-server/scenarios'
import { ERROR_MESSAGES } from '../../types/errors'
import { MATERIAL_LIMITS } from '../../types/process'
import { absent, connectedApp, element, openPage, pageAt, tap, waitForText, waitUntil, type Page } from './support/app'
import { makeJpeg } from '../support/photos'
import { logInWithPassword, withPickedImage } from './support/candidate'
import { mockUrl } from './support/env'
import { qaApi } from './support/qa'
import { HOOK_TIMEOUT_MS } from '../support/timeouts'

/**
 * After submission (issue 14), as QA runs it in the devtools: the application is submitted through the QA API (the
 * wizard's pages are their own spec), the test centre's and the province's decisions come from the QA API, and the
 * platform's payment is mocked with mockWxMethod (WeChat requestPayment, Alipay tradePay) while its notification to
 * the server comes from QA (simPay). Ids and classes only, so the spec runs on H5 and on the weapp/alipay
 * bundles (AUTOMATOR_TARGET).
 */
jest.setTimeout(120_000)

type Target = 'weapp' | 'alipay' | 'h5'
type NodeState = 'done' | 'current' | 'todo' | 'failed'
const KEYS = ['fill', 'materials', 'submit', 'confirm', 'review', 'pay', 'done'] as const
const JPG = path.join(__dirname, '..', 'fixtures', 'photos', 'valid-358x441.jpg')
/** The QA API by name (types/qa.ts), on the mock server the run started. */
/** The review's size label for `bytes` (under 1 MB), as the page writes it. */
const kb = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`)

describe('after submission: tracker, materials, payment, messages', () => {
  const mp = connectedApp()
  let target: Target
  /** A second valid JPG, another size than JPG, for the replacement on the review. */
  let replacement = ''
  /** A JPG carrying an HTML page after the image (a polyglot): the server refuses it, the page shows why. */
  let polyglot = ''

  beforeAll(async () => {
    replacement = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'process-spec-')), 'replacement.jpg')
    fs.writeFileSync(replacement, await makeJpeg({ width: 400, height: 520 }))
    polyglot = path.join(path.dirname(replacement), 'polyglot.jpg')
    fs.writeFileSync(
      polyglot,
      Buffer.concat([fs.readFileSync(JPG), Buffer.from('<html><body><script>alert(1)</script></body></html>')]),
    )
    const info = (await mp.systemInfo()) as { platform?: string }
    target = (process.env.AUTOMATOR_TARGET as Target | undefined) ?? (info?.platform === 'h5' ? 'h5' : 'weapp')
  }, HOOK_TIMEOUT_MS)
  afterEach(async () => {
    if (target !== 'h5') await mp.restoreWxMethod(payApi())
    await qaApi('simPay', { outcome: 'success' })
  }, HOOK_TIMEOUT_MS)

  const payApi = () => (target === 'alipay' ? 'tradePay' : 'requestPayment')

  /** The platform's cashier closes as it would after `outcome`; the platform tells the server `outcome`. */
  async function cashierEnds(outcome: 'success' | 'fail' | 'cancel'): Promise<void> {
    await qaApi('simPay', { outcome })
    if (target === 'h5') return // H5's own simulated cashier reports QA's outcome to the server
    const answer =
      target === 'alipay'
        ? { resultCode: { success: '9000', fail: '4000', cancel: '6001' }[outcome] }
        : outcome === 'success'
          ? { errMsg: 'requestPayment:ok' }
          : { errMsg: outcome === 'cancel' ? 'requestPayment:fail cancel' : 'requestPayment:fail' }
    await mp.mockWxMethod(payApi(), answer)
  }

  /** `apply-open` (the demo candidate with a complete hub), logged in through the login page. */
  async function demoLoggedIn(): Promise<void> {
    await qaApi('loadScenario', { name: 'apply-open' })
    await logInWithPassword(mp, DEMO_CANDIDATE)
  }

  async function submitted(province: string, opts: { submit?: boolean; materials?: boolean } = {}): Promise<string> {
    await demoLoggedIn()
    const app = await qaApi('processApplication', {
      username: DEMO_CANDIDATE.username,
      province,
      ...opts,
    })
    return app.id
  }

  const tracker = (id: string) => openPage(mp, `/packages/process/tracker/index?id=${id}`, '#tracker-page')

  async function stateOf(page: Page, key: string): Promise<NodeState | 'absent'> {
    const [el] = await page.$$(`#tracker-node-${key}`)
    if (!el) return 'absent'
    const cls = String(await el.attribute('class'))
    return (cls.match(/\bnode-(done|current|todo|failed)\b/)?.[1] ?? 'absent') as NodeState
  }
  /** Opens the tracker afresh and waits until every node shows the state expected (absent for nodes not there). */
  async function expectNodes(id: string, expected: Partial<Record<(typeof KEYS)[number], NodeState | 'absent'>>) {
    const page = await tracker(id)
    await element(page, '#tracker-node-fill', 10000)
    const seen = async () => Object.fromEntries(await Promise.all(KEYS.map(async (k) => [k, await stateOf(page, k)])))
    await waitUntil(
      `nodes ${JSON.stringify(expected)}`,
      async () => {
        const now = await seen()
        return Object.entries(expected).every(([k, s]) => now[k] === s)
      },
      10000,
    ).catch(async (err: Error) => {
      throw new Error(`${err.message}; saw ${JSON.stringify(await seen())}`)
    })
    return page
  }

  async function payOnPage(id: string, outcome: 'success' | 'fail' | 'cancel'): Promise<Page> {
    await cashierEnds(outcome)
    const pay = await openPage(mp, `/packages/process/pay/index?id=${id}`, '#pay-page')
    await tap(pay, '#pay-submit', 10000)
    return pay
  }

  it('a normal province: each node from submission to 报名成功, paid once', async () => {
    const id = await submitted('11')
    await expectNodes(id, {
      fill: 'done',
      materials: 'absent',
      submit: 'done',
      confirm: 'current',
      review: 'todo',
      pay: 'todo',
      done: 'todo',
    })
    const first = await tracker(id)
    expect(await waitForText(first, '#tracker-node-confirm-hint', (t) => t.length > 0)).toContain('到考点进行报名确认')
    await element(first, '#tracker-node-confirm-deadline')

    // 订阅提醒: the candidate accepts the platform's subscription dialog and the server records it (Baidu asks
    // through the subscribe form around the button).
    {
      // The platform's dialog (the host's stand-in, H5's simulation) answers as QA set it, for the templates the
      // server issued to this platform.
      await qaApi('simSubscribe', { outcome: 'accept' })
      await tap(first, '#tracker-subscribe')
      const recorded = await waitUntil(
        'the subscription on the server',
        async () => (await qaApi('reminders', { username: DEMO_CANDIDATE.username })).subscriptions[0],
        10000,
      )
      expect(recorded).toMatchObject({ outcome: 'accept' })
      expect(recorded.templateIds).toHaveLength(2)
    }

    await qaApi('confirmApplication', { id })
    await expectNodes(id, { confirm: 'done', review: 'current', pay: 'todo' })
    await qaApi('reviewStage', { id, stage: 'centre', outcome: 'pass' })
    const half = await expectNodes(id, { review: 'current' })
    expect(await waitForText(half, '#tracker-node-review-hint', (t) => t.includes('考区'))).toBe(
      '考点审核已通过，等待考区审核',
    )
    await qaApi('reviewStage', { id, stage: 'region', outcome: 'pass' })
    const due = await expectNodes(id, { review: 'done', pay: 'current', done: 'todo' })

    // The countdown appears in the last days, on the server's clock.
    expect(await absent(due, '#tracker-node-pay-countdown')).toBe(true)
    await qaApi('moveToDeadline', { id, deadline: 'pay', at: 'near' })
    const near = await expectNodes(id, { pay: 'current' })
    expect(await waitForText(near, '#tracker-node-pay-countdown', (t) => t.startsWith('剩余'), 10000)).toMatch(
      /^剩余[12]天/,
    )

    await tap(near, '#tracker-go-pay')
    const pay = await pageAt(mp, 'packages/process/pay/index')
    expect(await waitForText(pay, '#pay-total', (t) => t.startsWith('¥'), 10000)).toBe('¥240.00')
    await element(pay, '#pay-item-1')
    await cashierEnds('success')
    await tap(pay, '#pay-submit')
    expect(await waitForText(pay, '#pay-result', (t) => t.length > 0, 15000)).toBe('缴费成功，报名成功')
    expect(await waitForText(pay, '#pay-state', (t) => t.length > 0)).toBe('已缴费')
    await expectNodes(id, { pay: 'done', done: 'done' })
    expect((await qaApi('applicationOrders', { id })).payments).toBe(1)

    // The hub shows the application at its node; the messages list every change.
    const hub = await openPage(mp, '/pages/hub/index', '#hub-page')
    expect(await waitForText(hub, '#hub-application-0-node', (t) => t.length > 0, 10000)).toBe('报名成功')
    const messages = await openPage(mp, '/packages/process/messages/index', '#messages-page')
    expect(await waitForText(messages, '#messages-item-0', (t) => t.length > 0, 10000)).toContain('报名成功')
    await element(messages, '#messages-item-4')
  })

  /** Uploads a file for one material as the candidate, outside the app (the app's picker offers images only). */
  async function uploadAsCandidate(id: string, key: string, name: string, bytes: Buffer): Promise<void> {
    const { token } = await qaApi('createSession', { username: DEMO_CANDIDATE.username })
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(bytes)]), name)
    const res = await fetch(`${mockUrl()}/api/applications/${id}/materials/${key}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    })
    if (!res.ok) throw new Error(`upload ${key}: ${res.status} ${await res.text()}`)
  }

  /**
   * The review's size label of what the server stored for a material: a JPG is stored re-encoded (issue 20), so its
   * size is the server's, not the picked file's.
   */
  async function storedSize(id: string, key: string): Promise<string> {
    const { token } = await qaApi('createSession', { username: DEMO_CANDIDATE.username })
    const res = await fetch(`${mockUrl()}/api/applications/${id}/materials`, {
      headers: { authorization: `Bearer ${token}` },
    })
    const view = (await res.json()) as { required: Array<{ key: string; uploaded: { size: number } | null }> }
    return kb(view.required.find((m) => m.key === key)!.uploaded!.size)
  }

  it('an online-confirmation province: upload all, review, replace one, submit; refused, re-uploaded, confirmed', async () => {
    const id = await submitted('12', { submit: false, materials: false })
    // 学历证书 as a PDF (allowed in 天津) before the page opens; 上传全部证明材料 then uploads the two still missing.
    const pdf = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'materials', 'proof.pdf'))
    await uploadAsCandidate(id, 'education', 'proof.pdf', pdf)
    const page = await expectNodes(id, { fill: 'done', materials: 'current', submit: 'todo', confirm: 'todo' })
    await tap(page, '#tracker-go-materials')
    const materials = await pageAt(mp, 'packages/process/materials/index')
    await waitForText(materials, '#materials-item-education-status', (t) => t === '已上传', 10000)
    expect(await absent(materials, '#materials-submit')).toBe(true)
    // The contract's file limits, stated before any upload.
    expect(await waitForText(materials, '#materials-limits', (t) => t.length > 0)).toContain(
      `PDF 不超过 ${MATERIAL_LIMITS.pdfMaxPages} 页`,
    )
    await withPickedImage(mp, JPG, async () => {
      await tap(materials, '#materials-upload-all')
      await element(materials, '#materials-review', 30000)
    })

    // The review: every material with its name, its thumbnail (or the PDF label) and its size (as stored).
    const names = { 'id-card': '身份证（正反面）', education: '学历证书', 'work-proof': '单位工作证明（加盖公章）' }
    for (const [key, name] of Object.entries(names)) {
      expect(await waitForText(materials, `#materials-review-item-${key}-name`, (t) => t.length > 0, 10000)).toBe(name)
      await element(materials, `#materials-review-item-${key}-replace`)
    }
    for (const key of ['id-card', 'work-proof']) {
      await element(materials, `#materials-review-item-${key}-thumb`)
      expect(await waitForText(materials, `#materials-review-item-${key}-size`, (t) => t.length > 0)).toBe(
        await storedSize(id, key),
      )
    }
    expect(await waitForText(materials, '#materials-review-item-education-pdf', (t) => t.length > 0)).toBe('PDF 文件')
    expect(await absent(materials, '#materials-review-item-education-thumb')).toBe(true)
    expect(await waitForText(materials, '#materials-review-item-education-size', (t) => t.length > 0)).toBe(
      kb(pdf.length),
    )
    // Back to the list and into the review again; the submission is only offered on the review.
    await tap(materials, '#materials-review-back')
    await element(materials, '#materials-item-id-card', 10000)
    expect(await absent(materials, '#materials-review')).toBe(true)
    expect(await absent(materials, '#materials-submit')).toBe(true)
    await tap(materials, '#materials-to-review')
    await element(materials, '#materials-review', 10000)

    // A hostile file picked for 学历证书 (a JPG with a web page after it): the server's refusal is shown, the PDF kept.
    await withPickedImage(mp, polyglot, async () => {
      await tap(materials, '#materials-review-item-education-replace')
      // WeChat offers 相册 or 聊天文件 for a material that takes PDF: the photo.
      if (target === 'weapp') await tap(materials, '#materials-pick-photo', 10000)
      expect(await waitForText(materials, '#materials-error', (t) => t.length > 0, 15000)).toBe(
        ERROR_MESSAGES.UPLOAD_POLYGLOT,
      )
    })
    expect(await waitForText(materials, '#materials-review-item-education-pdf', (t) => t.length > 0)).toBe('PDF 文件')

    // Replace one on the review: 学历证书 becomes a JPG of another size, shown at once.
    await withPickedImage(mp, replacement, async () => {
      await tap(materials, '#materials-review-item-education-replace')
      // WeChat offers 相册 or 聊天文件 for a material that takes PDF (permissions.spec.ts picks the PDF).
      if (target === 'weapp') await tap(materials, '#materials-pick-photo', 10000)
      await waitForText(materials, '#materials-review-item-education-size', (t) => t !== kb(pdf.length), 15000)
    })
    expect(await waitForText(materials, '#materials-review-item-education-size', (t) => t.length > 0)).toBe(
      await storedSize(id, 'education'),
    )
    expect(await absent(materials, '#materials-error')).toBe(true)
    await element(materials, '#materials-review-item-education-thumb', 10000)
    expect(await absent(materials, '#materials-review-item-education-pdf')).toBe(true)

    expect(await waitForText(materials, '#materials-submit', (t) => t.length > 0)).toContain('提交报名信息')
    await tap(materials, '#materials-submit')
    expect(await waitForText(materials, '#materials-submitted', (t) => t.length > 0, 10000)).toBe('已提交，确认中')
    await expectNodes(id, { materials: 'done', submit: 'done', confirm: 'current' })

    await qaApi('rejectConfirmation', { id, reason: '学历证书照片不清晰' })
    const refused = await expectNodes(id, { confirm: 'failed', review: 'todo' })
    expect(await waitForText(refused, '#tracker-node-confirm-hint', (t) => t.length > 0)).toContain(
      '学历证书照片不清晰',
    )
    await tap(refused, '#tracker-go-materials')
    const again = await pageAt(mp, 'packages/process/materials/index')
    expect(await waitForText(again, '#materials-reason', (t) => t.length > 0, 10000)).toBe('原因：学历证书照片不清晰')
    await withPickedImage(mp, JPG, async () => {
      await tap(again, '#materials-upload-education')
      if (target === 'weapp') await tap(again, '#materials-pick-photo', 10000)
      await waitForText(again, '#materials-item-education-status', (t) => t === '已上传', 15000)
      await waitUntil(
        'the re-upload',
        async () => (await again.$$('#materials-item-education-progress')).length === 0,
        15000,
      )
    })
    await tap(again, '#materials-to-review')
    expect(await waitForText(again, '#materials-review-item-education-size', (t) => t.length > 0, 10000)).toBe(
      await storedSize(id, 'education'),
    )
    await tap(again, '#materials-submit')
    await element(again, '#materials-submitted', 10000)
    await expectNodes(id, { confirm: 'current' })
    await qaApi('confirmApplication', { id })
    await expectNodes(id, { materials: 'done', confirm: 'done', review: 'current' })
  })

  it('a province without mobile payment shows the PC-website message', async () => {
    const id = await submitted('63')
    await qaApi('confirmApplication', { id })
    await qaApi('reviewStage', { id, stage: 'centre', outcome: 'pass' })
    await qaApi('reviewStage', { id, stage: 'region', outcome: 'pass' })
    const page = await expectNodes(id, { review: 'done', pay: 'current' })
    expect(await waitForText(page, '#tracker-node-pay-hint', (t) => t.length > 0)).toContain('电脑')
    const pay = await openPage(mp, `/packages/process/pay/index?id=${id}`, '#pay-page')
    expect(await waitForText(pay, '#pay-pc-only', (t) => t.length > 0, 10000)).toContain('电脑')
    expect(await absent(pay, '#pay-submit')).toBe(true)
  })

  it('a payment the platform reports failed, then retried and paid once', async () => {
    const id = await submitted('11')
    await qaApi('confirmApplication', { id })
    await qaApi('reviewStage', { id, stage: 'centre', outcome: 'pass' })
    await qaApi('reviewStage', { id, stage: 'region', outcome: 'pass' })
    const pay = await payOnPage(id, 'fail')
    expect(await waitForText(pay, '#pay-result', (t) => t.length > 0, 15000)).toBe('支付未成功，请重新缴费')
    await expectNodes(id, { pay: 'current', done: 'todo' })
    const retry = await payOnPage(id, 'success')
    expect(await waitForText(retry, '#pay-result', (t) => t.length > 0, 15000)).toBe('缴费成功，报名成功')
    await expectNodes(id, { pay: 'done', done: 'done' })
    const orders = await qaApi('applicationOrders', { id })
    expect(orders).toMatchObject({ payments: 1, orders: [{ attempts: 2 }] })
  })
})
