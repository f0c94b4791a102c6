import Taro, { useRouter } from '@tarojs/taro'
import type { RecordKind } from '@contract/states'

/**
 * Every page of the app, its URL and its typed query, in one place: pages navigate with `go.to(routes.x, query)`
 * and read their query with `useQuery(routes.x)`, never with URL strings (ESLint forbids them in pages).
 * app.config.ts lists the same pages for the build (a unit test keeps the two in step).
 */
export interface Route<Q extends Query = Record<never, string>> {
  readonly path: string
  /** Only carries the query's type. */
  readonly __query?: Q
}
type Query = Record<string, string | undefined>

function route<Q extends Query = Record<never, string>>(path: string): Route<Q> {
  return { path }
}

export const routes = {
  login: route<{ expired?: '1' }>('/pages/login/index'),
  register: route('/pages/register/index'),
  recover: route('/pages/recover/index'),
  agreement: route<{ doc: 'service' | 'privacy' }>('/pages/agreement/index'),
  hub: route('/pages/hub/index'),
  accountCancel: route('/pages/account-cancel/index'),
  // The hub's item pages (the profile subpackage)
  profileBasic: route('/packages/profile/basic/index'),
  profilePhoto: route('/packages/profile/photo/index'),
  profileRecords: route<{ kind: RecordKind }>('/packages/profile/records/index'),
  profileRecordForm: route<{ kind: RecordKind }>('/packages/profile/record-form/index'),
  profileBinding: route('/packages/profile/binding/index'),
  // After the exam (the results subpackage)
  resultsTicket: route('/packages/results/ticket/index'),
  resultsScores: route('/packages/results/scores/index'),
  resultsCertificate: route('/packages/results/certificate/index'),
  // After submission (issue 14): the process subpackage
  tracker: route<{ id: string }>('/packages/process/tracker/index'),
  materials: route<{ id: string }>('/packages/process/materials/index'),
  pay: route<{ id: string }>('/packages/process/pay/index'),
  messages: route('/packages/process/messages/index'),
  // 网上报名 (issue 13, the application subpackage): the exams list, then the wizard of one application
  application: route('/packages/application/index'),
  /** `id` when changing the province of an existing application (修改考区). */
  applyProvince: route<{ examId: string; id?: string }>('/packages/application/province/index'),
  applyDeclaration: route<{ id: string }>('/packages/application/declaration/index'),
  applyCentre: route<{ id: string }>('/packages/application/centre/index'),
  applyBasic: route<{ id: string }>('/packages/application/basic/index'),
  applyContact: route<{ id: string }>('/packages/application/contact/index'),
  applyExamInfo: route<{ id: string }>('/packages/application/exam-info/index'),
  applyEducation: route<{ id: string }>('/packages/application/education/index'),
  applyWork: route<{ id: string }>('/packages/application/work-info/index'),
  applyPhoto: route<{ id: string }>('/packages/application/photo/index'),
  applyReview: route<{ id: string }>('/packages/application/review/index'),
  applyForm: route<{ id: string }>('/packages/application/form/index'),
} as const

export type RouteName = keyof typeof routes
type QueryOf<R> = R extends Route<infer Q> ? Q : never
/** The query argument: optional when the route takes none or only optional fields. */
type QueryArgs<R> = Record<never, string> extends QueryOf<R> ? [query?: QueryOf<R>] : [query: QueryOf<R>]

/** The URL of a route with its query, e.g. `/packages/profile/records/index?kind=degree`. */
export function urlOf<R extends Route<Query>>(r: R, ...[query]: QueryArgs<R>): string {
  const pairs = Object.entries((query ?? {}) as Query)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
  return pairs.length ? `${r.path}?${pairs.join('&')}` : r.path
}

/** The route a URL belongs to (query ignored), or null when it is not one of the app's pages. */
export function routeOf(url: string): RouteName | null {
  const path = `/${url.replace(/^\//, '').split('?')[0]}`
  const found = (Object.keys(routes) as RouteName[]).find((name) => routes[name].path === path)
  return found ?? null
}

/**
 * The deepest page stack the mini-programs keep: WeChat "小程序中页面栈最多十层", Alipay and Baidu the same ten.
 * navigateTo beyond it fails (WeChat: `navigateTo:fail webview count limit exceed`), so the app never asks for it.
 * https://developers.weixin.qq.com/miniprogram/dev/api/route/wx.navigateTo.html
 * https://opendocs.alipay.com/mini/api/zwi8gx (my.navigateTo: 页面栈最多十层)
 * https://smartprogram.baidu.com/docs/develop/api/route/swan-navigateTo/ (页面路径最多十层)
 */
export const PAGE_STACK_LIMIT = 10

/** A page of Taro's stack: its route, the query it was opened with, and Taro's own copy of that query. */
export type StackPage = {
  route?: string
  options?: Record<string, string | undefined>
  $taroParams?: Record<string, unknown>
}

/**
 * The query a page of the stack was opened with. The mini-programs give it as `options`; Taro's H5 router sets
 * `options` only for a page it navigated to itself, so a page opened from the address bar, reloaded or relaunched has
 * its query only in `$taroParams` (Taro's page parameters, the URL's query plus Taro's `stamp` and `$taroTimestamp`,
 * which are left out here).
 */
export function queryOfPage(page: StackPage | undefined): Record<string, string> {
  const query: Record<string, string> = {}
  for (const source of [page?.$taroParams, page?.options]) {
    for (const [k, v] of Object.entries(source ?? {})) {
      if (k.startsWith('$') || k === 'stamp' || v === undefined || v === null || typeof v === 'object') continue
      query[k] = String(v)
    }
  }
  return query
}

/** The page stack, bottom first, as route paths (with a leading slash) and queries. */
function stack(): { path: string; query: Record<string, string | undefined> }[] {
  return (Taro.getCurrentPages() as StackPage[]).map((p) => ({
    path: `/${String(p.route ?? '').replace(/^\//, '')}`,
    query: queryOfPage(p),
  }))
}

/** How many pages back the page of `r` with this query is (1 = the page below this one), or 0 when not in the stack. */
export function depthBackTo(r: Route<Query>, query: Query = {}): number {
  const pages = stack()
  for (let i = pages.length - 2; i >= 0; i--) {
    const p = pages[i]
    if (p.path !== r.path) continue
    if (Object.entries(query).every(([k, v]) => v === undefined || p.query[k] === v)) return pages.length - 1 - i
  }
  return 0
}

/** Where a page's way back leads when nothing is behind it: a route and its query. */
export interface Parent {
  route: Route<Query>
  query?: Query
}

/**
 * Each page's parent, given the page's own query: what 返回 opens when the page was opened directly (a reload, a
 * reminder, a shared link, a relaunch after login) and has no page below it. The hub has none (it is the home).
 * The process pages go up to their application's tracker, the tracker and the wizard to the exams list, the hub's
 * item pages to the hub, a record form to its list.
 */
const PARENTS: Partial<Record<RouteName, (q: Record<string, string | undefined>) => Parent>> = {
  accountCancel: () => ({ route: routes.hub }),
  profileBasic: () => ({ route: routes.hub }),
  profilePhoto: () => ({ route: routes.hub }),
  profileRecords: () => ({ route: routes.hub }),
  profileRecordForm: (q) => ({
    route: routes.profileRecords,
    query: { kind: q.kind === 'degree' ? 'degree' : 'education' },
  }),
  profileBinding: () => ({ route: routes.hub }),
  resultsTicket: () => ({ route: routes.hub }),
  resultsScores: () => ({ route: routes.hub }),
  resultsCertificate: () => ({ route: routes.resultsScores }),
  tracker: () => ({ route: routes.application }),
  materials: (q) => (q.id ? { route: routes.tracker, query: { id: q.id } } : { route: routes.application }),
  pay: (q) => (q.id ? { route: routes.tracker, query: { id: q.id } } : { route: routes.application }),
  messages: () => ({ route: routes.hub }),
  application: () => ({ route: routes.hub }),
  applyProvince: () => ({ route: routes.application }),
  applyDeclaration: () => ({ route: routes.application }),
  applyCentre: () => ({ route: routes.application }),
  applyBasic: () => ({ route: routes.application }),
  applyContact: () => ({ route: routes.application }),
  applyExamInfo: () => ({ route: routes.application }),
  applyEducation: () => ({ route: routes.application }),
  applyWork: () => ({ route: routes.application }),
  applyPhoto: () => ({ route: routes.application }),
  applyReview: () => ({ route: routes.application }),
  applyForm: (q) => (q.id ? { route: routes.tracker, query: { id: q.id } } : { route: routes.application }),
  agreement: () => ({ route: routes.register }),
  register: () => ({ route: routes.login }),
  recover: () => ({ route: routes.login }),
}

/** The parent of the page on top of the stack (the hub for a page without one), for a way back with nothing behind. */
export function parentOfCurrent(): Parent {
  const pages = Taro.getCurrentPages() as StackPage[]
  const top = pages[pages.length - 1]
  const name = top?.route ? routeOf(top.route) : null
  const parent = name ? PARENTS[name] : undefined
  return parent ? parent(queryOfPage(top)) : { route: routes.hub }
}

/**
 * Navigation by route. Each returns the platform's promise (a page that does not exist rejects); callers show a
 * failure (the candidate must never tap a button that silently does nothing).
 */
export const go = {
  /**
   * Opens the page on top of this one (back returns here). With the stack at PAGE_STACK_LIMIT the page replaces
   * this one instead: a navigateTo there would fail on the phone.
   */
  to: <R extends Route<Query>>(r: R, ...query: QueryArgs<R>) =>
    Taro.getCurrentPages().length >= PAGE_STACK_LIMIT
      ? Taro.redirectTo({ url: urlOf(r, ...query) })
      : Taro.navigateTo({ url: urlOf(r, ...query) }),
  /** Replaces this page. */
  replace: <R extends Route<Query>>(r: R, ...query: QueryArgs<R>) => Taro.redirectTo({ url: urlOf(r, ...query) }),
  /**
   * Returns to the page of this route (same query) where it is below in the stack, closing the pages above it;
   * otherwise replaces this page with it. For 修改 links that lead back into a flow the candidate came through (the
   * review's sections, 修改并重新提交): they never stack a page, so the wizard stays within the limit.
   */
  backTo: <R extends Route<Query>>(r: R, ...query: QueryArgs<R>) => {
    // H5 has no page limit, and Taro's H5 router goes back several pages through the browser's history, which here
    // lands a page short of its own stack: the page opens on top there.
    if (process.env.TARO_ENV === 'h5') return Taro.navigateTo({ url: urlOf(r, ...query) })
    const delta = depthBackTo(r, (query[0] ?? {}) as Query)
    return delta > 0 ? Taro.navigateBack({ delta }) : Taro.redirectTo({ url: urlOf(r, ...query) })
  },
  /** Closes every page and opens this one. */
  restart: <R extends Route<Query>>(r: R, ...query: QueryArgs<R>) => Taro.reLaunch({ url: urlOf(r, ...query) }),
  /**
   * 返回: to the page below; with nothing below (the page was opened directly: a reload, a reminder, a relaunch after
   * login), navigateBack has nowhere to go (WeChat and Alipay fail it, H5 leaves the app's history), so the page's
   * parent (PARENTS: the tracker, the list, the hub) takes its place.
   * https://developers.weixin.qq.com/miniprogram/dev/api/route/wx.navigateBack.html
   */
  back: () => {
    if (Taro.getCurrentPages().length > 1) return Taro.navigateBack()
    const parent = parentOfCurrent()
    return Taro.redirectTo({ url: urlOf(parent.route, parent.query as never) })
  },
  /**
   * The return-to stack after a login: URLs the app itself recorded from the page stack (session.ts), reopened as
   * they were, query included. Nothing else navigates by a raw URL.
   */
  restartAtRecorded: (url: string) => Taro.reLaunch({ url }),
  toRecorded: (url: string) => Taro.navigateTo({ url }),
}

/** The page's query as its route types it; every field may be missing (a hand-typed or old link). */
export function useQuery<R extends Route<Query>>(_r: R): Partial<QueryOf<R>> {
  return useRouter().params as Partial<QueryOf<R>>
}
