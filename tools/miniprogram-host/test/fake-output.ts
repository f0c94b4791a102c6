import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

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

export function fakeOutput(target: 'weapp' | 'alipay' | 'swan', files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'host-fake-'))
  const template = target === 'weapp' ? 'base.wxml' : target === 'alipay' ? 'base.axml' : 'base.swan'
  const base =
    target === 'alipay'
      ? BASE_TEMPLATE.replace(/bind([a-z])([a-z]*)=/g, (_m, a: string, b: string) => `on${a.toUpperCase()}${b}=`)
      : BASE_TEMPLATE
  const all: Record<string, string> = {
    'app.json': JSON.stringify({ pages: ['pages/a/index', 'pages/b/index'] }),
    [template]: base,
    'app.js': 'App({})',
    'network.json': JSON.stringify(PRODUCTION_NETWORK),
    ...files,
  }
  for (const [name, code] of Object.entries(all)) {
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
