/**
 * @jest-environment jsdom
 */
import { render } from '@testing-library/react'

/**
 * The login and recovery pages offer face verification only where the platform has one its server can confirm
 * (platform.capabilities.faceVerification; off on Baidu), and say which way to use instead. The pages never ask
 * which platform they run on.
 */
const capabilities = { faceVerification: false }

jest.mock('@tarojs/taro', () => {
  const stub = jest.requireActual('../support/taro-node')
  const Taro = { ...stub.default, useRouter: () => ({ params: {} }) }
  return { __esModule: true, default: Taro, useRouter: Taro.useRouter }
})
jest.mock('../../src/platform/platform', () => ({
  platform: {
    name: 'swan',
    get capabilities() {
      return capabilities
    },
    faceStartContext: () => Promise.reject(new Error('not here')),
    verifyFace: async () => 'unsupported',
  },
}))
jest.mock('../../src/api', () => {
  const actual = jest.requireActual('../../src/api')
  return { ...actual, api: { ...actual.api, captcha: () => new Promise(() => undefined) } }
})

// jest.mock calls are hoisted above these imports, so the pages see the stand-ins.
import LoginPage from '../../src/pages/login/index'
import RecoverPage from '../../src/pages/recover/index'

describe.each([false, true])('face verification capability %s', (available) => {
  beforeEach(() => {
    capabilities.faceVerification = available
  })

  test('login: the 面容ID登录 tab only with the capability; otherwise the page points to the password', () => {
    const { container } = render(<LoginPage />)
    expect(container.querySelector('#login-mode-password')).not.toBeNull()
    expect(container.querySelector('#login-mode-face') !== null).toBe(available)
    const notice = container.querySelector('#login-face-unavailable')
    expect(notice !== null).toBe(!available)
    if (notice) expect(notice.textContent).toContain('账号密码登录')
  })

  test('recovery: the 人脸识别找回 tab only with the capability; otherwise the page points to the question', () => {
    const { container } = render(<RecoverPage />)
    expect(container.querySelector('#recover-mode-question')).not.toBeNull()
    expect(container.querySelector('#recover-mode-face') !== null).toBe(available)
    const notice = container.querySelector('#recover-face-unavailable')
    expect(notice !== null).toBe(!available)
    if (notice) expect(notice.textContent).toContain('密码找回问题')
  })
})
