import { DEMO_CANDIDATE } from '../../mock-server/scenarios'
import { startMock, type RunningMock } from '../support/servers'
import { bearer, send } from './support/candidates'

/**
 * Late payment notifications follow one rule (issue 20, docs/process.md "Late payments"): a payment made before the
 * deadline counts however late its notification comes; a payment made after it is not honoured: the order is marked
 * `refund`, the application stays unpaid, and the payment view tells the candidate.
 */
describe('a payment notified after the payment deadline', () => {
  let mock: RunningMock
  beforeAll(async () => {
    mock = await startMock()
  })
  afterAll(() => mock.close())
  afterEach(() => mock.qaApi('setClock', { real: true }))

  /** A reviewed application in 北京 with its order opened (cashier) before the deadline, the clock then past it. */
  async function openedThenPastDeadline() {
    await mock.qaApi('loadScenario', { name: 'apply-open' })
    const { token } = await mock.qaApi('createSession', { username: DEMO_CANDIDATE.username })
    const { id } = await mock.qaApi('processApplication', { username: DEMO_CANDIDATE.username, province: '11' })
    await mock.qaApi('confirmApplication', { id })
    await mock.qaApi('reviewStage', { id, stage: 'centre', outcome: 'pass' })
    await mock.qaApi('reviewStage', { id, stage: 'region', outcome: 'pass' })
    const started = await send(mock, 'POST', `/api/applications/${id}/payment`, { platform: 'h5' }, bearer(token))
    expect(started.status).toBe(200)
    const { deadline } = await mock.qaApi('moveToDeadline', { id, deadline: 'pay', at: 'past' })
    const view = async () =>
      (await send(mock, 'GET', `/api/applications/${id}/payment`, undefined, bearer(token))).body as {
        state: string
        order: { state: string; paidAt: string | null }
        refundMessage: string | null
      }
    return { id, deadline, view }
  }

  test('paid before the deadline, notified after it: the payment counts', async () => {
    const { id, deadline, view } = await openedThenPastDeadline()
    const madeAt = new Date(Date.parse(deadline) - 5 * 60 * 1000).toISOString()
    await mock.qaApi('notifyPayment', { id, outcome: 'success', paidAt: madeAt })
    const v = await view()
    expect(v).toMatchObject({ state: 'paid', order: { state: 'paid', paidAt: madeAt }, refundMessage: null })
    expect((await mock.qaApi('applicationOrders', { id })).payments).toBe(1)
  })

  test('paid after the deadline: not honoured, the order is marked for refund and the candidate is told', async () => {
    const { id, deadline, view } = await openedThenPastDeadline()
    await mock.qaApi('notifyPayment', { id, outcome: 'success' })
    const v = await view()
    expect(v.state).toBe('closed')
    expect(v.order.state).toBe('refund')
    expect(Date.parse(v.order.paidAt!)).toBeGreaterThanOrEqual(Date.parse(deadline))
    expect(v.refundMessage).toMatch(/退回/)
    expect((await mock.qaApi('applicationOrders', { id })).payments).toBe(0)
    expect(mock.app.store.state.application.byId.get(id)!.paid).toBe(false)
    // A repeated notification changes nothing.
    await mock.qaApi('notifyPayment', { id, outcome: 'success' })
    expect((await view()).order.state).toBe('refund')
  })
})
