import { makeIdNumber } from '../../mock-server/scenarios'
import {
  connectApp,
  element,
  openPage,
  pageAt,
  tap,
  type,
  waitForText,
  waitUntil,
  type MiniProgram,
  type Page,
} from './support/app'
import { describeSkipOn } from './support/platform'
import { captchaShown, qaApi } from './support/qa'
import { HOOK_TIMEOUT_MS } from '../support/timeouts'

/**
 * Face login and recovery by face (issue 12), each outcome, as QA runs them in the devtools: the platform's face
 * screen is mocked with mockWxMethod (WeChat's requestFacialVerify, Alipay's startAPVerify) and the platform's
 * server-side result is set through the QA API (simFace), which the mock server's WeChat/Alipay/H5
 * stand-ins report when the app's server asks them. The same specs run on H5 through the bridge and on weapp/alipay
 * bundles through the mini-program host (AUTOMATOR_TARGET=weapp|alipay); one spec drives H5's own simulated screen.
 */
jest.setTimeout(90_000)

type Outcome = 'pass' | 'fail' | 'cancel' | 'expired' | 'unsupported'
type Target = 'weapp' | 'alipay' | 'h5'

/** What the platform's face screen hands the app, in the platform's own shape. */
const WX_SCREEN: Record<'finished' | 'cancel' | 'unsupported', object> = {
  finished: { errCode: 0, errMsg: 'requestFacialVerify:ok' },
  cancel: { errCode: 90002, errMsg: 'requestFacialVerify:fail cancel' },
  unsupported: { errCode: 90001, errMsg: 'requestFacialVerify:fail' },
}
const ALIPAY_SCREEN: Record<'finished' | 'cancel' | 'unsupported', object> = {
  finished: { resultStatus: '9000', result: null },
  cancel: { resultStatus: '6001', result: null },
  unsupported: { resultStatus: '4000', result: { errorCode: 'DEVICE_NOT_SUPPORT' } },
}

describeSkipOn({
  swan: 'Baidu offers no face verification our server can confirm (platform.swan.ts: no faceVerification capability)',
})('face verification', () => {
  let mp: MiniProgram
  let target: Target
  let seq = Math.floor(Date.now() / 1000) % 100000

  beforeAll(async () => {
    mp = await connectApp()
    const info = (await mp.systemInfo()) as { platform?: string }
    const env = process.env.AUTOMATOR_TARGET as Target | undefined
    target = env ?? (info?.platform === 'h5' ? 'h5' : 'weapp')
  }, HOOK_TIMEOUT_MS)
  beforeEach(async () => {
    await qaApi('simFace', { outcome: 'pending' })
    await qaApi('resetFaceRateLimits')
  }, HOOK_TIMEOUT_MS)
  afterEach(async () => {
    await mp.restoreWxMethod(faceApi())
  }, HOOK_TIMEOUT_MS)
  afterAll(() => mp?.disconnect(), HOOK_TIMEOUT_MS)

  const faceApi = () => (target === 'alipay' ? 'startAPVerify' : 'requestFacialVerify')

  /**
   * The candidate in front of the camera does `outcome`: the face screen closes as it would (finished, cancelled,
   * not supported), and the platform's server will report `outcome` to ours.
   */
  async function candidateDoes(outcome: Outcome): Promise<void> {
    await qaApi('simFace', { outcome })
    const screen = outcome === 'cancel' || outcome === 'unsupported' ? outcome : 'finished'
    await mp.mockWxMethod(faceApi(), (target === 'alipay' ? ALIPAY_SCREEN : WX_SCREEN)[screen])
  }

  async function candidate() {
    seq++
    const c = {
      username: `face${seq}`,
      password: 'Face#2026x',
      name: '欧阳·青',
      idNumber: makeIdNumber('320106', '19910707', String(seq % 1000).padStart(3, '0')),
      questionId: 'q-birthplace' as const,
      answer: '南京',
    }
    await qaApi('createCandidate', c)
    return c
  }

  async function valueOf(page: Page, selector: string): Promise<string> {
    return String(await (await element(page, selector)).property('value'))
  }

  /** The login page in face mode with name, ID number and the captcha typed; agreement ticked. */
  async function faceLoginForm(c: { name: string; idNumber: string }): Promise<Page> {
    const page = await openPage(mp, '/pages/login/index', '#login-page')
    await tap(page, '#login-mode-face')
    await type(page, '#login-face-name', c.name)
    await type(page, '#login-face-id-number', c.idNumber)
    await type(page, '#login-face-captcha', await captchaShown(page, 'login-face'))
    await tap(page, '#login-agree')
    return page
  }

  async function faceRecoverForm(c: { name: string; idNumber: string }): Promise<Page> {
    const page = await openPage(mp, '/pages/recover/index', '#recover-page')
    await tap(page, '#recover-mode-face')
    await type(page, '#recover-face-name', c.name)
    await type(page, '#recover-face-id-number', c.idNumber)
    await type(page, '#recover-face-captcha', await captchaShown(page, 'recover-face'))
    return page
  }

  /** Types the new captcha once the used one (gone from the server) has been replaced on the page. */
  async function retypeCaptcha(page: Page, prefix: string): Promise<void> {
    const fresh = await waitUntil('a new captcha', () => captchaShown(page, prefix))
    await type(page, `#${prefix}-captcha`, fresh)
  }

  describe('login', () => {
    it('pass: in, on the hub', async () => {
      const c = await candidate()
      const page = await faceLoginForm(c)
      await candidateDoes('pass')
      await tap(page, '#login-face-submit')
      const hub = await pageAt(mp, 'pages/hub/index', 15000)
      await element(hub, '#hub-page')
    })

    it('fail: the reason, and a retry that gets in', async () => {
      const c = await candidate()
      const page = await faceLoginForm(c)
      await candidateDoes('fail')
      await tap(page, '#login-face-submit')
      await waitForText(page, '#login-face-failed-reason', (t) => t.includes('未通过'), 10000)
      await element(page, '#login-face-use-password')
      expect(await valueOf(page, '#login-face-id-number')).toBe(c.idNumber)
      await retypeCaptcha(page, 'login-face')
      await candidateDoes('pass')
      await tap(page, '#login-face-submit')
      await pageAt(mp, 'pages/hub/index', 15000)
    })

    it('fail: or the password instead, with the ID number already in the login field', async () => {
      const c = await candidate()
      const page = await faceLoginForm(c)
      await candidateDoes('fail')
      await tap(page, '#login-face-submit')
      await tap(page, '#login-face-use-password', 10000)
      await element(page, '#login-password')
      expect(await valueOf(page, '#login-username')).toBe(c.idNumber)
    })

    it('cancel: back to the form with what was typed', async () => {
      const c = await candidate()
      const page = await faceLoginForm(c)
      await candidateDoes('cancel')
      await tap(page, '#login-face-submit')
      await waitForText(page, '#login-error', (t) => t.includes('取消'), 10000)
      expect(await valueOf(page, '#login-face-name')).toBe(c.name)
      expect(await valueOf(page, '#login-face-id-number')).toBe(c.idNumber)
      expect((await page.$$('#login-face-submit')).length).toBe(1)
    })

    it('expired: says so, and the form stays', async () => {
      const c = await candidate()
      const page = await faceLoginForm(c)
      await candidateDoes('expired')
      await tap(page, '#login-face-submit')
      await waitForText(page, '#login-error', (t) => t.includes('超时') || t.includes('失效'), 10000)
      expect(await valueOf(page, '#login-face-id-number')).toBe(c.idNumber)
    })

    it('not supported on this phone: password login instead', async () => {
      const c = await candidate()
      const page = await faceLoginForm(c)
      await candidateDoes('unsupported')
      await tap(page, '#login-face-submit')
      await waitForText(page, '#login-face-unsupported', (t) => t.includes('账号密码'), 10000)
      await tap(page, '#login-face-use-password')
      await element(page, '#login-password')
      expect(await valueOf(page, '#login-username')).toBe(c.idNumber)
    })
  })

  describe('recovery', () => {
    it('pass: a new password is set', async () => {
      const c = await candidate()
      const page = await faceRecoverForm(c)
      await candidateDoes('pass')
      await tap(page, '#recover-face-submit')
      await element(page, '#recover-verified', 15000)
      await type(page, '#recover-new-password', 'Face#New2026')
      await type(page, '#recover-new-password-confirm', 'Face#New2026')
      await tap(page, '#recover-reset-submit')
      await element(page, '#recover-done')
    })

    it('fail: the reason, and the security question instead', async () => {
      const c = await candidate()
      const page = await faceRecoverForm(c)
      await candidateDoes('fail')
      await tap(page, '#recover-face-submit')
      await waitForText(page, '#recover-face-failed-reason', (t) => t.includes('未通过'), 10000)
      await tap(page, '#recover-face-use-question')
      await element(page, '#recover-question-next')
      expect(await valueOf(page, '#recover-id-number')).toBe(c.idNumber)
    })

    it('fail: the reason, and a retry that passes', async () => {
      const c = await candidate()
      const page = await faceRecoverForm(c)
      await candidateDoes('fail')
      await tap(page, '#recover-face-submit')
      await waitForText(page, '#recover-face-failed-reason', (t) => t.includes('未通过'), 10000)
      expect(await valueOf(page, '#recover-face-id-number')).toBe(c.idNumber)
      await retypeCaptcha(page, 'recover-face')
      await candidateDoes('pass')
      await tap(page, '#recover-face-submit')
      await element(page, '#recover-verified', 15000)
    })

    it('expired: says so, and the form stays', async () => {
      const c = await candidate()
      const page = await faceRecoverForm(c)
      await candidateDoes('expired')
      await tap(page, '#recover-face-submit')
      await waitForText(page, '#recover-error', (t) => t.includes('超时') || t.includes('失效'), 10000)
      expect(await valueOf(page, '#recover-face-name')).toBe(c.name)
      expect(await valueOf(page, '#recover-face-id-number')).toBe(c.idNumber)
      expect((await page.$$('#recover-face-submit')).length).toBe(1)
    })

    it('cancel: back to the form with what was typed', async () => {
      const c = await candidate()
      const page = await faceRecoverForm(c)
      await candidateDoes('cancel')
      await tap(page, '#recover-face-submit')
      await waitForText(page, '#recover-error', (t) => t.includes('取消'), 10000)
      expect(await valueOf(page, '#recover-face-name')).toBe(c.name)
      expect(await valueOf(page, '#recover-face-id-number')).toBe(c.idNumber)
    })

    it('not supported on this phone: the security question instead', async () => {
      const c = await candidate()
      const page = await faceRecoverForm(c)
      await candidateDoes('unsupported')
      await tap(page, '#recover-face-submit')
      await waitForText(page, '#recover-face-unsupported', (t) => t.includes('密码找回问题'), 10000)
      await tap(page, '#recover-face-use-question')
      await element(page, '#recover-question-next')
    })
  })

  it("H5's own simulated face screen (not mocked): fail, then pass", async () => {
    if (target !== 'h5') return
    const c = await candidate()
    const page = await faceLoginForm(c)
    await qaApi('simFace', { outcome: 'fail' })
    await tap(page, '#login-face-submit')
    await waitForText(page, '#login-face-failed-reason', (t) => t.includes('未通过'), 10000)
    await retypeCaptcha(page, 'login-face')
    await qaApi('simFace', { outcome: 'pass' })
    await tap(page, '#login-face-submit')
    await pageAt(mp, 'pages/hub/index', 15000)
  })
})
