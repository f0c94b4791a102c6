import { makeIdNumber } from '../../mock-server/scenarios'
import { startH5Rig, type H5Rig } from '../support/h5-page'
import { HOOK_TIMEOUT_MS } from '../support/timeouts'

jest.setTimeout(60_000)

/** The account flows of issue 4 on the H5 build in headless Chromium, against the mock server. */
describe('account flows (H5)', () => {
  let rig: H5Rig
  let seq = 500
  beforeAll(async () => {
    rig = await startH5Rig()
  }, HOOK_TIMEOUT_MS)
  afterAll(() => rig.close(), HOOK_TIMEOUT_MS)
  beforeEach(async () => {
    await rig.page.evaluate(() => localStorage.clear()).catch(() => undefined)
    await rig.mock.qaApi('simFace', { outcome: 'pass' })
    await rig.mock.qaApi('resetFaceRateLimits')
  }, HOOK_TIMEOUT_MS)

  const $ = (selector: string) => rig.page.locator(rig.shown(selector))
  const fill = (id: string, value: string) => $(`#${id} input`).fill(value)
  const tap = (id: string) => $(`#${id}`).click()
  const waitPage = (rootId: string) =>
    rig.page.waitForSelector(`.taro_page_show.taro_page_stationed #${rootId}`, { state: 'visible', timeout: 15000 })
  const text = async (id: string) => {
    await $(`#${id}`).waitFor({ timeout: 10000 })
    return (await $(`#${id}`).textContent()) ?? ''
  }

  async function candidate(over: { password?: string } = {}) {
    seq++
    const c = {
      username: `cand${seq}`,
      password: over.password ?? 'Cand#2026x',
      name: '李·玥',
      idNumber: makeIdNumber('320102', '19850615', String(seq)),
      questionId: 'q-mother-name' as const,
      answer: '王芳',
    }
    await rig.mock.qaApi('createCandidate', c)
    return c
  }

  async function loginByPassword(username: string, password: string) {
    await rig.open('pages/login/index', 'login-page')
    await fill('login-username', username)
    await fill('login-password', password)
    await $('#login-captcha-image').waitFor()
    await fill('login-captcha', await rig.captcha('login'))
    await tap('login-agree')
    await tap('login-submit')
  }

  test('register → confirmation → hub, logged in', async () => {
    await rig.open('pages/register/index', 'register-page')
    await fill('register-username', 'reg2026a')
    await fill('register-password', 'abc')
    expect(await $('#register-password-strength').getAttribute('class')).toContain('pw-meter--weak')
    await fill('register-password', 'Abcdefghij1!')
    expect(await text('register-password-strength-label')).toBe('密码强度：强')
    await fill('register-password-confirm', 'Abcdefghij1!')
    await fill('register-name', '张')
    await tap('register-name-picker')
    await fill('register-name-rare-search', 'zhe')
    await tap('register-name-rare-char-5586') // 喆
    await fill('register-id-number', makeIdNumber('110105', '19900101', '777'))
    await tap('register-question')
    await tap('register-question-option-q-birthplace')
    await fill('register-answer', '北京')
    await $('#register-captcha-image').waitFor()
    await fill('register-captcha', await rig.captcha('register'))
    await tap('register-submit')
    expect(await text('register-confirm-name')).toBe('张喆')
    expect(await text('register-confirm-id-type')).toBe('居民身份证')
    expect(await text('register-confirm-warning')).toContain('不能修改')
    await tap('register-confirm-ok')
    await waitPage('hub-page')
    expect(await text('hub-name')).toBe('张喆')
  })

  test('register: field messages, another document type asks gender and birth date, and a taken ID number with links', async () => {
    const taken = await candidate()
    await rig.open('pages/register/index', 'register-page')
    await tap('register-submit')
    expect(await text('register-username-error')).toBe('请输入用户名')
    expect(await text('register-id-number-error')).toBe('请输入证件号码')
    await tap('register-id-type')
    await tap('register-id-type-option-passport')
    expect(await text('register-id-type-notice')).toContain('面容ID登录和人脸识别找回密码仅支持居民身份证')
    await tap('register-submit')
    expect(await text('register-gender-error')).toBe('请选择性别')
    expect(await text('register-birth-date-error')).toBe('请选择出生日期')
    await tap('register-id-type')
    await tap('register-id-type-option-resident-id')

    await fill('register-username', 'other2026')
    await fill('register-password', 'Abc12345')
    await fill('register-password-confirm', 'Abc12345')
    await fill('register-name', taken.name)
    await fill('register-id-number', taken.idNumber)
    await tap('register-question')
    await tap('register-question-option-q-birthplace')
    await fill('register-answer', 'x')
    await fill('register-captcha', await rig.captcha('register'))
    await tap('register-submit')
    await tap('register-confirm-ok')
    expect(await text('register-error')).toContain('已注册')
    await $('#register-duplicate-login').waitFor()
    await $('#register-duplicate-recover').waitFor()
  })

  test('login by password lands on the hub; the agreement blocks until ticked; documents open', async () => {
    const c = await candidate()
    await rig.open('pages/login/index', 'login-page')
    await fill('login-username', c.username)
    await fill('login-password', c.password)
    await $('#login-captcha-image').waitFor()
    await fill('login-captcha', await rig.captcha('login'))
    await tap('login-submit')
    expect(await text('login-error')).toContain('服务协议')
    await tap('login-doc-privacy')
    await waitPage('agreement-page')
    expect(await text('agreement-privacy')).toContain('隐私政策')
    await loginByPassword(c.username, c.password)
    await waitPage('hub-page')
  })

  test('wrong passwords show the remaining attempts, then the lockout', async () => {
    const c = await candidate()
    for (let left = 4; left >= 1; left--) {
      await loginByPassword(c.username, 'Wrong#1234')
      expect(await text('login-error')).toContain(`还可尝试${left}次`)
    }
    await loginByPassword(c.username, 'Wrong#1234')
    expect(await text('login-error')).toContain('15分钟')
  })

  test('face login: fail → the reason and a retry; pass → hub', async () => {
    const c = await candidate()
    await rig.mock.qaApi('simFace', { outcome: 'fail' })
    await rig.open('pages/login/index', 'login-page')
    await tap('login-mode-face')
    await fill('login-face-name', c.name)
    await fill('login-face-id-number', c.idNumber)
    await fill('login-face-captcha', await rig.captcha('login-face'))
    await tap('login-agree')
    await tap('login-face-submit')
    expect(await text('login-face-failed-reason')).toContain('人脸识别未通过')
    await rig.mock.qaApi('simFace', { outcome: 'pass' })
    // The used captcha is replaced: rig.captcha waits for the new one.
    await fill('login-face-captcha', await rig.captcha('login-face'))
    await tap('login-face-submit')
    await waitPage('hub-page')
  })

  test('login: each mode is a draft that survives a reload, never the password or a captcha; a failed face login puts its ID number in place of a drafted username', async () => {
    const c = await candidate()
    await rig.open('pages/login/index', 'login-page')
    await fill('login-username', c.username)
    await fill('login-password', c.password)
    await $('#login-captcha-image').waitFor()
    const captcha = await rig.captcha('login')
    await fill('login-captcha', captcha)
    await tap('login-mode-face')
    await fill('login-face-name', c.name)
    await fill('login-face-id-number', c.idNumber)
    const faceCaptcha = await rig.captcha('login-face')
    await fill('login-face-captcha', faceCaptcha)
    await rig.page.waitForTimeout(600) // the draft is saved 300 ms after typing
    const drafts = await rig.page.evaluate(() => [
      localStorage.getItem('draft.login'),
      localStorage.getItem('draft.login-face'),
    ])
    expect(drafts.map((d) => JSON.parse(d ?? 'null'))).toEqual([
      { data: { username: c.username } },
      { data: { name: c.name, idNumber: c.idNumber } },
    ])
    const stored = await rig.page.evaluate(() => JSON.stringify({ ...localStorage }))
    for (const secret of [c.password, captcha, faceCaptcha]) expect(stored).not.toContain(secret)

    await rig.page.reload()
    await waitPage('login-page')
    expect(await $('#login-username input').inputValue()).toBe(c.username)
    expect(await $('#login-password input').inputValue()).toBe('')
    await tap('login-mode-face')
    expect(await $('#login-face-name input').inputValue()).toBe(c.name)
    expect(await $('#login-face-id-number input').inputValue()).toBe(c.idNumber)
    await rig.mock.qaApi('simFace', { outcome: 'fail' })
    await fill('login-face-captcha', await rig.captcha('login-face'))
    await tap('login-agree')
    await tap('login-face-submit')
    await $('#login-face-failed').waitFor()
    await tap('login-face-use-password')
    expect(await $('#login-username input').inputValue()).toBe(c.idNumber)
    // In by password: neither mode's draft stays on the device.
    await fill('login-password', c.password)
    await fill('login-captcha', await rig.captcha('login'))
    await tap('login-submit')
    await waitPage('hub-page')
    const left = await rig.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('draft.login')))
    expect(left).toEqual([])
  })

  test('recover by question, then log in with the new password', async () => {
    const c = await candidate()
    await rig.open('pages/recover/index', 'recover-page')
    await fill('recover-name', c.name)
    await fill('recover-id-number', c.idNumber)
    await $('#recover-captcha-image').waitFor()
    await fill('recover-captcha', await rig.captcha('recover'))
    await tap('recover-question-next')
    expect(await text('recover-question-text')).toBe('您母亲的姓名是？')
    await fill('recover-answer', '王芳')
    await tap('recover-answer-submit')
    await fill('recover-new-password', 'New#Pass2026')
    await fill('recover-new-password-confirm', 'New#Pass2026')
    await tap('recover-reset-submit')
    await $('#recover-done').waitFor()
    await tap('recover-back-login')
    await waitPage('login-page')
    await loginByPassword(c.username, 'New#Pass2026')
    await waitPage('hub-page')
  })

  test('recover by face', async () => {
    const c = await candidate()
    await rig.open('pages/recover/index', 'recover-page')
    await tap('recover-mode-face')
    await fill('recover-face-name', c.name)
    await fill('recover-face-id-number', c.idNumber)
    await $('#recover-face-captcha-image').waitFor()
    await fill('recover-face-captcha', await rig.captcha('recover-face'))
    await tap('recover-face-submit')
    await $('#recover-verified').waitFor()
    await fill('recover-new-password', 'Face#Pass2026')
    await fill('recover-new-password-confirm', 'Face#Pass2026')
    await tap('recover-reset-submit')
    await $('#recover-done').waitFor()
  })

  test('recover: the identify step is a draft that survives a reload (both ways); no captcha or answer is ever in it', async () => {
    const c = await candidate()
    await rig.open('pages/recover/index', 'recover-page')
    await fill('recover-name', c.name)
    await fill('recover-id-number', c.idNumber)
    await $('#recover-captcha-image').waitFor()
    const captcha = await rig.captcha('recover')
    await fill('recover-captcha', captcha)
    await rig.page.waitForTimeout(600) // the draft is saved 300 ms after typing
    const stored = () => rig.page.evaluate(() => JSON.stringify({ ...localStorage }))
    const draft = await rig.page.evaluate(() => localStorage.getItem('draft.recover'))
    expect(JSON.parse(draft ?? 'null')).toEqual({ data: { idType: 'resident-id', name: c.name, idNumber: c.idNumber } })
    expect(await stored()).not.toContain(captcha)

    await rig.page.reload()
    await waitPage('recover-page')
    expect(await $('#recover-name input').inputValue()).toBe(c.name)
    expect(await $('#recover-id-number input').inputValue()).toBe(c.idNumber)
    expect(await $('#recover-captcha input').inputValue()).toBe('')
    // The face way is the same person: what was typed is there too, and back.
    await tap('recover-mode-face')
    expect(await $('#recover-face-name input').inputValue()).toBe(c.name)
    expect(await $('#recover-face-id-number input').inputValue()).toBe(c.idNumber)
    await tap('recover-mode-question')

    await fill('recover-captcha', await rig.captcha('recover'))
    await tap('recover-question-next')
    expect(await text('recover-question-text')).toBe('您母亲的姓名是？')
    await fill('recover-answer', c.answer)
    await rig.page.waitForTimeout(600)
    // On to the answer: the identify draft is done with, and the answer never lands on the device.
    expect(await rig.page.evaluate(() => localStorage.getItem('draft.recover'))).toBeNull()
    expect(await stored()).not.toContain(c.answer)
  })

  test('cancellation refused with the reason, then allowed with double confirmation; the ID registers again', async () => {
    const c = await candidate()
    await rig.mock.qaApi('applicationData', { username: c.username, present: true })
    await loginByPassword(c.username, c.password)
    await waitPage('hub-page')
    await tap('hub-cancel-account')
    await waitPage('account-cancel-page')
    expect(await text('account-cancel-refused-reason')).toContain('报名信息')

    await rig.mock.qaApi('applicationData', { username: c.username, present: false })
    await rig.open('pages/account-cancel/index', 'account-cancel-page')
    await tap('account-cancel-submit')
    await tap('account-cancel-confirm-first-ok')
    await tap('account-cancel-confirm-ok')
    await waitPage('login-page')
    const again = await rig.mock.qaApi.reply('createCandidate', { ...c, username: `${c.username}b` })
    expect(again.status).toBe(201)
  })

  test('an expired session goes to login and back to the same page with the typed text kept', async () => {
    const c = await candidate()
    await loginByPassword(c.username, c.password)
    await waitPage('hub-page')
    await rig.open('pages/account-cancel/index', 'account-cancel-page')
    await $('#account-cancel-reason textarea').fill('换了手机号，想重新注册')
    await rig.page.waitForTimeout(400)
    await rig.mock.qaApi('expireSessions', { username: c.username })
    await tap('account-cancel-submit')
    await tap('account-cancel-confirm-first-ok')
    await tap('account-cancel-confirm-ok')
    await waitPage('login-page')
    expect(await text('login-expired')).toContain('登录已过期')
    await fill('login-username', c.username)
    await fill('login-password', c.password)
    await fill('login-captcha', await rig.captcha('login'))
    await tap('login-agree')
    await tap('login-submit')
    await waitPage('account-cancel-page')
    await expect($('#account-cancel-reason textarea').inputValue()).resolves.toBe('换了手机号，想重新注册')
  })
})
