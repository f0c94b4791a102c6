import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { MiniProgramHost } from '../src/host'
import type { HostOptions } from '../src/host-core'

/** A tiny stand-in for a Taro output folder: app.json, a base template and the scripts a test writes. */
export const BASE_TEMPLATE = `
<template name="tmpl_0_1">
  <view style="{{i.st}}" class="{{i.cl}}" bindtap="eh" id="{{i.uid||i.sid}}" data-sid="{{i.sid}}"></view>
</template>
<template name="tmpl_0_3">
  <view style="{{i.st}}" class="{{i.cl}}" id="{{i.uid||i.sid}}" data-sid="{{i.sid}}"></view>
</template>
<template name="tmpl_0_33">
  <template is="{{xs.c(i, 'tmpl_0_')}}" data="{{i:i,c:c}}" />
</template>
<template name="tmpl_0_33_blur">
  <input value="{{i.p25}}" placeholder="{{i.p13}}" bindinput="eh" bindconfirm="eh" style="{{i.st}}" class="{{i.cl}}" id="{{i.uid||i.sid}}" data-sid="{{i.sid}}" />
</template>
<template name="tmpl_0_4">
  <image src="{{i.p4}}" mode="{{i.p2||'scaleToFill'}}" bindtap="eh" style="{{i.st}}" class="{{i.cl}}" id="{{i.uid||i.sid}}" data-sid="{{i.sid}}"></image>
</template>
<template name="tmpl_0_20">
  <canvas canvas-id="{{i.p1}}" style="{{i.st}}" class="{{i.cl}}" id="{{i.uid||i.sid}}" data-sid="{{i.sid}}"></canvas>
</template>
<template name="tmpl_0_9">
  <block>{{i.v}}</block>
</template>`

/** What a production build declares (config/network.ts): its API origin, HTTPS, no loopback. */
export const FAKE_API = 'https://api.example.invalid'
export const PRODUCTION_NETWORK = {
  apiBase: FAKE_API,
  loopback: false,
  request: [FAKE_API],
  uploadFile: [FAKE_API],
  downloadFile: [FAKE_API],
}

type Target = 'weapp' | 'alipay' | 'swan'

/** The output's files by name; a name given null is left out (`'network.json': null`: a build that declares none). */
export function fakeOutput(target: Target, files: Record<string, string | null>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'host-fake-'))
  const template = target === 'weapp' ? 'base.wxml' : target === 'alipay' ? 'base.axml' : 'base.swan'
  const base =
    target === 'alipay'
      ? BASE_TEMPLATE.replace(/bind([a-z])([a-z]*)=/g, (_m, a: string, b: string) => `on${a.toUpperCase()}${b}=`)
      : BASE_TEMPLATE
  const all: Record<string, string | null> = {
    'app.json': JSON.stringify({ pages: ['pages/a/index', 'pages/b/index'] }),
    [template]: base,
    'app.js': 'App({})',
    'network.json': JSON.stringify(PRODUCTION_NETWORK),
    ...files,
  }
  for (const [name, code] of Object.entries(all)) {
    if (code === null) continue
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), code)
  }
  return dir
}

/** A page script whose lifecycles append to globalThis-free `log` on the app object (Alipay has no globalThis). */
export const LOGGING_PAGE = (name: string) => `Page({ data: {},
  onInit() { getApp().log.push('${name}.onInit') }, onLoad(q) { getApp().log.push('${name}.onLoad ' + JSON.stringify(q)) },
  onShow() { getApp().log.push('${name}.onShow') }, onReady() { getApp().log.push('${name}.onReady') },
  onHide() { getApp().log.push('${name}.onHide') }, onUnload() { getApp().log.push('${name}.onUnload') } })`

/** An app whose onHide/onShow append to its `log` (a platform screen over it, the app sent to the background). */
export const LOGGING_APP = 'App({ log: [], onHide() { this.log.push("hide") }, onShow() { this.log.push("show") } })'

/**
 * The test file's hosts: `host(target, files, options)` makes a host on a fake output of those files; each host is
 * disposed, and its folder removed, after every test.
 */
export function fakeHosts(): (
  target: Target,
  files: Record<string, string | null>,
  options?: HostOptions,
) => MiniProgramHost {
  const dirs: string[] = []
  const hosts: MiniProgramHost[] = []
  afterEach(() => {
    hosts.splice(0).forEach((h) => h.dispose())
    dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }))
  })
  return (target, files, options = {}) => {
    const dir = fakeOutput(target, files)
    dirs.push(dir)
    const h = new MiniProgramHost(dir, target, options)
    hosts.push(h)
    return h
  }
}

/**
 * Calls an API with callbacks, as the app does (inside a tap when `tapped`); resolves with which callback ran and
 * its argument.
 */
export function callApi(
  h: MiniProgramHost,
  name: string,
  opts: Record<string, unknown> = {},
  tapped = false,
): Promise<{ ok: boolean; res: Record<string, unknown> }> {
  return new Promise((resolve) => {
    h.userGesture = tapped
    h.call(name, [
      {
        ...opts,
        success: (res: Record<string, unknown>) => resolve({ ok: true, res }),
        fail: (res: Record<string, unknown>) => resolve({ ok: false, res }),
      },
    ])
    h.userGesture = false
  })
}

/** A server on 127.0.0.1 (the mock server's stand-in): its http:// origin, and how to close it. */
export async function startServer(handler: http.RequestListener): Promise<{ url: string; close: () => void }> {
  const server = http.createServer(handler)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() }
}

/** startServer for the test file's tests: started before them, closed after; `url` once started. */
export function localServer(handler: http.RequestListener): { readonly url: string } {
  let started: { url: string; close: () => void } | undefined
  beforeAll(async () => {
    started = await startServer(handler)
  })
  afterAll(() => started?.close())
  return {
    get url() {
      if (!started) throw new Error('the local server is not started yet')
      return started.url
    },
  }
}
