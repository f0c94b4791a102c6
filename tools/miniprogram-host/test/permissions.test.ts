import { callApi, fakeHosts, LOGGING_APP } from './fake-output'

/**
 * The permission model answers as each platform does (tools/miniprogram-host/src/permissions.ts): the codes, asked
 * once, the settings only from a tap, WeChat's privacy popup, the app sent to the background by a picker.
 */
const fakeHost = fakeHosts()
/** A launched host whose app logs onHide/onShow. */
async function host(target: 'weapp' | 'alipay' | 'swan') {
  const h = fakeHost(target, { 'app.js': LOGGING_APP, 'pages/a/index.js': 'Page({})' })
  await h.launch()
  return h
}

const SAVE = { filePath: 'x.png' }

it.each([
  ['weapp', { errMsg: 'saveImageToPhotosAlbum:fail auth deny' }],
  ['swan', { errCode: 10003, errMsg: 'user deny' }],
  ['alipay', { error: 2001, errorMessage: '在申请授权时用户拒绝授权' }],
] as const)('%s: a refused album scope answers its own code, and is not asked again', async (target, failure) => {
  const h = await host(target)
  h.permissions.apply({ answers: { writePhotosAlbum: 'deny' } })
  expect(await callApi(h, 'saveImageToPhotosAlbum', SAVE)).toEqual({ ok: false, res: failure })
  expect(await callApi(h, 'saveImageToPhotosAlbum', SAVE)).toEqual({ ok: false, res: failure })
  expect(h.permissions.snapshot().events.filter((e) => e.type === 'prompt')).toHaveLength(1)
})

it.each([
  ['swan', { errCode: 10005, errMsg: 'system deny' }],
  ['alipay', { error: 15, errorMessage: '没有开启相册权限' }],
] as const)('%s: the phone’s own album permission off answers its own code', async (target, failure) => {
  const h = await host(target)
  h.permissions.apply({ system: { album: 'off' } })
  expect(await callApi(h, 'saveImageToPhotosAlbum', SAVE)).toEqual({ ok: false, res: failure })
})

it('weapp: the privacy popup refused answers errno 104; requirePrivacyAuthorize shows it again', async () => {
  const h = await host('weapp')
  h.permissions.apply({ privacy: 'disagree' })
  expect(await callApi(h, 'chooseMedia', { sourceType: ['album'] })).toEqual({
    ok: false,
    res: { errMsg: 'chooseMedia:fail privacy permission is not authorized', errno: 104 },
  })
  h.permissions.apply({ privacy: 'agree' })
  expect((await callApi(h, 'requirePrivacyAuthorize')).ok).toBe(true)
  expect(h.permissions.snapshot().privacyAgreed).toBe(true)
})

it('weapp: the app’s own privacy popup (onNeedPrivacyAuthorization) decides, through resolve', async () => {
  const h = await host('weapp')
  h.call('onNeedPrivacyAuthorization', [(resolve: (r: { event: string }) => void) => resolve({ event: 'disagree' })])
  const answer = await callApi(h, 'requirePrivacyAuthorize')
  expect(answer).toEqual({
    ok: false,
    res: { errMsg: 'requirePrivacyAuthorize:fail privacy permission is not authorized', errno: 104 },
  })
  expect(h.permissions.snapshot().events).toContainEqual({
    type: 'privacy-popup',
    api: 'requirePrivacyAuthorize',
    answer: 'disagree',
    by: 'app',
  })
})

it.each(['weapp', 'swan'] as const)('%s: openSetting is refused outside a tap, as on the device', async (target) => {
  const h = await host(target)
  const outside = await callApi(h, 'openSetting')
  expect(outside.ok).toBe(false)
  expect(String(outside.res.errMsg)).toBe('openSetting:fail can only be invoked by user TAP gesture.')
  expect((await callApi(h, 'openSetting', {}, true)).ok).toBe(true)
})

it('a picker and the settings send the app to the background and back (onHide, onShow)', async () => {
  const h = await host('weapp')
  const log = h.appInstance?.log as string[]
  log.length = 0
  await callApi(h, 'chooseMedia', { sourceType: ['album'] })
  expect(log).toEqual(['hide', 'show'])
})
