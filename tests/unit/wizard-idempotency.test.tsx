/**
 * @jest-environment jsdom
 */
import { act, renderHook } from '@testing-library/react'
import { IDEMPOTENCY_HEADER } from '../../types/api'
import { ContactStep, type ApplicationView } from '../../types/application'
import { useForm } from '../../src/forms/use-form'
import { saveStep } from '../../src/packages/application/step-submit'
import { useApplication } from '../../src/stores/application'
import Taro, { resetTaroStub, shown } from '../support/taro-node'
import { FILLED } from '../support/application-fixture'

/**
 * A wizard step's save keeps the form kit's idempotency key across retries of the same submission (docs/architecture.md:
 * "the same key on every resubmission of the same form filling"): a tap whose answer was lost (the client's own
 * retries used up) and the candidate's second tap send one key, so the server saves the step once (one new version,
 * not two); a refused or successful submission takes a new key for the next. The check is on the wire: the header
 * each request carried, through the page's saveStep, the store and the client.
 */
const SAVED = { id: 'a1', province: '11', version: 2 } as unknown as ApplicationView
const keys: string[] = []
let answer: 'lost' | 'saved' | 'refused' = 'lost'

beforeEach(() => {
  resetTaroStub()
  keys.length = 0
  jest.useFakeTimers()
  jest.spyOn(Taro, 'request').mockImplementation(async (options) => {
    keys.push(options.header?.[IDEMPOTENCY_HEADER] ?? 'none')
    if (answer === 'lost') throw { errMsg: 'request:fail timeout' }
    if (answer === 'refused')
      return {
        statusCode: 400,
        header: {},
        data: JSON.stringify({
          error: { code: 'VALIDATION_FAILED', message: '请按提示修改', fields: { mobile: '手机号码应为11位' } },
        }),
      }
    return { statusCode: 200, header: {}, data: JSON.stringify(SAVED) }
  })
})
afterEach(() => {
  jest.useRealTimers()
  jest.restoreAllMocks()
})

const contactForm = () => renderHook(() => useForm({ schema: ContactStep, initial: FILLED.contact })).result

/** One tap of 提交 on the 联系方式 step, the client's retries (with their backoff) run through on fake time. */
async function tap(form: ReturnType<typeof contactForm>) {
  await act(async () => {
    const done = saveStep(form.current, 'contact', 'a1', () => ({}))
    await jest.advanceTimersByTimeAsync(120_000)
    await done
  })
}

test('a retried step sends the key of the lost submission; the next filling a new one', async () => {
  const result = contactForm()

  answer = 'lost'
  await tap(result)
  expect(result.current.formError).toBe('网络请求超时，请稍后重试')
  const lost = keys.length
  expect(lost).toBeGreaterThan(1) // the client retried on its own, with the same key
  expect(new Set(keys).size).toBe(1)

  // The candidate taps 提交 again: the same submission, the same key; this time the answer arrives.
  answer = 'saved'
  await tap(result)
  expect(keys.length).toBe(lost + 1)
  expect(new Set(keys).size).toBe(1)
  expect(useApplication.getState().view).toEqual(SAVED)
  expect(shown.navigations).toEqual(['/packages/application/exam-info/index?id=a1'])

  // Saved: a later filling of the step is a new action with a new key.
  await tap(result)
  expect(new Set(keys).size).toBe(2)
})

test('a refused save is corrected and sent again as a new request, with a new key', async () => {
  const result = contactForm()
  answer = 'refused'
  await tap(result)
  expect(result.current.errors.mobile).toBe('手机号码应为11位')
  answer = 'saved'
  await tap(result)
  expect(keys).toHaveLength(2)
  expect(keys[0]).not.toBe(keys[1])
})
