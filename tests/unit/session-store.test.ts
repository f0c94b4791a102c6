import { setSessionToken } from '../../src/api'
import { clearDraft, readDraft } from '../../src/stores/drafts'
import { goAfterLogin, leavePage, rememberReturnTo, takePageAboveHub, useSession } from '../../src/stores/session'
import Taro, { resetTaroStub, shown } from '../support/taro-node'

describe('session store and return-to-page', () => {
  beforeEach(() => {
    resetTaroStub()
    setSessionToken(null)
  })

  test('signIn keeps the token in storage; clear forgets it', () => {
    useSession.getState().signIn({
      token: 't1',
      expiresAt: new Date().toISOString(),
      account: {
        username: 'u',
        name: '张三',
        idType: 'resident-id',
        idNumberMasked: '1101**********002X',
        createdAt: '',
      },
    })
    expect(Taro.getStorageSync('session.token')).toBe('t1')
    expect(useSession.getState().account?.name).toBe('张三')
    useSession.getState().clear()
    expect(Taro.getStorageSync('session.token')).toBe('')
    expect(useSession.getState().loggedIn).toBe(false)
  })

  test('after login the candidate goes back to the remembered page above the hub, once; otherwise to the hub', async () => {
    rememberReturnTo('/pages/account-cancel/index?x=1')
    await goAfterLogin()
    expect(takePageAboveHub()).toBe('/pages/account-cancel/index?x=1')
    await goAfterLogin()
    expect(takePageAboveHub()).toBeNull()
    expect(shown.navigations).toEqual(['/pages/hub/index', '/pages/hub/index'])
  })

  test('a record form is reopened above the hub; saving then replaces it with its list', async () => {
    rememberReturnTo('/packages/profile/record-form/index?kind=degree')
    await goAfterLogin()
    expect(shown.navigations).toEqual(['/pages/hub/index'])
    expect(takePageAboveHub()).toBe('/packages/profile/record-form/index?kind=degree')
    leavePage('/packages/profile/records/index?kind=degree')
    expect(shown.navigations.at(-1)).toBe('/packages/profile/records/index?kind=degree')
  })

  test('the login page itself is never remembered', async () => {
    rememberReturnTo('/pages/login/index?expired=1')
    await goAfterLogin()
    expect(shown.navigations).toEqual(['/pages/hub/index'])
  })

  test('drafts are read from storage by page key and cleared', () => {
    Taro.setStorageSync('draft.register', { username: 'abc' })
    expect(readDraft<{ username: string }>('register')).toEqual({ username: 'abc' })
    clearDraft('register')
    expect(readDraft('register')).toBeNull()
  })
})
