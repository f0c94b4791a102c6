import { API_TABLES } from '../src/host'
import { MINI_TARGETS } from '../src/platforms'
import { textOf } from '../src/render-tree'
import { fakeHosts, LOGGING_PAGE, startServer } from './fake-output'

/** The host is only worth something if it fails where a phone would: checked on tiny fake outputs. */
const fakeHost = fakeHosts()
const host = (target: 'weapp' | 'alipay' | 'swan', files: Record<string, string>, mockUrl?: string) =>
  fakeHost(target, files, { mockUrl })

const APP_WITH_LOG = 'App({ log: [] })'

describe.each(MINI_TARGETS)('%s', (target) => {
  const api = { weapp: 'wx', alipay: 'my', swan: 'swan' }[target]

  it('has no window, document or localStorage; only its own API object', async () => {
    const h = host(target, {
      'app.js': `App({ seen: [typeof window, typeof document, typeof localStorage, typeof wx, typeof my, typeof swan] })`,
      'pages/a/index.js': 'Page({})',
    })
    await h.launch()
    const own = (n: string) => (n === api ? 'object' : 'undefined')
    expect(h.appInstance?.seen).toEqual(['undefined', 'undefined', 'undefined', own('wx'), own('my'), own('swan')])
  })

  it('runs the page lifecycles of each route call in the platform’s order', async () => {
    const h = host(target, {
      'app.js': APP_WITH_LOG,
      'pages/a/index.js': LOGGING_PAGE('a'),
      'pages/b/index.js': LOGGING_PAGE('b'),
    })
    await h.launch()
    const log = h.appInstance?.log as string[]
    await h.settle(5)
    const init = target === 'swan' ? ['a.onInit'] : []
    expect(log).toEqual([...init, 'a.onLoad {}', 'a.onShow', 'a.onReady'])
    log.length = 0
    await h.route('navigateTo', { url: '/pages/b/index?x=1' })
    await h.settle(5)
    expect(log).toEqual([
      'a.onHide',
      ...(target === 'swan' ? ['b.onInit'] : []),
      'b.onLoad {"x":"1"}',
      'b.onShow',
      'b.onReady',
    ])
    expect(h.stack.map((p) => p.route)).toEqual(['pages/a/index', 'pages/b/index'])
    log.length = 0
    await h.route('navigateBack', {})
    expect(log).toEqual(['b.onUnload', 'a.onShow'])
    log.length = 0
    await h.route('redirectTo', { url: 'b/index'.replace(/^/, '/pages/') })
    expect(log.slice(0, 1)).toEqual(['a.onUnload'])
    await expect(h.route('switchTab', { url: '/pages/a/index' })).rejects.toThrow(/no-tabBar/)
    await expect(h.route('navigateTo', { url: '/pages/none/index' })).rejects.toThrow(/not found/)
  })

  it('fails a call missing a required argument as the platform does, and records it', async () => {
    const h = host(target, { 'pages/a/index.js': 'Page({})' })
    await h.launch()
    const fail = await new Promise((resolve) => h.call('navigateTo', [{ fail: resolve }]))
    if (target === 'alipay') expect(fail).toMatchObject({ error: 2, errorMessage: expect.stringContaining('url') })
    else expect(fail).toMatchObject({ errMsg: expect.stringMatching(/^navigateTo:fail parameter error.*url/) })
    expect(h.problems.join('\n')).toContain(`${api}.navigateTo called without required url`)
  })

  it('reports an API its table lacks by name, and answers canIUse from the table', async () => {
    const h = host(target, {
      'pages/a/index.js': `Page({ onLoad() { this.found = [${api}.canIUse('request'), ${api}.canIUse('openBluetoothAdapter')] }, probe() { return typeof ${api}.openBluetoothAdapter } })`,
    })
    const page = await h.launch()
    expect(page.instance.found).toEqual([true, false])
    expect((page.instance.probe as () => string)()).toBe('undefined')
    expect(h.problems).toEqual([`${api}.openBluetoothAdapter is not in the ${target} API table (apis.${target}.ts)`])
  })

  it('rebuilds the render tree from setData, answers selectors and bubbles a tap to the bound ancestor', async () => {
    const h = host(target, {
      'pages/a/index.js': `Page({ data: {}, onLoad() {
        this.setData({ 'root.cn': [{ nn: '1', sid: '_n1', uid: 'a-page', cl: 'page x', cn: [
          { nn: '3', sid: '_n2', cl: 'row', cn: [{ nn: '9', sid: '_n3', v: 'hello' }] },
          { nn: '33', sid: '_n4', uid: 'a-name', cl: 'field', p25: '' },
          { nn: '4', sid: '_n5', uid: 'a-img', p4: 'data:image/png;base64,AA' } ] }] })
        this.setData({ 'root.cn.[0].cn.[0].cn.[0].v': 'hello again' })
      }, eh(e) { getApp().events = (getApp().events || []).concat([e]) } })`,
    })
    const page = await h.launch()
    expect(page.view.query('#a-page').map((n) => page.view.tagOf(n))).toEqual(['view'])
    expect(page.view.query('.page .row').length).toBe(1)
    expect(page.view.query('view > input').map((n) => n.uid)).toEqual(['a-name'])
    expect(page.view.query('image').map((n) => page.view.attribute(n, 'src'))).toEqual(['data:image/png;base64,AA'])
    expect(textOf(page.view.query('.row')[0])).toBe('hello again')
    expect(page.view.wxml(page.view.query('.row')[0]!, true)).toBe('<view id="_n2" class="row">hello again</view>')
    // The row binds no tap: the tap bubbles to the page root, with the row as target.
    h.dispatch(page, '_n2', 'tap', {})
    h.dispatch(page, '_n4', 'input', { value: '张三' })
    const events = (h.appInstance?.events ?? []) as Record<
      string,
      { dataset?: unknown; targetDataset?: unknown; id?: string }
    >[]
    expect(events.map((e) => [e.type, e.currentTarget?.id, e.target?.id])).toEqual([
      ['tap', 'a-page', '_n2'],
      ['input', 'a-name', 'a-name'],
    ])
    expect(events[1]?.detail).toMatchObject({ value: '张三' })
    // Alipay's event target carries targetDataset; WeChat's and Baidu's carry offsets and a mark.
    if (target === 'alipay') expect(events[0]?.target).toHaveProperty('targetDataset')
    else expect(events[0]).toHaveProperty('mark')
    expect(h.fieldValue(page, page.view.query('#a-name')[0]!)).toBe('张三')
  })

  it('forwards request and uploadFile for the declared API origin to the mock server, the upload with the temp file’s bytes', async () => {
    const seen: { url?: string; body: string; type?: string }[] = []
    const server = await startServer((req, res) => {
      let body = ''
      req.on('data', (c: Buffer) => (body += c.toString('latin1')))
      req.on('end', () => {
        seen.push({ url: req.url, body, type: req.headers['content-type'] })
        res.setHeader('content-type', 'application/json')
        res.setHeader('retry-after', '3')
        res.end(JSON.stringify({ ok: true }))
      })
    })
    try {
      const h = host(target, { 'pages/a/index.js': 'Page({})' }, server.url)
      await h.launch()
      const path = h.files.addTemp(h.flavour.userDataPath, Buffer.from('JPEGBYTES'), 'jpg')
      const got = await new Promise<Record<string, unknown>>((resolve, reject) =>
        h.call('request', [
          { url: 'https://api.example.invalid/api/x', method: 'POST', data: { a: 1 }, success: resolve, fail: reject },
        ]),
      )
      expect(got).toMatchObject(
        target === 'alipay' ? { status: 200, data: { ok: true } } : { statusCode: 200, data: { ok: true } },
      )
      const upload = target === 'alipay' ? { fileName: 'photo', fileType: 'image' } : { name: 'photo' }
      const order: string[] = []
      const answer = await new Promise<Record<string, unknown>>((resolve, reject) => {
        const task = h.call('uploadFile', [
          {
            url: 'https://api.example.invalid/api/up',
            filePath: path,
            ...upload,
            formData: { k: 'v' },
            success: (r: Record<string, unknown>) => {
              order.push('success')
              resolve(r)
            },
            fail: reject,
          },
        ]) as { onHeadersReceived?: (cb: (r: { header: Record<string, string> }) => void) => void }
        task.onHeadersReceived?.((r) => order.push(`headers retry-after=${r.header['retry-after']}`))
      })
      // The response headers: in Alipay's answer; WeChat's and Baidu's task reports them before the answer.
      if (target === 'alipay') {
        expect(order).toEqual(['success'])
        expect(answer.header).toMatchObject({ 'retry-after': '3' })
      } else {
        expect(order).toEqual(['headers retry-after=3', 'success'])
        expect(Object.keys(answer).sort()).toEqual(['data', 'errMsg', 'statusCode'])
      }
      expect(seen[0]).toMatchObject({ url: '/api/x', body: '{"a":1}' })
      expect(seen[1]?.type).toMatch(/^multipart\/form-data/)
      expect(seen[1]?.body).toContain('name="photo"')
      expect(seen[1]?.body).toContain('JPEGBYTES')
      if (target === 'alipay') {
        // my.uploadFile needs fileType: without it the call fails, as on the phone.
        const fail = await new Promise((resolve) =>
          h.call('uploadFile', [
            { url: 'https://api.example.invalid/api/up', filePath: path, fileName: 'photo', fail: resolve },
          ]),
        )
        expect(fail).toMatchObject({ error: 2 })
      }
    } finally {
      server.close()
    }
  })
})

it('gives Alipay no globalThis and no global; WeChat and Baidu have globalThis where the engine has it', async () => {
  const code = 'App({ seen: [typeof globalThis, typeof global] })'
  for (const target of MINI_TARGETS) {
    // iOS 12.0's JavaScriptCore (the declared floor) has no globalThis either (engine.test.ts): a newer engine here.
    const h = fakeHost(
      target,
      { 'app.js': code, 'pages/a/index.js': 'Page({})' },
      { engines: 'ios >= 13, chrome >= 80' },
    )
    await h.launch()
    expect([target, h.appInstance?.seen]).toEqual([
      target,
      target === 'alipay' ? ['undefined', 'undefined'] : ['object', 'undefined'],
    ])
  }
})

it('answers a mocked chooseMedia (wx shape) in each platform’s own chooseImage shape', async () => {
  const picked = { errMsg: 'chooseMedia:ok', tempFiles: [{ tempFilePath: 'wxfile://usr/p.jpg', size: 5 }] }
  const results: Record<string, unknown> = {}
  for (const target of MINI_TARGETS) {
    const h = host(target, { 'pages/a/index.js': 'Page({})' })
    await h.launch()
    h.mocks.set('chooseMedia', { result: picked })
    const name = target === 'weapp' ? 'chooseMedia' : 'chooseImage'
    results[target] = await new Promise((resolve) => h.call(name, [{ success: resolve }]))
  }
  expect(results.weapp).toMatchObject({ tempFiles: [{ tempFilePath: 'wxfile://usr/p.jpg' }] })
  // Older Alipay clients answer apFilePaths only (apis.alipay.ts).
  expect(results.alipay).toEqual({ apFilePaths: ['wxfile://usr/p.jpg'] })
  expect(results.swan).toMatchObject({
    tempFilePaths: ['wxfile://usr/p.jpg'],
    tempFiles: [{ path: 'wxfile://usr/p.jpg', size: 5 }],
  })
})

it('cites a platform document for every row of every table', () => {
  for (const [target, table] of Object.entries(API_TABLES)) {
    for (const [name, row] of Object.entries(table)) {
      expect([target, name, row.doc]).toEqual([
        target,
        name,
        expect.stringMatching(
          /^https:\/\/(developers\.weixin\.qq\.com|opendocs\.alipay\.com|help\.aliyun\.com|smartprogram\.baidu\.com)\//,
        ),
      ])
    }
  }
})

describe('loader and errors', () => {
  it('refuses a require of a package a mini-program runtime cannot resolve', async () => {
    const h = host('swan', { 'app.js': 'require("react"); App({})' })
    await expect(h.launch()).rejects.toThrow(/cannot resolve/)
  })

  it('throws where code touches document or window, as on a phone', async () => {
    const h = host('weapp', {
      'app.js': 'App({ onLaunch() { document.title = "x" } })',
      'pages/a/index.js': 'Page({})',
    })
    await h.launch()
    expect(String(h.errors[0])).toMatch(/document is not defined/)
  })

  it('records errors thrown in timers and logged through console.error', async () => {
    const h = host('alipay', {
      'pages/a/index.js':
        'Page({ data: {}, onLoad() { setTimeout(() => { throw new Error("late") }, 0); console.error("boom") } })',
    })
    await h.launch()
    await h.settle(20)
    expect(h.errors.map(String).join('\n')).toMatch(/boom[\s\S]*late/)
  })

  it('merges setData path patches, in both path styles, and measures each payload', async () => {
    const h = host('weapp', {
      'pages/a/index.js': `Page({ data: {}, onLoad() {
        this.setData({ 'root.cn': [{ uid: 'a-page', cn: [{ v: 'x' }] }] })
        this.setData({ 'root.cn.[0].cn.[0].v': 'y' })
        this.setData({ 'root.cn.0.cl': 'c' })
      } })`,
    })
    const page = await h.launch()
    expect(page.root()).toEqual({ cn: [{ uid: 'a-page', cl: 'c', cn: [{ v: 'y' }] }] })
    expect(page.patches).toHaveLength(3)
    expect(page.metrics.setDataCalls).toHaveLength(3)
    expect(page.metrics.largestPayload).toBe(
      JSON.stringify({ 'root.cn': [{ uid: 'a-page', cn: [{ v: 'x' }] }] }).length,
    )
  })
})
