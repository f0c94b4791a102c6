import fs from 'node:fs'
import path from 'node:path'
import { qaEndpoints, type QaEndpointName } from '../../types/qa'
import { buildMockServer } from '../../mock-server/app'
import { QaError, qaRequestUrl } from '../../scripts/lib/qa-client'
import { startMock, type RunningMock } from '../support/servers'

const names = Object.keys(qaEndpoints) as QaEndpointName[]

/** The QA control API as described in types/qa.ts: served as described, called by name, listed in the README. */
describe('QA control API registry', () => {
  let mock: RunningMock
  beforeAll(async () => {
    mock = await startMock()
  })
  afterAll(() => mock.close())

  test('every QA endpoint of the registry is served, and every /__qa route is in the registry', () => {
    const served = mock.app.routeTable.filter((r) => r.url.startsWith('/__qa'))
    const described = names.map((n) => `${qaEndpoints[n].method} ${qaEndpoints[n].path}`)
    expect(served.map((r) => `${r.method} ${r.url}`).sort()).toEqual([...described].sort())
  })

  test('without --qa none of them is served', async () => {
    const app = await buildMockServer({ qa: false })
    expect(app.routeTable.filter((r) => r.url.startsWith('/__qa'))).toEqual([])
    await app.close()
  })

  test('the README lists every QA endpoint by name and path', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8')
    for (const name of names) {
      expect(readme).toContain(`\`${name}\``)
      expect(readme).toContain(qaEndpoints[name].path)
    }
  })

  test('the typed client fills path parameters, checks answers and reports refusals with their code', async () => {
    const { candidates } = await mock.qaApi('createCandidates', { prefix: 'qareg', count: 3 })
    expect(candidates.map((c) => c.username)).toEqual(['qareg0000', 'qareg0001', 'qareg0002'])
    const found = await mock.qaApi('candidate', { username: 'qareg0001' })
    expect(found.idNumber).toBe(candidates[1].idNumber)
    const { token } = await mock.qaApi('createSession', { username: 'qareg0002' })
    const me = await fetch(`${mock.url}/api/account/me`, { headers: { authorization: `Bearer ${token}` } })
    expect(me.status).toBe(200)
    const guard = await mock.qaApi('loginGuard', { username: 'qareg0000' })
    expect(guard).toEqual({ failures: 0, lockedUntil: null, wrongChecked: 0 })

    const refused = await mock.qaApi('candidate', { username: 'nobody99' }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(QaError)
    expect((refused as QaError).status).toBe(404)
    expect((refused as QaError).body).toMatchObject({ error: { code: 'NOT_FOUND' } })
  })

  test('a raw reply carries a refusal as it came; path parameters are encoded, the rest is the query or the body', async () => {
    const refused = await mock.qaApi.reply('confirmApplication', { id: '__proto__' })
    expect(refused.status).toBe(404)
    expect(refused.body).toMatchObject({ error: { code: expect.any(String) } })
    const bad = await mock.qaApi.reply('setClock', { advanceMs: 'soon' })
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } })

    const byId = qaRequestUrl('', 'captchaAnswer', { captchaId: 'a/b c' })
    expect(byId).toEqual({ method: 'GET', url: qaEndpoints.captchaAnswer.path.replace(':captchaId', 'a%2Fb%20c') })
    const review = qaRequestUrl('http://x', 'reviewStage', { id: 'app-1', stage: 'centre', outcome: 'pass' })
    expect(review).toEqual({
      method: 'POST',
      url: `http://x${qaEndpoints.reviewStage.path.replace(':id', 'app-1')}`,
      body: { stage: 'centre', outcome: 'pass' },
    })
  })

  test('bulk candidates log in with their password; their ID numbers are valid and distinct', async () => {
    const { candidates } = await mock.qaApi('createCandidates', { prefix: 'bulk', count: 1200, password: 'Bulk#2026' })
    expect(new Set(candidates.map((c) => c.idNumber)).size).toBe(1200)
    const { captchaId } = (await (await fetch(`${mock.url}/api/captcha`)).json()) as { captchaId: string }
    const { answer } = await mock.qaApi('captchaAnswer', { captchaId })
    const login = await fetch(`${mock.url}/api/account/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bulk1199', password: 'Bulk#2026', captchaId, captchaCode: answer }),
    })
    expect(login.status).toBe(200)
  })

  test('a captcha answer is read by its id, among many issued at once', async () => {
    const issued = await Promise.all(
      [1, 2, 3].map(
        async () => ((await (await fetch(`${mock.url}/api/captcha`)).json()) as { captchaId: string }).captchaId,
      ),
    )
    for (const captchaId of issued) {
      expect((await mock.qaApi('captchaAnswer', { captchaId })).captchaId).toBe(captchaId)
    }
    const last = await mock.qaApi('lastCaptcha')
    expect(issued).toContain(last.captchaId)
  })

  test('a captcha answer is read by the image a page shows, not the one issued last; a used one is gone', async () => {
    const shown = (await (await fetch(`${mock.url}/api/captcha`)).json()) as { captchaId: string; image: string }
    await fetch(`${mock.url}/api/captcha`) // another form of the page fetched its own afterwards
    const { captchaId, answer } = await mock.qaApi('shownCaptcha', { image: shown.image })
    expect(captchaId).toBe(shown.captchaId)
    expect(answer).toBe((await mock.qaApi('captchaAnswer', { captchaId })).answer)
    expect((await mock.qaApi('lastCaptcha')).captchaId).not.toBe(shown.captchaId)

    // Answering uses it up (wrongly here): the image names no captcha any more.
    await fetch(`${mock.url}/api/account/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'nobody', password: 'Nobody#2026', captchaId, captchaCode: 'zzzz' }),
    })
    const gone = await mock.qaApi('shownCaptcha', { image: shown.image }).catch((e: unknown) => e)
    expect((gone as QaError).status).toBe(404)
    const notImage = await mock.qaApi('shownCaptcha', { image: 'javascript:1' }).catch((e: unknown) => e)
    expect((notImage as QaError).status).toBe(400)
  })
})
