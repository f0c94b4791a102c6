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

  test('the waiting room: 排队人数较多 with the place and a wait that counts down each second', () => {
    jest.useFakeTimers()
    try {
      const { container } = render(
        <PageContainer id='login-page'>
          <input id='typed' defaultValue='demo2026' />
        </PageContainer>,
      )
      const call = Symbol('login')
      act(() =>
        reportRetry(call, { attempt: 2, of: 6, waitMs: 5000, reason: 'queue', queue: { position: 3, waitSeconds: 9 } }),
      )
      const text = () => container.querySelector('#network-banner-text')?.textContent
      expect(text()).toBe('排队人数较多，您排在第 3 位，预计等待约 9 秒，将自动继续')
      act(() => void jest.advanceTimersByTime(3000))
      expect(text()).toBe('排队人数较多，您排在第 3 位，预计等待约 6 秒，将自动继续')
      expect((container.querySelector('#typed') as HTMLInputElement).value).toBe('demo2026')
      act(() => reportRetry(call, null))
      expect(container.querySelector('#network-banner')).toBeNull()
    } finally {
      jest.useRealTimers()
    }
  })
})
