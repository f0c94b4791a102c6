import fc from 'fast-check'
import {
  currentNode,
  processNodes,
  type ProcessFacts,
  type ProcessNode,
  type ProvinceFlags,
} from '../../domain/application-process'

/**
 * The node an application is at (domain/application-process `currentNode`): the hub shows it beside each application
 * and the tracker counts down to its deadline; both read this one function.
 */
const deadlines = {
  applyBy: '2026-01-10T09:00:00.000Z',
  confirmBy: '2026-01-20T09:00:00.000Z',
  payBy: '2026-02-01T09:00:00.000Z',
}
const beijing: ProvinceFlags = { onlineConfirmation: false, onlinePayment: true, mobilePayment: true }
const tianjin: ProvinceFlags = { onlineConfirmation: true, onlinePayment: true, mobilePayment: true }
const start: ProcessFacts = {
  filled: false,
  submitted: false,
  confirmation: 'none',
  autoConfirmed: false,
  confirmationReason: null,
  centreReview: 'none',
  regionReview: 'none',
  reviewReason: null,
  paid: false,
}
const at = (facts: Partial<ProcessFacts>, flags = beijing) => {
  const node = currentNode(processNodes({ ...start, ...facts }, flags, deadlines))
  return node && `${node.name}:${node.state}`
}

test('the first current node, from filling to payment', () => {
  expect(at({})).toBe('填写信息:current')
  expect(at({ filled: true })).toBe('提交信息:current')
  expect(at({ filled: true }, tianjin)).toBe('上传材料:current')
  expect(at({ filled: true, submitted: true })).toBe('报名确认:current')
  const confirmed = { filled: true, submitted: true, confirmation: 'confirmed' as const }
  expect(at(confirmed)).toBe('资格审核:current')
  expect(at({ ...confirmed, centreReview: 'passed', regionReview: 'passed' })).toBe('报名缴费:current')
})

test('a failed node is where the application is, before any later one', () => {
  const submitted = { filled: true, submitted: true }
  expect(at({ ...submitted, confirmation: 'rejected', confirmationReason: '报名表未签字' })).toBe('报名确认:failed')
  expect(at({ ...submitted, confirmation: 'confirmed', centreReview: 'failed' })).toBe('资格审核:failed')
})

test('every node done: the last one (报名成功), not a todo node', () => {
  const done = {
    filled: true,
    submitted: true,
    confirmation: 'confirmed' as const,
    centreReview: 'passed' as const,
    regionReview: 'passed' as const,
    paid: true,
  }
  expect(at(done)).toBe('报名成功:done')
  expect(at({ ...done, paid: false }, { ...beijing, onlinePayment: false })).toBe('报名成功:done')
})

test('no nodes: none; a list with only todo nodes after done ones: the last done', () => {
  expect(currentNode([])).toBeUndefined()
  const nodes = [
    { key: 'fill', state: 'done' },
    { key: 'submit', state: 'done' },
    { key: 'confirm', state: 'todo' },
  ] as ProcessNode[]
  expect(currentNode(nodes)?.key).toBe('submit')
})

test('for every combination of facts and flags, exactly the node the tracker marks: one current or failed, or all done', () => {
  const facts = fc.record({
    filled: fc.boolean(),
    submitted: fc.boolean(),
    confirmation: fc.constantFrom('none', 'confirmed', 'rejected'),
    autoConfirmed: fc.boolean(),
    confirmationReason: fc.constant(null),
    centreReview: fc.constantFrom('none', 'passed', 'failed'),
    regionReview: fc.constantFrom('none', 'passed', 'failed'),
    reviewReason: fc.constant(null),
    paid: fc.boolean(),
  }) as fc.Arbitrary<ProcessFacts>
  const flags = fc.record({
    onlineConfirmation: fc.boolean(),
    onlinePayment: fc.boolean(),
    mobilePayment: fc.boolean(),
  })
  fc.assert(
    fc.property(facts, flags, (f, p) => {
      const nodes = processNodes(f, p, deadlines)
      const node = currentNode(nodes)
      const live = nodes.filter((n) => n.state === 'current' || n.state === 'failed')
      if (live.length > 0) expect(node).toBe(live[0])
      else expect(node).toBe(nodes.filter((n) => n.state === 'done').at(-1))
    }),
  )
})
