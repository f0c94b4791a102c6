import { makeIdNumber } from '../../mock-server/scenarios'
import {
  connectedApp,
  element,
  openPage,
  pageAt,
  tap,
  textOf,
  type,
  waitForText,
  waitUntil,
  type Page,
} from './support/app'
import { captchaShown, qaApi } from './support/qa'

// The account flows of issue 4 (SPEC 1): register, password and face login, lockout, recovery, cancellation,
// session expiry. Candidates are created through the QA API; captchas come from it too.
jest.setTimeout(60_000)

describe('account', () => {
  const mp = connectedApp()
  let seq = Math.floor(Date.now() / 1000) % 100000

  const nextIdNumber = () => makeIdNumber('330106', '19870412', String(seq++ % 1000).padStart(3, '0'))

  /** The page the app shows now, once it is `path` and its root is there. */
  async function landedOn(path: string, root: string): Promise<Page> {
    const page = await pageAt(mp, path)
    await element(page, root, 10000)
    return page
  }

  async function candidate() {
    seq++
    const c = {
      username: `auto${seq}`,
      password: 'Auto#2026x',
      name: '周·玥',
      idNumber: nextIdNumber(),
      questionId: 'q-first-teacher' as const,
      answer: '陈老师',
    }
    await qaApi('createCandidate', c)
    return c
  }

  async function loginByPassword(username: string, password: string): Promise<Page> {
    const page = await openPage(mp, '/pages/login/index', '#login-page')
    // The captcha image arrives last: once it is there the page is rendered and its fields take text.
    await element(page, '#login-captcha-image')
    await type(page, '#login-username', username)
    await type(page, '#login-password', password)
    await type(page, '#login-captcha', await captchaShown(page, 'login'))
    await tap(page, '#login-agree')
    await tap(page, '#login-submit')
    return page
  }

  it('registers and lands on the hub, logged in', async () => {
    const page = await openPage(mp, '/pages/register/index', '#register-page')
    await type(page, '#register-username', `reg${seq++}`)
    await type(page, '#register-password', 'Abcdefghij1!')
    expect(await textOf(page, '#register-password-strength-label')).toBe('密码强度：强')
    await type(page, '#register-password-confirm', 'Abcdefghij1!')
    await type(page, '#register-name', '王')
    await tap(page, '#register-name-picker')
    await type(page, '#register-name-rare-search', 'kun')
    await tap(page, '#register-name-rare-char-5803') // 堃
    await type(page, '#register-id-number', nextIdNumber())
    await tap(page, '#register-question')
    await tap(page, '#register-question-option-q-birthplace')
    await type(page, '#register-answer', '杭州')
    await element(page, '#register-captcha-image')
    await type(page, '#register-captcha', await captchaShown(page, 'register'))
    await tap(page, '#register-submit')
    expect(await textOf(page, '#register-confirm-name')).toBe('王堃')
    expect(await textOf(page, '#register-confirm-id-type')).toBe('居民身份证')
    await tap(page, '#register-confirm-ok')
    const hub = await landedOn('pages/hub/index', '#hub-page')
    await waitForText(hub, '#hub-name', (t) => t === '王堃')
  })

  it('refuses a taken ID number with links to log in and recover', async () => {
    const taken = await candidate()
    const page = await openPage(mp, '/pages/register/index', '#register-page')
    await type(page, '#register-username', `dup${seq++}`)
    await type(page, '#register-password', 'Abc12345')
    await type(page, '#register-password-confirm', 'Abc12345')
    await type(page, '#register-name', taken.name)
    await type(page, '#register-id-number', taken.idNumber)
    await tap(page, '#register-question')
    await tap(page, '#register-question-option-q-birthplace')
    await type(page, '#register-answer', 'x')
    await element(page, '#register-captcha-image')
    await type(page, '#register-captcha', await captchaShown(page, 'register'))
    await tap(page, '#register-submit')
    await tap(page, '#register-confirm-ok')
    await waitForText(page, '#register-error', (t) => t.includes('已注册'))
    await element(page, '#register-duplicate-login')
    await element(page, '#register-duplicate-recover')
  })

  it('logs in by password', async () => {
    const c = await candidate()
    await loginByPassword(c.username, c.password)
    await landedOn('pages/hub/index', '#hub-page')
  })

  it('shows the remaining attempts, then locks the account', async () => {
    const c = await candidate()
    for (let left = 4; left >= 1; left--) {
      const page = await loginByPassword(c.username, 'Wrong#1234')
      await waitForText(page, '#login-error', (t) => t.includes(`还可尝试${left}次`))
    }
    const page = await loginByPassword(c.username, 'Wrong#1234')
    await waitForText(page, '#login-error', (t) => t.includes('15分钟'))
    const guard = await qaApi('loginGuard', { username: c.username })
    expect(guard.lockedUntil).not.toBeNull()
  })

  // Face login and recovery by face, every outcome: face.spec.ts.

  it('recovers the password by security question', async () => {
    const c = await candidate()
    const page = await openPage(mp, '/pages/recover/index', '#recover-page')
    await type(page, '#recover-name', c.name)
    await type(page, '#recover-id-number', c.idNumber)
    await element(page, '#recover-captcha-image')
    await type(page, '#recover-captcha', await captchaShown(page, 'recover'))
    await tap(page, '#recover-question-next')
    await waitForText(page, '#recover-question-text', (t) => t === '您小学班主任的姓名是？')
    await type(page, '#recover-answer', '陈老师')
    await tap(page, '#recover-answer-submit')
    await type(page, '#recover-new-password', 'New#Pass2026')
    await type(page, '#recover-new-password-confirm', 'New#Pass2026')
    await tap(page, '#recover-reset-submit')
    await element(page, '#recover-done')
    await tap(page, '#recover-back-login')
    await landedOn('pages/login/index', '#login-page')
    await loginByPassword(c.username, 'New#Pass2026')
    await landedOn('pages/hub/index', '#hub-page')
  })

  it('refuses cancellation with the reason while application data exists', async () => {
    const c = await candidate()
    await qaApi('applicationData', { username: c.username, present: true })
    await loginByPassword(c.username, c.password)
    const hub = await landedOn('pages/hub/index', '#hub-page')
    await tap(hub, '#hub-cancel-account')
    const page = await landedOn('pages/account-cancel/index', '#account-cancel-page')
    await waitForText(page, '#account-cancel-refused-reason', (t) => t.includes('报名信息'))
  })

  it('cancels after two confirmations; the ID number registers again', async () => {
    const c = await candidate()
    await loginByPassword(c.username, c.password)
    await landedOn('pages/hub/index', '#hub-page')
    const page = await openPage(mp, '/pages/account-cancel/index', '#account-cancel-page')
    await tap(page, '#account-cancel-submit')
    await tap(page, '#account-cancel-confirm-first-ok')
    await tap(page, '#account-cancel-confirm-ok')
    await landedOn('pages/login/index', '#login-page')
    await qaApi('createCandidate', { ...c, username: `${c.username}b` })
  })

  it('after the session expires, goes to login and back to the same page with the typed text kept', async () => {
    const c = await candidate()
    await loginByPassword(c.username, c.password)
    await landedOn('pages/hub/index', '#hub-page')
    const page = await openPage(mp, '/pages/account-cancel/index', '#account-cancel-page')
    await type(page, '#account-cancel-reason', '换了手机号')
    await new Promise((r) => setTimeout(r, 500))
    await qaApi('expireSessions', { username: c.username })
    await tap(page, '#account-cancel-submit')
    await tap(page, '#account-cancel-confirm-first-ok')
    await tap(page, '#account-cancel-confirm-ok')
    const login = await landedOn('pages/login/index', '#login-page')
    await waitForText(login, '#login-expired', (t) => t.includes('登录已过期'))
    await type(login, '#login-username', c.username)
    await type(login, '#login-password', c.password)
    await element(login, '#login-captcha-image')
    await type(login, '#login-captcha', await captchaShown(login, 'login'))
    await tap(login, '#login-agree')
    await tap(login, '#login-submit')
    const back = await landedOn('pages/account-cancel/index', '#account-cancel-page')
    await waitUntil('the reason typed before', async () => {
      const value = await (await element(back, '#account-cancel-reason')).property('value')
      return value === '换了手机号'
    })
  })

  it('when QA moves the server clock past the session lifetime, the app asks for login', async () => {
    const c = await candidate()
    await loginByPassword(c.username, c.password)
    await landedOn('pages/hub/index', '#hub-page')
    // Sessions live two hours from their last use (mock-server/features/account/sessions.ts): move the server's clock three on.
    await qaApi('setClock', { advanceMs: 3 * 60 * 60 * 1000 })
    try {
      await mp.navigateTo('/packages/profile/basic/index')
      const login = await landedOn('pages/login/index', '#login-page')
      await waitForText(login, '#login-expired', (t) => t.includes('登录已过期'))
    } finally {
      await qaApi('setClock', { real: true })
    }
  })
})
