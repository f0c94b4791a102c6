import { countdown, withGivenUp } from '../../domain/process-deadlines'
import type { ProcessNode } from '../../domain/application-process'

const DAY = 24 * 3600 * 1000
const deadline = '2026-06-30T15:59:59.000Z'
const at = Date.parse(deadline)
const node = (state: ProcessNode['state'], withDeadline = true): ProcessNode => ({
  key: 'payment',
  name: '报名缴费',
  state,
  hint: '请缴费',
  deadline: withDeadline ? deadline : null,
})

describe('process deadlines', () => {
  test('a waiting node past its deadline is failed and says given up; others are untouched', () => {
    expect(withGivenUp([node('current')], at - 1)[0]).toEqual(node('current'))
    const late = withGivenUp([node('current')], at)[0]
    expect(late.state).toBe('failed')
    expect(late.hint).toBe('已超过截止时间（2026-06-30 23:59），视为放弃考试')
    expect(withGivenUp([node('failed')], at + 1)[0].hint).toContain('视为放弃考试')
    expect(withGivenUp([node('done')], at + DAY)[0]).toEqual(node('done'))
    expect(withGivenUp([node('todo')], at + DAY)[0]).toEqual(node('todo'))
    expect(withGivenUp([node('current', false)], at + DAY)[0]).toEqual(node('current', false))
  })

  test('the countdown shows only in the last three days, in days and hours, then hours and minutes', () => {
    expect(countdown(deadline, at - 3 * DAY - 1)).toBeNull()
    expect(countdown(deadline, at - 3 * DAY)).toBe('剩余3天0小时')
    expect(countdown(deadline, at - 2 * DAY - 5 * 3600 * 1000)).toBe('剩余2天5小时')
    expect(countdown(deadline, at - 3 * 3600 * 1000 - 12 * 60 * 1000)).toBe('剩余3小时12分')
    expect(countdown(deadline, at)).toBeNull()
    expect(countdown(null, at)).toBeNull()
  })
})
