import { platform } from '../platform/platform'

/**
 * Accessible names and roles for what the app draws, on every platform. H5 gets the standard `role`, `aria-*` and
 * `tabindex` (axe-core checks every page: tests/browser/pages.test.ts); WeChat `aria-role` and `aria-label`
 * (https://developers.weixin.qq.com/miniprogram/dev/component/aria-component.html) and Alipay `role` and `aria-label`
 * (https://opendocs.alipay.com/mini/component/aria-component), which Taro's templates carry through
 * config/aria-plugin.ts (tests/mini/aria.test.ts reads them in the bundles). Baidu documents none: views keep their
 * text, no role is claimed there (platform.capabilities.roleAttribute).
 *
 * On H5 Taro draws its components as custom elements (`taro-view-core`, `taro-button-core` ...) that have no role and
 * cannot take the keyboard's focus: a control drawn with them needs both.
 */

/** The roles the app gives views it draws controls with. */
export type ViewRole =
  'button' | 'checkbox' | 'radio' | 'radiogroup' | 'tab' | 'tablist' | 'group' | 'img' | 'dialog' | 'link'

const INTERACTIVE: ReadonlySet<ViewRole> = new Set(['button', 'checkbox', 'radio', 'tab', 'link'])

/** H5: the page itself is the DOM (no view thread, platform.capabilities.setDataView). */
const web = !platform.capabilities.setDataView

/**
 * Enter and Space on a focused control drawn with a view act as a tap, as they do on a native button: the keyboard
 * pattern of WAI-ARIA's button, checkbox, radio and tab (https://www.w3.org/WAI/ARIA/apg/patterns/button/). A view
 * takes the focus (tabindex 0, below) but the browser gives it no key of its own; one listener on the document serves
 * every control `a11y()` marks. H5 only: a mini-program has no keyboard focus on a view.
 */
function pressOnKey(event: KeyboardEvent): void {
  if (event.key !== 'Enter' && event.key !== ' ') return
  const control = event.target instanceof HTMLElement ? event.target : null
  const role = control?.getAttribute('role') as ViewRole | null | undefined
  if (!control || !role || !INTERACTIVE.has(role) || control.getAttribute('tabindex') !== '0') return
  if (control.getAttribute('aria-disabled') === 'true') return
  // Space would scroll the page; Enter would reach a form behind.
  event.preventDefault()
  control.click()
}
if (web && typeof document !== 'undefined') document.addEventListener('keydown', pressOnKey)

/**
 * A view's role, its name where its text does not say it, its checked or selected state. Spread them on the view:
 * `<View {...a11y('button', '大字模式')} onClick=…>`. On H5 a control also takes the keyboard's focus (tabindex 0), and
 * Enter or Space taps it (pressOnKey).
 */
export function a11y(
  role: ViewRole,
  label?: string,
  state: { checked?: boolean; selected?: boolean; disabled?: boolean } = {},
): Record<string, string> {
  const attrs: Record<string, string> = {}
  const attribute = platform.capabilities.roleAttribute
  if (attribute) attrs[attribute] = role
  if (label) attrs['aria-label'] = label
  if (state.checked !== undefined) attrs['aria-checked'] = String(state.checked)
  if (state.selected !== undefined) attrs['aria-selected'] = String(state.selected)
  if (state.disabled) attrs['aria-disabled'] = 'true'
  if (web && INTERACTIVE.has(role) && !state.disabled) attrs.tabIndex = '0'
  return attrs
}

/**
 * The name of a Taro form control or image whose native element lies inside Taro's host on H5 (the `<input>` of a
 * Checkbox or Switch, the `<img>` of an Image): Taro hands only `nativeProps` to it there
 * (https://docs.taro.zone/docs/components/forms/checkbox, nativeProps: H5). On the mini-programs the component itself
 * takes `aria-label`. An image is described by `alt` on H5.
 */
export function nativeLabel(label: string): Record<string, unknown> {
  return web ? { nativeProps: { 'aria-label': label } } : { 'aria-label': label }
}

/** What an image shows (照片, 二维码 ...), for a screen reader: `alt` of its `<img>` on H5, `aria-label` elsewhere. */
export function imageAlt(alt: string): Record<string, unknown> {
  if (web) return { nativeProps: { alt } }
  const role = platform.capabilities.roleAttribute
  return { ...(role ? { [role]: 'img' } : {}), 'aria-label': alt }
}

/** A region that scrolls (a ScrollView with text to read): reachable by the keyboard on H5, so it can be scrolled. */
export function scrollable(label: string): Record<string, string> {
  return web ? { tabIndex: '0', role: 'region', 'aria-label': label } : {}
}
