/**
 * @jest-environment jsdom
 */
import { act, render } from '@testing-library/react'
import { reportRetry } from '../../src/api/retry-status'
import { PageContainer } from '../../src/components/page-container'

/** While the client waits to retry, every page shows a calm line with the progress, and keeps its content. */
describe('network banner', () => {
  test('shows 网络不稳定，正在重试 with the try count while a call waits, and goes when it is done', () => {
    const { container } = render(
      <PageContainer id='demo-page'>
        <input id='typed' defaultValue='what was typed' />
      </PageContainer>,
    )
    expect(container.querySelector('#network-banner')).toBeNull()
    const call = Symbol('call')
    act(() => reportRetry(call, { attempt: 3, of: 6, waitMs: 1000 }))
    expect(container.querySelector('#network-banner-text')?.textContent).toBe('网络不稳定，正在重试（第 2/5 次）')
    // The page's content stays: no error wall.
    expect((container.querySelector('#typed') as HTMLInputElement).value).toBe('what was typed')
    act(() => reportRetry(call, null))
    expect(container.querySelector('#network-banner')).toBeNull()
  })
})
