import { DEMO_CANDIDATE } from '../../mock-server/scenarios'
import { answerModal, connectedApp, element, openPage, pageAt, tap, waitUntil, type Page } from './support/app'
import { logInWithPassword } from './support/candidate'
import { target } from './support/platform'
import { qaApi } from './support/qa'

/**
 * The page stack at its deepest (issue 19): WeChat keeps ten pages and refuses an 11th (`navigateTo:fail webview
 * count limit exceed`, modelled by the mini-program host on every target). The wizard stacks a page per step, so the
 * review sits at the tenth page when reached from the hub. Every 修改 there and 教育情况 → 个人中心 must work at
 * that depth: the edits return to their step (navigateBack) instead of stacking, and the stack never passes ten.
 * 提交报名信息 then leaves the tracker with the 报名表 on top (two pages), where 撤回 → 修改并重新提交 opens the review.
 * 修改考区 at ten pages: the province page, then the declaration, each in the place of the page before.
 */
jest.setTimeout(300_000)

const STEPS = [
  { key: 'centre', page: 'centre', prefix: 'apply-centre' },
  { key: 'basic', page: 'basic', prefix: 'apply-basic' },
  { key: 'contact', page: 'contact', prefix: 'apply-contact' },
  { key: 'examInfo', page: 'exam-info', prefix: 'apply-exam-info' },
  { key: 'education', page: 'education', prefix: 'apply-education' },
  { key: 'work', page: 'work-info', prefix: 'apply-work' },
] as const
const route = (page: string) => `packages/application/${page}/index`
const REVIEW = route('review')

describe('the page stack at full depth', () => {
  const mp = connectedApp()

  const depth = async () => (await mp.pageStack()).length
  /** The stack's depth once the route change has settled (H5's router pops a multi-page back one page at a time). */
  const settledDepth = async (expected: number) => {
    await waitUntil(`a stack of ${expected} pages`, async () => (await depth()) === expected, 5000).catch(
      () => undefined,
    )
    return depth()
  }
  /** The mini-programs' stack (H5 has no limit: its 修改 open the step on top, src/routes.ts). */
  const expectDepth = async (expected: number) => {
    if (target() !== 'h5') expect(await settledDepth(expected)).toBe(expected)
  }

  /** From a step page, 提交 on each step (all saved already) and the photo, to the review. */
  async function forwardToReview(from: number): Promise<Page> {
    for (const step of STEPS.slice(from)) {
      const page = await pageAt(mp, route(step.page), 15000)
      await tap(page, `#${step.prefix}-submit`, 15000)
    }
    const photo = await pageAt(mp, route('photo'), 15000)
    await tap(photo, '#apply-photo-confirm', 15000)
    return pageAt(mp, REVIEW, 15000)
  }

  it('every 修改 on the review, 修改并重新提交 and 教育情况 → 个人中心 work at ten pages, never an 11th', async () => {
    await qaApi('loadScenario', { name: 'apply-open' })
    const app = await qaApi('processApplication', { username: DEMO_CANDIDATE.username, province: '11', submit: false })
    const hub = await logInWithPassword(mp, DEMO_CANDIDATE)
    // hub → 网上报名 → the exam (the saved application opens at its review) → 修改 考点 → the six steps → photo →
    // review: ten pages.
    await tap(hub, '#hub-apply', 15000)
    const exams = await pageAt(mp, 'packages/application/index', 15000)
    await tap(exams, `#apply-exam-${app.examId}-open`, 15000)
    let review = await pageAt(mp, REVIEW, 15000)
    await expectDepth(3)
    await tap(review, '#apply-review-edit-centre', 15000)
    await pageAt(mp, route('centre'), 15000)
    await expectDepth(3) // in place of the review: it was not below
    review = await forwardToReview(0)
    await expectDepth(10)

    // Each 修改 returns to its step (the pages above it closed), and the wizard leads back to the review at ten.
    for (const [i, step] of STEPS.entries()) {
      await tap(review, `#apply-review-edit-${step.key}`, 15000)
      await pageAt(mp, route(step.page), 15000)
      await expectDepth(3 + i)
      review = await forwardToReview(i)
      await expectDepth(10)
    }
    // 教育情况 → 个人中心 from there: the step is below (7), the records page above it (8).
    await tap(review, '#apply-review-edit-education', 15000)
    const education = await pageAt(mp, route('education'), 15000)
    await expectDepth(7)
    await tap(education, '#apply-education-hub', 15000)
    const records = await pageAt(mp, 'packages/profile/records/index', 15000)
    await element(records, '#education-page', 15000)
    await expectDepth(8)
    // The review opened afresh (submission closes every page anyway).
    review = await openPage(mp, `/${REVIEW}?id=${app.id}`, '#apply-review-page')

    // 提交报名信息 (confirmed) → the tracker with the 报名表 on top, in place of the wizard (back leads to the tracker,
    // not through the locked steps); 撤回 (confirmed), 修改并重新提交 → the review in the form's place.
    if (target() !== 'h5' && target() !== 'swan') {
      await mp.mockWxMethod('requestSubscribeMessage', { errMsg: 'requestSubscribeMessage:ok' })
    }
    try {
      await tap(review, '#apply-review-submit', 15000)
      await answerModal(mp, 'confirm')
      const form = await pageAt(mp, route('form'), 15000)
      await waitUntil('the tracker below the form', async () =>
        (await mp.pageStack()).map((p) => p.path).join(' > ') === `packages/process/tracker/index > ${route('form')}`
          ? true
          : null,
      )
      await tap(form, '#apply-withdraw', 15000)
      await answerModal(mp, 'confirm')
      await tap(form, '#apply-form-edit', 15000)
      await pageAt(mp, REVIEW, 15000)
      await expectDepth(2)
    } finally {
      if (target() !== 'h5' && target() !== 'swan') await mp.restoreWxMethod('requestSubscribeMessage')
    }

    // Nothing on the way was refused or thrown (the host fails the spec on an app error; the stack never passed ten).
    if (target() !== 'h5') await waitUntil('the stack within ten', async () => (await depth()) <= 10, 1000)
  })

  it('修改考区 at ten pages: the province page takes the review’s place, confirmed, the declaration follows; never an 11th', async () => {
    await qaApi('loadScenario', { name: 'apply-open' })
    const app = await qaApi('processApplication', { username: DEMO_CANDIDATE.username, province: '11', submit: false })
    const hub = await logInWithPassword(mp, DEMO_CANDIDATE)
    await tap(hub, '#hub-apply', 15000)
    const exams = await pageAt(mp, 'packages/application/index', 15000)
    await tap(exams, `#apply-exam-${app.examId}-open`, 15000)
    let review = await pageAt(mp, REVIEW, 15000)
    await tap(review, '#apply-review-edit-centre', 15000)
    await pageAt(mp, route('centre'), 15000)
    review = await forwardToReview(0)
    await expectDepth(10)

    // At the limit the province page replaces the review (src/routes.ts go.to); picking asks first (confirmAction,
    // answered in the platform's modal), then the declaration replaces the province page.
    await tap(review, '#apply-change-province', 15000)
    const province = await pageAt(mp, route('province'), 15000)
    await expectDepth(10)
    await tap(province, '#apply-province-option-12', 15000)
    await answerModal(mp, 'confirm')
    await pageAt(mp, route('declaration'), 15000)
    await expectDepth(10)
    const [moved] = (await qaApi('applications', { username: DEMO_CANDIDATE.username })).applications
    expect(moved).toMatchObject({ id: app.id, province: '12', declarationsAccepted: false, photo: null })
  })
})
