/**
 * @jest-environment jsdom
 */
import { act, renderHook } from '@testing-library/react'
import { setApiBase, setSessionToken } from '../../src/api'
import { clearAllDrafts, readDraft, useDraft, writeDraft } from '../../src/stores/drafts'
import { rememberReturnTo, useSession } from '../../src/stores/session'
import Taro, { resetTaroStub } from '../support/taro-node'

/** Drafts survive an expired session but not a logout or a cancellation (issue 11). */
describe('drafts on the device', () => {
  beforeEach(() => {
    resetTaroStub()
    setSessionToken(null)
    writeDraft('register', { name: '张三' })
    writeDraft('record-form.education', { school: '首都医科大学' })
    rememberReturnTo('/packages/profile/record-form/index?kind=education')
    Taro.setStorageSync('settings.largeFont', true)
  })

  const draftsLeft = () => [readDraft('register'), readDraft('record-form.education')].filter(Boolean)

  test('an expired session keeps every draft and the page to return to', () => {
    useSession.getState().clear()
    expect(draftsLeft()).toHaveLength(2)
    expect(Taro.getStorageSync('session.returnTo')).toBeTruthy()
  })

  test('logout clears the token, every draft and the page to return to; settings stay', async () => {
    setSessionToken('t-1')
    setApiBase('http://127.0.0.1:9')
    // No server here: the logout call fails, the device is cleared anyway.
    await useSession.getState().signOut()
    expect(Taro.getStorageSync('session.token')).toBe('')
    expect(draftsLeft()).toEqual([])
    expect(Taro.getStorageSync('session.returnTo')).toBe('')
    expect(Taro.getStorageSync('settings.largeFont')).toBe(true)
  })

  test('cancellation forgets the session and every draft', () => {
    setSessionToken('t-2')
    useSession.getState().forgetAccount()
    expect(Taro.getStorageSync('session.token')).toBe('')
    expect(draftsLeft()).toEqual([])
  })

  test('a form still open when drafts are cleared does not write its draft back', () => {
    const { result, unmount } = renderHook(() => useDraft('register', { name: '' }))
    expect(result.current[0].name).toBe('张三')
    act(() => result.current[1]({ name: '李四' }))
    clearAllDrafts()
    unmount()
    expect(readDraft('register')).toBeNull()
  })
})
