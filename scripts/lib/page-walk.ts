import type { Page } from 'playwright-core'
import type { QaClient } from './qa-client'

/**
 * Every page of the app, opened one after another in one browser tab of the H5 build, in the state that shows most
 * of it: what the browser tests (tests/browser/pages.test.ts: axe-core and large-font checks) and
 * `scripts/screenshot.ts --all` walk. The data is staged through the QA API by name:
 *
 * - logged out: 登录, 注册, 找回密码, the service agreement;
 * - the demo candidate of scenario `results` (hub complete, scores passed, certificate) with a ticket in its printing
 *   window: the hub and its item pages, both record lists and forms, binding, 注销, 准考证, 成绩, 合格证明, 消息, the exams list;
 * - a submitted 天津 application (online confirmation: materials uploaded): tracker, 上传材料, 缴费, 报名表;
 * - an unsubmitted 北京 护士 application, every step filled: 选择考区, 承诺书, the six steps, 考试照片, 确认报名信息.
 */
export interface PageStop {
  /** A short name for reports and screenshot files, e.g. `apply-basic`. */
  name: string
  /** The page's path with its query, as the H5 router takes it after `#`. */
  path: string
  /** The page root's id (`<page>-page`). */
  root: string
  /** Needs the candidate's session. */
  session: boolean
}

/** The demo candidate of scenario `results` (mock-server/features/account: DEMO_CANDIDATE). */
export const WALK_USERNAME = 'demo2026'

/** Stages the data the walk shows (scenario `results` plus two applications) and returns the stops, in order. */
export async function stageWalk(qaApi: QaClient): Promise<PageStop[]> {
  await qaApi('loadScenario', { name: 'results' })
  // The ticket inside its printing window (the scenario's has closed): the card with the ID number and the sittings.
  const { now } = await qaApi('clock')
  const day = 24 * 3600_000
  await qaApi('publishTicket', {
    username: WALK_USERNAME,
    opensAt: new Date(Date.parse(now) - day).toISOString(),
    examAt: new Date(Date.parse(now) + 10 * day).toISOString(),
  })
  const submitted = await qaApi('processApplication', { username: WALK_USERNAME, province: '12', examKind: 'health' })
  const draft = await qaApi('processApplication', {
    username: WALK_USERNAME,
    province: '11',
    examKind: 'nurse',
    submit: false,
  })
  const out: PageStop[] = []
  const stop = (name: string, path: string, root: string, session = true) => out.push({ name, path, root, session })
  stop('login', 'pages/login/index', 'login-page', false)
  stop('register', 'pages/register/index', 'register-page', false)
  stop('recover', 'pages/recover/index', 'recover-page', false)
  stop('agreement', 'pages/agreement/index?doc=service', 'agreement-page', false)
  stop('hub', 'pages/hub/index', 'hub-page')
  stop('account-cancel', 'pages/account-cancel/index', 'account-cancel-page')
  stop('basic', 'packages/profile/basic/index', 'basic-page')
  stop('photo', 'packages/profile/photo/index', 'photo-page')
  stop('education', 'packages/profile/records/index?kind=education', 'education-page')
  stop('degree', 'packages/profile/records/index?kind=degree', 'degree-page')
  stop('education-form', 'packages/profile/record-form/index?kind=education', 'education-form-page')
  stop('degree-form', 'packages/profile/record-form/index?kind=degree', 'degree-form-page')
  stop('binding', 'packages/profile/binding/index', 'binding-page')
  stop('ticket', 'packages/results/ticket/index', 'ticket-page')
  stop('scores', 'packages/results/scores/index', 'scores-page')
  stop('certificate', 'packages/results/certificate/index', 'certificate-page')
  stop('messages', 'packages/process/messages/index', 'messages-page')
  stop('apply-exams', 'packages/application/index', 'apply-exams-page')
  stop('tracker', `packages/process/tracker/index?id=${submitted.id}`, 'tracker-page')
  stop('materials', `packages/process/materials/index?id=${submitted.id}`, 'materials-page')
  stop('pay', `packages/process/pay/index?id=${submitted.id}`, 'pay-page')
  stop('apply-form', `packages/application/form/index?id=${submitted.id}`, 'apply-form-page')
  const id = draft.id
  stop('apply-province', `packages/application/province/index?examId=${draft.examId}`, 'apply-province-page')
  stop('apply-declaration', `packages/application/declaration/index?id=${id}`, 'apply-declaration-page')
  stop('apply-centre', `packages/application/centre/index?id=${id}`, 'apply-centre-page')
  stop('apply-basic', `packages/application/basic/index?id=${id}`, 'apply-basic-page')
  stop('apply-contact', `packages/application/contact/index?id=${id}`, 'apply-contact-page')
  stop('apply-exam-info', `packages/application/exam-info/index?id=${id}`, 'apply-exam-info-page')
  stop('apply-education', `packages/application/education/index?id=${id}`, 'apply-education-page')
  stop('apply-work', `packages/application/work-info/index?id=${id}`, 'apply-work-page')
  stop('apply-photo', `packages/application/photo/index?id=${id}`, 'apply-photo-page')
  stop('apply-review', `packages/application/review/index?id=${id}`, 'apply-review-page')
  return out
}

/** The storage keys the app reads (Taro's H5 storage: `{data: value}` as JSON): src/stores/session.ts, settings.ts. */
const SESSION_KEY = 'session.token'
const LARGE_FONT_KEY = 'settings.largeFont'

/**
 * Puts the walk's session and the large-font setting where the app keeps them, in the app's origin. Call once
 * before the first stop (the app reads both when it starts, and every stop is a fresh page load).
 */
export async function prepareWalk(
  page: Page,
  h5Url: string,
  qaApi: QaClient,
  options: { largeFont: boolean },
): Promise<void> {
  const { token } = await qaApi('createSession', { username: WALK_USERNAME })
  // A page of the app's origin that is not the app (the H5 server answers 404): the storage is the app's, and no page
  // of the app runs meanwhile (the login page, opened with an old session, would log it out under the new one).
  await page.goto(`${h5Url}/walk-storage`)
  await page.evaluate(
    ([sessionKey, fontKey, t, large]) => {
      localStorage.clear()
      localStorage.setItem(sessionKey, JSON.stringify({ data: t }))
      localStorage.setItem(fontKey, JSON.stringify({ data: large }))
    },
    [SESSION_KEY, LARGE_FONT_KEY, token, options.largeFont] as const,
  )
}

/**
 * Opens a stop afresh (a page load: the H5 router shows only that page) and waits until its root is shown, its
 * loading state is gone and the page has settled (`settled` below). A logged-out stop is opened with the session kept aside and put
 * back after, so the login pages show as a new visitor sees them. On a busy machine a page load can take long: it is
 * tried twice, and a failure names the stop and the page shown instead.
 */
export async function openStop(page: Page, h5Url: string, stop: PageStop, timeoutMs = 45_000): Promise<void> {
  const held = stop.session
    ? null
    : await page.evaluate((key) => {
        const t = localStorage.getItem(key)
        localStorage.removeItem(key)
        return t
      }, SESSION_KEY)
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await loadStop(page, h5Url, stop, timeoutMs)
        return
      } catch (err) {
        if (attempt < 2) continue
        const shown = await page
          .evaluate(() => document.querySelector('.taro_page_show [id$="-page"]')?.id ?? 'nothing')
          .catch(() => 'unknown')
        throw new Error(`page walk: ${stop.name} (${stop.path}) did not show #${stop.root}; shown: ${shown}. ${err}`)
      }
    }
  } finally {
    if (held !== null) await page.evaluate(([key, t]) => localStorage.setItem(key, t), [SESSION_KEY, held] as const)
  }
}

async function loadStop(page: Page, h5Url: string, stop: PageStop, timeoutMs: number): Promise<void> {
  const requests = trackRequests(page)
  requests.clear()
  await page.goto(`${h5Url}/#/${stop.path}`)
  await page.reload()
  const root = `.taro_page_show.taro_page_stationed #${stop.root}`
  await page.waitForSelector(root, { state: 'visible', timeout: timeoutMs })
  await page.waitForFunction((id) => !document.querySelector(`.taro_page_show #${id}-loading`), stop.root, {
    timeout: timeoutMs,
  })
  await settled(page, requests, timeoutMs)
}

/** The requests of a page still waiting for their answer (kept per page: the walk uses one tab). */
const inFlight = new WeakMap<Page, Set<unknown>>()

function trackRequests(page: Page): Set<unknown> {
  let requests = inFlight.get(page)
  if (!requests) {
    const open = new Set<unknown>()
    page.on('request', (r) => open.add(r))
    page.on('requestfinished', (r) => open.delete(r))
    page.on('requestfailed', (r) => open.delete(r))
    inFlight.set(page, (requests = open))
  }
  return requests
}

/**
 * Waits until the page has settled: no request of it waiting for an answer (API calls, photos, captchas, QR codes),
 * every image decoded, the fonts in, and no transition or finite animation still running; the same at two looks
 * 100 ms apart (an answer that starts another request is seen). Checked directly rather than by playwright's
 * `networkidle` (500 ms with no request at all) plus a fixed pause, which cost about 0.8 s on every page load of the
 * walk (64 in the browser tests) whether the page had settled or not.
 */
async function settled(page: Page, requests: Set<unknown>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let quietLooks = 0
  while (quietLooks < 2) {
    const still =
      requests.size === 0 &&
      (await page.evaluate(
        () =>
          document.fonts.status === 'loaded' &&
          Array.from(document.images).every((img) => img.complete) &&
          document
            .getAnimations()
            .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      ))
    quietLooks = still ? quietLooks + 1 : 0
    if (quietLooks < 2) {
      // A request that never ends (none of the app's pages makes one today): check the page as it is, as before.
      if (Date.now() > deadline) return
      await page.waitForTimeout(100)
    }
  }
}

/** The route paths of src/routes.ts (read as text: it imports Taro), for checking that the walk covers them all. */
export function routePathsOf(routesSource: string): string[] {
  return [...routesSource.matchAll(/\('\/((?:pages|packages)\/[^']+)'\)/g)].map((m) => m[1])
}
