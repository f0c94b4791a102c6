import { DEMO_CANDIDATE } from '../../mock-server/scenarios'
import { hubGate } from '../../domain/hub-gate'
import { NODE_NAMES } from '../../domain/application-process'
import { DOCUMENTS, SUBMIT_BUTTON } from '../../domain/glossary'
import {
  absent,
  answerModal,
  connectApp,
  element,
  openPage,
  pageAt,
  tap,
  waitForText,
  waitUntil,
  type MiniProgram,
  type Page,
} from './support/app'
import { logInWithPassword } from './support/candidate'
import { qaApi } from './support/qa'
import { HOOK_TIMEOUT_MS } from '../support/timeouts'

/**
 * The way forward after each state (issue 21), as a candidate meets it on H5 and on the weapp/alipay bundles: the
 * node the application is at carries its action (a button with its id), a failed node says what to do next and the
 * tracker stops offering reminders, 撤回 asks first (cancel keeps the submission, confirm withdraws), and the hub says
 * why 网上报名 is locked.
 */
jest.setTimeout(120_000)

const FORM = `查看${DOCUMENTS.form}`

describe('the way forward: tracker actions, the 撤回 question, the hub lock reason', () => {
  let mp: MiniProgram

  beforeAll(async () => {
    mp = await connectApp()
  }, HOOK_TIMEOUT_MS)
  afterAll(() => mp?.disconnect(), HOOK_TIMEOUT_MS)

  const tracker = (id: string) => openPage(mp, `/packages/process/tracker/index?id=${id}`, '#tracker-page')
  const text = (page: Page, selector: string) => waitForText(page, selector, (t) => t.length > 0, 10000)
  const status = async (id: string) =>
    (await qaApi('applications', { username: DEMO_CANDIDATE.username })).applications.find((a) => a.id === id)?.status

  it('the hub says why 网上报名 is locked, not 未开放', async () => {
    await qaApi('loadScenario', { name: 'demo' })
    await logInWithPassword(mp, DEMO_CANDIDATE)
    const hub = await openPage(mp, '/pages/hub/index', '#hub-page')
    const reason = hubGate({ photo: 'none', education: [], bound: false }).reason!
    expect(await text(hub, '#hub-apply-locked-reason')).toBe(reason)
    const label = await text(hub, '#hub-apply')
    expect(label).toBe('网上报名（请先完善个人信息）')
    expect(label).not.toContain('未开放')
  })

  it('the node the application is at carries its action; 撤回 asks first', async () => {
    await qaApi('loadScenario', { name: 'apply-open' })
    await logInWithPassword(mp, DEMO_CANDIDATE)

    // 天津, filled in: 请查看并保存报名表，上传证明材料后提交报名信息 — both buttons, on that node only.
    const tianjin = await qaApi('processApplication', {
      username: DEMO_CANDIDATE.username,
      province: '12',
      submit: false,
    })
    let page = await tracker(tianjin.id)
    expect(await text(page, '#tracker-node-materials-hint')).toContain('请查看并保存报名表')
    expect(await text(page, '#tracker-go-materials')).toBe(NODE_NAMES.materials)
    expect(await text(page, '#tracker-go-form')).toBe(FORM)
    expect(await page.$$('#tracker-go-form')).toHaveLength(1)
    await tap(page, '#tracker-go-form')
    await pageAt(mp, 'packages/application/form/index', 15000)

    // A normal province, submitted: to the test centre with the 报名表.
    const beijing = await qaApi('processApplication', {
      username: DEMO_CANDIDATE.username,
      province: '11',
      examKind: 'nurse',
    })
    page = await tracker(beijing.id)
    expect(await text(page, '#tracker-go-form')).toBe(FORM)

    // 撤回 from the 报名表: cancelled, nothing changes; confirmed, the submission is withdrawn.
    const form = await openPage(mp, `/packages/application/form/index?id=${beijing.id}`, '#apply-form-page')
    await tap(form, '#apply-withdraw', 15000)
    await answerModal(mp, 'cancel')
    await new Promise((r) => setTimeout(r, 1500))
    expect(await status(beijing.id)).toBe('submitted')
    expect(await absent(form, '#apply-form-edit')).toBe(true)
    await tap(form, '#apply-withdraw')
    await answerModal(mp, 'confirm')
    await element(form, '#apply-form-edit', 15000)
    expect(await status(beijing.id)).toBe('filling')

    // Withdrawn, the node it is at asks for the submission.
    page = await tracker(beijing.id)
    expect(await text(page, '#tracker-go-submit')).toBe(SUBMIT_BUTTON)
    await tap(page, '#tracker-go-submit')
    await pageAt(mp, 'packages/application/review/index', 15000)
  })

  it('a failed review says what to do next and offers no more reminders', async () => {
    const { id } = await qaApi('processApplication', { username: DEMO_CANDIDATE.username, province: '11' })
    const before = await tracker(id)
    await element(before, '#tracker-go-form', 10000)
    expect(await absent(before, '#tracker-subscribe')).toBe(false)

    await qaApi('confirmApplication', { id })
    await qaApi('reviewStage', { id, stage: 'centre', outcome: 'fail', reason: '工作年限不符合报考条件' })
    const failed = await tracker(id)
    await waitUntil(
      'the review failed',
      async () =>
        String(await (await element(failed, '#tracker-node-review')).attribute('class')).includes('node-failed'),
      10000,
    )
    expect(await text(failed, '#tracker-node-review-next')).toBe(
      '下一步：本次报名不能继续缴费。如对审核结果有疑问，请携带报名表联系报考考点',
    )
    expect(await text(failed, '#tracker-go-form')).toBe(FORM)
    expect(await absent(failed, '#tracker-subscribe')).toBe(true)
    expect(await absent(failed, '#tracker-go-pay')).toBe(true)
  })
})
