import { element, pageAt, tap, waitForText, type MiniProgram, type Page } from './app'

/**
 * On the declaration page of 网上报名: reads each of the two declarations to its end, agrees and goes on (the second
 * is 诚信考试); resolves with 考点信息, the wizard's first step.
 */
export async function agreeToDeclarations(mp: MiniProgram, page: Page): Promise<Page> {
  for (let i = 0; i < 2; i++) {
    await (await element(page, '#apply-declaration-scroll')).trigger('scrolltolower', {})
    await tap(page, '#apply-declaration-agree')
    await element(page, '#apply-declaration-agree.agree-on')
    await tap(page, '#apply-declaration-next')
    if (i === 0) await waitForText(page, '#apply-declaration-title', (t) => t.includes('诚信'))
  }
  return pageAt(mp, 'packages/application/centre/index', 15000)
}
