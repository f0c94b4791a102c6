import { DEMO_CANDIDATE, makeIdNumber } from '../../mock-server/scenarios'
import { connectedApp, element, pageAt, relaunchAt, tap, type, waitForText, waitUntil, type Page } from './support/app'
import { logInNewCandidate, logInWithPassword } from './support/candidate'
import { saveEducationRecord } from './support/records'
import { target } from './support/platform'
import { captchaShown, qaApi } from './support/qa'

/**
 * No dead ends (issue 21): a page opened with nothing behind it (a reload, a reminder, a relaunch) goes back to its
 * parent (go.back: the tracker, the list, the hub), and a page whose session expires comes back after login with its
 * query. Each page is opened cold (reLaunch: a stack of one); on H5 it is also reloaded in the browser, where Taro's
 * router keeps the query only in the page's parameters.
 */
jest.setTimeout(180_000)

describe('a way back from every page, and the query kept through a login', () => {
  const mp = connectedApp()
  let seq = 0

  /** The page stack as `path?query`, bottom first. */
  async function stack(): Promise<string[]> {
    return (await mp.pageStack()).map((p) => {
      const query = Object.entries(p.query ?? {})
        .filter(([k]) => !k.startsWith('$') && k !== 'stamp')
        .map(([k, v]) => `${k}=${String(v)}`)
        .join('&')
      return query ? `${p.path}?${query}` : p.path
    })
  }

  /** Loads `url` cold, as a stack of one (support/app.ts relaunchAt: reLaunch, or a browser reload on H5). */
  const loadCold = (url: string) => relaunchAt(mp, url)

  async function openCold(url: string, root: string): Promise<Page> {
    await loadCold(url)
    const page = await pageAt(mp, url.replace(/^\//, '').replace(/\?.*$/, ''))
    await element(page, root)
    return page
  }

  async function demoApplication(opts: { submit: boolean; materials: boolean }): Promise<string> {
    await qaApi('loadScenario', { name: 'apply-open' })
    await logInWithPassword(mp, DEMO_CANDIDATE)
    const app = await qaApi('processApplication', { username: DEMO_CANDIDATE.username, province: '12', ...opts })
    return app.id
  }

  it('返回报考流程 on the materials page opened directly leads to its application’s tracker', async () => {
    const id = await demoApplication({ submit: false, materials: false })
    const materials = await openCold(`/packages/process/materials/index?id=${id}`, '#materials-page')
    expect((await mp.pageStack()).length).toBe(1)
    await tap(materials, '#materials-back', 10000)
    const tracker = await pageAt(mp, 'packages/process/tracker/index')
    await element(tracker, '#tracker-page')
    expect(await stack()).toEqual([`packages/process/tracker/index?id=${id}`])
  })

  it('返回报考流程 on the pay page opened directly leads to the tracker; with the tracker below, back to it', async () => {
    const id = await demoApplication({ submit: true, materials: true })
    await qaApi('confirmApplication', { id })
    await qaApi('reviewStage', { id, stage: 'centre', outcome: 'pass' })
    await qaApi('reviewStage', { id, stage: 'region', outcome: 'pass' })
    const pay = await openCold(`/packages/process/pay/index?id=${id}`, '#pay-page')
    await tap(pay, '#pay-back', 10000)
    const tracker = await pageAt(mp, 'packages/process/tracker/index')
    await element(tracker, '#tracker-page')
    expect(await stack()).toEqual([`packages/process/tracker/index?id=${id}`])

    // Opened from the tracker, back closes the pay page: no second tracker.
    await mp.navigateTo(`/packages/process/pay/index?id=${id}`)
    const above = await pageAt(mp, 'packages/process/pay/index')
    await tap(above, '#pay-back', 10000)
    await waitUntil('one page', async () => ((await mp.pageStack()).length === 1 ? true : null))
    expect(await stack()).toEqual([`packages/process/tracker/index?id=${id}`])
  })

  it('a record form opened directly saves, and the candidate lands on the list with the new record', async () => {
    seq++
    const username = `wayback${target()}${seq}`
    await logInNewCandidate(mp, {
      username,
      password: 'Back#2026x',
      name: '钱学明',
      idNumber: makeIdNumber('330106', '19930214', String(400 + seq)),
    })
    const form = await openCold('/packages/profile/record-form/index?kind=education', '#education-form-page')
    await saveEducationRecord(form)
    const list = await pageAt(mp, 'packages/profile/records/index')
    await waitForText(list, '#education-item-0-status', (t) => t === '待核验', 10000)
    expect(await stack()).toEqual(['packages/profile/records/index?kind=education'])
  })

  it('a wizard step whose session expires comes back after login with its ?id=, and shows its application', async () => {
    const id = await demoApplication({ submit: false, materials: false })
    await openCold(`/packages/application/basic/index?id=${id}`, '#apply-basic-page')
    await qaApi('expireSessions', { username: DEMO_CANDIDATE.username })
    // Opened again (a reload, a reminder): its first call meets the expired session, so login, then back here.
    await loadCold(`/packages/application/basic/index?id=${id}`)
    const login = await pageAt(mp, 'pages/login/index')
    await element(login, '#login-expired', 10000)
    await type(login, '#login-username', DEMO_CANDIDATE.username)
    await type(login, '#login-password', DEMO_CANDIDATE.password)
    await type(login, '#login-captcha', await captchaShown(login, 'login'))
    await tap(login, '#login-agree')
    await tap(login, '#login-submit')
    const step = await pageAt(mp, 'packages/application/basic/index')
    await element(step, '#apply-basic-identity', 15000)
    expect(await stack()).toEqual([`packages/application/basic/index?id=${id}`])
  })
})
