/**
 * @jest-environment jsdom
 */
import { act, renderHook } from '@testing-library/react'
import * as v from 'valibot'
import { RegisterForm } from '../../types/account'
import { ApiError } from '../../src/api'
import { FormRefusal, useForm } from '../../src/forms/use-form'
import { dateColumns, dateFromIndexes, dateIndexes } from '../../src/components/picker-select'
import Taro, { resetTaroStub } from '../support/taro-node'

/** The form kit (issue 10, item 6): schema-bound values, Chinese errors, the draft, idempotent submission. */
const EMPTY = {
  username: '',
  password: '',
  passwordConfirm: '',
  name: '',
  idType: 'resident-id' as const,
  idNumber: '',
  questionId: '' as const,
  answer: '',
  captchaId: '',
  captchaCode: '',
}
const NEVER = ['password', 'passwordConfirm', 'captchaId', 'captchaCode'] as const

const registerForm = () =>
  renderHook(() => useForm({ schema: RegisterForm, initial: EMPTY, draft: { key: 'kit-test', never: NEVER } }))

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))

beforeEach(() => resetTaroStub())

test('the values are kept as a draft on the device, never the passwords or the captcha answer', async () => {
  const { result, unmount } = registerForm()
  act(() => {
    result.current.set('username', 'wangyue')
    result.current.set('password', 'Secret#2026')
    result.current.patch({ captchaId: 'c1', captchaCode: 'abcd' })
  })
  await act(() => wait(350))
  expect(Taro.getStorageSync('draft.kit-test')).toMatchObject({ username: 'wangyue' })
  expect(JSON.stringify(Taro.getStorageSync('draft.kit-test'))).not.toMatch(/Secret|abcd/)
  unmount()
  // A new visit (or a restarted app) finds what was typed, without the secrets.
  const again = registerForm()
  expect(again.result.current.values).toMatchObject({ username: 'wangyue', password: '', captchaCode: '' })
})

test('check() shows one Chinese message per field from the contract schema; typing clears that field’s', () => {
  const { result } = registerForm()
  let ok = true
  act(() => {
    ok = result.current.check().ok
  })
  expect(ok).toBe(false)
  expect(result.current.errors.username).toMatch(/[\u4e00-\u9fff]/)
  expect(result.current.errors.password).toMatch(/[\u4e00-\u9fff]/)
  act(() => result.current.set('username', 'wangyue'))
  expect(result.current.errors.username).toBeUndefined()
  expect(result.current.errors.password).toBeTruthy()
  // A new captcha is not a correction: its error stays.
  act(() => result.current.setErrors({ captchaCode: '验证码错误' }))
  act(() => result.current.patch({ captchaId: 'c2', captchaCode: '' }, { keepErrors: true }))
  expect(result.current.errors.captchaCode).toBe('验证码错误')
})

test('field(key) binds one field: its value, a setter that clears its error, its error', () => {
  const { result } = registerForm()
  act(() => void result.current.check())
  expect(result.current.field('username').error).toMatch(/[\u4e00-\u9fff]/)
  act(() => result.current.field('username').onChange('wangyue'))
  expect(result.current.field('username')).toEqual({
    value: 'wangyue',
    onChange: expect.any(Function),
    error: undefined,
  })
  expect(result.current.values.username).toBe('wangyue')
  expect(result.current.field('password').error).toBeTruthy()
})

const Login = v.object({ username: v.pipe(v.string(), v.minLength(1, '请输入用户名')) })

test('submit sends the checked value with one idempotency key: kept for a lost answer, new after a refusal', async () => {
  const { result } = renderHook(() => useForm({ schema: Login, initial: { username: 'u1' } }))
  const keys: string[] = []
  const fail = (err: unknown) => async (_v: unknown, key: string) => {
    keys.push(key)
    throw err
  }
  await act(() => result.current.submit(fail(new ApiError({ code: 'NETWORK_ERROR', status: 0 }))))
  await act(() => result.current.submit(fail(new ApiError({ code: 'NETWORK_ERROR', status: 0 }))))
  expect(keys[0]).toBe(keys[1])
  expect(result.current.formError).toBe('网络连接失败，请检查网络后重试')

  const refused = new ApiError({ code: 'VALIDATION_FAILED', status: 400, fields: { username: '用户名已被使用' } })
  await act(() => result.current.submit(fail(refused)))
  expect(result.current.errors.username).toBe('用户名已被使用')
  let sent: unknown = null
  await act(async () => {
    await result.current.submit(async (value, key) => {
      keys.push(key)
      sent = value
    })
  })
  expect(keys[3]).not.toBe(keys[2])
  expect(sent).toEqual({ username: 'u1' })
  expect(result.current.submitting).toBe(false)
})

test('nothing is sent when the values do not pass; the server’s field errors can be left unmarked', async () => {
  const { result } = renderHook(() => useForm({ schema: Login, initial: { username: '' } }))
  const send = jest.fn(async () => undefined)
  await act(() => result.current.submit(send))
  expect(send).not.toHaveBeenCalled()
  expect(result.current.errors.username).toBe('请输入用户名')
  act(() => result.current.set('username', 'u'))
  const wrong = new ApiError({ code: 'INVALID_CREDENTIALS', status: 401, fields: { username: 'x' } })
  const onError = jest.fn()
  await act(() =>
    result.current.submit(
      async () => {
        throw wrong
      },
      { showFieldErrors: (err) => err.code !== 'INVALID_CREDENTIALS', onError },
    ),
  )
  expect(result.current.errors).toEqual({})
  expect(onError).toHaveBeenCalledWith(wrong)
})

test('a successful submission forgets the draft', async () => {
  const { result } = renderHook(() =>
    useForm({ schema: Login, initial: { username: '' }, draft: { key: 'kit-login' } }),
  )
  act(() => result.current.set('username', 'u'))
  await act(() => wait(350))
  expect(Taro.getStorageSync('draft.kit-login')).toEqual({ username: 'u' })
  await act(() => result.current.submit(async () => 'ok'))
  expect(Taro.getStorageSync('draft.kit-login')).toBe('')
})

test('a FormRefusal (an outcome, not an ApiError: a failed face attempt) shows its message and fields, keeps the draft, takes a new key', async () => {
  const { result } = renderHook(() =>
    useForm({ schema: Login, initial: { username: '' }, draft: { key: 'kit-face', never: [] } }),
  )
  act(() => result.current.set('username', 'u'))
  await act(() => wait(350))
  const keys: string[] = []
  const onError = jest.fn()
  const refuse = (err: FormRefusal) => async (_v: unknown, key: string) => {
    keys.push(key)
    throw err
  }
  const cancelled = new FormRefusal('您已取消人脸识别', { username: '请核对' })
  let answer: unknown = 'unset'
  await act(async () => {
    answer = await result.current.submit(refuse(cancelled), { onError })
  })
  expect(answer).toBeNull()
  expect(result.current.formError).toBe('您已取消人脸识别')
  expect(result.current.errors).toEqual({ username: '请核对' })
  expect(onError).toHaveBeenCalledWith(cancelled)
  expect(Taro.getStorageSync('draft.kit-face')).toEqual({ username: 'u' })
  // The page shows the outcome its own way (the failed-face notice): nothing above the button, no field marked.
  await act(() => result.current.submit(refuse(new FormRefusal(null))))
  expect(result.current.formError).toBeNull()
  expect(result.current.errors).toEqual({})
  expect(result.current.submitting).toBe(false)
  expect(keys[1]).not.toBe(keys[0])
  expect(Taro.getStorageSync('draft.kit-face')).toEqual({ username: 'u' })
})

describe('the date columns (every platform has multiSelector; mode=date is WeChat and H5 only)', () => {
  const columns = dateColumns('1950-01-01', '2026-11-30')
  test('years from start to end, 12 months, 31 days', () => {
    expect(columns.labels[0][0]).toBe('1950年')
    expect(columns.labels[0].at(-1)).toBe('2026年')
    expect(columns.labels[1]).toHaveLength(12)
    expect(columns.labels[2]).toHaveLength(31)
  })
  test('a date and its indexes go both ways', () => {
    expect(dateIndexes('2020-07-01', columns)).toEqual([70, 6, 0])
    expect(dateFromIndexes([70, 6, 0], columns, '1950-01-01', '2026-11-30')).toBe('2020-07-01')
  })
  test('a day past the month’s end is the last day; a date past the end is the end', () => {
    expect(dateFromIndexes([70, 1, 30], columns, '1950-01-01', '2026-11-30')).toBe('2020-02-29')
    expect(dateFromIndexes([71, 1, 30], columns, '1950-01-01', '2026-11-30')).toBe('2021-02-28')
    expect(dateFromIndexes([76, 11, 30], columns, '1950-01-01', '2026-11-30')).toBe('2026-11-30')
  })
})

test('a check or submit that runs before React renders the last change reads that change (patch, set, reset)', async () => {
  const { result } = registerForm()
  const filled = {
    username: 'wangyue',
    password: 'Secret#2026',
    passwordConfirm: 'Secret#2026',
    name: '王玥',
    idNumber: '11010519491231002X',
    questionId: 'q-birthplace' as '',
    answer: '杭州',
    captchaId: 'c1',
  } as const
  let errors: Record<string, string> = {}
  // One handler (a scanner filling the form, then the candidate's last keystroke, then 提交): no render in between.
  act(() => {
    result.current.patch(filled)
    result.current.set('captchaCode', 'abcd')
    errors = result.current.check().errors
  })
  expect(errors).toEqual({})
  let sent: unknown = null
  await act(async () => {
    result.current.set('answer', '宁波')
    await result.current.submit(async (value) => (sent = value))
  })
  expect(sent).toMatchObject({ username: 'wangyue', answer: '宁波', captchaCode: 'abcd' })
  act(() => {
    result.current.reset()
    errors = result.current.check().errors
  })
  expect(errors.username).toBeTruthy()
})
