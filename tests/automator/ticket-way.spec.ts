import { CENTRE_LOCATION, RESULTS_WAITING } from '../../mock-server/features/results/scenarios'
import { absent, connectedApp, element, openPage, tap, textOf, waitForText, waitUntil, type Page } from './support/app'
import { logInWithPassword } from './support/candidate'
import { placeOf, setBaseLibrary, takeOpened, type Opened } from './support/opened'
import { permissions } from './support/permissions'
import { target } from './support/platform'
import { qaApi } from './support/qa'
import { HOOK_TIMEOUT_MS } from '../support/timeouts'
import { chinaDate } from '../../domain/china-time'

// Exam day from the ticket (issue 24): each centre opens the platform's map at the server's GCJ-02 position (a map
// link on H5), the exam-day card gives the dates, times and what to bring, and on WeChat the exam goes into the
// phone's calendar (wx.addPhoneCalendar, asked with canIUse): made, refused (scope, privacy popup), missing on an old
// base library; Alipay, Baidu and H5 have no calendar API and show no such control. What was opened or added is read
// back from the runner (Host.takeOpened), the old client set through Host.client (the host's, not the devtools').

const HOUR = 3600_000
const PASSWORD = 'Exam@2026pass'
const CENTRE = '北京市东城区考点（北京市第五十五中学）'

describe('exam day: the way to the centre and the exam in the calendar', () => {
  const mp = connectedApp()
  let examAt = 0
  let ticketNo = ''

  beforeAll(async () => {
    await qaApi('setClock', { real: true })
    await qaApi('loadScenario', { name: 'results' })
    // Printing open since an hour ago; the first sitting in three days.
    const now = Date.parse((await qaApi('clock')).now)
    examAt = Math.floor((now + 72 * HOUR) / 60_000) * 60_000
    ;({ ticketNo } = await qaApi('publishTicket', {
      username: RESULTS_WAITING.username,
      opensAt: new Date(now - HOUR).toISOString(),
      examAt: new Date(examAt).toISOString(),
    }))
    await logInWithPassword(mp, { username: RESULTS_WAITING.username, password: PASSWORD })
  }, HOOK_TIMEOUT_MS)
  afterAll(async () => {
    if (target() === 'weapp') await setBaseLibrary(null)
  }, HOOK_TIMEOUT_MS)

  async function ticketPage(): Promise<Page> {
    const page = await openPage(mp, '/packages/results/ticket/index', '#ticket-page')
    await waitForText(page, '#ticket-status', (t) => t === '可打印', 10000)
    // The page may show the ticket it held from an earlier visit while it asks again: wait for this one.
    await waitForText(page, '#ticket-number', (t) => t === ticketNo, 10000)
    // The number stays the same when QA publishes again; the first sitting's date is this run's own.
    await waitForText(page, '#ticket-sitting-0-time', (t) => t.startsWith(chinaDate(examAt)), 10000)
    await element(page, '#ticket-exam-card', 10000)
    return page
  }

  /** Waits for the runner to report something opened since the last take. */
  async function opened(): Promise<Opened[]> {
    let seen: Opened[] = []
    await waitUntil('something opened outside the app', async () => {
      seen = seen.concat(await takeOpened())
      return seen.length > 0
    })
    return seen
  }

  it("each centre opens the map at the server's coordinates; the card says when and what to bring", async () => {
    const page = await ticketPage()
    const card = await textOf(page, '#ticket-exam-card')
    // The days and times of the ticket's own sittings, and what to bring in the 考生须知's words.
    expect(card).toContain(await textOf(page, '#ticket-sitting-0-time').then((t) => t.split(/\s/)[0] ?? ''))
    expect(card).toContain('基础知识')
    expect(await textOf(page, '#ticket-exam-card-bring')).toContain('准考证和有效身份证件原件')
    expect(await textOf(page, '#ticket-exam-card-bring')).toContain('2B 铅笔')

    await takeOpened()
    for (const n of [0, 3]) {
      await tap(page, `#ticket-sitting-${n}-map`)
      const [map, ...more] = await opened()
      expect(more).toEqual([])
      expect(placeOf(map as Opened)).toEqual({ ...CENTRE_LOCATION, name: CENTRE })
      if (map?.kind === 'map') {
        // The platform's own contract: Alipay was handed strings, WeChat and Baidu numbers (the host refuses
        // others); the address rides along.
        expect(map.address).toBe('北京市东城区新中街甲 1 号')
      } else {
        expect(map?.kind === 'page' && map.url).toMatch(/^https:\/\/uri\.amap\.com\/marker\?.*coordinate=gaode/)
      }
      expect(await absent(page, `#ticket-sitting-${n}-map-result`)).toBe(true)
    }
  })

  it('a map the platform refuses to open says so, and nothing was opened', async () => {
    const page = await ticketPage()
    await takeOpened()
    await mp.mockWxMethod('openLocation', { errMsg: 'openLocation:fail system error' })
    try {
      await tap(page, '#ticket-sitting-1-map')
      expect(await waitForText(page, '#ticket-sitting-1-map-result', (t) => t.length > 0, 10000)).toBe(
        '无法打开地图，请按地址前往',
      )
    } finally {
      await mp.restoreWxMethod('openLocation')
    }
    expect(await takeOpened()).toEqual([])
  })

  if (target() === 'weapp') {
    it('WeChat: the exam goes into the calendar once allowed, with its sittings and a reminder', async () => {
      await permissions({ reset: true, privacyAgreed: true })
      const page = await ticketPage()
      await takeOpened()
      await tap(page, '#ticket-add-calendar')
      expect(await waitForText(page, '#ticket-calendar-result', (t) => t.length > 0, 10000)).toContain(
        '已添加到手机日历',
      )
      const [entry, ...more] = await opened()
      expect(more).toEqual([])
      expect(entry).toMatchObject({
        kind: 'calendar',
        api: 'addPhoneCalendar',
        title: expect.stringContaining('卫生专业技术资格考试'),
        startTime: examAt / 1000,
        alarm: true,
        alarmOffset: 2 * 3600,
        location: expect.stringContaining(CENTRE),
      })
      if (entry?.kind !== 'calendar') throw new Error('not a calendar entry')
      // The last sitting (the next day, afternoon) ends the entry; every sitting is in its description.
      expect(entry.endTime).toBe(examAt / 1000 + 24 * 3600 + 5 * 3600 + 1.5 * 3600)
      for (const subject of ['基础知识', '相关专业知识', '专业知识', '专业实践能力'])
        expect(entry.description).toContain(subject)
      expect(entry.description).toContain('须携带')
      // The scope was asked once, and allowed.
      const { events, authSetting } = await permissions()
      expect(events.filter((e) => e.type === 'prompt')).toEqual([
        { type: 'prompt', scope: 'addPhoneCalendar', answer: 'allow' },
      ])
      expect(authSetting['scope.addPhoneCalendar']).toBe(true)
    })

    it('WeChat: the calendar refused (scope, then at once without asking again; the privacy popup)', async () => {
      await permissions({ reset: true, privacyAgreed: true, answers: { addPhoneCalendar: 'deny' } })
      let page = await ticketPage()
      await takeOpened()
      await tap(page, '#ticket-add-calendar')
      await waitForText(page, '#ticket-calendar-result', (t) => t.includes('需要允许使用日历'), 10000)
      await element(page, '#ticket-calendar-settings')
      // Asked once: the second tap is refused at once (WeChat's "auth deny"), no second prompt.
      page = await ticketPage()
      await tap(page, '#ticket-add-calendar')
      await waitForText(page, '#ticket-calendar-result', (t) => t.includes('需要允许使用日历'), 10000)
      const { events } = await permissions()
      expect(events.filter((e) => e.type === 'prompt')).toHaveLength(1)
      expect(events.filter((e) => e.type === 'refused')).toEqual([
        { type: 'refused', api: 'addPhoneCalendar', code: 'auth deny' },
        { type: 'refused', api: 'addPhoneCalendar', code: 'auth deny' },
      ])

      // The privacy popup refused: errno 104, the way back is the popup again.
      await permissions({ reset: true, privacy: 'disagree' })
      page = await ticketPage()
      await tap(page, '#ticket-add-calendar')
      await waitForText(page, '#ticket-calendar-result', (t) => t.includes('用户隐私保护指引'), 10000)
      await element(page, '#ticket-calendar-privacy-retry')
      expect(await takeOpened()).toEqual([])
      await permissions({ reset: true, privacyAgreed: true })
    })

    it('WeChat before 基础库 2.15.0: canIUse says no, and no calendar control is offered', async () => {
      await setBaseLibrary('2.14.0')
      try {
        const page = await ticketPage()
        expect(await absent(page, '#ticket-add-calendar')).toBe(true)
        // The rest of the card and the map stay.
        await element(page, '#ticket-exam-card-bring')
        await element(page, '#ticket-sitting-0-map')
      } finally {
        await setBaseLibrary(null)
      }
      const page = await ticketPage()
      await element(page, '#ticket-add-calendar', 10000)
    })
  } else {
    it(`no calendar API on ${target()}: no calendar control, the card and the map stay`, async () => {
      const page = await ticketPage()
      await element(page, '#ticket-exam-card-bring')
      await element(page, '#ticket-sitting-0-map')
      expect(await absent(page, '#ticket-add-calendar')).toBe(true)
    })
  }
})
