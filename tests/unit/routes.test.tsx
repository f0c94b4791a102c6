/**
 * @jest-environment jsdom
 */
import { render } from '@testing-library/react'
import { setSessionToken } from '../../src/api'
import { go, routeOf, routes, urlOf } from '../../src/routes'
import { goAfterLogin, installSessionExpiry, requireLogin, useRequireSession } from '../../src/stores/session'
import { notifySessionExpired } from '../../src/api/session-token'
import Taro, { resetTaroStub, shown } from '../support/taro-node'

/** Typed routes (issue 10, item 4): one list of pages, one guard, and the way back after login. */

/** What getCurrentPages() gives in a mini-program: routes without the leading slash, options as strings. */
function stackOf(...urls: string[]) {
  return urls.map((url) => {
    const [route, query] = url.split('?')
    return { route: route.slice(1), options: Object.fromEntries(new URLSearchParams(query ?? '')) }
  })
}

let pages: ReturnType<typeof stackOf> = []
beforeEach(() => {
  resetTaroStub()
  setSessionToken(null)
  pages = []
  jest.spyOn(Taro, 'getCurrentPages').mockImplementation(() => pages)
})
afterEach(() => jest.restoreAllMocks())

describe('routes', () => {
  test('a URL carries its typed query, encoded; routes without a query take none', () => {
    expect(urlOf(routes.profileRecords, { kind: 'degree' })).toBe('/packages/profile/records/index?kind=degree')
    expect(urlOf(routes.hub)).toBe('/pages/hub/index')
    expect(urlOf(routes.login, {})).toBe('/pages/login/index')
    expect(urlOf(routes.login, { expired: '1' })).toBe('/pages/login/index?expired=1')
    // @ts-expect-error the records page needs its kind
    expect(() => urlOf(routes.profileRecords)).not.toThrow()
  })

  test('go.to never stacks an 11th page: at the limit the page replaces this one (WeChat refuses navigateTo there)', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo')
    const redirect = jest.spyOn(Taro, 'redirectTo')
    pages = stackOf(...Array.from({ length: 9 }, () => '/pages/hub/index'))
    await go.to(routes.hub)
    expect(navigate).toHaveBeenCalledTimes(1)
    pages = stackOf(...Array.from({ length: 10 }, () => '/pages/hub/index'))
    await go.to(routes.profileBasic)
    expect(navigate).toHaveBeenCalledTimes(1)
    expect(redirect).toHaveBeenCalledWith({ url: '/packages/profile/basic/index' })
  })

  test('go.backTo returns to the page of that route and query below, else replaces this page', async () => {
    const back = jest.spyOn(Taro, 'navigateBack')
    const redirect = jest.spyOn(Taro, 'redirectTo')
    pages = stackOf(
      '/pages/hub/index',
      '/packages/application/education/index?id=A2',
      '/packages/application/education/index?id=A1',
      '/packages/application/work/index?id=A1',
      '/packages/application/review/index?id=A1',
    )
    await go.backTo(routes.applyEducation, { id: 'A1' })
    expect(back).toHaveBeenCalledWith({ delta: 2 })
    await go.backTo(routes.applyBasic, { id: 'A1' })
    expect(redirect).toHaveBeenCalledWith({ url: '/packages/application/basic/index?id=A1' })
    // The page itself is not "below": a 修改 of this very page replaces it.
    await go.backTo(routes.applyReview, { id: 'A1' })
    expect(redirect).toHaveBeenLastCalledWith({ url: '/packages/application/review/index?id=A1' })
    expect(back).toHaveBeenCalledTimes(1)
  })

  test('a URL is traced back to its route, with or without the leading slash and query', () => {
    expect(routeOf('/pages/account-cancel/index')).toBe('accountCancel')
    expect(routeOf('packages/profile/records/index?kind=education')).toBe('profileRecords')
    expect(routeOf('/pages/nowhere/index')).toBeNull()
  })

  test('routes.ts and app.config.ts list the same pages', () => {
    ;(globalThis as { defineAppConfig?: unknown }).defineAppConfig = (c: unknown) => c
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require('../../src/app.config').default as {
      pages: string[]
      subPackages: { root: string; pages: string[] }[]
    }
    const built = [
      ...config.pages.map((p) => `/${p}`),
      ...config.subPackages.flatMap((s) => s.pages.map((p) => `/${s.root}/${p}`)),
    ].sort()
    const listed = Object.values(routes)
      .map((r) => r.path)
      .sort()
    expect(listed).toEqual(built)
  })

  test('go.* navigate by route', async () => {
    await go.to(routes.agreement, { doc: 'privacy' })
    await go.replace(routes.recover)
    await go.restart(routes.hub)
    expect(shown.navigations).toEqual([
      '/pages/agreement/index?doc=privacy',
      '/pages/recover/index',
      '/pages/hub/index',
    ])
  })
})

describe('useRequireSession', () => {
  function Guarded() {
    const ok = useRequireSession()
    return <span>{ok ? 'in' : 'out'}</span>
  }

  test('without a session the page sends the candidate to login, remembering the stack', () => {
    pages = stackOf('/pages/hub/index', '/packages/profile/records/index?kind=degree')
    const { container } = render(<Guarded />)
    expect(container.textContent).toBe('out')
    expect(shown.navigations).toEqual(['/pages/login/index'])
    expect(Taro.getStorageSync('session.returnTo')).toEqual([
      '/pages/hub/index',
      '/packages/profile/records/index?kind=degree',
    ])
  })

  test('with a session nothing happens', () => {
    setSessionToken('t')
    const { container } = render(<Guarded />)
    expect(container.textContent).toBe('in')
    expect(shown.navigations).toEqual([])
  })
})

describe('back after login', () => {
  test('the remembered stack is rebuilt: the bottom page afresh, the others opened on top, so back works', async () => {
    pages = stackOf('/pages/hub/index', '/packages/profile/basic/index', '/pages/account-cancel/index')
    setSessionToken('t')
    installSessionExpiry()
    notifySessionExpired()
    expect(shown.navigations).toEqual(['/pages/login/index?expired=1'])
    shown.navigations.length = 0
    await goAfterLogin()
    expect(shown.navigations).toEqual([
      '/pages/hub/index',
      '/packages/profile/basic/index',
      '/pages/account-cancel/index',
    ])
  })

  test('the login pages are never part of the way back', async () => {
    pages = stackOf('/pages/login/index', '/pages/register/index')
    requireLogin()
    expect(Taro.getStorageSync('session.returnTo')).toBe('')
    shown.navigations.length = 0
    await goAfterLogin()
    expect(shown.navigations).toEqual(['/pages/hub/index'])
  })
})
