import { RESULTS_WAITING } from '../../mock-server/features/results/scenarios'
import { DEMO_CANDIDATE } from '../../mock-server/scenarios'
import { answerModal, connectedApp, element, openPage, pageAt, tap, waitForText, waitUntil } from './support/app'
import { logInWithPassword } from './support/candidate'
import { describeSkipOn, target } from './support/platform'
import { qaApi } from './support/qa'
import { HOOK_TIMEOUT_MS } from '../support/timeouts'

/**
 * Subscriptions refused (issue 19): at 提交报名信息 (the wizard's review), on the tracker and on the ticket, the
 * platform's dialog answers as QA sets it (the host's stand-in per template; H5's simulation) for the templates the
 * server issued to this platform; the app records each answer and says, in its own words, what happens instead and
 * where to go (the message list, or the settings when messages are switched off). WeChat's acceptWith… answers are
 * acceptances. Baidu asks through `<form report-submit report-type="subscribe" template-id subscribe-id>` around the
 * button (components/subscribe-form); the host's form answers as Baidu's panel does (formId, or status 500101-500105).
 */
jest.setTimeout(180_000)

const HOUR = 3600_000

describeSkipOn({})('subscriptions refused and accepted', () => {
  const mp = connectedApp()

  afterEach(async () => {
    await qaApi('simSubscribe', { outcome: 'accept' })
  }, HOOK_TIMEOUT_MS)

  const lastSubscription = (username: string) =>
    waitUntil(
      'the subscription on the server',
      async () => (await qaApi('reminders', { username })).subscriptions.at(-1),
      10000,
    )

  it('the review: a refusal is recorded, and the 报名表 says the reminders are in the message list', async () => {
    await qaApi('loadScenario', { name: 'apply-open' })
    const app = await qaApi('processApplication', {
      username: DEMO_CANDIDATE.username,
      province: '11',
      submit: false,
    })
    await logInWithPassword(mp, DEMO_CANDIDATE)
    const review = await openPage(mp, `/packages/application/review/index?id=${app.id}`, '#apply-review-page')
    await qaApi('simSubscribe', { outcome: 'reject' })
    await tap(review, '#apply-review-submit', 15000)
    await answerModal(mp, 'confirm')
    const form = await pageAt(mp, 'packages/application/form/index', 15000)
    expect(await waitForText(form, '#apply-form-reminders-text', (t) => t.length > 0, 10000)).toContain('未订阅提醒')
    await tap(form, '#apply-form-reminders-messages')
    await pageAt(mp, 'packages/process/messages/index', 15000)
    const recorded = await lastSubscription(DEMO_CANDIDATE.username)
    expect(recorded).toMatchObject({ outcome: 'reject' })
    expect(recorded?.templateIds).toHaveLength(3)
    expect(Object.values(recorded?.answers ?? {})).toEqual(['reject', 'reject', 'reject'])
  })

  it('the tracker: refused says where the reminders go; acceptWithAlert is a subscription', async () => {
    await qaApi('loadScenario', { name: 'apply-open' })
    const app = await qaApi('processApplication', { username: DEMO_CANDIDATE.username, province: '11' })
    await logInWithPassword(mp, DEMO_CANDIDATE)
    let tracker = await openPage(mp, `/packages/process/tracker/index?id=${app.id}`, '#tracker-page')
    await qaApi('simSubscribe', { outcome: 'reject' })
    await tap(tracker, '#tracker-subscribe', 15000)
    expect(await waitForText(tracker, '#tracker-subscribe-result', (t) => t.length > 0, 10000)).toContain('未订阅提醒')
    await element(tracker, '#tracker-messages')
    expect(await lastSubscription(DEMO_CANDIDATE.username)).toMatchObject({ outcome: 'reject' })

    // WeChat's acceptWithAlert (the candidate also turned the alert on) is an acceptance, on every target.
    tracker = await openPage(mp, `/packages/process/tracker/index?id=${app.id}`, '#tracker-page')
    await qaApi('simSubscribe', { outcome: 'acceptWithAlert' })
    await tap(tracker, '#tracker-subscribe', 15000)
    expect(await waitForText(tracker, '#tracker-subscribe-result', (t) => t.length > 0, 10000)).toBe('已订阅提醒')
    const accepted = await waitUntil(
      'the accepted subscription',
      async () => {
        const s = await lastSubscription(DEMO_CANDIDATE.username)
        return s?.outcome === 'accept' ? s : null
      },
      10000,
    )
    // Alipay has no alert variant: its answer lists the template as subscribed, read as accept; Baidu's form
    // grants the templates together (a formId).
    const word = target() === 'alipay' || target() === 'swan' ? 'accept' : 'acceptWithAlert'
    expect(Object.values(accepted?.answers ?? {})).toEqual([word, word])
  })

  it('the tracker on WeChat: messages switched off (20004) lead to the settings', async () => {
    if (target() !== 'weapp' && target() !== 'h5') return // WeChat's code: Alipay's and Baidu's tables have none
    await qaApi('loadScenario', { name: 'apply-open' })
    const app = await qaApi('processApplication', { username: DEMO_CANDIDATE.username, province: '11' })
    await logInWithPassword(mp, DEMO_CANDIDATE)
    const tracker = await openPage(mp, `/packages/process/tracker/index?id=${app.id}`, '#tracker-page')
    await mp.mockWxMethod('requestSubscribeMessage', {
      errMsg: 'requestSubscribeMessage:fail The main switch is switched off',
      errCode: 20004,
    })
    try {
      await tap(tracker, '#tracker-subscribe', 15000)
      expect(await waitForText(tracker, '#tracker-subscribe-result', (t) => t.length > 0, 10000)).toContain('设置')
      await element(tracker, '#tracker-subscribe-settings')
    } finally {
      await mp.restoreWxMethod('requestSubscribeMessage')
    }
  })

  it('the ticket: a refused reminder says where the ticket will be', async () => {
    await qaApi('setClock', { real: true })
    await qaApi('loadScenario', { name: 'results' })
    const now = Date.parse((await qaApi('clock')).now)
    await qaApi('publishTicket', {
      username: RESULTS_WAITING.username,
      opensAt: new Date(now + HOUR).toISOString(),
      examAt: new Date(now + 25 * HOUR).toISOString(),
    })
    await logInWithPassword(mp, { username: RESULTS_WAITING.username, password: 'Exam@2026pass' })
    const page = await openPage(mp, '/packages/results/ticket/index', '#ticket-page')
    await qaApi('simSubscribe', { outcome: 'reject' })
    await tap(page, '#ticket-remind', 15000)
    expect(await waitForText(page, '#ticket-reminder-result', (t) => t.length > 0, 10000)).toContain('未订阅提醒')
    // Still offered: the candidate may change their mind.
    await element(page, '#ticket-remind')
    expect(await lastSubscription(RESULTS_WAITING.username)).toMatchObject({ outcome: 'reject' })
  })

  it('Baidu: the tracker asks through its subscribe form; a grant is recorded with the form’s subscribe-id, a refusal for good is a refusal', async () => {
    if (target() !== 'swan') return
    await qaApi('loadScenario', { name: 'apply-open' })
    const app = await qaApi('processApplication', { username: DEMO_CANDIDATE.username, province: '11' })
    await logInWithPassword(mp, DEMO_CANDIDATE)
    let tracker = await openPage(mp, `/packages/process/tracker/index?id=${app.id}`, '#tracker-page')
    const form = await element(tracker, '#tracker-subscribe-form', 15000)
    expect(String(await form.attribute('report-type'))).toBe('subscribe')
    await qaApi('simSubscribe', { outcome: 'accept' })
    await tap(tracker, '#tracker-subscribe', 15000)
    expect(await waitForText(tracker, '#tracker-subscribe-result', (t) => t.length > 0, 10000)).toBe('已订阅提醒')
    const granted = await lastSubscription(DEMO_CANDIDATE.username)
    expect(granted).toMatchObject({
      platform: 'swan',
      outcome: 'accept',
      subscribeId: expect.stringMatching(/^process-/),
    })
    expect(granted?.templateIds.every((id: string) => /^BD\d+$/.test(id))).toBe(true)

    // 500101: the candidate chose never to be asked again. Recorded as a refusal; the app says so, and offers no
    // subscription again to this candidate on this device (kept in storage: a reopened page, or a restart).
    try {
      tracker = await openPage(mp, `/packages/process/tracker/index?id=${app.id}`, '#tracker-page')
      await qaApi('simSubscribe', { outcome: 'ban' })
      await tap(tracker, '#tracker-subscribe', 15000)
      expect(await waitForText(tracker, '#tracker-subscribe-result', (t) => t.length > 0, 10000)).toContain('不再询问')
      await element(tracker, '#tracker-messages')
      expect(await lastSubscription(DEMO_CANDIDATE.username)).toMatchObject({ outcome: 'reject' })
      await waitUntil('the 订阅 entry gone', async () => !(await tracker.$('#tracker-subscribe')), 10000)

      tracker = await openPage(mp, `/packages/process/tracker/index?id=${app.id}`, '#tracker-page')
      expect(await waitForText(tracker, '#tracker-subscribe-off', (t) => t.length > 0, 10000)).toContain('消息')
      expect(await tracker.$('#tracker-subscribe')).toBeNull()
      expect(await tracker.$('#tracker-subscribe-form')).toBeNull()
    } finally {
      // The device's memory of the answer (stores/reminders.ts): the next spec's candidate starts unasked.
      await mp.callWxMethod('removeStorageSync', 'reminders.refusedForGood')
    }
  })
})
