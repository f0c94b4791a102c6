/**
 * @jest-environment jsdom
 */
import { act, render } from '@testing-library/react'
import { DateSelect } from '../../src/components/picker-select'
import { pickers } from '../support/components-stub'

type Change = (e: { detail: { value: unknown } }) => void

describe('DateSelect: the graduation date on every platform', () => {
  const change = (id: string, value: unknown) => act(() => (pickers.get(id)?.onChange as Change)({ detail: { value } }))
  const renderDate = (value: string, onChange: (v: string) => void) =>
    render(
      <DateSelect
        id='d'
        label='毕业时间'
        value={value}
        start='1950-01-01'
        end='2026-11-30'
        placeholder='请选择'
        onChange={onChange}
      />,
    )

  test('is three single-column selectors, the one picker mode Alipay has (no date, no multiSelector)', () => {
    pickers.clear()
    renderDate('', () => undefined)
    expect([...pickers.keys()].sort()).toEqual(['d-day-picker', 'd-month-picker', 'd-picker'])
    for (const props of pickers.values()) {
      expect(props.mode).toBe('selector')
      expect((props.range as string[]).every((label) => typeof label === 'string')).toBe(true)
    }
    expect((pickers.get('d-picker')?.range as string[]).at(-1)).toBe('2026年')
    expect(document.getElementById('d')?.textContent).toBe('请选择')
  })

  test('each wheel changes its part of the date; empty, the wheels start on the end date', () => {
    pickers.clear()
    const picked: string[] = []
    const { rerender } = renderDate('', (v) => picked.push(v))
    change('d-picker', 70) // 2020
    expect(picked.at(-1)).toBe('2020-11-30')
    rerender(
      <DateSelect
        id='d'
        label='毕业时间'
        value='2020-11-30'
        start='1950-01-01'
        end='2026-11-30'
        placeholder='请选择'
        onChange={(v) => picked.push(v)}
      />,
    )
    expect(document.getElementById('d-year')?.textContent).toBe('2020年')
    change('d-month-picker', 1) // February: the 30th becomes the 29th
    expect(picked.at(-1)).toBe('2020-02-29')
    change('d-day-picker', 0)
    expect(picked.at(-1)).toBe('2020-11-01')
  })

  test('the year wheel takes a whole date in one change: three indexes, or YYYY-MM-DD', () => {
    pickers.clear()
    const picked: string[] = []
    renderDate('', (v) => picked.push(v))
    change('d-picker', [2020 - 1950, 6, 0])
    change('d-picker', '2019-06-30')
    change('d-picker', '2030-01-01') // past the end: the end
    expect(picked).toEqual(['2020-07-01', '2019-06-30', '2026-11-30'])
  })
})
