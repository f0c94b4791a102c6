import { callApi, fakeHosts, LOGGING_APP } from './fake-output'

/**
 * The map and the calendar as each platform takes them (tools/miniprogram-host/src/places.ts): openLocation's
 * argument types per platform (Alipay: strings), missing fields, what was opened kept for the spec; WeChat's
 * addPhoneCalendar behind its scope (asked once), the privacy popup and a tap, and missing on a client older than
 * 基础库 2.15.0 (canIUse false, the API undefined).
 */
const fakeHost = fakeHosts()
/** A launched host whose app logs onHide/onShow. */
async function host(target: 'weapp' | 'alipay' | 'swan') {
  const h = fakeHost(target, { 'app.js': LOGGING_APP, 'pages/a/index.js': 'Page({})' })
  await h.launch()
  return h
}

const NAME = '北京市东城区考点（北京市第五十五中学）'
const ADDRESS = '北京市东城区新中街甲 1 号'
const NUMERIC = { latitude: 39.93736, longitude: 116.43771, name: NAME, address: ADDRESS, scale: 18 }
const STRINGS = { latitude: '39.93736', longitude: '116.43771', name: NAME, address: ADDRESS }
const ENTRY = {
  title: '2026年度卫生专业技术资格考试',
  startTime: 1_778_891_400,
  endTime: '1_778_995_800'.replace(/_/g, ''),
  alarm: true,
  alarmOffset: 7200,
  location: NAME,
  description: '2026-05-16 08:30–10:00 基础知识',
}

describe('openLocation', () => {
  it.each([
    ['weapp', NUMERIC],
    ['swan', NUMERIC],
    ['alipay', STRINGS],
  ] as const)('%s: opens the map over the app at the place given, kept for the spec', async (target, args) => {
    const h = await host(target)
    expect((await callApi(h, 'openLocation', args)).ok).toBe(true)
    expect(h.opened).toEqual([
      expect.objectContaining({
        kind: 'map',
        api: 'openLocation',
        latitude: 39.93736,
        longitude: 116.43771,
        name: NAME,
      }),
    ])
    // The map is a native page over the mini-program: the app went to the background and came back.
    expect((h.appInstance as { log: string[] }).log.slice(-2)).toEqual(['hide', 'show'])
    expect(h.problems).toEqual([])
  })

  it.each([
    [
      'weapp',
      STRINGS,
      {
        errMsg: 'openLocation:fail parameter error: parameter.latitude should be Number instead of String;',
        errCode: 2,
      },
    ],
    [
      'swan',
      STRINGS,
      {
        errMsg: 'openLocation:fail parameter error: parameter.latitude should be Number instead of String;',
        errCode: 2,
      },
    ],
    [
      'alipay',
      NUMERIC,
      { error: 2, errorMessage: 'parameter error: parameter.latitude should be String instead of Number;' },
    ],
  ] as const)(
    '%s: coordinates of the wrong type are refused as the platform refuses them',
    async (target, args, failure) => {
      const h = await host(target)
      expect(await callApi(h, 'openLocation', args)).toEqual({ ok: false, res: failure })
      expect(h.opened).toEqual([])
      expect(h.problems.join('\n')).toMatch(/openLocation: parameter error: parameter.latitude should be/)
    },
  )

  it('alipay: name and address are required too; weapp and swan take a place without them', async () => {
    const a = await host('alipay')
    const noName = await callApi(a, 'openLocation', { latitude: '39.9', longitude: '116.4', address: ADDRESS })
    expect(noName).toEqual({
      ok: false,
      res: { error: 2, errorMessage: 'parameter error: parameter.name should be given' },
    })
    const w = await host('weapp')
    expect((await callApi(w, 'openLocation', { latitude: 39.9, longitude: 116.4 })).ok).toBe(true)
    const missing = await callApi(w, 'openLocation', { latitude: 39.9 })
    expect(missing.res.errMsg).toBe('openLocation:fail parameter error: parameter.longitude should be given')
  })
})

describe('addPhoneCalendar (WeChat)', () => {
  it('asks scope.addPhoneCalendar once (after the privacy popup), then keeps the entry', async () => {
    const h = await host('weapp')
    expect(await callApi(h, 'addPhoneCalendar', ENTRY, true)).toEqual({
      ok: true,
      res: { errMsg: 'addPhoneCalendar:ok' },
    })
    expect(await callApi(h, 'addPhoneCalendar', ENTRY, true)).toMatchObject({ ok: true })
    const { events, authSetting } = h.permissions.snapshot()
    expect(events.filter((e) => e.type === 'prompt')).toEqual([
      { type: 'prompt', scope: 'addPhoneCalendar', answer: 'allow' },
    ])
    expect(events.filter((e) => e.type === 'privacy-popup')).toHaveLength(1)
    expect(authSetting).toEqual({ 'scope.addPhoneCalendar': true })
    expect(h.opened[0]).toEqual({
      kind: 'calendar',
      api: 'addPhoneCalendar',
      title: ENTRY.title,
      startTime: ENTRY.startTime,
      endTime: Number(ENTRY.endTime),
      alarm: true,
      alarmOffset: 7200,
      location: NAME,
      description: ENTRY.description,
    })
  })

  it('the scope refused answers "auth deny", at once the next time, until the settings allow it', async () => {
    const h = await host('weapp')
    h.permissions.apply({
      privacyAgreed: true,
      answers: { addPhoneCalendar: 'deny' },
      inSettings: { addPhoneCalendar: true },
    })
    const refused = { ok: false, res: { errMsg: 'addPhoneCalendar:fail auth deny' } }
    expect(await callApi(h, 'addPhoneCalendar', ENTRY, true)).toEqual(refused)
    expect(await callApi(h, 'addPhoneCalendar', ENTRY, true)).toEqual(refused)
    expect(h.permissions.snapshot().events.filter((e) => e.type === 'prompt')).toHaveLength(1)
    expect((await callApi(h, 'openSetting', {}, true)).ok).toBe(true)
    expect((await callApi(h, 'addPhoneCalendar', ENTRY, true)).ok).toBe(true)
    expect(h.opened).toHaveLength(1)
  })

  it('the privacy popup refused answers errno 104', async () => {
    const h = await host('weapp')
    h.permissions.apply({ privacy: 'disagree' })
    expect(await callApi(h, 'addPhoneCalendar', ENTRY, true)).toEqual({
      ok: false,
      res: { errMsg: 'addPhoneCalendar:fail privacy permission is not authorized', errno: 104 },
    })
    expect(h.opened).toEqual([])
  })

  it('only from a tap (限制：仅在点击行为时调用)', async () => {
    const h = await host('weapp')
    const r = await callApi(h, 'addPhoneCalendar', ENTRY, false)
    expect(r).toEqual({
      ok: false,
      res: { errMsg: 'addPhoneCalendar:fail can only be invoked by user TAP gesture.', errCode: 10005 },
    })
    expect(h.problems.join('\n')).toMatch(/addPhoneCalendar called outside a tap/)
  })

  it('wrong types and missing fields are refused; endTime as a number or a string of digits is taken', async () => {
    const h = await host('weapp')
    h.permissions.apply({ privacyAgreed: true })
    const ms = await callApi(h, 'addPhoneCalendar', { ...ENTRY, startTime: String(ENTRY.startTime) }, true)
    expect(ms.res.errMsg).toBe(
      'addPhoneCalendar:fail parameter error: parameter.startTime should be Number instead of String;',
    )
    const noTitle = await callApi(h, 'addPhoneCalendar', { startTime: ENTRY.startTime }, true)
    expect(noTitle.res.errMsg).toBe('addPhoneCalendar:fail parameter error: parameter.title should be given')
    const badEnd = await callApi(h, 'addPhoneCalendar', { ...ENTRY, endTime: '2026-05-17' }, true)
    expect(badEnd.ok).toBe(false)
    expect((await callApi(h, 'addPhoneCalendar', { ...ENTRY, endTime: 1_778_995_800 }, true)).ok).toBe(true)
    expect(h.opened).toHaveLength(1)
  })

  it('a client older than 基础库 2.15.0 has no addPhoneCalendar: canIUse false, the API undefined', async () => {
    const h = await host('weapp')
    const wx = h.api as Record<string, unknown>
    expect(h.call('canIUse', ['addPhoneCalendar'])).toBe(true)
    h.baseLibrary = '2.14.9'
    expect(h.call('canIUse', ['addPhoneCalendar'])).toBe(false)
    expect(wx.addPhoneCalendar).toBeUndefined()
    expect((h.call('getSystemInfoSync', []) as { SDKVersion: string }).SDKVersion).toBe('2.14.9')
    // Not reported as a call of an API outside the table: the client is simply older.
    expect(h.problems).toEqual([])
    h.baseLibrary = '2.15.0'
    expect(h.call('canIUse', ['addPhoneCalendar'])).toBe(true)
    expect(typeof wx.addPhoneCalendar).toBe('function')
  })

  it.each(['alipay', 'swan'] as const)('%s has no calendar API: canIUse false', async (target) => {
    const h = await host(target)
    expect(h.call('canIUse', ['addPhoneCalendar'])).toBe(false)
  })
})
