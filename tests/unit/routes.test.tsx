/**
 * @jest-environment jsdom
 */
import { render } from '@testing-library/react'
import { setSessionToken } from '../../src/api'
import { go, parentOfCurrent, routeOf, routes, urlOf } from '../../src/routes'
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

let pages: { route: string; options?: Record<string, string>; $taroParams?: Record<string, unknown> }[] = []
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
      '/packages/application/work-info/index?id=A1',
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

/** What Taro's H5 router gives for a page opened from the address bar, reloaded or relaunched: no `options`. */
function h5StackOf(...urls: string[]) {
  return urls.map((url) => {
    const [route, query] = url.split('?')
    const params = Object.fromEntries(new URLSearchParams(query ?? ''))
    return { route: route.slice(1), $taroParams: { ...params, stamp: '3', $taroTimestamp: 1764950000000 } }
  })
}

describe('a page opened with nothing behind it (issue 21)', () => {
  test('go.back goes to the page below when there is one', async () => {
    const back = jest.spyOn(Taro, 'navigateBack')
    const redirect = jest.spyOn(Taro, 'redirectTo')
    pages = stackOf('/packages/process/tracker/index?id=A1', '/packages/process/pay/index?id=A1')
    await go.back()
    expect(back).toHaveBeenCalledTimes(1)
    expect(redirect).not.toHaveBeenCalled()
  })

  test.each([
    ['/packages/process/materials/index?id=A1', '/packages/process/tracker/index?id=A1'],
    ['/packages/process/pay/index?id=A1', '/packages/process/tracker/index?id=A1'],
    ['/packages/process/tracker/index?id=A1', '/packages/application/index'],
    ['/packages/application/basic/index?id=A1', '/packages/application/index'],
    ['/packages/application/form/index?id=A1', '/packages/process/tracker/index?id=A1'],
    ['/packages/profile/record-form/index?kind=degree', '/packages/profile/records/index?kind=degree'],
    ['/packages/profile/records/index?kind=education', '/pages/hub/index'],
    ['/packages/results/certificate/index', '/packages/results/scores/index'],
    ['/pages/hub/index', '/pages/hub/index'],
  ])('alone, %s goes back to its parent %s (mini-program and H5 stacks)', async (page, parent) => {
    const back = jest.spyOn(Taro, 'navigateBack')
    const redirect = jest.spyOn(Taro, 'redirectTo')
    for (const make of [stackOf, h5StackOf]) {
      redirect.mockClear()
      pages = make(page)
      await go.back()
      expect(redirect).toHaveBeenCalledWith({ url: parent })
    }
    expect(back).not.toHaveBeenCalled()
  })

  test("every page but the hub and login has a parent, and the parent's query is the page's own", () => {
    for (const name of Object.keys(routes) as (keyof typeof routes)[]) {
      if (name === 'hub' || name === 'login') continue
      pages = stackOf(`${routes[name].path}?id=Z9&kind=degree&examId=E1&doc=service`)
      const parent = parentOfCurrent()
      expect([name, parent.route.path]).not.toEqual([name, routes[name].path])
      if (parent.query?.id) expect(parent.query.id).toBe('Z9')
    }
  })
})

describe('the query is kept through a login (issue 21)', () => {
  test('an H5 page opened directly keeps its query in the way back (Taro gives it in $taroParams only)', async () => {
    pages = h5StackOf('/packages/application/basic/index?id=A7')
    setSessionToken('t')
    installSessionExpiry()
    notifySessionExpired()
    expect(Taro.getStorageSync('session.returnTo')).toEqual(['/packages/application/basic/index?id=A7'])
    shown.navigations.length = 0
    await goAfterLogin()
    expect(shown.navigations).toEqual(['/packages/application/basic/index?id=A7'])
  })

  test('a wizard step on a mini-program keeps it too, with the pages below', async () => {
    pages = stackOf('/pages/hub/index', '/packages/application/work-info/index?id=A8')
    requireLogin()
    shown.navigations.length = 0
    await goAfterLogin()
    expect(shown.navigations).toEqual(['/pages/hub/index', '/packages/application/work-info/index?id=A8'])
  })
})
