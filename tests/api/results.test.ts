import { api, ApiError, setSessionToken } from '../../src/api'
import { DEMO_CANDIDATE, makeIdNumber } from '../../mock-server/scenarios'
import { CENTRE_LOCATION, RESULTS_HISTORICAL, RESULTS_WAITING } from '../../mock-server/features/results/scenarios'
import { examYearOf } from '../../domain/results'
import { clientAgainstMock } from './support/client-mock'

const DAY = 24 * 3600_000
// Each test loads a scenario of three candidates (password hashing) on a shared, busy machine.
jest.setTimeout(30_000)

/** After the exam (issue 15): the ticket's printing window, whose ticket it is, scores, the certificate. */
describe('results API', () => {
  const mock = clientAgainstMock()

  beforeEach(async () => {
    await mock.qaApi('setClock', { real: true })
    await mock.qaApi('loadScenario', { name: 'results' })
  })

  /** Logs in as a scenario candidate through the QA session shortcut. */
  const as = async (username: string) => {
    const { token } = await mock.qaApi('createSession', { username })
    setSessionToken(token)
  }
  const fail = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('expected the call to fail')
      },
      (e: unknown) => e as ApiError,
    )
  const moveClockTo = async (iso: string, username: string) => {
    await mock.qaApi('setClock', { now: iso })
    await as(username) // sessions expire by the same clock
  }

  test('a candidate with a ticket or scores cannot cancel the account (SPEC 1.4: an exam was applied for)', async () => {
    for (const username of [RESULTS_WAITING.username, RESULTS_HISTORICAL.username]) {
      await as(username)
      expect(await api.cancelCheck()).toMatchObject({ allowed: false, reason: expect.stringContaining('不能注销账号') })
      expect((await fail(api.cancelAccount())).code).toBe('CANCEL_REFUSED')
    }
    // The one waiting for the ticket has filled no application here: the ticket alone refuses.
    await as(RESULTS_WAITING.username)
    expect((await api.cancelCheck()).reason).toBe('您已有准考证或考试成绩，不能注销账号')
    const accountId = [...mock.app.store.state.accounts.values()].find(
      (a) => a.username === RESULTS_WAITING.username,
    )!.id
    expect([...mock.app.store.state.results.tickets.values()].some((t) => t.accountId === accountId)).toBe(true)
  })

  test('before the window: the opening date, no ticket; inside: the ticket; after the exam: closed', async () => {
    await as(RESULTS_WAITING.username)
    const { ticket: brief } = await api.resultsSummary()
    expect(brief).toMatchObject({ state: 'not-open', reminder: false })
    const early = await fail(api.ticket(brief!.ticketId))
    expect(early.status).toBe(409)
    expect(early.code).toBe('TICKET_NOT_OPEN')
    expect(early.message).toBe('准考证打印尚未开始')

    // A minute before it opens, then the moment it opens (the server's clock keeps running after it is set, so the
    // exact millisecond is the unit test's: tests/unit/results-domain.test.ts).
    await moveClockTo(new Date(Date.parse(brief!.opensAt) - 60_000).toISOString(), RESULTS_WAITING.username)
    expect((await fail(api.ticket(brief!.ticketId))).code).toBe('TICKET_NOT_OPEN')
    await moveClockTo(brief!.opensAt, RESULTS_WAITING.username)
    const ticket = await api.ticket(brief!.ticketId)
    expect(ticket.brief.state).toBe('open')
    expect(ticket).toMatchObject({ name: RESULTS_WAITING.name, speciality: '内科护理（中级）' })
    expect(ticket.idNumberMasked).toBe(
      `${RESULTS_WAITING.idNumber.slice(0, 4)}**********${RESULTS_WAITING.idNumber.slice(-4)}`,
    )
    // The whole number only in \`idNumber\`, for the printable image (issue 21: the official ticket prints it in full);
    // the screen's field stays masked, and the ticket is the candidate's own (authorization.test.ts).
    expect(ticket.idNumber).toBe(RESULTS_WAITING.idNumber)
    expect(JSON.stringify({ ...ticket, idNumber: '' })).not.toContain(RESULTS_WAITING.idNumber)
    expect(ticket.ticketNo).toMatch(/^\d{14}$/)
    expect(ticket.qr.text).toBe(ticket.ticketNo)
    expect(ticket.qr.modules).toHaveLength(ticket.qr.size * ticket.qr.size)
    expect(ticket.qr.dataUrl).toMatch(/^data:image\/png;base64,/)
    expect(ticket.sittings.map((s) => s.subjectName)).toEqual(['基础知识', '相关专业知识', '专业知识', '专业实践能力'])
    for (const s of ticket.sittings) {
      expect(s.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(s.time).toMatch(/^\d{2}:\d{2}–\d{2}:\d{2}$/)
      expect(s.centre && s.address && s.room && s.seat).toBeTruthy()
      // The centre's GCJ-02 position for the map, and the sitting's own times for the calendar (issue 24).
      expect(s.location).toEqual(CENTRE_LOCATION)
      expect(s.date).toBe(new Date(Date.parse(s.startsAt) + 8 * 3600_000).toISOString().slice(0, 10))
      expect(Date.parse(s.endsAt) - Date.parse(s.startsAt)).toBe(1.5 * 3600_000)
    }
    expect(ticket.rules.length).toBeGreaterThan(3)
    expect(ticket.photoUrl).toMatch(/^\/api\/photo-view\//)
    const photo = await fetch(`${mock.url}${ticket.photoUrl}`)
    expect(photo.headers.get('content-type')).toBe('image/jpeg')

    // Printable until the last sitting ends, then no longer.
    await moveClockTo(new Date(Date.parse(brief!.closesAt) - 60_000).toISOString(), RESULTS_WAITING.username)
    expect((await api.ticket(brief!.ticketId)).brief.state).toBe('open')
    await moveClockTo(brief!.closesAt, RESULTS_WAITING.username)
    const late = await fail(api.ticket(brief!.ticketId))
    expect([late.status, late.code]).toEqual([410, 'TICKET_CLOSED'])
    expect((await api.resultsSummary()).ticket!.state).toBe('closed')
  })

  test("another candidate's ticket is refused exactly like one that does not exist", async () => {
    await as(RESULTS_HISTORICAL.username)
    const theirs = (await api.resultsSummary()).ticket!
    expect(theirs.state).toBe('open')
    expect((await api.ticket(theirs.ticketId)).name).toBe(RESULTS_HISTORICAL.name)

    await as(RESULTS_WAITING.username)
    const stolen = await fail(api.ticket(theirs.ticketId))
    const unknown = await fail(api.ticket('no-such-ticket'))
    expect([stolen.status, stolen.code, stolen.message]).toEqual([404, 'TICKET_NOT_FOUND', '没有找到这张准考证'])
    expect([unknown.status, unknown.code, unknown.message]).toEqual([stolen.status, stolen.code, stolen.message])
    expect((await fail(api.ticketReminder(theirs.ticketId))).code).toBe('TICKET_NOT_FOUND')
    for (const id of ['__proto__', 'constructor', 'toString']) expect((await fail(api.ticket(id))).status).toBe(404)

    setSessionToken(null)
    expect((await fail(api.ticket(theirs.ticketId))).status).toBe(401)
  })

  test('the reminder for the printing window is kept; none once the exam is over', async () => {
    await as(RESULTS_WAITING.username)
    const brief = (await api.resultsSummary()).ticket!
    expect(await api.ticketReminder(brief.ticketId)).toEqual({ ok: true, reminder: true })
    expect((await api.resultsSummary()).ticket!.reminder).toBe(true)
    await moveClockTo(brief.closesAt, RESULTS_WAITING.username)
    expect((await fail(api.ticketReminder(brief.ticketId))).code).toBe('TICKET_CLOSED')
  })

  const serverNow = async () => Date.parse((await mock.qaApi('clock')).now)
  /** The printing-window reminders queued for a candidate, as QA lists them. */
  const ticketReminders = async (username: string) => {
    const { reminders } = await mock.qaApi('reminders', { username })
    return reminders.filter((r) => r.kind === 'ticket-open')
  }
  const subscribe = async (username: string) => {
    await as(username)
    const brief = (await api.resultsSummary()).ticket!
    await api.ticketReminder(brief.ticketId)
    return brief
  }

  test('the printing-window reminder: queued once when the clock moves into the window, not before, not twice', async () => {
    // Two subscribed candidates with windows opening at different times, and one inside its window who never subscribed.
    const waiting = await subscribe(RESULTS_WAITING.username)
    const now = await serverNow()
    const later = await mock.qaApi('publishTicket', {
      username: DEMO_CANDIDATE.username,
      opensAt: new Date(now + 6 * DAY).toISOString(),
      examAt: new Date(now + 12 * DAY).toISOString(),
    })
    await subscribe(DEMO_CANDIDATE.username)
    expect(await ticketReminders(RESULTS_WAITING.username)).toEqual([])

    // Not before: a minute before the window opens.
    await moveClockTo(new Date(Date.parse(waiting.opensAt) - 60_000).toISOString(), RESULTS_WAITING.username)
    expect((await api.messages()).messages.filter((m) => m.kind === 'ticket-open')).toEqual([])
    expect(await ticketReminders(RESULTS_WAITING.username)).toEqual([])

    // The window opens: one reminder, in the candidate's message list too, sent through the platform.
    await moveClockTo(new Date(Date.parse(waiting.opensAt) + 60_000).toISOString(), RESULTS_WAITING.username)
    const [sent, ...more] = await ticketReminders(RESULTS_WAITING.username)
    expect(more).toEqual([])
    expect(sent).toMatchObject({ kind: 'ticket-open', applicationId: null, pushed: true, title: '准考证已开放打印' })
    expect(sent.body).toContain('考试结束后不再提供打印')
    const { messages } = await api.messages()
    expect(messages[0]).toEqual(sent)
    const [qaTicket] = (await mock.qaApi('candidateTickets', { username: RESULTS_WAITING.username })).tickets
    expect(qaTicket).toMatchObject({ reminder: true, reminderSentAt: sent.at })

    // Not twice: more answers, the clock on inside the window, subscribing again.
    await api.ticket(waiting.ticketId)
    await mock.qaApi('setClock', { advanceMs: 3600_000 })
    expect(await api.ticketReminder(waiting.ticketId)).toEqual({ ok: true, reminder: true })
    await api.messages()
    expect(await ticketReminders(RESULTS_WAITING.username)).toEqual([sent])

    // The other subscriptions are their own: the later window has sent nothing yet, the unsubscribed candidate nothing.
    expect(await ticketReminders(DEMO_CANDIDATE.username)).toEqual([])
    expect(await ticketReminders(RESULTS_HISTORICAL.username)).toEqual([])
    await moveClockTo(new Date(Date.parse(later.opensAt) + 60_000).toISOString(), DEMO_CANDIDATE.username)
    expect(await ticketReminders(DEMO_CANDIDATE.username)).toHaveLength(1)
    expect(await ticketReminders(RESULTS_WAITING.username)).toEqual([sent])
    expect(await ticketReminders(RESULTS_HISTORICAL.username)).toEqual([])
  })

  test('the printing-window reminder: a ticket published inside its window sends it once; a closed window none', async () => {
    const brief = await subscribe(RESULTS_WAITING.username)
    // QA publishes the year's ticket again, printing open now: the subscription stays with it and the reminder goes.
    const now = await serverNow()
    const open = { username: RESULTS_WAITING.username, opensAt: new Date(now).toISOString() }
    await mock.qaApi('publishTicket', { ...open, examAt: brief.closesAt })
    expect(await ticketReminders(RESULTS_WAITING.username)).toHaveLength(1)
    await mock.qaApi('publishTicket', { ...open, examAt: brief.closesAt })
    expect(await ticketReminders(RESULTS_WAITING.username)).toHaveLength(1)
    // Published inside its window for a candidate who never subscribed: nothing.
    await mock.qaApi('publishTicket', { username: RESULTS_HISTORICAL.username, opensAt: open.opensAt })
    expect(await ticketReminders(RESULTS_HISTORICAL.username)).toEqual([])

    // Subscribed, but the clock jumps from before the window to after the exam: no reminder for a closed window.
    const demo = await mock.qaApi('publishTicket', {
      username: DEMO_CANDIDATE.username,
      opensAt: new Date(now + 2 * DAY).toISOString(),
      examAt: new Date(now + 4 * DAY).toISOString(),
    })
    await subscribe(DEMO_CANDIDATE.username)
    await moveClockTo(new Date(Date.parse(demo.closesAt) + 60_000).toISOString(), DEMO_CANDIDATE.username)
    await api.messages()
    expect(await ticketReminders(DEMO_CANDIDATE.username)).toEqual([])
  })

  test('a partly passed historical candidate: what still counts, until when, what lapsed, what to sit', async () => {
    await as(RESULTS_HISTORICAL.username)
    const year = examYearOf(Date.now())
    const scores = await api.scores()
    expect(scores.rollingYears).toBe(2)
    expect(scores.years.map((y) => y.year)).toEqual([year - 1, year - 2])
    expect(scores.years[0].subjects.map((s) => [s.name, s.score, s.passMark, s.passed])).toEqual([
      ['基础知识', 64, 60, true],
      ['相关专业知识', 60, 60, true],
      ['专业知识', 55, 60, false],
      ['专业实践能力', 48, 60, false],
    ])
    expect(scores.standing).toEqual({
      asOfYear: year,
      completed: null,
      subjects: [
        { code: '1', name: '基础知识', state: 'counts', passedYear: year - 1, countsThrough: year },
        { code: '2', name: '相关专业知识', state: 'counts', passedYear: year - 1, countsThrough: year },
        { code: '3', name: '专业知识', state: 'lapsed', passedYear: year - 2, countsThrough: year - 1 },
        { code: '4', name: '专业实践能力', state: 'retake', passedYear: null, countsThrough: null },
      ],
    })
    const cert = await api.certificate()
    expect(cert).toEqual({ available: false, reason: '尚未在滚动周期内通过全部科目：还需通过专业知识、专业实践能力' })
    expect((await api.resultsSummary()).certificate).toBe(false)

    // QA publishes this year's scores: 3 and 4 passed → the certificate, window last year – this year.
    await mock.qaApi('publishScores', { username: RESULTS_HISTORICAL.username, year, scores: { '3': 60, '4': 77 } })
    const after = await api.scores()
    expect(after.standing.completed).toEqual({ fromYear: year - 1, toYear: year })
    expect((await api.resultsSummary()).certificate).toBe(true)
    const issued = await api.certificate()
    if (!issued.available) throw new Error('expected the certificate')
    expect(issued.certificate).toMatchObject({ name: RESULTS_HISTORICAL.name, fromYear: year - 1, toYear: year })
    // Next year those passes would have lapsed, but the certificate stands.
    await moveClockTo(new Date(Date.now() + 400 * DAY).toISOString(), RESULTS_HISTORICAL.username)
    const later = await api.certificate()
    expect(later.available && later.certificate.number).toBe(issued.certificate.number)
  })

  test('publishing scores puts a message in the list (pushed only with the scores template accepted); a correction says so', async () => {
    const year = examYearOf(Date.now())
    const scoreMessages = async () => (await api.messages()).messages.filter((m) => m.kind === 'scores-published')
    await as(RESULTS_WAITING.username)
    expect(await scoreMessages()).toEqual([])

    await mock.qaApi('publishScores', { username: RESULTS_WAITING.username, year, scores: { '1': 70 } })
    await as(RESULTS_WAITING.username)
    const [first] = await scoreMessages()
    expect(first).toMatchObject({ title: '考试成绩已发布', applicationId: null, pushed: false })
    expect(first.body).toBe(`${year}年度卫生专业技术资格考试成绩已发布，请在成绩查询中查看`)

    // On the ticket page the candidate accepted the printing template and refused the scores one: still not pushed.
    const [printing, scoresTemplate] = (await api.reminderTemplates('weapp')).templates.ticket
    await api.subscribeReminders({
      platform: 'weapp',
      templateIds: [printing, scoresTemplate],
      outcome: 'accept',
      answers: { [printing]: 'accept', [scoresTemplate]: 'reject' },
    })
    await mock.qaApi('publishScores', { username: RESULTS_WAITING.username, year, scores: { '1': 71 } })
    await as(RESULTS_WAITING.username)
    const corrected = await scoreMessages()
    expect(corrected.map((m) => [m.title, m.pushed])).toEqual([
      ['考试成绩已更正', false],
      ['考试成绩已发布', false],
    ])

    // Accepted with the alert on (any of WeChat's accepting answers): pushed through the platform too.
    await api.subscribeReminders({
      platform: 'weapp',
      templateIds: [scoresTemplate],
      outcome: 'accept',
      answers: { [scoresTemplate]: 'acceptWithAlert' },
    })
    await mock.qaApi('publishScores', { username: RESULTS_WAITING.username, year: year - 1, scores: { '2': 60 } })
    await as(RESULTS_WAITING.username)
    expect((await scoreMessages())[0]).toMatchObject({ title: '考试成绩已发布', pushed: true })
    // Another candidate's list has none of it.
    await as(RESULTS_HISTORICAL.username)
    expect(await scoreMessages()).toEqual([])
  })

  test('the certificate: number, verification QR; a stranger checking it learns only a masked name', async () => {
    await as(DEMO_CANDIDATE.username)
    const summary = await api.resultsSummary()
    expect(summary.certificate).toBe(true)
    expect(summary.ticket!.state).toBe('closed')
    const cert = await api.certificate()
    if (!cert.available) throw new Error('expected the certificate')
    const c = cert.certificate
    expect(c.number).toMatch(/^\d{14}$/)
    expect(c.verifyUrl).toBe(`${mock.url}/api/results/verify/${c.number}`)
    expect(c.qr.text).toBe(c.verifyUrl)
    expect(JSON.stringify(cert)).not.toContain(DEMO_CANDIDATE.idNumber)
    // The number is given once and kept.
    expect((await api.certificate()).available && (await api.certificate())).toMatchObject({
      certificate: { number: c.number },
    })

    setSessionToken(null)
    const check = await api.verifyCertificate(c.number)
    expect(check).toEqual({
      valid: true,
      nameMasked: '张*',
      examName: c.examName,
      speciality: c.speciality,
      toYear: c.toYear,
    })
    expect(await api.verifyCertificate('20260000000000')).toEqual({
      valid: false,
      nameMasked: null,
      examName: null,
      speciality: null,
      toYear: null,
    })
  })

  test('QA publishes a ticket and scores; bad QA input is a 400 with the contract body', async () => {
    const opensAt = new Date(Date.now() + DAY).toISOString()
    const t = await mock.qaApi('publishTicket', { username: DEMO_CANDIDATE.username, opensAt })
    await as(DEMO_CANDIDATE.username)
    expect((await api.resultsSummary()).ticket).toMatchObject({ ticketId: t.ticketId, state: 'not-open', opensAt })
    const bad = await mock.qaApi.reply('publishScores', {
      username: DEMO_CANDIDATE.username,
      year: 2026,
      scores: { '9': 60 },
    })
    expect(bad.status).toBe(400)
    expect((bad.body as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED')
  })

  test('a candidate without results: no ticket, no scores, no certificate', async () => {
    const idNumber = makeIdNumber('110101', '19900101', '123')
    await mock.qaApi('createCandidate', { username: 'noresult1', password: 'Abcdef12', name: '钱七', idNumber })
    await as('noresult1')
    expect(await api.resultsSummary()).toEqual({ ticket: null, scoreYears: [], certificate: false })
    expect((await fail(api.scores())).status).toBe(404)
    expect(await api.certificate()).toEqual({ available: false, reason: '暂无考试成绩' })
  })
})

describe('results without --qa', () => {
  test('no QA publishing routes', async () => {
    const { startMock } = await import('../support/servers')
    const plain = await startMock({ qa: false })
    try {
      const res = await plain.qaApi.reply('publishScores')
      expect(res.status).toBe(404)
    } finally {
      await plain.close()
    }
  })
})
