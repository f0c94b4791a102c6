import { automatorTarget, type AutomatorTarget } from './env'

/**
 * A spec that cannot apply to a platform (a feature the platform does not offer) skips there and says why:
 *   onlyOn(['h5', 'weapp'], 'Alipay has no ...')('does x', async () => { ... })
 *   skipOn({ swan: 'Baidu has no subscribe messages' })('does y', ...)
 */
export function skipOn(reasons: Partial<Record<AutomatorTarget, string>>): jest.It {
  const why = reasons[automatorTarget()]
  if (!why) return it
  const skipped = ((name: string, ...rest: unknown[]) =>
    (it.skip as (n: string, ...r: unknown[]) => void)(
      `${name} [skipped on ${automatorTarget()}: ${why}]`,
      ...rest,
    )) as unknown as jest.It
  return skipped
}

export const target = automatorTarget

/** skipOn for a whole describe block: `describeSkipOn({ swan: 'why' })('name', () => { ... })`. */
export function describeSkipOn(reasons: Partial<Record<AutomatorTarget, string>>): jest.Describe {
  const why = reasons[automatorTarget()]
  if (!why) return describe
  return ((name: string, fn: () => void) =>
    describe.skip(`${name} [skipped on ${automatorTarget()}: ${why}]`, fn)) as unknown as jest.Describe
}
