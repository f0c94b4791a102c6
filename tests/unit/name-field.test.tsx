/**
 * @jest-environment jsdom
 */
import { render } from '@testing-library/react'
import { LATIN_NAME_RULE_TEXT, NAME_OR_LATIN_RULE_TEXT, NAME_RULE_TEXT } from '../../domain/person-name'
import { NameField } from '../../src/components/name-field'

/**
 * The name field by the holder's document (issue 24): a passport's or a permanent-residence card's holder is told a
 * Latin name is taken as printed, and offered no 生僻字 button for one; every other holder sees the field as before.
 */
describe('NameField', () => {
  const field = (value: string, latin?: boolean) =>
    render(<NameField id='n' value={value} onChange={() => {}} latin={latin} />).container

  test('a resident-ID holder: the Chinese rule, the 生僻字 button, whatever is typed', () => {
    for (const value of ['', '张三', 'JOHN SMITH']) {
      const c = field(value)
      expect(c.querySelector('#n-hint')?.textContent).toBe(NAME_RULE_TEXT)
      expect(c.querySelector('#n-picker')).not.toBeNull()
    }
  })

  test('a passport holder: either way said before typing; a Latin name has the Latin hint and no 生僻字 button', () => {
    const empty = field('', true)
    expect(empty.querySelector('#n-hint')?.textContent).toBe(NAME_OR_LATIN_RULE_TEXT)
    expect(empty.querySelector('#n-picker')).not.toBeNull()
    const latin = field('john smith', true)
    expect(latin.querySelector('#n-hint')?.textContent).toBe(LATIN_NAME_RULE_TEXT)
    expect(latin.querySelector('#n-picker')).toBeNull()
    const chinese = field('玛丽·居里', true)
    expect(chinese.querySelector('#n-picker')).not.toBeNull()
    expect(chinese.querySelector('#n-hint')?.textContent).toBe(NAME_OR_LATIN_RULE_TEXT)
  })
})
