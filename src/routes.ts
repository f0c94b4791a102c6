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
  applyWork: route<{ id: string }>('/packages/application/work/index'),
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

/** Navigation by route. Each returns the platform's promise (a page that does not exist rejects). */
export const go = {
  /** Opens the page on top of this one (back returns here). */
  to: <R extends Route<Query>>(r: R, ...query: QueryArgs<R>) => Taro.navigateTo({ url: urlOf(r, ...query) }),
  /** Replaces this page. */
  replace: <R extends Route<Query>>(r: R, ...query: QueryArgs<R>) => Taro.redirectTo({ url: urlOf(r, ...query) }),
  /** Closes every page and opens this one. */
  restart: <R extends Route<Query>>(r: R, ...query: QueryArgs<R>) => Taro.reLaunch({ url: urlOf(r, ...query) }),
  back: () => Taro.navigateBack(),
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
