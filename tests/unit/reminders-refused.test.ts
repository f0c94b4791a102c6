/**
 * Baidu's 500101 (issue 19): the candidate chose in Baidu's panel never to be asked again. After that answer the app
 * offers no subscription on Baidu (kept on the device, per candidate) and says so; another candidate on the same
 * phone is still offered it.
 */
import type { SubscribeResult } from '../../src/platform/types'

let mockAnswer: SubscribeResult
const mockAsked: string[][] = []
jest.mock('../../src/platform/platform', () => ({
  platform: {
    name: 'swan',
    capabilities: { subscribeMessages: true, subscribeForm: true },
    requestSubscribe: async (ids: string[]) => {
      mockAsked.push(ids)
      return mockAnswer
    },
  },
}))

// Imported after the mock so the store sees the mocked platform.
import { subscribeResultOfSwanForm } from '../../src/platform/subscribe'
import {
  REFUSED_FOR_GOOD_KEY,
  REFUSED_FOR_GOOD_TEXT,
  recordSubscription,
  refusedForGood,
  subscribeWords,
  useReminders,
} from '../../src/stores/reminders'
import { useSession } from '../../src/stores/session'
import Taro, { resetTaroStub } from '../support/taro-node'

const account = (username: string) => ({
  username,
  name: '张三',
  idType: 'resident' as never,
  idNumberMasked: '1101**********0011',
  createdAt: '2026-01-01T00:00:00Z',
})
const logIn = (username: string) => useSession.setState({ account: account(username), loggedIn: true })
const ids = ['T1', 'T2']

beforeEach(() => {
  resetTaroStub()
  mockAsked.length = 0
  useSession.setState({ account: null, loggedIn: false })
  useReminders.setState({ templates: { apply: ids, process: ids, ticket: ids } as never, refused: false })
  logIn('cand-a')
})

describe('Baidu: refused for good (500101)', () => {
  test('the answer is kept for this candidate: the next ask asks Baidu nothing and records nothing', async () => {
    mockAnswer = subscribeResultOfSwanForm(ids, { formId: '', status: 500101, message: '用户拒绝' })
    const first = await useReminders.getState().ask('process')
    expect(first).toMatchObject({ outcome: 'reject', failure: null, code: 500101 })
    expect(subscribeWords(first)).toEqual({ ok: false, text: REFUSED_FOR_GOOD_TEXT, settings: false })
    expect(useReminders.getState().refused).toBe(true)
    expect(Taro.getStorageSync(REFUSED_FOR_GOOD_KEY)).toEqual(['cand-a'])
    expect(refusedForGood()).toBe(true)

    const again = await useReminders.getState().ask('ticket')
    expect(mockAsked).toHaveLength(1)
    expect(again).toMatchObject({ failure: 'refused-for-good', code: 500101 })
    expect(subscribeWords(again).text).toBe(REFUSED_FOR_GOOD_TEXT)
    // Nothing was asked: nothing to record (no server call is made; it would fail here, with no server).
    await expect(recordSubscription('ticket', again)).resolves.toBeUndefined()
  })

  test('after a restart the device still knows (load reads the storage); another candidate is offered it', async () => {
    Taro.setStorageSync(REFUSED_FOR_GOOD_KEY, ['cand-a'])
    await useReminders.getState().load()
    expect(useReminders.getState().refused).toBe(true)

    logIn('cand-b')
    // The candidate changed: the flag is dropped, and this candidate's own answer (none) decides on the next show.
    expect(useReminders.getState().refused).toBe(false)
    await useReminders.getState().load()
    expect(useReminders.getState().refused).toBe(false)
    mockAnswer = subscribeResultOfSwanForm(ids, { formId: 'f1', subscribeId: 's1' })
    await expect(useReminders.getState().ask('process')).resolves.toMatchObject({ outcome: 'accept' })
    expect(mockAsked).toHaveLength(1)
  })

  test('refused this once (500102) or the panel closed (500103): asked again next time', async () => {
    for (const status of [500102, 500103]) {
      mockAnswer = subscribeResultOfSwanForm(ids, { formId: '', status })
      await useReminders.getState().ask('process')
      expect(useReminders.getState().refused).toBe(false)
    }
    expect(mockAsked).toHaveLength(2)
    expect(Taro.getStorageSync(REFUSED_FOR_GOOD_KEY)).toBe('')
  })
})
