import type { NodeActionKind } from '@domain/process-actions'
import { go, routes } from '../../../routes'

/**
 * Where each action of a tracker node goes, and its button's id (README id table): `tracker-go-<kind>`, as the
 * materials and pay buttons have always been named.
 */
export const NODE_ACTION_PAGES: Record<
  NodeActionKind,
  { id: string; go: (applicationId: string) => Promise<unknown> }
> = {
  // 继续填写信息 and 提交报名信息: the review lists what is missing and submits.
  fill: { id: 'tracker-go-fill', go: (id) => go.to(routes.applyReview, { id }) },
  submit: { id: 'tracker-go-submit', go: (id) => go.to(routes.applyReview, { id }) },
  form: { id: 'tracker-go-form', go: (id) => go.to(routes.applyForm, { id }) },
  materials: { id: 'tracker-go-materials', go: (id) => go.to(routes.materials, { id }) },
  pay: { id: 'tracker-go-pay', go: (id) => go.to(routes.pay, { id }) },
  ticket: { id: 'tracker-go-ticket', go: () => go.to(routes.resultsTicket) },
}
