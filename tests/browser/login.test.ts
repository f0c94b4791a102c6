import { startH5Rig, type H5Rig } from '../support/h5-page'
import { HOOK_TIMEOUT_MS } from '../support/timeouts'

/** The H5 production build in headless Chromium, against the mock server: the login page's first screen. */
describe('login page (H5)', () => {
  let rig: H5Rig
  beforeAll(async () => {
    rig = await startH5Rig()
    await rig.open('pages/login/index', 'login-page')
  }, HOOK_TIMEOUT_MS)
  afterAll(() => rig.close(), HOOK_TIMEOUT_MS)

  test('shows the captcha image from the mock server', async () => {
    const img = rig.page.locator(rig.shown('#login-captcha-image'))
    await img.waitFor()
    const src = await rig.page.locator(rig.shown('#login-captcha-image img')).getAttribute('src')
    expect(src).toMatch(/^data:image\/png;base64,/)
    const last = await rig.mock.qaApi('lastCaptcha')
    expect(last.answer).toHaveLength(4)
  })

  test('tapping the image fetches another captcha', async () => {
    const before = await rig.mock.qaApi('lastCaptcha')
    const img = rig.shown('#login-captcha-image img')
    const oldSrc = await rig.page.locator(img).getAttribute('src')
    await rig.page.locator(rig.shown('#login-captcha-refresh')).click()
    await rig.page.waitForFunction(
      ([selector, previous]) => document.querySelector(selector)?.getAttribute('src') !== previous,
      [img, oldSrc] as const,
    )
    const after = await rig.mock.qaApi('lastCaptcha')
    expect(after.captchaId).not.toBe(before.captchaId)
  })

  test('an empty submit is refused with a message under each field', async () => {
    await rig.page.locator(rig.shown('#login-submit')).click()
    await expect(rig.page.locator(rig.shown('#login-username-error')).textContent()).resolves.toBe(
      '请输入用户名或证件号码',
    )
    await expect(rig.page.locator(rig.shown('#login-password-error')).textContent()).resolves.toBe('请输入密码')
    await expect(rig.page.locator(rig.shown('#login-captcha-error')).textContent()).resolves.toBe('请输入图形验证码')
  })

  test('controls drawn with views answer the keyboard: Tab reaches them, Enter and Space tap them', async () => {
    const page = rig.page
    const root = rig.shown('#login-page')
    const largeFont = page.locator(rig.shown('#login-large-font'))
    const isLarge = () => page.locator(root).evaluate((el) => el.classList.contains('large-font'))
    expect(await isLarge()).toBe(false)
    await largeFont.focus()
    await page.keyboard.press('Enter')
    await page.waitForFunction((sel) => document.querySelector(sel)?.classList.contains('large-font'), root)
    await page.keyboard.press(' ')
    await page.waitForFunction((sel) => !document.querySelector(sel)?.classList.contains('large-font'), root)
    expect(await isLarge()).toBe(false)

    // The tabs: Enter on 面容ID登录 switches the form, Space back to 账号密码登录.
    await page.locator(rig.shown('#login-mode-face')).focus()
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-selected') === 'true')
    await page.locator(rig.shown('#login-mode-password')).focus()
    await page.keyboard.press(' ')
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-selected') === 'true')
    await page.locator(rig.shown('#login-username')).waitFor()
  })

  test('the large-font switch enlarges the text and is remembered', async () => {
    const label = rig.page.locator(rig.shown('.form-field__label')).first()
    const before = parseFloat(await label.evaluate((el) => getComputedStyle(el).fontSize))
    await rig.page.locator(rig.shown('#login-large-font')).click()
    const after = parseFloat(await label.evaluate((el) => getComputedStyle(el).fontSize))
    expect(after).toBeGreaterThan(before * 1.2)
    await rig.page.reload()
    await rig.page.waitForSelector('.taro_page_show.taro_page_stationed #login-page.large-font')
    await rig.page.locator(rig.shown('#login-large-font')).click()
  })
})
