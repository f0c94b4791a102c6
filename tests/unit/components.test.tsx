/**
 * @jest-environment jsdom
 */
import fs from 'node:fs'
import path from 'node:path'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { Button } from '../../src/components/button'
import { FormField } from '../../src/components/form-field'
import { PageContainer } from '../../src/components/page-container'
import { StatusTag } from '../../src/components/status-tag'
import { useSettings } from '../../src/stores/settings'

describe('PageContainer', () => {
  test('shows the page, or its loading, error-with-retry and empty states', () => {
    const retry = jest.fn()
    const { container, rerender } = render(
      <PageContainer id='demo-page' loading>
        <span>content</span>
      </PageContainer>,
    )
    expect(container.querySelector('#demo-page-loading')).not.toBeNull()
    expect(screen.queryByText('content')).toBeNull()

    rerender(
      <PageContainer id='demo-page' error='网络连接失败' onRetry={retry}>
        <span>content</span>
      </PageContainer>,
    )
    expect(screen.getByText('网络连接失败')).toBeTruthy()
    fireEvent.click(container.querySelector('#demo-page-retry')!)
    expect(retry).toHaveBeenCalledTimes(1)

    rerender(<PageContainer id='demo-page' empty emptyText='暂无记录' />)
    expect(screen.getByText('暂无记录')).toBeTruthy()

    rerender(
      <PageContainer id='demo-page'>
        <span>content</span>
      </PageContainer>,
    )
    expect(screen.getByText('content')).toBeTruthy()
  })

  test('the large-font switch sets the class every font size keys on', () => {
    useSettings.getState().setLargeFont(false)
    const { container } = render(<PageContainer id='demo-page' />)
    expect(container.querySelector('#demo-page')!.className).not.toContain('large-font')
    fireEvent.click(container.querySelector('#demo-large-font')!)
    expect(container.querySelector('#demo-page')!.className).toContain('large-font')
    expect(useSettings.getState().largeFont).toBe(true)
    act(() => useSettings.getState().setLargeFont(false))
  })
})

describe('FormField', () => {
  test('shows the required mark and the error under its id', () => {
    const { container } = render(
      <FormField id='x-name' label='姓名' required error='请输入姓名'>
        <input />
      </FormField>,
    )
    expect(screen.getByText('*')).toBeTruthy()
    expect(container.querySelector('#x-name-error')!.textContent).toBe('请输入姓名')
  })
})

describe('Button', () => {
  test('ignores taps while loading or disabled, so nothing is submitted twice', () => {
    const onClick = jest.fn()
    const { container, rerender } = render(
      <Button id='b' loading onClick={onClick}>
        提交
      </Button>,
    )
    fireEvent.click(container.querySelector('#b')!)
    rerender(
      <Button id='b' onClick={onClick}>
        提交
      </Button>,
    )
    fireEvent.click(container.querySelector('#b')!)
    expect(onClick).toHaveBeenCalledTimes(1)
  })
})

describe('StatusTag', () => {
  test.each([
    ['done', '核验通过'],
    ['current', '未上传'],
    ['waiting', '待核验'],
    ['refused', '核验未通过'],
  ] as const)('carries its meaning (%s) as a class', (meaning, word) => {
    const { container } = render(
      <StatusTag id='t' meaning={meaning}>
        {word}
      </StatusTag>,
    )
    const tag = container.querySelector('#t')!
    expect(tag.className).toContain(`status-tag--${meaning}`)
  })

  test('one colour per meaning in the theme: done green, current blue, waiting grey, refused red', () => {
    const scss = fs.readFileSync(path.join(__dirname, '../../src/components/status-tag/index.scss'), 'utf8')
    const theme = fs.readFileSync(path.join(__dirname, '../../src/theme/theme.scss'), 'utf8')
    const value = (name: string): string => {
      const v = new RegExp(`^\\$${name}: ([^;]+);`, 'm').exec(theme)?.[1] ?? ''
      return v.startsWith('$') ? value(v.slice(1)) : v
    }
    const colourOf = (meaning: string) => {
      const rule = new RegExp(`^\\s*${meaning}: \\(\\s*\\$([\\w-]+),`, 'm').exec(scss)?.[1] ?? ''
      return value(rule)
    }
    expect(colourOf('done')).toBe(value('color-success'))
    expect(colourOf('current')).toBe(value('color-primary'))
    expect(colourOf('waiting')).toBe(value('color-text-secondary'))
    expect(colourOf('refused')).toBe(value('color-danger'))
    // Four meanings, four colours, and no tag class outside them.
    expect(new Set(['done', 'current', 'waiting', 'refused'].map(colourOf)).size).toBe(4)
    expect([...scss.matchAll(/^\s*(\w+): \(\s*\$status-/gm)].map((m) => m[1])).toEqual([
      'done',
      'current',
      'waiting',
      'refused',
    ])
  })
})
