import { connectedApp, element, openPage, tap, textOf, type, waitUntil, type Page } from './support/app'
import { HOOK_TIMEOUT_MS } from '../support/timeouts'

// 登录 page: the image captcha and the refusal of an empty form. Selects only by the page's ids.
describe('login page', () => {
  const mp = connectedApp()
  let page: Page

  beforeEach(async () => {
    page = await openPage(mp, '/pages/login/index', '#login-page')
  }, HOOK_TIMEOUT_MS)

  const captchaSrc = async () => String(await (await element(page, '#login-captcha-image')).attribute('src'))

  it('shows the captcha image from the server', async () => {
    const src = await captchaSrc()
    expect(src.length).toBeGreaterThan(100)
    expect(src).toMatch(/^(data:image\/|https?:)/)
  })

  it('refreshes the captcha when the image is tapped', async () => {
    const before = await captchaSrc()
    await tap(page, '#login-captcha-image')
    await waitUntil('a new captcha image', async () => (await captchaSrc()) !== before)
  })

  it('refreshes the captcha from 看不清？换一张', async () => {
    const before = await captchaSrc()
    await tap(page, '#login-captcha-refresh')
    await waitUntil('a new captcha image', async () => (await captchaSrc()) !== before)
  })

  it('refuses an empty submit with a message under each required field', async () => {
    // The username is kept as a draft on the device: an earlier spec's may be back in the field.
    await type(page, '#login-username', '')
    await tap(page, '#login-submit')
    expect(await textOf(page, '#login-username-error')).toContain('请输入')
    expect(await textOf(page, '#login-password-error')).toContain('请输入')
    expect(await textOf(page, '#login-captcha-error')).not.toBe('')
    // Still on the login page.
    expect((await mp.currentPage())?.path).toBe('pages/login/index')
  })

  it('asks for the agreement once the fields are filled', async () => {
    await type(page, '#login-username', 'candidate01')
    await type(page, '#login-password', 'Secret123')
    await type(page, '#login-captcha', 'abcd')
    await tap(page, '#login-submit')
    expect(await textOf(page, '#login-error')).toContain('服务协议')
    expect((await page.$$('#login-username-error')).length).toBe(0)
  })

  it('empties the captcha the server used up after a refusal and keeps the rest (a value from outside reaches the field)', async () => {
    await tap(page, '#login-agree')
    await type(page, '#login-username', 'nobody-by-that-name')
    await type(page, '#login-password', 'Wrong#1234')
    await type(page, '#login-captcha', 'zzzz')
    const before = await captchaSrc()
    await tap(page, '#login-submit')
    await waitUntil('a new captcha image', async () => (await captchaSrc()) !== before)
    const value = async (selector: string) => String(await (await element(page, selector)).value())
    await waitUntil('the used captcha emptied', async () => (await value('#login-captcha')) === '')
    expect(await value('#login-username')).toBe('nobody-by-that-name')
    expect(await value('#login-password')).toBe('Wrong#1234')
  })
})
