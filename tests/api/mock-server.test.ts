import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import { buildMockServer } from '../../mock-server/app'
import { qaClient } from '../../scripts/lib/qa-client'
import { startMock, type RunningMock } from '../support/servers'

/** The mock server itself, over HTTP on an ephemeral port: validation, QA API, captcha, idempotency, persistence. */
describe('mock server', () => {
  let mock: RunningMock
  beforeAll(async () => {
    mock = await startMock()
  })
  afterAll(() => mock.close())

  const post = (p: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${mock.url}${p}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })

  test('health answers', async () => {
    const res = await fetch(`${mock.url}/api/health`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true, version: expect.any(String), qa: true })
  })

  test('a malformed JSON body is a 400 with a code and a Chinese message, not a 500', async () => {
    const res = await post('/api/sim/subscribe', '{not json')
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.error.code).toBe('BAD_REQUEST')
    expect(body.error.message).toMatch(/[\u4e00-\u9fff]/)
  })

  test('a body that breaks the contract is a 400 VALIDATION_FAILED naming the field', async () => {
    const res = await post('/api/sim/subscribe', { templateIds: 'not-a-list' })
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.error.code).toBe('VALIDATION_FAILED')
    expect(body.error.fields).toHaveProperty('templateIds')
    expect(body.error.fields.templateIds).toMatch(/[\u4e00-\u9fff]/)
  })

  test('a wrong content type is a 415 with a code', async () => {
    const res = await fetch(`${mock.url}/api/sim/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-unknown' },
      body: 'x',
    })
    expect(res.status).toBe(415)
    expect((await res.json()).error.code).toBe('UNSUPPORTED_MEDIA_TYPE')
  })

  test('an unknown route is a 404 NOT_FOUND', async () => {
    const res = await fetch(`${mock.url}/api/nothing-here`)
    expect(res.status).toBe(404)
    expect((await res.json()).error.code).toBe('NOT_FOUND')
  })

  test('captcha is a PNG image and the QA API can read its answer', async () => {
    const res = await fetch(`${mock.url}/api/captcha`)
    const captcha = await res.json()
    expect(captcha.image).toMatch(/^data:image\/png;base64,/)
    const png = Buffer.from(captcha.image.split(',')[1], 'base64')
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect(captcha).not.toHaveProperty('answer')
    const last = await mock.qaApi('lastCaptcha')
    expect(last.captchaId).toBe(captcha.captchaId)
    expect(last.answer).toMatch(/^[A-Za-z0-9]{4}$/)
  })

  test('the simulated face screen answers only for a verification the server opened (tests/api/face.test.ts)', async () => {
    await mock.qaApi('simFace', { outcome: 'fail' })
    const res = await post('/api/sim/face/v-1/run', {})
    expect(res.status).toBe(404)
    expect((await res.json()).error.code).toBe('FACE_VERIFY_EXPIRED')
  })

  test('a repeated idempotency key is answered from the first reply', async () => {
    const key = `k-${Date.now()}`
    const first = await post('/api/sim/pay/order-9/run', {}, { 'idempotency-key': key })
    await mock.qaApi('simPay', { outcome: 'fail' })
    const again = await post('/api/sim/pay/order-9/run', {}, { 'idempotency-key': key })
    expect(again.headers.get('idempotent-replay')).toBe('true')
    expect(await again.json()).toEqual(await first.json())
    await mock.qaApi('simPay', { outcome: 'success' })
  })

  test('scenarios load by name; an unknown one is a 404 with its code', async () => {
    await mock.qaApi('loadScenario', { name: 'demo' })
    const res = await mock.qaApi.reply('candidate', { username: 'demo2026' })
    expect(res.status).toBe(200)
    const bad = await mock.qaApi.reply('loadScenario', { name: 'nope' })
    expect(bad.status).toBe(404)
    expect((bad.body as { error: { code: string } }).error.code).toBe('SCENARIO_UNKNOWN')
  })
})

describe('mock server without --qa', () => {
  test('the QA control API is absent', async () => {
    const app = await buildMockServer({ qa: false })
    const url = await app.listen({ port: 0, host: '127.0.0.1' })
    const res = await qaClient(url).reply('reset')
    expect(res.status).toBe(404)
    expect((res.body as { error: { code: string } }).error.code).toBe('QA_DISABLED')
    await app.close()
  })
})

describe('persistence with --data', () => {
  test('state survives a restart, and the file is replaced atomically', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mock-data-'))
    const file = path.join(dir, 'state.json')
    const first = await startMock({ dataFile: file })
    await first.qaApi('createCandidate', {
      username: 'persist01',
      password: 'Abc12345!',
      name: '李四',
      idNumber: '11010119900307451X',
    })
    await first.close()
    expect(fs.readdirSync(dir)).toEqual(['state.json'])

    const second = await startMock({ dataFile: file })
    const res = await second.qaApi.reply('candidate', { username: 'persist01' })
    expect(res.status).toBe(200)
    expect((res.body as { username: string }).username).toBe('persist01')
    await second.close()
    fs.rmSync(dir, { recursive: true })
  })
})

describe('logs', () => {
  test('carry no ID numbers, names, passwords or query strings', async () => {
    const lines: string[] = []
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const app = await buildMockServer({ qa: true, logger: true, logStream: stream })
    const url = await app.listen({ port: 0, host: '127.0.0.1' })
    const secret = { username: 'loguser1', password: 'Secret#Pass1', name: '王五', idNumber: '110101199003074518' }
    const qa = qaClient(url)
    await qa.reply('createCandidate', secret)
    await fetch(`${url}/api/captcha?idNumber=${secret.idNumber}`)
    await qa.reply('candidate', { username: secret.username })
    await app.close()
    const log = lines.join('')
    expect(log).toContain('"route"')
    for (const value of [secret.password, secret.name, secret.idNumber, secret.username]) {
      expect(log).not.toContain(value)
    }
  })
})
