import {
  currentNode,
  processNodes,
  type Deadlines,
  type ProcessFacts,
  type ProvinceFlags,
} from '../../domain/application-process'
import { DOCUMENTS, SUBMIT_BUTTON } from '../../domain/glossary'
import { nextStep, nodeActions, nodeMeaning, statusMeaning } from '../../domain/process-actions'
import { withGivenUp } from '../../domain/process-deadlines'
import { ApplicationStatus } from '../../domain/states'
import { NO_PROCESS_FACTS } from '../support/application-fixture'

/** The way forward from each state of an application (issue 21): the node it is at, its actions, its next step. */

const deadlines: Deadlines = {
  applyBy: '2026-12-20T15:59:59.000Z',
  confirmBy: '2026-12-28T15:59:59.000Z',
  payBy: '2027-01-05T15:59:59.000Z',
}
const before = Date.parse('2026-12-10T02:00:00.000Z')
const FILLING: ProcessFacts = NO_PROCESS_FACTS
const NORMAL: ProvinceFlags = { onlineConfirmation: false, onlinePayment: true, mobilePayment: true }
const TIANJIN: ProvinceFlags = { onlineConfirmation: true, onlinePayment: true, mobilePayment: true }

/** The node the application is at, its actions (kind: text), its next step and its meaning. */
function at(facts: Partial<ProcessFacts>, flags = NORMAL, now = before) {
  const nodes = withGivenUp(processNodes({ ...FILLING, ...facts }, flags, deadlines), now)
  const node = currentNode(nodes)!
  return {
    key: node.key,
    state: node.state,
    actions: nodeActions(nodes, node, now).map((a) => `${a.kind}:${a.text}`),
    next: nextStep(nodes, node, now),
    meaning: nodeMeaning(nodes, node),
    others: nodes.filter((n) => n !== node).flatMap((n) => nodeActions(nodes, n, now)),
  }
}

const submitted = { filled: true, submitted: true }
const confirmed = { ...submitted, confirmation: 'confirmed' as const }
const reviewed = { ...confirmed, centreReview: 'passed' as const, regionReview: 'passed' as const }

describe('the way forward from the node an application is at', () => {
  test.each([
    ['filling', {}, NORMAL, 'fill', ['fill:继续填写信息'], 'current'],
    ['filled (normal province)', { filled: true }, NORMAL, 'submit', [`submit:${SUBMIT_BUTTON}`], 'current'],
    [
      'filled (天津): the materials and the 报名表',
      { filled: true },
      TIANJIN,
      'materials',
      ['materials:上传材料', `form:查看${DOCUMENTS.form}`],
      'current',
    ],
    ['submitted: to the test centre with the 报名表', submitted, NORMAL, 'confirm', ['form:查看报名表'], 'current'],
    ['submitted (天津): the province decides', submitted, TIANJIN, 'confirm', ['form:查看报名表'], 'waiting'],
    ['confirmed: the review', confirmed, NORMAL, 'review', ['form:查看报名表'], 'waiting'],
    ['reviewed: the payment', reviewed, NORMAL, 'payment', ['pay:去缴费'], 'current'],
    [
      'paid: 报名成功 and the 准考证',
      { ...reviewed, paid: true },
      NORMAL,
      'success',
      [`ticket:打印${DOCUMENTS.ticket}`],
      'done',
    ],
  ] as const)('%s', (_name, facts, flags, key, actions, meaning) => {
    const now = at(facts, flags)
    expect(now).toMatchObject({ key, actions, meaning, next: null })
    expect(now.actions.length).toBeGreaterThan(0)
    // Only the node the application is at offers anything.
    expect(now.others).toEqual([])
  })

  test('确认不通过: online, re-upload the materials; otherwise withdraw and edit from the 报名表', () => {
    const refused = { ...submitted, confirmation: 'rejected' as const, confirmationReason: '照片不清晰' }
    expect(at(refused, TIANJIN)).toMatchObject({
      key: 'confirm',
      state: 'failed',
      meaning: 'refused',
      actions: ['materials:重新上传材料', 'form:查看报名表'],
      next: '请按原因重新上传材料，核对后重新提交确认',
    })
    expect(at(refused, NORMAL)).toMatchObject({
      actions: ['form:查看报名表'],
      next: '请查看报名表，撤回后按原因修改，重新提交并打印新的报名表',
    })
  })

  test('资格审核未通过 says what to do next (no payment; the test centre)', () => {
    const failed = at({ ...confirmed, centreReview: 'failed', reviewReason: '工作年限不符' })
    expect(failed).toMatchObject({ key: 'review', state: 'failed', meaning: 'refused', actions: ['form:查看报名表'] })
    expect(failed.next).toBe('本次报名不能继续缴费。如对审核结果有疑问，请携带报名表联系报考考点')
  })

  test('a deadline passed (given up): the application has ended, the 报名表 stays to see', () => {
    const late = at(reviewed, NORMAL, Date.parse(deadlines.payBy))
    expect(late).toMatchObject({ key: 'payment', state: 'failed', meaning: 'refused', actions: ['form:查看报名表'] })
    expect(late.next).toBe('本次报名已结束。如有疑问，请联系报考考点')
  })
})

describe('an application status by meaning (报名状态 on the 报名表)', () => {
  test('已提交，待报名确认 and 已确认 differ; refusals red; the candidate’s turns blue', () => {
    const all = ApplicationStatus.options
    expect(all.map((s) => `${s}:${statusMeaning(s)}`).join(' ')).toBe(
      'filling:current submitted:waiting confirm-rejected:refused confirmed:done review-failed:refused awaiting-payment:current succeeded:done',
    )
  })
})
