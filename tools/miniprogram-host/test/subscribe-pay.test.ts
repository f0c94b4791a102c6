import type { MiniProgramHost } from '../src/host'
import { MINI_TARGETS } from '../src/platforms'
import { fakeHosts, startServer } from './fake-output'

/**
 * Issue 19 in the host: subscriptions answered per template and refused as each platform refuses them (ids its
 * console did not issue, more than three, WeChat outside a tap), the ten-page stack.
 */
const fakeHost = fakeHosts()
const host = (target: 'weapp' | 'alipay' | 'swan', files: Record<string, string>, mockUrl?: string) =>
  fakeHost(target, files, { mockUrl })

/** A stand-in for the mock server's subscription simulation: answers per template, refuses unknown and too many. */
function simServer(answers: Record<string, string>): Promise<{ url: string; close: () => void }> {
  return startServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString()))
    req.on('end', () => {
      const { templateIds } = JSON.parse(body) as { templateIds: string[] }
      const refused =
        templateIds.length > 3 ? 'too-many' : templateIds.some((id) => !(id in answers)) ? 'unknown-template' : null
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({ answers: refused ? {} : answers, refused, templateIds, outcome: 'accept' }))
    })
  })
}

/** A page whose root binds tap; its handler asks for the templates in `getApp().ids` and keeps the answer. */
const ASKING_PAGE = (api: string, key: string) => `Page({ data: {}, onLoad() {
  this.setData({ 'root.cn': [{ nn: '1', sid: '_n1', uid: 'a-page', cn: [] }] })
}, eh() { const app = getApp(); ${api}.requestSubscribeMessage({ ${key}: app.ids,
  success: function (r) { app.answer = { ok: r } }, fail: function (e) { app.answer = { fail: e } } }) } })`

/** Launches the ASKING_PAGE; `ask(ids)` taps it with those templates and resolves with the platform's answer. */
async function asker(
  h: MiniProgramHost,
): Promise<(ids: string[]) => Promise<{ ok?: object; fail?: object } | undefined>> {
  const page = await h.launch()
  const app = h.appInstance as { ids: string[]; answer?: { ok?: object; fail?: object } }
  return async (ids) => {
    app.ids = ids
    app.answer = undefined
    h.dispatch(page, '_n1', 'tap')
    await h.waitFor('the answer', () => !!app.answer)
    return app.answer
  }
}

describe('subscriptions', () => {
  const answers = { T1: 'acceptWithAlert', T2: 'reject', T3: 'ban' }

  it('WeChat: each template answered as given; 20001 for an id not issued, 20003 for more than three', async () => {
    const sim = await simServer(answers)
    try {
      const h = host('weapp', { 'pages/a/index.js': ASKING_PAGE('wx', 'tmplIds') }, sim.url)
      const ask = await asker(h)
      expect((await ask(['T1', 'T2', 'T3']))?.ok).toMatchObject({
        T1: 'acceptWithAlert',
        T2: 'reject',
        T3: 'ban',
        errMsg: 'requestSubscribeMessage:ok',
      })
      expect((await ask(['T1', 'X9']))?.fail).toMatchObject({ errCode: 20001 })
      expect((await ask(['T1', 'T2', 'T3', 'T1']))?.fail).toMatchObject({ errCode: 20003 })
      expect(h.problems).toEqual([])
    } finally {
      sim.close()
    }
  })

  it('WeChat: refused outside a tap (限制：仅在点击行为时调用), and reported as the app’s fault', async () => {
    const sim = await simServer(answers)
    try {
      const h = host('weapp', { 'pages/a/index.js': 'Page({})' }, sim.url)
      await h.launch()
      const err = await new Promise<Record<string, unknown>>((resolve) =>
        h.call('requestSubscribeMessage', [{ tmplIds: ['T1'], success: () => resolve({}), fail: resolve }]),
      )
      expect(err).toMatchObject({ errCode: 10005, errMsg: expect.stringContaining('TAP gesture') })
      expect(h.problems.join('\n')).toContain('wx.requestSubscribeMessage called outside a tap')
    } finally {
      sim.close()
    }
  })

  it('Alipay: subscribed and unsubscribed lists (acceptWith… is subscribed); 106008 unknown id, 203 too many', async () => {
    const sim = await simServer(answers)
    try {
      const h = host('alipay', { 'pages/a/index.js': ASKING_PAGE('my', 'entityIds') }, sim.url)
      const ask = await asker(h)
      expect((await ask(['T1', 'T2', 'T3']))?.ok).toMatchObject({
        behavior: 'subscribe',
        result: { subscribedEntityIds: ['T1'], unsubscribedEntityIds: ['T2', 'T3'] },
      })
      expect((await ask(['X9']))?.fail).toMatchObject({ error: 106008 })
      expect((await ask(['T1', 'T2', 'T3', 'T1']))?.fail).toMatchObject({ error: 203 })
    } finally {
      sim.close()
    }
  })
})

describe.each(MINI_TARGETS)('%s page stack', (target) => {
  it('holds ten pages; an 11th navigateTo fails with webview count limit exceed, redirectTo still works', async () => {
    const h = host(target, { 'pages/a/index.js': 'Page({})', 'pages/b/index.js': 'Page({})' })
    await h.launch()
    for (let i = 1; i < 10; i++) await h.route('navigateTo', { url: '/pages/b/index' })
    expect(h.stack).toHaveLength(10)
    const failure = await new Promise<Record<string, unknown>>((resolve) =>
      h.call('navigateTo', [{ url: '/pages/b/index', success: () => resolve({}), fail: resolve }]),
    )
    const text = String(failure.errMsg ?? failure.errorMessage)
    expect(text).toContain('webview count limit exceed')
    expect(h.stack).toHaveLength(10)
    await h.route('redirectTo', { url: '/pages/a/index' })
    expect(h.stack).toHaveLength(10)
  })
})
