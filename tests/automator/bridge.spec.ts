import { skipOn } from './support/platform'
import { connectedApp, element, openPage, tap, type Page } from './support/app'
import { HOOK_TIMEOUT_MS } from '../support/timeouts'

// How a spec fails and how platform calls are mocked: the same in the WeChat devtools and through the H5 bridge.
describe('automation behaviour', () => {
  const mp = connectedApp()
  let page: Page

  beforeAll(async () => {
    page = await openPage(mp, '/pages/login/index', '#login-page')
  }, HOOK_TIMEOUT_MS)

  it('fails a tap on a missing id with a message naming it', async () => {
    await expect(tap(page, '#login-no-such-button', 500)).rejects.toThrow('#login-no-such-button')
    expect(await page.$('#login-no-such-button')).toBeNull()
  })

  it('finds elements by id and class within the shown page', async () => {
    expect((await element(page, '#login-submit')).tagName).toBeTruthy()
    expect((await page.$$('.form-field')).length).toBeGreaterThanOrEqual(3)
  })

  it('lets a spec mock the platform login, and restore it', async () => {
    await mp.mockWxMethod('login', { code: 'qa-mocked-code', errMsg: 'login:ok' })
    try {
      const res = (await mp.callWxMethod('login')) as { code: string }
      expect(res.code).toBe('qa-mocked-code')
    } finally {
      await mp.restoreWxMethod('login')
    }
    const real = (await mp.callWxMethod('login')) as { code: string }
    expect(real.code).not.toBe('qa-mocked-code')
  })

  skipOn({ swan: 'Baidu has no face verification API the app uses (platform.swan.ts)' })(
    'lets a mocked face verification reach the app',
    async () => {
      await mp.mockWxMethod('requestFacialVerify', { errCode: 0, errMsg: 'requestFacialVerify:ok' })
      try {
        const res = (await mp.callWxMethod('requestFacialVerify', { verifyId: 'wxv_qa' })) as { errCode: number }
        expect(res.errCode).toBe(0)
        // On H5 the app's own platform layer is what pages call: it sees the mock too.
        const seen = await mp.evaluate(() => {
          const platform = (globalThis as { __candidatePlatform?: { verifyFace: (r: unknown) => Promise<string> } })
            .__candidatePlatform
          return platform ? platform.verifyFace({ verifyId: 'qa' }) : 'pass'
        })
        expect(seen).toBe('pass')
      } finally {
        await mp.restoreWxMethod('requestFacialVerify')
      }
    },
  )
})
