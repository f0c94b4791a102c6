import { setSessionToken } from '../../src/api'
import { clearDraft, readDraft } from '../../src/stores/drafts'
import { goAfterLogin, rememberReturnTo, useSession } from '../../src/stores/session'
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

  test('after login the candidate goes back to the remembered page, once; otherwise to the hub', () => {
    rememberReturnTo('/pages/account-cancel/index?x=1')
    goAfterLogin()
    goAfterLogin()
    expect(shown.navigations).toEqual(['/pages/account-cancel/index?x=1', '/pages/hub/index'])
  })

  test('another candidate logging in on this device finds neither the drafts nor the pages of the one before', () => {
    const signIn = (username: string) =>
      useSession.getState().signIn({
        token: `t-${username}`,
        expiresAt: new Date().toISOString(),
        account: { username, name: '张三', idType: 'resident-id', idNumberMasked: '1101**********002X', createdAt: '' },
      })
    signIn('first')
    // The first candidate's session expires on a form: the draft and the page stay for them.
    Taro.setStorageSync('draft.record.education', { school: '协和' })
    rememberReturnTo('/packages/profile/record-form/index?kind=education')
    useSession.getState().clear()
    signIn('first')
    expect(readDraft('record.education')).toEqual({ school: '协和' })
    goAfterLogin()
    expect(shown.navigations).toEqual(['/packages/profile/record-form/index?kind=education'])

    // They leave it again; someone else logs in here: nothing of theirs is shown.
    rememberReturnTo('/packages/profile/record-form/index?kind=education')
    useSession.getState().clear()
    signIn('second')
    expect(readDraft('record.education')).toBeNull()
    goAfterLogin()
    expect(shown.navigations.at(-1)).toBe('/pages/hub/index')
  })

  test('the login page itself is never remembered', () => {
    rememberReturnTo('/pages/login/index?expired=1')
    goAfterLogin()
    expect(shown.navigations).toEqual(['/pages/hub/index'])
  })

  test('drafts are read from storage by page key and cleared', () => {
    Taro.setStorageSync('draft.register', { username: 'abc' })
    expect(readDraft<{ username: string }>('register')).toEqual({ username: 'abc' })
    clearDraft('register')
    expect(readDraft('register')).toBeNull()
  })
})
