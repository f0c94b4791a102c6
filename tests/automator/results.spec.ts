import { RESULTS_HISTORICAL, RESULTS_WAITING } from '../../mock-server/features/results/scenarios'
import { DEMO_CANDIDATE } from '../../mock-server/scenarios'
import { absent, connectedApp, element, openPage, pageAt, tap, textOf, waitForText, type Page } from './support/app'
import { logInWithPassword } from './support/candidate'
import { qaApi } from './support/qa'
import { saveAndRead, takeSavedImages, withAlbumRefused } from './support/saved-images'
import { HOOK_TIMEOUT_MS } from '../support/timeouts'
import { CERTIFICATE_ISSUER } from '../../mock-server/features/results/rules'

// After the exam (issue 15): the ticket before, inside and after its printing window (the server's clock moved by
// QA), a partly passed historical candidate's scores with the rolling standing, the certificate once every subject
// passed. Target-neutral: ids only; the album and the subscription through mockWxMethod, as QA does in the devtools.

const HOUR = 3600_000
const PASSWORD = 'Exam@2026pass'

describe('after the exam: ticket, scores, certificate', () => {
  const mp = connectedApp()

  beforeAll(async () => {
    await qaApi('setClock', { real: true })
    await qaApi('loadScenario', { name: 'results' })
  }, HOOK_TIMEOUT_MS)
  afterAll(async () => {
    await qaApi('setClock', { real: true })
  }, HOOK_TIMEOUT_MS)

  /** Logs in through the login page (the captcha's answer from the QA API); resolves on the hub. */
  function logIn(username: string): Promise<Page> {
    return logInWithPassword(mp, { username, password: PASSWORD })
  }

  const ticketPage = () => openPage(mp, '/packages/results/ticket/index', '#ticket-page')

  it('the ticket: the opening date and a reminder before, the ticket inside the window, nothing after the exam', async () => {
    // A ticket whose printing opens in an hour; the exam a day later.
    const now = Date.parse((await qaApi('clock')).now)
    const published = await qaApi('publishTicket', {
      username: RESULTS_WAITING.username,
      opensAt: new Date(now + HOUR).toISOString(),
      examAt: new Date(now + 25 * HOUR).toISOString(),
    })
    const hub = await logIn(RESULTS_WAITING.username)
    expect(await waitForText(hub, '#hub-ticket-status', (t) => t.includes('开放打印'), 10000)).toMatch(/开放打印$/)
    expect(await absent(hub, '#hub-scores')).toBe(true)

    let page = await ticketPage()
    expect(await waitForText(page, '#ticket-status', (t) => t.length > 0, 10000)).toBe('未开放打印')
    expect(await textOf(page, '#ticket-opens-at')).toContain('开放打印')
    expect(await absent(page, '#ticket-number')).toBe(true)
    // The reminder: the candidate accepts the platform's subscription dialog (QA's answer; Baidu asks nothing).
    await qaApi('simSubscribe', { outcome: 'accept' })
    await tap(page, '#ticket-remind')
    await element(page, '#ticket-reminder-on', 10000)

    // Nothing in the message list before the window opens.
    const messagesPage = () => openPage(mp, '/packages/process/messages/index', '#messages-page')
    let messages = await messagesPage()
    await element(messages, '#messages-page-empty', 10000)

    // Inside the window: the reminder is in the app's message list, once.
    await qaApi('setClock', { now: new Date(Date.parse(published.opensAt) + 60_000).toISOString() })
    messages = await messagesPage()
    expect(await waitForText(messages, '#messages-item-0', (t) => t.length > 0, 10000)).toContain('准考证已开放打印')
    expect(String(await (await element(messages, '#messages-item-0')).attribute('class'))).toContain(
      'message--ticket-open',
    )
    expect(await absent(messages, '#messages-item-1')).toBe(true)
    page = await ticketPage()
    expect(await waitForText(page, '#ticket-status', (t) => t === '可打印', 10000)).toBe('可打印')
    expect(await textOf(page, '#ticket-name')).toBe(RESULTS_WAITING.name)
    expect(await textOf(page, '#ticket-id-number')).toBe(
      `${RESULTS_WAITING.idNumber.slice(0, 4)}**********${RESULTS_WAITING.idNumber.slice(-4)}`,
    )
    expect(await textOf(page, '#ticket-number')).toMatch(/^\d{14}$/)
    await element(page, '#ticket-photo')
    await element(page, '#ticket-qr')
    expect(await textOf(page, '#ticket-sitting-0-subject')).toBe('基础知识')
    expect(await textOf(page, '#ticket-sitting-3-subject')).toBe('专业实践能力')
    expect(await textOf(page, '#ticket-sitting-0-seat')).toMatch(/考场\s*座位号 \d+/)
    expect(await textOf(page, '#ticket-rules')).toContain('考生须知')

    // Saved as an image: the ticket's fields and the candidate's photo on it (where the runner records canvases);
    // then with the album permission refused: the way to the settings.
    const ticketNo = await textOf(page, '#ticket-number')
    const saved = await saveAndRead(page, { save: '#ticket-save', result: '#ticket-save-result' }, '准考证')
    expect(await textOf(page, '#ticket-save-result')).toMatch(/^(已保存到相册|图片已下载)$/)
    if (saved) {
      const { texts, images } = saved
      // The whole ID number, as the official ticket prints it; the screen keeps it masked.
      const masked = await textOf(page, '#ticket-id-number')
      expect(masked).toContain('*')
      for (const part of [ticketNo, RESULTS_WAITING.name, RESULTS_WAITING.idNumber]) expect(texts).toContain(part)
      expect(texts).not.toContain(masked)
      expect(saved.overlaps).toEqual([])
      for (const part of ['基础知识', '专业实践能力', '考生须知']) expect(texts.join('\n')).toContain(part)
      // The photo: downloaded from the ticket's photo address, then drawn.
      expect(images).toEqual([
        expect.objectContaining({ loaded: true, source: expect.stringMatching(/^\/api\/photo-view\//) }),
      ])
    }
    await withAlbumRefused(mp, async () => {
      await tap(page, '#ticket-save')
      await waitForText(page, '#ticket-save-result', (t) => t.includes('需要允许使用相册'), 15000)
      await element(page, '#ticket-open-settings')
    })
    const afterRefusal = await takeSavedImages()
    if (afterRefusal) expect(afterRefusal).toEqual([])

    // After the last sitting: no longer printable (the moved clock expired the session: log in again).
    await qaApi('setClock', { now: published.closesAt })
    await qaApi('setClock', { advanceMs: 60_000 })
    const hubAfter = await logIn(RESULTS_WAITING.username)
    expect(await waitForText(hubAfter, '#hub-ticket-status', (t) => t === '已停止打印', 10000)).toBe('已停止打印')
    page = await ticketPage()
    expect(await waitForText(page, '#ticket-status', (t) => t === '已停止打印', 10000)).toBe('已停止打印')
    await element(page, '#ticket-closed')
    expect(await absent(page, '#ticket-number')).toBe(true)
    await qaApi('setClock', { real: true })
  })

  it('a partly passed historical candidate: each year, what still counts and until when, what to sit', async () => {
    await qaApi('setClock', { real: true })
    const hub = await logIn(RESULTS_HISTORICAL.username)
    await element(hub, '#hub-scores', 10000)
    expect(await absent(hub, '#hub-certificate')).toBe(true)
    const page = await openPage(mp, '/packages/results/scores/index', '#scores-page')
    const year = Number((await qaApi('clock')).now.slice(0, 4))
    await element(page, `#scores-year-${year - 1}`, 10000)
    expect(await textOf(page, '#scores-subject-1-score')).toBe('64')
    expect(await textOf(page, '#scores-subject-1-pass-mark')).toBe('60')
    expect(await textOf(page, '#scores-subject-2-result')).toBe('合格')
    expect(await textOf(page, '#scores-subject-4-result')).toBe('不合格')
    expect(await textOf(page, '#scores-standing-1-state')).toBe('成绩有效')
    expect(await textOf(page, '#scores-standing-1-text')).toContain(`保留至${year}年度考试`)
    expect(await textOf(page, '#scores-standing-3-state')).toBe('已过期')
    expect(await textOf(page, '#scores-standing-3-text')).toContain('须重新参加考试')
    expect(await textOf(page, '#scores-standing-4-state')).toBe('须考')
    expect(await textOf(page, '#scores-retake')).toBe(`${year}年度须参加的科目：专业知识、专业实践能力`)
    // The year before: 专业知识 passed then.
    await tap(page, `#scores-year-${year - 2}`)
    expect(await waitForText(page, '#scores-subject-3-result', (t) => t === '合格')).toBe('合格')
    expect(await textOf(page, '#scores-subject-3-score')).toBe('61')
  })

  it('the certificate once every subject passed: number, verification QR, saved as an image', async () => {
    // Not yet for the historical candidate...
    await logIn(RESULTS_HISTORICAL.username)
    let page = await openPage(mp, '/packages/results/certificate/index', '#certificate-page')
    expect(await textOf(page, '#certificate-unavailable')).toContain('还需通过专业知识、专业实践能力')
    // ...until QA publishes this year's scores with both passed.
    const year = Number((await qaApi('clock')).now.slice(0, 4))
    await qaApi('publishScores', { username: RESULTS_HISTORICAL.username, year, scores: { '3': 66, '4': 71 } })
    const scores = await openPage(mp, '/packages/results/scores/index', '#scores-page')
    await element(scores, '#scores-completed', 10000)
    await tap(scores, '#scores-to-certificate')
    page = await pageAt(mp, 'packages/results/certificate/index')
    expect(await waitForText(page, '#certificate-number', (t) => /^\d{14}$/.test(t), 10000)).toMatch(/^\d{14}$/)
    expect(await textOf(page, '#certificate-name')).toBe(RESULTS_HISTORICAL.name)
    expect(await textOf(page, '#certificate-years')).toBe(`${year - 1}—${year}年度`)
    // The issuing body on the screen, as the saved image prints it (issue 21).
    expect(await textOf(page, '#certificate-issuer')).toBe(CERTIFICATE_ISSUER)
    await element(page, '#certificate-qr')
    const number = await textOf(page, '#certificate-number')
    const saved = await saveAndRead(
      page,
      { save: '#certificate-save', result: '#certificate-save-result' },
      '成绩合格证明',
    )
    expect(await textOf(page, '#certificate-save-result')).toMatch(/^(已保存到相册|图片已下载)$/)
    if (saved) {
      const text = saved.texts.join('\n')
      expect(text).toContain(number)
      expect(text).toContain(`${year - 1}—${year}年度`)
      expect(text).toContain(RESULTS_HISTORICAL.name)
      expect(text).toContain('国家卫生健康委人才交流服务中心')
      expect(saved.overlaps).toEqual([])
    }

    // The demo candidate passed all: the hub offers the certificate.
    const hub = await logIn(DEMO_CANDIDATE.username)
    expect(await waitForText(hub, '#hub-certificate-status', (t) => t.length > 0, 10000)).toBe('可查看')
    await tap(hub, '#hub-certificate')
    page = await pageAt(mp, 'packages/results/certificate/index')
    await element(page, '#certificate-number', 10000)
  })

  it('publishing scores puts a message in the list; tapping it opens 成绩查询 with that year', async () => {
    await qaApi('setClock', { real: true })
    const year = Number((await qaApi('clock')).now.slice(0, 4))
    await qaApi('publishScores', { username: RESULTS_WAITING.username, year, scores: { '1': 66, '2': 59 } })
    await logIn(RESULTS_WAITING.username)
    const list = await openPage(mp, '/packages/process/messages/index', '#messages-page')
    expect(await waitForText(list, '#messages-item-0', (t) => t.includes('考试成绩已发布'), 10000)).toContain(
      `${year}年度卫生专业技术资格考试成绩已发布`,
    )
    await tap(list, '#messages-item-0')
    const scores = await pageAt(mp, 'packages/results/scores/index')
    await element(scores, `#scores-year-${year}`, 10000)
    expect(await textOf(scores, '#scores-subject-1-score')).toBe('66')
  })
})
