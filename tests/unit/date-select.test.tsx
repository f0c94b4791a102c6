/**
 * @jest-environment jsdom
 */
import { act, render, screen } from '@testing-library/react'
import { DateSelect } from '../../src/components/date-select'
import { dateFromParts, dateParts, daysInMonth, graduationYears } from '../../src/domain/education'
import { pickers } from '../support/components-stub'

describe('date parts', () => {
  test('split and join YYYY-MM-DD, pulling the day into a shorter month', () => {
    expect(dateParts('2020-06-30')).toEqual({ year: 2020, month: 6, day: 30 })
    expect(dateParts('')).toEqual({})
    expect(dateFromParts({ year: 2020, month: 6 })).toBeNull()
    expect(dateFromParts({ year: 2020, month: 7, day: 1 })).toBe('2020-07-01')
    expect(dateFromParts({ year: 2021, month: 2, day: 31 })).toBe('2021-02-28')
    expect(daysInMonth(2024, 2)).toBe(29)
    expect(daysInMonth(2023, 4)).toBe(30)
  })

  test('the year wheel runs from this year back to 1950', () => {
    const years = graduationYears('2026-11-30')
    expect(years[0]).toBe(2026)
    expect(years.at(-1)).toBe(1950)
    expect(years).toHaveLength(77)
  })
})

describe('DateSelect', () => {
  const change = (id: string, value: unknown) =>
    act(() => (pickers.get(id)?.onChange as (e: { detail: { value: unknown } }) => void)({ detail: { value } }))

  test('uses only single-column selectors, the one picker mode every platform has', () => {
    pickers.clear()
    render(<DateSelect id='d' value='' end='2026-11-30' placeholder='请选择' onChange={() => undefined} />)
    expect([...pickers.keys()].sort()).toEqual(['d-day-picker', 'd-month-picker', 'd-picker'])
    for (const props of pickers.values()) {
      expect(props.mode).toBe('selector')
      expect(Array.isArray(props.range)).toBe(true)
    }
  })

  test('gives the whole date once year, month and day are picked', () => {
    pickers.clear()
    const picked: string[] = []
    render(<DateSelect id='d' value='' end='2026-11-30' placeholder='请选择' onChange={(v) => picked.push(v)} />)
    expect(screen.getByText('请选择').id).toBe('d')
    change('d-picker', 6) // 2020
    change('d-month-picker', 6) // 07
    expect(picked).toEqual([])
    expect(document.getElementById('d-year')?.textContent).toBe('2020年')
    change('d-day-picker', 0)
    expect(picked).toEqual(['2020-07-01'])
  })

  test('takes a whole YYYY-MM-DD on the year wheel, as the former date picker sent', () => {
    pickers.clear()
    const picked: string[] = []
    const { rerender } = render(
      <DateSelect id='d' value='' end='2026-11-30' placeholder='请选择' onChange={(v) => picked.push(v)} />,
    )
    change('d-picker', '2019-06-30')
    expect(picked).toEqual(['2019-06-30'])
    rerender(<DateSelect id='d' value='2019-06-30' end='2026-11-30' placeholder='请选择' onChange={() => undefined} />)
    expect(document.getElementById('d')?.textContent).toBe('2019-06-30')
    expect(document.getElementById('d-day')?.textContent).toBe('30日')
    expect(pickers.get('d-picker')?.value).toBe(7)
  })
})
