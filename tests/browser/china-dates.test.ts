import { DEMO_CANDIDATE } from '../../mock-server/features/account'
import { SESSION_HEADER } from '../../types/api'
import { startH5Rig, type H5Rig } from '../support/h5-page'
import { HOOK_TIMEOUT_MS } from '../support/timeouts'

jest.setTimeout(120_000)

interface ExamRow {
  id: string
  window: { opensAt: string; closesAt: string }
}

/**
 * The exams list shows each application window in China dates (domain/china-time.ts) whatever the phone's time zone:
 * the windows open at 00:00 China time, which is 16:00 UTC the day before, so a page reading the ISO string or the
 * browser's zone shows the day before.
 */
describe.each(['UTC', 'America/Los_Angeles'])('the exams list with the browser in %s', (timezoneId) => {
  let rig: H5Rig
  beforeAll(async () => {
    rig = await startH5Rig({ timezoneId })
  }, HOOK_TIMEOUT_MS)
  afterAll(() => rig.close(), HOOK_TIMEOUT_MS)

  test('shows the China dates of the window the server sent', async () => {
    expect(await rig.page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(timezoneId)
    await rig.mock.qaApi('loadScenario', { name: 'apply-open' })
    const { token } = await rig.mock.qaApi('createSession', { username: DEMO_CANDIDATE.username })
    const res = await fetch(`${rig.mock.url}/api/application/exams`, {
      headers: { [SESSION_HEADER]: `Bearer ${token}` },
    })
    const { exams } = (await res.json()) as { exams: ExamRow[] }
    const exam = exams[0]
    // The window opens at China midnight: its UTC date is the day before.
    expect(exam.window.opensAt).toMatch(/T16:00:00(\.000)?Z$/)

    await rig.openLoggedIn(DEMO_CANDIDATE.username, 'packages/application/index', 'apply-exams-page')
    const shown = await rig.text(`apply-exam-${exam.id}-window`)
    const china = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10)
    expect(shown).toBe(`${china(exam.window.opensAt)} 至 ${china(exam.window.closesAt)}`)
    expect(shown.startsWith(exam.window.opensAt.slice(0, 10))).toBe(false)
  })
})
