import path from 'node:path'
import { makeIdNumber } from '../../mock-server/scenarios'
import { endpoints, isStateChanging, type EndpointName, type HttpMethod } from '../../types/api'
import { startH5Rig, type H5Rig } from '../support/h5-page'
import { HOOK_TIMEOUT_MS } from '../support/timeouts'

jest.setTimeout(240_000)

const PHOTOS = path.join(__dirname, '..', 'fixtures', 'photos')

/**
 * Reliability end to end (issue 11), the H5 app and the mock server on different origins as `npm start` runs them:
 * registration to a complete hub with faults on the wire; an expired session on the record form; every
 * state-changing call the app makes that the other browser specs do not (DELETE a record, DELETE the binding,
 * logout, cancellation), each checked on the server. Whether every state-changing endpoint of the contract is called
 * by some browser or automator spec is checked after all of them ran (scripts/check-call-coverage.ts, in `npm test`),
 * from the record the server keeps (QA `calls`); the last test here holds that record to what the browser sent.
 */
describe('reliability (H5)', () => {
  let rig: H5Rig
  /** Every state-changing request the app sent to the mock server, by endpoint name, counted. */
  const sent = new Map<EndpointName, number>()
  beforeAll(async () => {
    rig = await startH5Rig()
    const api = new URL(rig.mock.url).origin
    expect(new URL(rig.h5Url).origin).not.toBe(api)
    rig.page.on('request', (req) => {
      const url = new URL(req.url())
      const name = url.origin === api ? endpointOf(req.method(), url.pathname) : null
      if (name) sent.set(name, (sent.get(name) ?? 0) + 1)
    })
  }, HOOK_TIMEOUT_MS)
  afterAll(async () => {
    await rig.mock.qaApi('clearWireFaults')
    await rig.close()
  }, HOOK_TIMEOUT_MS)

  const $ = (selector: string) => rig.$(selector)
  const tap = (id: string) => $(`#${id}`).click()
  const fill = (id: string, value: string) => $(`#${id} input`).fill(value)
  const waitPage = (rootId: string) =>
    rig.page.waitForSelector(`.taro_page_show.taro_page_stationed #${rootId}`, { state: 'visible', timeout: 60000 })
  /** Waits for a text; when it never comes, says what the page showed instead (a flake leaves its cause). */
  const textIs = async (id: string, value: string) => {
    try {
      await rig.page.waitForFunction(
        ([selector, expected]) => document.querySelector(selector)?.textContent?.trim() === expected,
        [rig.shown(`#${id}`), value] as const,
        { timeout: 60000 },
      )
    } catch (err) {
      const shown = await rig.page.evaluate(
        () => document.querySelector('.taro_page_show.taro_page_stationed')?.textContent?.slice(0, 1500) ?? '',
      )
      const faults = (await rig.mock.qaApi.reply('wireFaults')).body
      throw new Error(
        `#${id} never read "${value}". The page showed: ${shown}\nFaults: ${JSON.stringify(faults)}\n${err}`,
      )
    }
  }
  const state = () => rig.mock.app.store.state
  const accountNamed = (username: string) => [...state().accounts.values()].filter((a) => a.username === username)

  /** Confirms Taro H5's modal (删除记录, 解除绑定, 注销). */
  async function confirmModal() {
    await rig.page.locator('.taro__modal .taro-model__confirm').click()
  }

  test('with faults on the wire, registration reaches a complete hub; the server has one candidate, as typed', async () => {
    const typed = {
      username: 'fault2026',
      password: 'Fault#2026x',
      name: '欧阳娜娜',
      idNumber: makeIdNumber('110105', '19930506', '512'),
      answer: '杭州',
      certificateNo: '104321202007001234',
    }
    await rig.mock.qaApi('setWireFaults', { rate: 0.25, retryAfterSeconds: 1, delayMs: 1500 })
    // The banner, whenever it shows, is remembered by the page itself.
    await rig.page.addInitScript(() => {
      new MutationObserver(() => {
        if (document.querySelector('#network-banner')) (window as unknown as { bannerSeen: boolean }).bannerSeen = true
      }).observe(document, { childList: true, subtree: true })
    })

    await rig.open('pages/register/index', 'register-page')
    await fill('register-username', typed.username)
    await fill('register-password', typed.password)
    await fill('register-password-confirm', typed.password)
    await fill('register-name', typed.name)
    await fill('register-id-number', typed.idNumber)
    await tap('register-question')
    await tap('register-question-option-q-birthplace')
    await fill('register-answer', typed.answer)
    // The image may have been fetched again after a fault: answer the one shown.
    await fill('register-captcha', await rig.captcha('register'))
    await tap('register-submit')
    await tap('register-confirm-ok')
    await waitPage('hub-page')

    // 照片
    await tap('hub-photo')
    await waitPage('photo-page')
    const chooser = rig.page.waitForEvent('filechooser')
    await tap('photo-choose')
    await (await chooser).setFiles(path.join(PHOTOS, 'valid-358x441.jpg'))
    await tap('photo-upload')
    await textIs('photo-status', '待核验')
    await rig.page.goBack()
    await waitPage('hub-page')

    // 学历信息
    await tap('hub-education')
    await waitPage('education-page')
    await tap('education-add')
    await waitPage('education-form-page')
    await fill('education-form-certificate', typed.certificateNo)
    await fill('education-form-school', '协和')
    await $('#education-form-school-option-0').click({ timeout: 60000 })
    await pickDate()
    await pickOption('education-form-major', 0)
    await pickOption('education-form-level', 2)
    await pickOption('education-form-mode', 0)
    await tap('education-save')
    await waitPage('education-page')
    await $('#education-item-0').waitFor({ timeout: 60000 })

    // 账号绑定
    await rig.page.goto(`${rig.h5Url}/#/packages/profile/binding/index`)
    await waitPage('binding-page')
    await tap('binding-bind')
    await textIs('binding-status', '已绑定')

    // The record is verified (by QA, as the verification office would), and the hub is complete.
    await rig.mock.qaApi('recordOutcome', { username: typed.username, outcome: 'verified' })
    await rig.page.goto(`${rig.h5Url}/#/pages/hub/index`)
    await waitPage('hub-page')
    await textIs('hub-binding-status', '已绑定')
    await textIs('hub-education-status', '已核验 1 条')
    expect(await $('#hub-apply-locked-reason').count()).toBe(0)

    const faults = await rig.mock.qaApi('wireFaults')
    await rig.mock.qaApi('clearWireFaults')
    // Faults did happen; whenever one needed a retry, the calm banner showed instead of an error.
    expect(Object.values(faults.counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0)
    if (faults.counts.busy + faults.counts['rate-limit'] + faults.counts.drop > 0) {
      expect(await rig.page.evaluate(() => (window as unknown as { bannerSeen?: boolean }).bannerSeen)).toBe(true)
    }

    // One candidate, every field as typed, one record, one binding, one photo.
    const [account, ...more] = accountNamed(typed.username)
    expect(more).toEqual([])
    expect(account).toMatchObject({ name: typed.name, idNumber: typed.idNumber })
    expect([...state().accounts.values()].filter((a) => a.idNumber === typed.idNumber)).toHaveLength(1)
    const profile = state().profile.byAccount.get(account.id)!
    expect(profile.records).toHaveLength(1)
    expect(profile.records[0]).toMatchObject({ certificateNo: typed.certificateNo, kind: 'education' })
    expect(profile.photo).toMatchObject({ width: 358, height: 441 })
    expect([...state().profile.bindings.values()].filter((b) => b.accountId === account.id)).toHaveLength(1)
  })

  test('a session that expires on the record form: log in, come back to the form with what was typed, save, land on the list; then delete, unbind, log out, cancel', async () => {
    const c = {
      username: 'expire2026',
      password: 'Expire#2026x',
      name: '周芷若',
      idNumber: makeIdNumber('110105', '19940607', '613'),
    }
    await rig.mock.qaApi('createCandidate', c)
    await rig.openLoggedIn(c.username, 'pages/hub/index', 'hub-page')
    await tap('hub-education')
    await waitPage('education-page')
    await tap('education-add')
    await waitPage('education-form-page')
    await fill('education-form-certificate', '104321202008005678')
    await rig.page.waitForTimeout(600) // the draft is saved 300 ms after typing
    await fill('education-form-school', '协和')
    await $('#education-form-school-option-0').click()
    await pickDate()
    await pickOption('education-form-major', 0)
    await pickOption('education-form-level', 2)
    await pickOption('education-form-mode', 0)

    // The session ends while the form is open: saving goes to login, and back.
    await rig.mock.qaApi('expireSessions', { username: c.username })
    await tap('education-save')
    await waitPage('login-page')
    await fill('login-username', c.username)
    await fill('login-password', c.password)
    await $('#login-captcha-image').waitFor()
    await fill('login-captcha', await rig.captcha('login'))
    await tap('login-agree')
    await tap('login-submit')
    await waitPage('education-form-page')
    expect(await $('#education-form-certificate input').inputValue()).toBe('104321202008005678')
    await tap('education-save')
    // Saving goes back to the list under the form, with the record on it.
    await waitPage('education-page')
    await $('#education-item-0').waitFor()
    const account = accountNamed(c.username)[0]
    expect(
      state()
        .profile.byAccount.get(account.id)
        ?.records.map((r) => r.certificateNo),
    ).toEqual(['104321202008005678'])
    // And 返回 from the list reaches the hub.
    await rig.page.goBack()
    await waitPage('hub-page')

    // DELETE a record.
    await tap('hub-education')
    await waitPage('education-page')
    await tap('education-delete-0')
    await confirmModal()
    await $('#education-empty').waitFor()
    expect(state().profile.byAccount.get(account.id)?.records).toEqual([])

    // Bind, then DELETE the binding.
    await rig.page.goto(`${rig.h5Url}/#/packages/profile/binding/index`)
    await waitPage('binding-page')
    await tap('binding-bind')
    await textIs('binding-status', '已绑定')
    await tap('binding-unbind')
    await confirmModal()
    await textIs('binding-status', '未绑定')
    expect([...state().profile.bindings.values()].filter((b) => b.accountId === account.id)).toEqual([])

    // A draft left on the device, then logout: token and drafts gone.
    await rig.page.goto(`${rig.h5Url}/#/pages/hub/index`)
    await waitPage('hub-page')
    await rig.page.evaluate(() => localStorage.setItem('draft.register', JSON.stringify({ data: { username: 'x' } })))
    await tap('hub-logout')
    await waitPage('login-page')
    const keys = await rig.page.evaluate(() => Object.keys(localStorage))
    expect(keys.filter((k) => k.startsWith('draft.') || k === 'session.token')).toEqual([])

    // Cancellation: everything the candidate left is erased.
    await rig.openLoggedIn(c.username, 'pages/account-cancel/index', 'account-cancel-page')
    await cancelAccount()
    await waitPage('login-page')
    expect(accountNamed(c.username)).toEqual([])
    expect(state().profile.byAccount.has(account.id)).toBe(false)
  })

  test('the server recorded each state-changing call the browser sent here, by endpoint, as cross-origin', async () => {
    const { calls } = await rig.mock.qaApi('calls')
    // Nothing but this page called the server's contract endpoints (the QA API is not recorded), all of it from the
    // app's own origin; a request the wire faults dropped may be missing from the server's count, never added.
    expect(Object.keys(calls).sort()).toEqual([...sent.keys()].sort())
    for (const [name, c] of Object.entries(calls)) {
      expect([name, c.crossOrigin]).toEqual([name, c.calls])
      expect(c.crossOrigin).toBeLessThanOrEqual(sent.get(name as EndpointName) ?? 0)
      expect(c.crossOriginOk).toBeGreaterThan(0)
    }
    // The calls this spec is here for, DELETEs included.
    expect([...sent.keys()]).toEqual(
      expect.arrayContaining([
        'register',
        'uploadPhoto',
        'addRecord',
        'deleteRecord',
        'bind',
        'unbind',
        'logout',
        'cancelAccount',
      ]),
    )
  })

  /** The cancel page's two confirmations. */
  async function cancelAccount() {
    await tap('account-cancel-submit')
    await tap('account-cancel-confirm-first-ok')
    await tap('account-cancel-confirm-ok')
  }

  /** The date is three wheels (year, month, day); empty, they open on today and 确定 takes it (as hub.test.ts). */
  async function pickDate() {
    await pickOption('education-form-date-year', 0)
    await pickOption('education-form-date-month', 0)
    await pickOption('education-form-date-day', 0)
  }

  const pickOption = (id: string, index: number) => rig.pickOption(id, index)
})

/**
 * The state-changing endpoint of the contract a request is for, or null: its method and route pattern matched, the
 * most literal pattern first (`/materials/submit` before `/materials/:key`), as fastify's router picks.
 */
function endpointOf(method: string, pathname: string): EndpointName | null {
  const params = (path: string) => (path.match(/:/g) ?? []).length
  const matching = (Object.entries(endpoints) as Array<[EndpointName, { method: HttpMethod; path: string }]>)
    .filter(([, e]) => e.method === method && isStateChanging(e.method))
    .filter(([, e]) => new RegExp(`^${e.path.replace(/:[A-Za-z0-9_]+/g, '[^/]+')}$`).test(pathname))
    .sort(([, a], [, b]) => params(a.path) - params(b.path))
  return matching[0]?.[0] ?? null
}
