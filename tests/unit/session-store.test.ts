import { setSessionToken } from '../../src/api'
import { clearDraft, readDraft } from '../../src/stores/drafts'
import { useProfile } from '../../src/stores/profile'
import { useResults } from '../../src/stores/results'
import { useScan } from '../../src/stores/scan'
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

  test('what the stores hold in memory follows the candidate: kept through an expired session, gone for the next one', () => {
    const signIn = (username: string) =>
      useSession.getState().signIn({
        token: `t-${username}`,
        expiresAt: new Date().toISOString(),
        account: {
          username,
          name: '何雨桐',
          idType: 'resident-id',
          idNumberMasked: '3101**********0426',
          createdAt: '',
        },
      })
    const hold = () => {
      useProfile.getState().setDraft('degree', { school: '复旦大学', certificateNo: '1024620180001' })
      useProfile.setState({ records: { education: [], degree: [] } })
      useResults.setState({ scores: { years: [] } as never })
      useScan.setState({ outcome: { education: null, degree: { marked: ['school'] } as never } })
    }
    signIn('first')
    hold()
    // Expired: the half-typed degree stays (memory and device) for the same candidate to finish.
    useSession.getState().clear()
    expect(useProfile.getState().drafts.degree.school).toBe('复旦大学')
    expect(useProfile.getState().records.degree).toBeNull()
    expect(useResults.getState().scores).toBeNull()
    expect(useScan.getState().outcome.degree).toBeNull()
    signIn('first')
    expect(useProfile.getState().drafts.degree.school).toBe('复旦大学')

    // Expired again, and someone else logs in on this phone: the form they open is empty.
    useSession.getState().clear()
    signIn('second')
    expect(useProfile.getState().drafts.degree.school).toBe('')

    // A switch without a logout in between (a login over a live session) forgets too.
    hold()
    signIn('third')
    expect(useProfile.getState().drafts.degree.school).toBe('')
    expect(useProfile.getState().records.degree).toBeNull()
    expect(useResults.getState().scores).toBeNull()
    expect(useScan.getState().outcome.degree).toBeNull()

    // Logging out leaves nothing either.
    hold()
    // (no server call: the token is gone already, so signOut runs through at once)
    setSessionToken(null)
    void useSession.getState().signOut()
    expect(useProfile.getState().drafts.degree.school).toBe('')
    expect(useResults.getState().scores).toBeNull()
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
