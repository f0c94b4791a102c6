/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, type RenderResult } from '@testing-library/react'
import { makeIdNumber } from '../../mock-server/scenarios'

/**
 * 找回密码 on the form kit (issue 10, item 6): the identify step is one draft for both ways (never the captcha), each
 * step submits through its kit with an idempotency key, a face attempt's outcomes reach the page as before, and a
 * recovery the server ended goes back to the start with the reason. The server is a stand-in for `call()`.
 */
type Sent = { name: string; input: Record<string, unknown>; key: string | undefined }
const mockServer = {
  sent: [] as Sent[],
  captchas: 0,
  answer: (_name: string, _input: Record<string, unknown>): Promise<unknown> => Promise.resolve({}),
  screen: 'finished' as 'finished' | 'cancel' | 'unsupported',
}

jest.mock('../../src/platform/platform', () => ({
  platform: {
    name: 'h5',
    capabilities: { faceVerification: true },
    faceStartContext: async () => ({ platform: 'h5' }),
    verifyFace: async () => mockServer.screen,
  },
}))
jest.mock('../../src/api', () => {
  const actual = jest.requireActual('../../src/api')
  return {
    ...actual,
    api: {
      ...actual.api,
      captcha: async () => {
        mockServer.captchas++
        return { captchaId: `c${mockServer.captchas}`, image: 'data:image/png;base64,AA', expiresAt: '' }
      },
    },
    call: (name: string, input: Record<string, unknown>, options?: { idempotencyKey?: string }) => {
      mockServer.sent.push({ name, input, key: options?.idempotencyKey })
      return mockServer.answer(name, input)
    },
  }
})

// jest.mock calls are hoisted above these imports, so the page sees the stand-ins.
import { ApiError } from '../../src/api'
import RecoverPage from '../../src/pages/recover/index'
import Taro, { resetTaroStub } from '../support/taro-node'

const NAME = '欧阳·青'
const ID = makeIdNumber('320106', '19910707', '123')
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))

let page: RenderResult
const $ = (selector: string) => page.container.querySelector(selector)
const valueOf = (id: string) => ($(`input#${id}`) as HTMLInputElement).value
const type = (id: string, value: string) => act(() => void fireEvent.change($(`input#${id}`)!, { target: { value } }))
const tap = async (id: string) => {
  await act(async () => {
    fireEvent.click($(`#${id}`)!)
    await wait(0)
  })
}
const open = async () => {
  page = render(<RecoverPage />)
  await act(() => wait(0)) // the captcha
}

beforeEach(() => {
  resetTaroStub()
  mockServer.sent = []
  mockServer.captchas = 0
  mockServer.screen = 'finished'
  mockServer.answer = () => Promise.resolve({})
})

test('the identify step is a draft on the device for both ways, without the captcha; it comes back on a reload', async () => {
  await open()
  type('recover-name', NAME)
  type('recover-id-number', ID)
  type('recover-captcha', 'ab12')
  await act(() => wait(350))
  expect(Taro.getStorageSync('draft.recover')).toEqual({ idType: 'resident-id', name: NAME, idNumber: ID })
  page.unmount()

  await open()
  expect(valueOf('recover-name')).toBe(NAME)
  expect(valueOf('recover-id-number')).toBe(ID)
  expect(valueOf('recover-captcha')).toBe('')
  await tap('recover-mode-face')
  expect(valueOf('recover-face-name')).toBe(NAME)
  expect(valueOf('recover-face-id-number')).toBe(ID)
})

test('by question: each step sends through its kit with a key; a recovery the server ended starts again, saying why', async () => {
  mockServer.answer = async (name) => {
    if (name === 'recoverQuestionStart')
      return { recoveryId: 'r1', questionId: 'q-mother-name', question: '您母亲的姓名是？' }
    throw new ApiError({ code: 'RECOVERY_EXPIRED', status: 410 })
  }
  await open()
  await tap('recover-question-next')
  expect($('#recover-name-error')?.textContent).toBe('请输入姓名')
  expect($('#recover-captcha-error')?.textContent).toBe('请输入图形验证码')
  expect(mockServer.sent).toEqual([])

  type('recover-name', NAME)
  type('recover-id-number', ID)
  type('recover-captcha', 'ab12')
  await tap('recover-question-next')
  expect(mockServer.sent[0]).toEqual({
    name: 'recoverQuestionStart',
    input: { idType: 'resident-id', name: NAME, idNumber: ID, captchaId: 'c1', captchaCode: 'ab12' },
    key: expect.any(String),
  })
  expect($('#recover-question-text')?.textContent).toBe('您母亲的姓名是？')
  // Past the identify step its draft is done with.
  expect(Taro.getStorageSync('draft.recover')).toBe('')

  await tap('recover-answer-submit')
  expect($('#recover-answer-error')?.textContent).toBe('请输入密码找回问题答案')
  type('recover-answer', '王芳')
  await tap('recover-answer-submit')
  expect(mockServer.sent[1]).toMatchObject({
    name: 'recoverQuestionAnswer',
    input: { recoveryId: 'r1', answer: '王芳' },
    key: expect.any(String),
  })
  // Back to the start with the reason; who they are is still typed.
  expect($('#recover-name')).not.toBeNull()
  expect($('#recover-error')?.textContent).toBe('找回密码的操作已失效，请重新开始')
  expect(valueOf('recover-name')).toBe(NAME)
  expect(JSON.stringify(Taro.getStorageSync('draft.recover'))).not.toContain('王芳')
})

test('by face: failed → the reason and a fresh captcha; cancelled → a message, the form kept; passed → the new password', async () => {
  mockServer.answer = async (name) => {
    if (name === 'recoverFaceStart') return { verifyId: 'v1', expiresAt: '' }
    throw new ApiError({ code: 'FACE_VERIFY_FAILED', status: 403 })
  }
  await open()
  await tap('recover-mode-face')
  type('recover-face-name', NAME)
  type('recover-face-id-number', ID)
  type('recover-face-captcha', 'ab12')
  const captchasBefore = mockServer.captchas
  await tap('recover-face-submit')
  expect(mockServer.sent.map((s) => s.name)).toEqual(['recoverFaceStart', 'recoverFaceFinish'])
  expect(mockServer.sent[0].input).toMatchObject({ name: NAME, idNumber: ID, platform: 'h5', captchaCode: 'ab12' })
  expect($('#recover-face-failed-reason')?.textContent).toBe('人脸识别未通过，请重试')
  expect($('#recover-error')).toBeNull()
  expect(mockServer.captchas).toBe(captchasBefore + 1)
  expect(valueOf('recover-face-id-number')).toBe(ID)
  expect($('#recover-face-submit')?.textContent).toBe('重新人脸识别')

  mockServer.screen = 'cancel'
  type('recover-face-captcha', 'cd34')
  await tap('recover-face-submit')
  expect($('#recover-error')?.textContent).toContain('取消')
  expect($('#recover-face-failed')).toBeNull()
  expect(valueOf('recover-face-name')).toBe(NAME)
  // Each try is a new action with a new captcha: a new key.
  expect(mockServer.sent[2].key).not.toBe(mockServer.sent[0].key)

  mockServer.screen = 'finished'
  mockServer.answer = async (name) =>
    name === 'recoverFaceStart' ? { verifyId: 'v2', expiresAt: '' } : { resetToken: 't1', expiresAt: '' }
  type('recover-face-captcha', 'ef56')
  await tap('recover-face-submit')
  expect($('#recover-verified')).not.toBeNull()
  expect($('#recover-error')).toBeNull()
})
