import { DEMO_CANDIDATE } from '../../mock-server/scenarios'
import { answerModal, connectApp, element, openPage, pageAt, tap, textOf, waitUntil } from './support/app'
import type { MiniProgram } from './support/app'
import { logInWithPassword } from './support/candidate'
import { qaApi } from './support/qa'
import { HOOK_TIMEOUT_MS } from '../support/timeouts'

/**
 * The way forward from the review and the 报名表 (issue 21): 提交报名信息 takes effect only once confirmed in the
 * platform's modal (src/platform/modal.ts); after it the 报名表 sits on the application's tracker, so back leads there
 * and not through the exam photo and the locked steps; the 报名表 opened on its own links to the tracker.
 */
jest.setTimeout(180_000)

const REVIEW = 'packages/application/review/index'
const FORM = 'packages/application/form/index'
const TRACKER = 'packages/process/tracker/index'

describe('the wizard’s way forward: confirmation, tracker, back', () => {
  let mp: MiniProgram

  beforeAll(async () => {
    mp = await connectApp()
  }, HOOK_TIMEOUT_MS)
  afterAll(() => mp?.disconnect(), HOOK_TIMEOUT_MS)

  const status = async (id: string) =>
    (await qaApi('applications', { username: DEMO_CANDIDATE.username })).applications.find((a) => a.id === id)?.status
  const stackPaths = async () => (await mp.pageStack()).map((p) => p.path).join(' > ')

  async function demoApplication(submit: boolean): Promise<string> {
    await qaApi('loadScenario', { name: 'apply-open' })
    await logInWithPassword(mp, DEMO_CANDIDATE)
    return (await qaApi('processApplication', { username: DEMO_CANDIDATE.username, province: '44', submit })).id
  }

  it('提交报名信息 asks first: cancelled, nothing is sent; confirmed, the 报名表 on the tracker, back to the tracker', async () => {
    const id = await demoApplication(false)
    let review = await openPage(mp, `/${REVIEW}?id=${id}`, '#apply-review-page')
    // The exam photo on the review.
    await element(review, '#apply-review-photo', 15000)

    await tap(review, '#apply-review-submit', 15000)
    await answerModal(mp, 'cancel')
    await new Promise((r) => setTimeout(r, 1500))
    expect(await status(id)).toBe('filling')
    review = await pageAt(mp, REVIEW)
    expect(await textOf(review, '#apply-review-submit')).toBe('提交报名信息')

    await tap(review, '#apply-review-submit', 15000)
    await answerModal(mp, 'confirm')
    const form = await pageAt(mp, FORM, 15000)
    await element(form, '#apply-form-code', 15000)
    expect(await status(id)).toBe('submitted')
    // The wizard's pages are gone: the tracker below the form, so back leads there.
    await waitUntil('the tracker below the form', async () => ((await stackPaths()) === `${TRACKER} > ${FORM}` ? 1 : 0))
    await mp.navigateBack()
    const tracker = await pageAt(mp, TRACKER, 15000)
    await element(tracker, '#tracker-page', 15000)
    expect(await stackPaths()).toBe(TRACKER)
  })

  it('the 报名表 opened on its own links to its tracker (查看报考流程)', async () => {
    const id = await demoApplication(true)
    const form = await openPage(mp, `/${FORM}?id=${id}`, '#apply-form-page')
    expect(await textOf(form, '#apply-form-tracker')).toBe('查看报考流程')
    await tap(form, '#apply-form-tracker', 15000)
    const tracker = await pageAt(mp, TRACKER, 15000)
    await element(tracker, '#tracker-page', 15000)
    const [top] = (await mp.pageStack()).slice(-1)
    expect(top.query).toMatchObject({ id })
  })
})
