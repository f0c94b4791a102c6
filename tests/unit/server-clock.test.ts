import { SERVER_TIME_HEADER } from '../../types/api'
import { learnServerTime, resetServerClock, serverNow, serverOffsetMs } from '../../src/api/server-clock'

/** The app's idea of the server's time (issue 10, item 3): an offset learnt from answers, for countdowns. */
beforeEach(() => resetServerClock())

test('with nothing learnt, the server clock is the phone clock', () => {
  expect(serverOffsetMs()).toBe(0)
  expect(Math.abs(serverNow() - Date.now())).toBeLessThan(50)
})

test('the server-time header sets the offset, measured from the middle of the exchange', () => {
  const sentAt = 1_000_000
  const receivedAt = 1_000_400
  // The server stamped 10 minutes ahead of the phone's clock at the exchange's midpoint.
  learnServerTime({ [SERVER_TIME_HEADER]: String(1_000_200 + 600_000) }, sentAt, receivedAt)
  expect(serverOffsetMs()).toBe(600_000)
  expect(serverNow() - Date.now()).toBeGreaterThanOrEqual(599_950)
})

test('an ISO server-time works too', () => {
  learnServerTime({ [SERVER_TIME_HEADER]: new Date(5_000 + 86_400_000).toISOString() }, 4_000, 6_000)
  expect(serverOffsetMs()).toBe(86_400_000)
})

test("HTTP's Date header is the fallback, whatever the case of its name", () => {
  const phone = Date.parse('2026-11-30T08:00:00Z')
  learnServerTime({ Date: 'Mon, 30 Nov 2026 09:00:00 GMT' }, phone, phone)
  expect(serverOffsetMs()).toBe(3_600_000)
})

test('a whole-second Date does not overwrite an exact stamp learnt before', () => {
  learnServerTime({ [SERVER_TIME_HEADER]: '10250' }, 10_000, 10_000)
  expect(serverOffsetMs()).toBe(250)
  learnServerTime({ date: new Date(20_000).toUTCString() }, 20_000, 20_000)
  expect(serverOffsetMs()).toBe(250)
})

test('answers without a usable time change nothing', () => {
  learnServerTime({ [SERVER_TIME_HEADER]: '7000' }, 5_000, 5_000)
  learnServerTime(undefined, 0)
  learnServerTime({ date: 'not a date', [SERVER_TIME_HEADER]: '' }, 0)
  expect(serverOffsetMs()).toBe(2_000)
})
